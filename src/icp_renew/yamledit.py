"""Editing a YAML file as text, so that every byte the edit does not concern stays as it was.

A round-trip through a YAML library re-renders what it does not understand (comments,
quoting, key order, blank lines, ``2026年5月31日``); a user's hand-written ``dossier.yaml``
must survive a tool's edit unchanged apart from the items it asked for. So the edits here
are textual: the document is composed (PyYAML's node tree keeps the character offset of
every node), the new text is spliced in at the node's offsets, in the style the document
already uses (a flow ``[a, b]``, block ``- a`` lines, block mappings; its line endings,
byte-order mark, indentation), and the result is parsed again and compared with what was
intended before the caller writes it. Anything the splice cannot do safely is a
:class:`YamlEditError` with a one-line reason; the caller then leaves the file alone.

Two callers: ``init`` adds industries and services to the dossier's lists, ``record`` adds
one event to its ``timeline:``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from icp_renew.messages import Message

try:  # pragma: no cover - depends on the PyYAML build
    _Loader: type = yaml.CBaseLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.BaseLoader

_BOM = "\ufeff"
_NULLS = ("", "~", "null", "Null", "NULL")
_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


class YamlEditError(Exception):
    """The edit cannot be made without touching more than it should; ``key`` names the
    case, ``reason`` is a catalogue message (``init.edit-…``) with a one-line reason."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key)
        self.key = key
        self.reason = Message.of(f"init.edit-{key}", **params)


def newline_of(text: str) -> str:
    """The line ending the document uses (CRLF when its first line ends so)."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def scalar(value: Any) -> str:
    """A YAML scalar that reads back as ``value`` (its text) under a loader that keeps
    strings: plain for a word, a date or a number, else double-quoted."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    text = str(value)
    if (
        _PLAIN.match(text)
        and text not in _NULLS
        and text.lower() not in ("yes", "no", "true", "false", "on", "off")
    ):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


#: an item to append: a string, or a mapping (a timeline event; ``None`` values left out)
Item = str | Mapping[str, Any]


def _pairs(item: Mapping[str, Any]) -> list[tuple[str, str]]:
    return [(scalar(k), scalar(v)) for k, v in item.items() if v is not None]


def flow(item: Item) -> str:
    """``item`` as YAML flow text: a scalar, or a one-line ``{key: value, …}`` mapping."""
    if isinstance(item, str):
        return scalar(item)
    return "{" + ", ".join(f"{k}: {v}" for k, v in _pairs(item)) + "}"


def _data(value: Any) -> Any:
    """``value`` as the loader that keeps strings reads back its :func:`scalar` text."""
    if isinstance(value, Mapping):
        return {str(k): _data(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_data(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _compose(text: str) -> yaml.MappingNode:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        raise YamlEditError("invalid") from None
    if not isinstance(node, yaml.MappingNode):
        raise YamlEditError("document")
    return node


def _child(node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _find(root: yaml.MappingNode, keys: Sequence[str]) -> tuple[yaml.Node, yaml.Node] | None:
    """The (key node, value node) at ``keys``; None when the last key is absent."""
    node: yaml.Node = root
    found: tuple[yaml.Node, yaml.Node] | None = None
    for depth, key in enumerate(keys):
        if not isinstance(node, yaml.MappingNode):
            raise YamlEditError("not-mapping", field=".".join(keys[:depth]))
        found = _child(node, key)
        if found is None:
            if depth < len(keys) - 1:
                raise YamlEditError("missing", field=".".join(keys[: depth + 1]))
            return None
        node = found[1]
    return found


def append_to_sequence(
    text: str, keys: Sequence[str], values: Sequence[Item], *, lines: bool = False
) -> str:
    """``text`` with ``values`` (strings, or mappings such as timeline events) appended to
    the sequence at ``keys``.

    Handles a flow sequence (``industries: [a]`` → ``[a, b]``), a block one (new items
    after the last one, in the style of the first: ``- b`` lines, or block mappings, with
    its indentation), an empty value (``industries:`` or ``~``) and, for a top-level key,
    an absent one. Keeps the document's byte-order mark and line endings.

    ``lines=False`` (``init``): an empty or absent list is written as a flow list on the
    key's line (``key: [b]``), and a file without a final newline still lacks one after.
    ``lines=True`` (``record``): every new item is a whole block line of its own, ending
    with a line break (an absent key becomes ``key:`` and ``  - b`` lines at the end).

    :class:`YamlEditError` for anything else (a nested key that is absent, an anchor or
    alias, a value that is not a sequence, an edit that would not read back as intended).
    """
    if not values:
        return text
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    root = _compose(body)
    nl = newline_of(body)
    found = _find(root, keys)
    if found is None:
        if len(keys) != 1:
            raise YamlEditError("missing", field=".".join(keys))
        if not isinstance(root.value, list) or root.flow_style:
            raise YamlEditError("flow-document")
        edited = _new_key(body, keys[0], [flow(v) for v in values], nl, lines)
    else:
        key_node, value = found
        edited = _splice(body, key_node, value, values, nl, lines)
    _verify(body, edited, keys, values)
    return bom + edited


def _new_key(body: str, key: str, new: list[str], nl: str, lines: bool) -> str:
    """``key`` and its list at the end of the file."""
    closed = not body or body.endswith("\n")
    sep = "" if closed else nl
    if lines:
        return f"{body}{sep}{key}:{nl}" + "".join(f"  - {item}{nl}" for item in new)
    end = nl if closed else ""
    return f"{body}{sep}{key}: [{', '.join(new)}]{end}"


def _splice(
    text: str,
    key_node: yaml.Node,
    value: yaml.Node,
    values: Sequence[Item],
    nl: str,
    lines: bool,
) -> str:
    new = [flow(v) for v in values]
    if value.start_mark.index != value.end_mark.index and text[
        value.start_mark.index : value.start_mark.index + 1
    ] in ("*", "&"):
        raise YamlEditError("alias")
    if isinstance(value, yaml.ScalarNode):
        if value.style or value.value not in _NULLS:
            raise YamlEditError("not-list")
        return _fill_empty(text, key_node, value, new, nl, lines)
    if not isinstance(value, yaml.SequenceNode):
        raise YamlEditError("not-list")
    if value.flow_style:
        if value.value:  # after the last item, so a trailing comma or comment stays valid
            at = value.value[-1].end_mark.index
            return f"{text[:at]}, {', '.join(new)}{text[at:]}"
        at = value.start_mark.index + 1  # just after `[`
        return f"{text[:at]}{', '.join(new)}{text[at:]}"
    return _append_block(text, value, values, nl, lines)


def _fill_empty(
    text: str, key_node: yaml.Node, value: yaml.Node, new: list[str], nl: str, lines: bool
) -> str:
    """The first items of ``key:`` or ``key: ~``."""
    start, end = value.start_mark.index, value.end_mark.index
    if lines:  # drop an explicit null (`~`), then the items on the lines below the key
        text = text[:start] + text[end:]
        at = _line_end(text, start)
        prefix = nl if at == len(text) and not text.endswith("\n") else ""
        return text[:at] + prefix + "".join(f"  - {item}{nl}" for item in new) + text[at:]
    if start == end:  # `key:` with nothing after it: write the list after the colon
        colon = text.index(":", key_node.end_mark.index)
        return f"{text[: colon + 1]} [{', '.join(new)}]{text[colon + 1 :]}"
    return f"{text[:start]}[{', '.join(new)}]{text[end:]}"


def _line_end(text: str, index: int) -> int:
    """The index just after the line break ending the line that holds ``index - 1``."""
    if index > 0 and text[index - 1] == "\n":
        return index  # the node ended at a line break (a block scalar): insert here
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


def _last_end(node: yaml.Node) -> int:
    """Where the last scalar (or flow collection) of a block mapping item ends."""
    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return _last_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return _last_end(node.value[-1])
    return int(node.end_mark.index)


def _append_block(text: str, value: yaml.Node, values: Sequence[Item], nl: str, lines: bool) -> str:
    """New ``- …`` items after the last one of a block sequence, in the first one's style:
    a block mapping item as a block mapping, any other as one line."""
    first, last = value.value[0], value.value[-1]
    mappings = isinstance(first, yaml.MappingNode) and not first.flow_style
    # a block list nested in the last item ends where its layout says, not its text
    if isinstance(last, yaml.SequenceNode) and not last.flow_style:
        raise YamlEditError("not-plain")
    if mappings and not all(isinstance(v, Mapping) and _pairs(v) for v in values):
        raise YamlEditError("not-plain")  # a scalar cannot take a block mapping's style
    line_start = text.rfind("\n", 0, value.start_mark.index) + 1
    if text[line_start : value.start_mark.index].strip():  # the first `-` follows something
        raise YamlEditError("item-layout")
    dash = int(value.start_mark.column)
    pad = " " * dash + "- " + " " * (max(int(first.start_mark.column), dash + 2) - dash - 2)
    content = " " * len(pad)
    added = ""
    for item in values:
        if mappings and isinstance(item, Mapping):
            pairs = _pairs(item)
            added += pad + f"{pairs[0][0]}: {pairs[0][1]}" + nl
            added += "".join(f"{content}{k}: {v}{nl}" for k, v in pairs[1:])
        else:
            added += pad + flow(item) + nl
    at = _line_end(text, _last_end(last))
    if at == len(text) and not text.endswith("\n"):  # no final newline: begin one
        return text + nl + (added if lines else added[: -len(nl)])
    return text[:at] + added + text[at:]


def _verify(before: str, after: str, keys: Sequence[str], values: Sequence[Item]) -> None:
    """The edited document reads as the old one with ``values`` appended, nothing else."""
    old = yaml.load(before, Loader=_Loader)
    try:
        new = yaml.load(after, Loader=_Loader)
    except yaml.YAMLError:
        raise YamlEditError("unverified") from None
    expected = old
    holder = expected
    for key in keys[:-1]:
        holder = holder[key]
    current = holder.get(keys[-1])
    holder[keys[-1]] = [*(current if isinstance(current, list) else []), *map(_data, values)]
    if new != expected:
        raise YamlEditError("unverified")
