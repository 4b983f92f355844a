"""A PDF's page tree walked once: the page count and the pages whose resolution is sampled.

pypdf's ``len(reader.pages)`` flattens the whole tree: it resolves every node by parsing
it with its tokenizer straight from the file (a ``read(1)`` per byte), builds a
``PageObject`` per page, and the resolution check then looks at the first pages again.
This walk follows pypdf's own rules for the tree (``_flatten`` of pypdf 7), so its
outcome is pypdf's, and keeps what the check needs from one pass:

- every node is parsed once, by pypdf's parser, from an in-memory copy of the object
  read at its cross-reference offset (:func:`resolve`), and put in pypdf's object cache;
- leaves are counted as pypdf counts them: the page count is never taken from ``/Count``,
  which a damaged or hand-edited file gets wrong (ISO 32000-1, 7.7.3.2);
- the inheritable attributes (``/Resources``, ``/MediaBox``, ``/CropBox``, ``/Rotate``,
  ISO 32000-1, 7.7.3.4) are carried down, and only the first ``sample`` pages become
  pypdf ``PageObject`` s, built as pypdf builds them.

Anything the walk does not mirror exactly (a node reached twice, which pypdf treats as
a cycle or as pages listed again; ``/Kids`` that is not an array; a node beyond pypdf's
depth or entry limits; an exception of any kind) makes :func:`walk` return None, and
the caller takes pypdf's own way from the start, so the result never differs from it.
"""

from __future__ import annotations

import io
from typing import Any

#: the page attributes a page inherits from its ancestors (ISO 32000-1, 7.7.3.4, Table 30)
INHERITABLE = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
#: bytes read at an object's offset: a page-tree node is far smaller
OBJECT_BYTES = 4096
#: bytes of the copy that must be left after an object is parsed: the parser looks a few
#: bytes ahead, and backs up a few (a value cut short by the copy's end stops near its end)
SLACK = 32
_WHITESPACE = b"\x00\t\n\x0c\r "
#: the pypdf whose rules for the tree (``PdfDocCommon._flatten``) the walk follows; an
#: older one takes its own way (a newer one is held to it by the differential test)
MIRRORED = (7, 1)


class Unsupported(Exception):
    """Something the walk leaves to pypdf."""


def walk(reader: Any, sample: int) -> tuple[int, list[Any]] | None:
    """(pages, the first ``sample`` pages as pypdf ``PageObject`` s), or None when pypdf's
    own way must decide (see the module's description)."""
    try:
        return _walk(reader, sample)
    except Exception:  # any surprise: the caller starts again the way pypdf does it
        return None


def resolve(reader: Any, ref: Any) -> Any:
    """``ref.get_object()``, with a plain object of the cross-reference table parsed from
    a copy in memory (pypdf's tokenizer reads the file one byte at a time).

    pypdf's parser reads the same bytes either way; an object stream, a free or missing
    entry, a header that does not match, a stream, or an object not ending within the
    copy is resolved by pypdf itself (which also repairs what it can).
    """
    from pypdf.generic import IndirectObject

    if not isinstance(ref, IndirectObject) or ref.pdf is not reader:
        return ref.get_object()
    gen, num = ref.generation, ref.idnum
    if (gen, num) in reader.resolved_objects or (gen == 0 and num in reader.xref_objStm):
        return reader.get_object(ref)
    offset = reader.xref.get(gen, {}).get(num)
    if offset is None or reader.xref_free_entry.get(gen, {}).get(num, False):
        return reader.get_object(ref)
    obj = _parse_copy(reader, offset, num, gen)
    if obj is None:
        return reader.get_object(ref)
    reader.cache_indirect_object(gen, num, obj)
    return obj


def _parse_copy(reader: Any, offset: int, num: int, gen: int) -> Any:
    """Object ``num gen`` parsed from a copy of the bytes at ``offset``, or None."""
    from pypdf.generic import read_object

    try:
        reader.stream.seek(offset)
        data = reader.stream.read(OBJECT_BYTES)
        whole = len(data) < OBJECT_BYTES  # the copy reaches the end of the file
        buf = io.BytesIO(data)
        if reader.read_object_header(buf) != (num, gen):
            return None
        start = buf.tell()
        # a stream's data may hold anything, and its /Length may refer to another object:
        # pypdf's way (checked before parsing, and after it, for an ``endobj`` in a string)
        end = data.find(b"endobj", start)
        if end < 0 or data.find(b"stream", start, end) >= 0:
            return None
        obj = read_object(buf, reader)
        stop = buf.tell()
        # the parser must have stopped well inside the copy: it peeks a few bytes ahead,
        # and a value cut short by the copy's end reads as a shorter dictionary
        if not whole and stop + SLACK > len(data):
            return None
        if not data[stop : stop + 256].lstrip(_WHITESPACE).startswith(b"endobj"):
            return None  # not at ``endobj``: a comment, a damaged object
        if data.find(b"stream", start, stop) >= 0:
            return None
    except Exception:
        return None
    return obj


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for part in text.split(".")[:2]:
        digits = "".join(ch for ch in part if ch.isdigit()) if part[:1].isdigit() else ""
        parts.append(int(digits or 0))
    return tuple(parts)


def _walk(reader: Any, sample: int) -> tuple[int, list[Any]]:
    from pypdf import PageObject, get_configuration
    from pypdf import __version__ as pypdf_version
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, NullObject

    if _version(pypdf_version) < MIRRORED:
        raise Unsupported("an older pypdf, whose page tree rules differ")
    config = get_configuration()
    max_depth = int(config.page_tree_maximum_depth)
    max_entries = int(config.page_tree_maximum_entries)
    page_entries = int(config.page_tree_maximum_page_entries)
    if reader.is_encrypted or getattr(reader, "_readonly", False):
        raise Unsupported("encrypted, or pypdf lists pages without their entries")

    root_ref = reader.trailer.get("/Root")
    if isinstance(root_ref, IndirectObject):
        resolve(reader, root_ref)  # into pypdf's cache, for its own validation just below
    pages_ref = reader.root_object.get("/Pages", NullObject())
    top = resolve(reader, pages_ref)
    if not isinstance(top, DictionaryObject):
        raise Unsupported("no page tree")

    seen_refs: set[tuple[int, int]] = set()
    seen_nodes: set[int] = {id(top)}
    if isinstance(pages_ref, IndirectObject):
        seen_refs.add((pages_ref.idnum, pages_ref.generation))
    count = entries = 0
    remaining = page_entries
    sampled: list[Any] = []
    # the /Pages nodes on the path whose /Kids are not exhausted: (inherited, depth, kids)
    stack: list[tuple[dict[str, Any], int, Any]] = []
    item: tuple[Any, Any, dict[str, Any], int] | None = (top, None, {}, 0)
    while item is not None:
        node, ref, inherit, depth = item
        if depth > max_depth:
            raise Unsupported("too deep")
        if "/Type" in node:
            node_type = node["/Type"]
        elif "/Kids" not in node:
            node_type = "/Page"  # pypdf (not strict): a node without /Type or /Kids is a page
        else:
            node_type = "/Pages"
        if node_type == "/Pages":
            inherited = dict(inherit)
            for attr in INHERITABLE:
                if attr in node:
                    inherited[NameObject(attr)] = node[attr]
            kids = resolve(reader, node.get("/Kids", ArrayObject()))
            if isinstance(kids, NullObject):
                kids = ArrayObject()
            elif not isinstance(kids, ArrayObject):
                raise Unsupported("/Kids is not an array")
            stack.append((inherited, depth, iter(kids)))
        elif node_type == "/Page":
            remaining -= len(node) + sum(attr not in node for attr in inherit)
            if remaining < 0:
                raise Unsupported("too many page entries")
            count += 1
            if len(sampled) < sample:
                # as pypdf builds a page: its own entries, then what it inherits
                page = PageObject(reader, ref)
                page.update(node)
                for attr, value in inherit.items():
                    if attr not in page:
                        page[attr] = value
                sampled.append(page)
        item = None
        while stack and item is None:
            inherited, parent_depth, kids = stack[-1]
            for kid in kids:
                if isinstance(kid, IndirectObject):
                    key = (kid.idnum, kid.generation)
                    if key in seen_refs:
                        raise Unsupported("a node reached twice")
                    seen_refs.add(key)
                obj = resolve(reader, kid)
                if not isinstance(obj, DictionaryObject) or not obj:
                    continue  # pypdf skips what is not a dictionary, and empty ones
                if id(obj) in seen_nodes:
                    raise Unsupported("a node reached twice")
                seen_nodes.add(id(obj))
                entries += 1
                if entries > max_entries:
                    raise Unsupported("too many entries")
                item = (
                    obj,
                    kid if isinstance(kid, IndirectObject) else None,
                    inherited,
                    parent_depth + 1,
                )
                break
            else:
                stack.pop()
    return count, sampled
