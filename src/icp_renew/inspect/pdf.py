"""PDFs: structure, encryption, pages, page-scan resolution and (on request) text, via pypdf."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import IO, Any, cast

from icp_renew.dossier.model import FileInfo
from icp_renew.inspect.common import quiet, reason, scan_dpi
from icp_renew.inspect.guard import MAX_READ, BoundedReader
from icp_renew.inspect.pagetree import walk

TAIL_BYTES = 16 * 1024
TEXT_PAGES = 10
MAX_TEXT = 256 * 1024
DPI_PAGES = 32
MAX_XOBJECTS = 64
OBJECT_HEAD = 4096  # an image's dictionary is well within the first bytes of its object
TRAILER_BYTES = 64 * 1024  # a trailer dictionary (or an xref stream's head) is far smaller

_STARTXREF = re.compile(rb"startxref\s+(\d{1,15})")
#: the name /Encrypt as a whole token (not /EncryptMetadata)
_ENCRYPT = re.compile(rb"/Encrypt(?=[\s/<>\[\]()%{}]|\d)")


def _structure_problem(fh: IO[bytes], size: int) -> str | None:
    """A truncated PDF lacks its trailer: caught here, without pypdf's slow repair."""
    fh.seek(max(0, size - TAIL_BYTES))
    tail = fh.read()
    if b"%%EOF" not in tail:
        return "truncated: no %%EOF marker at the end"
    if b"startxref" not in tail:
        return "truncated: no startxref near the end"
    return None


def encrypt_in_trailer(fh: IO[bytes], size: int) -> bool:
    """Whether the last trailer (or cross-reference stream) of the PDF has ``/Encrypt``.

    pypdf, opening an encrypted PDF, tries the empty password, and for AES that needs the
    ``cryptography`` package (pypdf's optional ``crypto`` extra). The tool never decrypts
    anything, so it does not depend on that package: an encrypted PDF is recognised by
    the trailer's ``/Encrypt`` entry (ISO 32000-1, 7.5.5 and 7.6.1), which needs no cipher.
    """
    fh.seek(max(0, size - TAIL_BYTES))
    tail = fh.read()
    at = tail.rfind(b"startxref")
    match = _STARTXREF.match(tail, at) if at >= 0 else None
    regions: list[bytes] = []
    if match is not None and int(match[1]) < size:
        fh.seek(int(match[1]))
        head = fh.read(TRAILER_BYTES)
        if head.startswith(b"xref"):  # a classic table: the trailer dictionary follows it
            start = head.find(b"trailer")
            if start >= 0:
                regions.append(_upto(head[start:], b"startxref"))
        else:  # a cross-reference stream: its dictionary is the trailer
            regions.append(_upto(head, b"stream"))
    last = tail.rfind(b"trailer")  # a damaged offset: the last trailer in the tail
    if last >= 0:
        regions.append(tail[last:])
    return any(_ENCRYPT.search(region) for region in regions)


def _upto(data: bytes, token: bytes) -> bytes:
    end = data.find(token)
    return data if end < 0 else data[:end]


def inspect_pdf(fh: IO[bytes], size: int, want_text: bool) -> FileInfo:
    """A PDF's structure from an open handle; any pypdf failure becomes ``corrupt``.

    The page tree is walked once (``inspect/pagetree.py``) for the page count and the
    pages whose resolution is sampled; where that walk leaves the decision to pypdf,
    the file is read again the way pypdf reads it (:func:`_inspect_with_pypdf`), so
    the result is always pypdf's.
    """
    with quiet():
        reader = _open(fh, size)
        if isinstance(reader, FileInfo):
            return reader
        tree = walk(reader, DPI_PAGES)
        if tree is None:
            return _inspect_with_pypdf(fh, size, want_text)
        pages, sampled = tree
        # the text of the first pages from the walk's pages too: reader.pages would flatten
        # the whole tree again
        return _details(size, pages, partial(_min_dpi, sampled), want_text, sampled)


class _BoundedRaw(BoundedReader):
    """The read cap, also for a read of the whole rest (``readall``), so that it can sit
    under :class:`io.BufferedReader`: pypdf reads a byte at a time, and those reads are
    then served from the buffer in C, not by a Python call each (a 150 MB scan opens in
    3 ms instead of 9); a read larger than the cap still reaches the cap."""

    def readall(self) -> bytes:
        return self.read(-1)


def _source(fh: IO[bytes], size: int) -> IO[bytes]:
    """What pypdf reads: the file itself, or, when it is larger than the read cap, the
    file under the cap. No single read of a smaller file can exceed the cap."""
    if size <= MAX_READ:
        return fh
    return cast("IO[bytes]", io.BufferedReader(_BoundedRaw(fh, size)))


def _inspect_with_pypdf(fh: IO[bytes], size: int, want_text: bool) -> FileInfo:
    """pypdf's way: the page count from ``reader.pages`` (which flattens the whole page
    tree), then the first pages' resolution from those pages."""
    with quiet():
        reader = _open(fh, size)
        if isinstance(reader, FileInfo):
            return reader
        try:
            pages = len(reader.pages)
        except Exception as exc:  # pypdf raises many kinds (PdfReadError, KeyError, ValueError, …)
            return _unreadable(fh, size, exc)
        return _details(size, pages, partial(_pdf_min_dpi, reader, pages), want_text, reader.pages)


def _open(fh: IO[bytes], size: int) -> Any:
    """pypdf's reader of the PDF, or the :class:`FileInfo` that ends its inspection: a
    truncated file (no trailer: caught without pypdf's slow repair), an encrypted one, one
    pypdf cannot open."""
    problem = _structure_problem(fh, size)
    if problem:
        return FileInfo(format="pdf", size=size, corrupt=problem)
    fh.seek(0)
    from pypdf import PdfReader

    try:
        reader = PdfReader(_source(fh, size), strict=False)
        encrypted = reader.is_encrypted
    except Exception as exc:  # pypdf raises many kinds (PdfReadError, KeyError, ValueError, …)
        return _unreadable(fh, size, exc)
    return FileInfo(format="pdf", size=size, encrypted=True) if encrypted else reader


def _unreadable(fh: IO[bytes], size: int, exc: Exception) -> FileInfo:
    """What pypdf's failure means: an encrypted file (``/Encrypt`` in the trailer: e.g. AES
    without the cryptography package), else a corrupt one."""
    if encrypt_in_trailer(fh, size):
        return FileInfo(format="pdf", size=size, encrypted=True)
    return FileInfo(format="pdf", size=size, corrupt=reason(exc))


def _details(
    size: int,
    pages: int,
    min_dpi: Callable[[], float | None],
    want_text: bool,
    page_list: Sequence[Any],
) -> FileInfo:
    """The result for a PDF whose pages were counted: resolution, and text if wanted."""
    notes: list[str] = []
    try:
        dpi = min_dpi()
    except Exception as exc:
        dpi = None
        notes.append(f"resolution not determined ({reason(exc)})")
    text: str | None = None
    has_text: bool | None = None
    if want_text:
        try:
            text = _pdf_text(page_list, pages)
            has_text = any(not ch.isspace() for ch in text)
        except Exception as exc:
            notes.append(f"text not extracted ({reason(exc)})")
        if pages > TEXT_PAGES:
            notes.append(f"text read from the first {TEXT_PAGES} pages only")
    return FileInfo(
        format="pdf",
        size=size,
        pages=pages,
        has_text=has_text,
        text=text,
        min_dpi=dpi,
        notes=tuple(notes),
    )


def _pdf_text(page_list: Sequence[Any], pages: int) -> str:
    """The text of the first ``TEXT_PAGES`` of ``page_list`` (pypdf ``PageObject`` s)."""
    parts: list[str] = []
    total = 0
    for i in range(min(pages, TEXT_PAGES)):
        chunk = page_list[i].extract_text() or ""
        parts.append(chunk)
        total += len(chunk)
        if total >= MAX_TEXT:
            break
    return "\n".join(parts)[:MAX_TEXT]


def _images(resources: Any, depth: int = 0) -> Iterator[tuple[int, int]]:
    """(width, height) of the image XObjects of a resource dictionary (one level of forms)."""
    if resources is None:
        return
    xobjects = resources.get_object().get("/XObject")
    if xobjects is None:
        return
    xobjects = xobjects.get_object()
    for count, ref in enumerate(dict.values(xobjects)):  # unresolved: see _dictionary_of
        if count >= MAX_XOBJECTS:
            return
        obj = _dictionary_of(ref)
        subtype = obj.get("/Subtype")
        if subtype == "/Image":
            yield int(obj.get("/Width", 0)), int(obj.get("/Height", 0))
        elif subtype == "/Form" and depth < 1:
            yield from _images(obj.get("/Resources"), depth + 1)


def _dictionary_of(ref: Any) -> Any:
    """An XObject's dictionary, without reading its stream data where that is cheap.

    pypdf reads a stream's data whenever it resolves the object, and a page scan's data is
    megabytes while its ``/Width`` and ``/Height`` are a few bytes. So for an object listed
    in the cross-reference table only its head, up to the ``stream`` keyword, is parsed
    (by pypdf's own parser). Anything unusual (an object stream, a free entry, a header
    that does not match, a dictionary longer than ``OBJECT_HEAD``) takes pypdf's way.
    """
    import io

    from pypdf.generic import DictionaryObject, IndirectObject, read_object

    if not isinstance(ref, IndirectObject):
        return ref.get_object()
    reader, gen, num = ref.pdf, ref.generation, ref.idnum
    try:
        if reader.cache_get_indirect_object(gen, num) is not None:
            return ref.get_object()
        offset = reader.xref.get(gen, {}).get(num)
        free = reader.xref_free_entry.get(gen, {}).get(num, False)
        if offset is None or free or (gen == 0 and num in reader.xref_objStm):
            return ref.get_object()
        reader.stream.seek(offset)
        head = io.BytesIO(reader.stream.read(OBJECT_HEAD))
        if reader.read_object_header(head) != (num, gen):
            return ref.get_object()
        start = head.tell()
        data = head.getvalue()
        end = _stream_keyword(data, start)
        obj = read_object(io.BytesIO(data[start:end]), reader) if end > 0 else None
    except Exception:  # any surprise: pypdf's own way, which knows how to repair
        return ref.get_object()
    return obj if isinstance(obj, DictionaryObject) else ref.get_object()


def _stream_keyword(data: bytes, start: int) -> int:
    """Where the ``stream`` keyword after the dictionary starting at ``start`` is, or -1:
    the first ``stream`` right after a ``>>``, not one inside a name or a string of the
    dictionary (``/Name /Imstream1``), which would cut the dictionary short."""
    at = data.find(b"stream", start)
    while at >= 0:
        if data[start:at].rstrip(b"\x00\t\n\x0c\r ").endswith(b">>"):
            return at
        at = data.find(b"stream", at + len(b"stream"))
    return -1


def _pdf_min_dpi(reader: Any, pages: int) -> float | None:
    return _min_dpi(reader.pages[i] for i in range(min(pages, DPI_PAGES)))


def _min_dpi(pages: Iterable[Any]) -> float | None:
    """The lowest resolution of the page scans among ``pages`` (pypdf ``PageObject`` s)."""
    lowest: float | None = None
    for page in pages:
        box = page.mediabox
        width_pt, height_pt = abs(float(box.width)), abs(float(box.height))
        sizes = [(w, h) for w, h in _images(page.get("/Resources")) if w > 0 and h > 0]
        if not sizes or width_pt <= 0 or height_pt <= 0:
            continue
        w, h = max(sizes, key=lambda s: s[0] * s[1])
        dpi = scan_dpi(w, h, width_pt / 72, height_pt / 72)
        if dpi is not None and (lowest is None or dpi < lowest):
            lowest = dpi
    return lowest
