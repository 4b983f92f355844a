"""Editing a YAML file as text, so that every byte the edit does not concern stays as it was.

A round-trip through a YAML library re-renders what it does not understand (comments,
quoting, key order, blank lines, ``2026年5月31日``); a user's hand-written ``dossier.yaml``
must survive a tool's edit unchanged apart from the one value it asked for. So the edits
here are textual: the document is composed (PyYAML's node tree keeps the character offset
of every node), the new text is spliced in at the node's offsets, in the style the document
already uses (flow ``[a, b]`` or block ``- a`` lines, its line endings, its indentation),
and the result is parsed again and compared with what was intended before the caller
writes it. Anything the splice cannot do safely is a :class:`YamlEditError` with a
one-line reason; the caller then leaves the file alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import yaml

from icp_renew.messages import Message

try:  # pragma: no cover - depends on the PyYAML build
    _Loader: type = yaml.CBaseLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.BaseLoader


class YamlEditError(Exception):
    """The edit cannot be made without touching more than it should; ``reason`` is a
    catalogue message (``init.edit-…``) with a one-line reason."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key)
        self.reason = Message.of(f"init.edit-{key}", **params)


def newline_of(text: str) -> str:
    """The line ending the document uses (CRLF when its first line ends so)."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def scalar(value: str) -> str:
    """``value`` as a YAML flow scalar: plain when that reads back as the same string,
    else double-quoted."""
    plain = value
    try:
        back = yaml.load(f"[{plain}]", Loader=_Loader)
    except yaml.YAMLError:
        back = None
    if back == [value] and value.strip() == value and value not in ("", "~", "null", "Null"):
        return plain
    return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=1 << 16).strip()


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


#: an item to append: a string, or a mapping of strings (written ``{event: submitted, …}``)
Item = str | Mapping[str, str]


def flow(item: Item) -> str:
    """``item`` as YAML flow text: a scalar, or a one-line ``{key: value, …}`` mapping."""
    if isinstance(item, str):
        return scalar(item)
    return "{" + ", ".join(f"{scalar(k)}: {scalar(v)}" for k, v in item.items()) + "}"


def append_to_sequence(text: str, keys: Sequence[str], values: Sequence[Item]) -> str:
    """``text`` with ``values`` (strings, or mappings of strings such as timeline events)
    appended to the sequence at ``keys``.

    Handles a flow sequence (``industries: [a]`` → ``[a, b]``), a block one (a new
    ``- b`` line under the last item, with its indentation), an empty value
    (``industries:`` or ``~`` → ``[b]``) and, for a top-level key, an absent one (a line
    ``key: [b]`` at the end). Keeps the document's line endings and lack of a final
    newline. :class:`YamlEditError` for anything else (a nested key that is absent, an
    alias, a value that is not a sequence).
    """
    if not values:
        return text
    root = _compose(text)
    new = [flow(v) for v in values]
    nl = newline_of(text)
    found = _find(root, keys)
    if found is None:
        if len(keys) != 1:
            raise YamlEditError("missing", field=".".join(keys))
        if not isinstance(root.value, list) or root.flow_style:
            raise YamlEditError("flow-document")
        sep = "" if not text or text.endswith("\n") else nl
        end = nl if text.endswith("\n") or not text else ""
        edited = f"{text}{sep}{keys[0]}: [{', '.join(new)}]{end}"
    else:
        key_node, value = found
        edited = _splice(text, key_node, value, new, nl)
    _verify(text, edited, keys, values)
    return edited


def _splice(text: str, key_node: yaml.Node, value: yaml.Node, new: list[str], nl: str) -> str:
    if value.start_mark.index != value.end_mark.index and text[
        value.start_mark.index : value.start_mark.index + 1
    ] in ("*", "&"):
        raise YamlEditError("alias")
    if isinstance(value, yaml.ScalarNode):
        if value.style or value.value not in ("", "~", "null", "Null", "NULL"):
            raise YamlEditError("not-list")
        start, end = value.start_mark.index, value.end_mark.index
        if start == end:  # `key:` with nothing after it: write the list after the colon
            colon = text.index(":", key_node.end_mark.index)
            return f"{text[: colon + 1]} [{', '.join(new)}]{text[colon + 1 :]}"
        return f"{text[:start]}[{', '.join(new)}]{text[end:]}"
    if not isinstance(value, yaml.SequenceNode):
        raise YamlEditError("not-list")
    if value.flow_style:
        if value.value:  # after the last item, so a trailing comma or comment stays valid
            at = value.value[-1].end_mark.index
            return f"{text[:at]}, {', '.join(new)}{text[at:]}"
        at = value.start_mark.index + 1  # just after `[`
        return f"{text[:at]}{', '.join(new)}{text[at:]}"
    last = value.value[-1]
    # a scalar or a one-line {…}/[…] ends where its text ends; a block mapping's end is not
    # where a new item could go without reading its layout, so it is refused
    if not isinstance(last, yaml.ScalarNode) and not getattr(last, "flow_style", False):
        raise YamlEditError("not-plain")
    eol = text.find("\n", last.end_mark.index)
    if eol < 0:
        eol = len(text)
    elif text[eol - 1] == "\r":
        eol -= 1
    line_start = text.rfind("\n", 0, value.start_mark.index) + 1
    indent = text[line_start : value.start_mark.index]
    if indent.strip():  # the first `-` shares its line with something else
        raise YamlEditError("item-layout")
    lines = "".join(f"{nl}{indent}- {item}" for item in new)
    return f"{text[:eol]}{lines}{text[eol:]}"


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
    added = [v if isinstance(v, str) else dict(v) for v in values]
    holder[keys[-1]] = [*(current if isinstance(current, list) else []), *added]
    if new != expected:
        raise YamlEditError("unverified")
