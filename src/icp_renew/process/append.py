"""Append one event to ``timeline:`` in a ``dossier.yaml`` without touching another byte.

A round-trip YAML library re-emits the whole document (and does not promise the same
bytes: quoting, spacing and flow styles may change), so ``record`` edits the text: it
finds the ``timeline`` node with PyYAML's composer (which knows every node's position),
writes the new item in the style of the items already there (a flow mapping ``- {…}``, a
block mapping, or inside a flow sequence ``[…]``), and inserts it after the last item —
or creates ``timeline:`` at the end of the file. Comments, key order, quoting, blank
lines, CRLF line ends and a byte-order mark stay as they were; a file without a final
newline gets one only where the new text begins. The caller re-parses the result with
the strict loader before writing it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from icp_renew.errors import DossierError

_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_BOM = "\ufeff"
_NULLS = ("", "~", "null", "Null", "NULL")


def scalar(value: Any) -> str:
    """A YAML scalar that reads back as ``value`` under a loader that keeps strings."""
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


def _pairs(event: Mapping[str, Any]) -> list[tuple[str, str]]:
    return [(k, scalar(v)) for k, v in event.items() if v is not None]


def flow_item(event: Mapping[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in _pairs(event)) + "}"


def _line_end(text: str, index: int) -> int:
    """The index just after the line break ending the line that holds ``index - 1``."""
    if index > 0 and text[index - 1] == "\n":
        return index  # the node ended at a line break (a block scalar): insert here
    nl = text.find("\n", index)
    return len(text) if nl < 0 else nl + 1


def _last_scalar_end(node: yaml.Node) -> int:
    """Where the last scalar (or flow collection) of ``node`` ends."""
    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return _last_scalar_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return _last_scalar_end(node.value[-1])
    return int(node.end_mark.index)


def _block_item(event: Mapping[str, Any], dash: int, content: int, flow: bool, nl: str) -> str:
    if flow:
        return " " * dash + "- " + " " * (content - dash - 2) + flow_item(event) + nl
    pairs = _pairs(event)
    first = " " * dash + "- " + " " * (content - dash - 2) + f"{pairs[0][0]}: {pairs[0][1]}" + nl
    return first + "".join(" " * content + f"{k}: {v}" + nl for k, v in pairs[1:])


def append_event(text: str, event: Mapping[str, Any], source: str) -> str:
    """``text`` with ``event`` appended to its ``timeline:`` (see the module docstring)."""
    bom = text.startswith(_BOM)
    body = text[1:] if bom else text
    nl = "\r\n" if "\r\n" in body else "\n"
    root = yaml.compose(body, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    if not isinstance(root, yaml.MappingNode):
        raise DossierError("errors.dossier-not-mapping", source=source, line=1)
    value: yaml.Node | None = None
    for key_node, value_node in root.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == "timeline":
            value = value_node
    out = _insert(body, root, value, event, nl, source)
    return (_BOM if bom else "") + out


def _insert(
    body: str,
    root: yaml.MappingNode,
    value: yaml.Node | None,
    event: Mapping[str, Any],
    nl: str,
    source: str,
) -> str:
    item = flow_item(event)
    if value is None:  # no timeline yet: a new block at the end of the file
        if root.flow_style:
            raise DossierError("process.err-flow-root", source=source)
        sep = "" if not body or body.endswith("\n") else nl
        return body + sep + "timeline:" + nl + "  - " + item + nl
    if isinstance(value, yaml.ScalarNode):  # `timeline:` or `timeline: ~`: no items yet
        start, end = int(value.start_mark.index), int(value.end_mark.index)
        body = body[:start] + body[end:]  # drop an explicit null (`~`, `null`)
        at = _line_end(body, start)
        prefix = nl if at == len(body) and not body.endswith("\n") else ""
        return body[:at] + prefix + "  - " + item + nl + body[at:]
    if not isinstance(value, yaml.SequenceNode):
        raise DossierError("process.err-append", source=source)
    items: Sequence[yaml.Node] = value.value
    if value.flow_style:  # `timeline: [...]`
        if items:
            at = int(items[-1].end_mark.index)
            return body[:at] + ", " + item + body[at:]
        close = int(value.end_mark.index) - 1
        return body[:close] + item + body[close:]
    last_end = _last_scalar_end(items[-1])
    at = _line_end(body, last_end)
    prefix = ""
    if at == len(body) and not body.endswith("\n"):
        prefix = nl
    dash = int(value.start_mark.column)
    first = items[0]
    content = int(first.start_mark.column)
    flow = not isinstance(first, yaml.MappingNode) or bool(first.flow_style)
    return (
        body[:at] + prefix + _block_item(event, dash, max(content, dash + 2), flow, nl) + body[at:]
    )
