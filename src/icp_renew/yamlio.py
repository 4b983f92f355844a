"""YAML without surprises, with line numbers.

Every scalar stays a string (a BaseLoader: ``no`` is not ``False``, ``0755``
is not 493, ``2026-05-31`` is not a date); pydantic coerces it to the type the
schema wants. The node tree is kept so that a validation error can name the
line of the offending field. libyaml's C parser is used when available: it is
several times faster than the pure-Python one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from icp_renew.errors import UserError

try:  # pragma: no cover - depends on the PyYAML build
    _Loader: type = yaml.CBaseLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.BaseLoader

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})

Loc = tuple[str | int, ...]

#: Refuse absurd documents before parsing them (a dossier.yaml is a few KB).
MAX_YAML_BYTES = 4 * 1024 * 1024
#: The most values a document may expand to: aliases (``*a``) repeat what an anchor holds,
#: so a few lines of nested aliases would otherwise expand to billions ("billion laughs").
MAX_YAML_NODES = 100_000


class YamlDocument:
    """A parsed document: plain data plus the line of every node (1-based)."""

    def __init__(self, data: Any, lines: dict[Loc, int], source: str) -> None:
        self.data = data
        self.lines = lines
        self.source = source

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """The line of the deepest node of ``loc`` that exists."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), None)


def _convert(
    node: yaml.Node, loc: Loc, lines: dict[Loc, int], source: str, budget: list[int]
) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise UserError(
            f"too many values (more than {MAX_YAML_NODES:,}; aliases repeat what an anchor holds)",
            source=source,
            line=node.start_mark.line + 1,
        )
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        value = str(node.value)
        if not node.style and value in _NULLS:  # plain style: None (Python) or "" (libyaml)
            return None
        return value
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, (*loc, i), lines, source, budget) for i, item in enumerate(node.value)
        ]
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise UserError(
                    "a key must be a plain string",
                    source=source,
                    line=key_node.start_mark.line + 1,
                )
            key = str(key_node.value)
            if key == "<<":
                raise UserError(
                    "merge keys (<<) are not supported",
                    source=source,
                    line=key_node.start_mark.line + 1,
                )
            if key in out:
                raise UserError(
                    f"duplicate key {key!r}",
                    source=source,
                    line=key_node.start_mark.line + 1,
                    field=_dotted((*loc, key)),
                )
            child: Loc = (*loc, key)
            lines[child] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, child, lines, source, budget)
        return out
    raise UserError(
        f"unsupported YAML node {type(node).__name__}", source=source
    )  # pragma: no cover


def parse_yaml(text: str | bytes, source: str) -> YamlDocument:
    """Parse one YAML document; errors become a :class:`UserError` with a line."""
    if isinstance(text, bytes):
        if len(text) > MAX_YAML_BYTES:
            raise UserError(
                f"file is larger than {MAX_YAML_BYTES // 1024 // 1024} MiB", source=source
            )
        if b"\x00" in text:
            raise UserError("not a text file (contains NUL bytes)", source=source)
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UserError(
                f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8", source=source
            ) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        tab = _tab_at(text, mark)
        if tab is not None:
            from icp_renew.messages import t
            from icp_renew.suggest import lang

            message = t("suggest.yaml-tab", lang(), line=tab[0], column=tab[1])
            raise UserError(message, source=source, line=tab[0]) from None
        problem = exc.problem or exc.context or "invalid YAML"
        raise UserError(f"invalid YAML: {problem}", source=source, line=line) from None
    except yaml.YAMLError as exc:
        raise UserError(f"invalid YAML: {exc}", source=source) from None
    except RecursionError:
        raise UserError("invalid YAML: nested too deeply", source=source) from None
    if node is None:
        return YamlDocument(None, {(): 1}, source)
    lines: dict[Loc, int] = {}
    try:
        data = _convert(node, (), lines, source, [MAX_YAML_NODES])
    except RecursionError:
        raise UserError("invalid YAML: nested too deeply", source=source) from None
    return YamlDocument(data, lines, source)


def _tab_at(text: str, mark: Any) -> tuple[int, int] | None:
    """(line, column), 1-based, of the tab that made the YAML invalid, if one did: a tab in the
    indentation, or where the parser stopped (libyaml does not name the character)."""
    if mark is None:
        return None
    lines = text.splitlines()
    if not 0 <= mark.line < len(lines):
        return None
    row = lines[mark.line]
    if mark.column < len(row) and row[mark.column] == "\t":
        return mark.line + 1, mark.column + 1
    indent = row[: len(row) - len(row.lstrip(" \t"))]
    if "\t" in indent:
        return mark.line + 1, indent.index("\t") + 1
    return None


def load_yaml_file(path: Path, display: str | None = None) -> YamlDocument:
    """Read and parse ``path``; an unreadable file is a :class:`UserError`."""
    source = display or str(path)
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_YAML_BYTES + 1)
    except FileNotFoundError:
        raise UserError("file not found", source=source) from None
    except IsADirectoryError:
        raise UserError("is a directory, expected a YAML file", source=source) from None
    except OSError as exc:
        raise UserError(f"cannot read: {exc.strerror or exc}", source=source) from None
    return parse_yaml(raw, source)


def _dotted(loc: Iterable[str | int]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def dotted(loc: Iterable[str | int]) -> str:
    """``("license", "expires")`` → ``license.expires``; ``("domains", 0)`` → ``domains[0]``."""
    return _dotted(loc)


def validation_errors(exc: Any, doc: YamlDocument, model: Any = None) -> list[UserError]:
    """Every error of a pydantic ``ValidationError`` as a :class:`UserError`, in its order;
    an unknown key names the closest one ``model`` allows there ("did you mean …?")."""
    return [_one_error(err, doc, model) for err in exc.errors(include_url=False)]


def validation_error(exc: Any, doc: YamlDocument, model: Any = None) -> UserError:
    """The first error of a pydantic ``ValidationError`` as a :class:`UserError`."""
    errors = validation_errors(exc, doc, model)
    first = errors[0]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return UserError(first.message + more, source=first.source, line=first.line, field=first.field)


def _one_error(err: Mapping[str, Any], doc: YamlDocument, model: Any = None) -> UserError:
    loc = tuple(p for p in err.get("loc", ()) if isinstance(p, (str, int)))
    # pydantic puts union/function tags into loc; keep only what exists in the document
    real: list[str | int] = []
    for part in loc:
        if (*real, part) in doc.lines:
            real.append(part)
        elif err.get("type") == "missing" and part == loc[-1]:
            # a missing required field: name it even though it has no line
            real.append(part)
    msg = str(err.get("msg", "invalid value"))
    if err.get("type") == "extra_forbidden":
        from icp_renew.messages import t
        from icp_renew.suggest import lang, unknown_field_hint

        hint = unknown_field_hint(model, real) if model is not None else ""
        msg = t("suggest.unknown-field", lang(), hint=hint)
    elif err.get("type") == "missing":
        msg = "required field is missing"
    msg = msg.removeprefix("Value error, ")  # pydantic's prefix for a validator's ValueError
    value = err.get("input")
    if (
        err.get("type") not in ("missing", "extra_forbidden")
        and isinstance(value, str)
        and len(value) < 60
        and value not in msg
    ):
        msg += f" (got {value!r})"
    return UserError(msg, source=doc.source, line=doc.line_of(real), field=_dotted(real) or None)
