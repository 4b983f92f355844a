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

from icp_renew.errors import MessageError, UserError, and_more, os_error
from icp_renew.i18n import Text
from icp_renew.messages import Message

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
            "errors.yaml-too-many-values",
            source=source,
            line=node.start_mark.line + 1,
            limit=f"{MAX_YAML_NODES:,}",
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
                    "errors.yaml-key-not-string",
                    source=source,
                    line=key_node.start_mark.line + 1,
                )
            key = str(key_node.value)
            if key == "<<":
                raise UserError(
                    "errors.yaml-merge-key",
                    source=source,
                    line=key_node.start_mark.line + 1,
                )
            if key in out:
                raise UserError(
                    "errors.yaml-duplicate-key",
                    source=source,
                    line=key_node.start_mark.line + 1,
                    field=_dotted((*loc, key)),
                    key=repr(key),
                )
            child: Loc = (*loc, key)
            lines[child] = key_node.start_mark.line + 1
            out[key] = _convert(value_node, child, lines, source, budget)
        return out
    raise UserError("errors.yaml-node", source=source, node=type(node).__name__)  # pragma: no cover


def parse_yaml(text: str | bytes, source: str) -> YamlDocument:
    """Parse one YAML document; errors become a :class:`UserError` with a line."""
    if isinstance(text, bytes):
        if len(text) > MAX_YAML_BYTES:
            raise UserError(
                "errors.file-too-large", source=source, mib=MAX_YAML_BYTES // 1024 // 1024
            )
        if b"\x00" in text:
            raise UserError("errors.not-text", source=source)
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UserError("errors.not-utf8", source=source, byte=exc.start) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        tab = _tab_at(text, mark) if isinstance(text, str) else None
        if tab is not None:
            tab_message = Message.of("suggest.yaml-tab", line=tab[0], column=tab[1])
            raise UserError(tab_message, source=source, line=tab[0]) from None
        problem = yaml_problem(exc.problem or exc.context or "", text, mark)
        raise UserError(problem, source=source, line=line) from None
    except yaml.YAMLError:
        raise UserError("errors.yaml-invalid", source=source) from None
    except RecursionError:
        raise UserError("errors.yaml-too-deep", source=source) from None
    if node is None:
        return YamlDocument(None, {(): 1}, source)
    lines: dict[Loc, int] = {}
    try:
        data = _convert(node, (), lines, source, [MAX_YAML_NODES])
    except RecursionError:
        raise UserError("errors.yaml-too-deep", source=source) from None
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
        raise UserError("errors.file-not-found", source=source) from None
    except IsADirectoryError:
        raise UserError("errors.yaml-is-directory", source=source) from None
    except OSError as exc:
        raise UserError(os_error(exc, "errors.cannot-read"), source=source) from None
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


#: PyYAML's explanations (English) → the catalogue's, first match wins; anything else is
#: reported as invalid YAML at its line, without PyYAML's words
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "errors.yaml-mapping-value"),
    ("could not find expected ':'", "errors.yaml-expected-colon"),
    ("did not find expected key", "errors.yaml-expected-key"),
    ("did not find expected '-' indicator", "errors.yaml-expected-dash"),
    ("did not find expected ',' or ']'", "errors.yaml-unclosed-list"),
    ("did not find expected ',' or '}'", "errors.yaml-unclosed-mapping"),
    ("found undefined alias", "errors.yaml-undefined-alias"),
    ("found unexpected end of stream", "errors.yaml-unexpected-end"),
    ("found unknown escape character", "errors.yaml-escape"),
    ("but found another document", "errors.yaml-several-documents"),
    ("found character that cannot start any token", "errors.yaml-bad-character"),
    ("found a tab character", "errors.yaml-tab"),
)


def yaml_problem(problem: str, text: str | bytes, mark: Any) -> Message:
    """PyYAML's problem as a catalogue message (PyYAML's words are English). A tab where
    YAML wants spaces is named as such, whatever PyYAML calls it there."""
    if mark is not None and isinstance(text, str):
        lines = text.splitlines()
        if 0 <= mark.line < len(lines):
            line = lines[mark.line]
            at = line[mark.column : mark.column + 1]
            indent = line[: len(line) - len(line.lstrip())]
            if at == "\t" or ("\t" in indent and mark.column <= len(indent)):
                return Message.of("errors.yaml-tab")
    for fragment, key in _YAML_PROBLEMS:
        if fragment in problem:
            return Message.of(key)
    return Message.of("errors.yaml-invalid")


#: pydantic's error types → the catalogue (``{name}`` filled from the error's context)
_PYDANTIC: dict[str, str] = {
    "missing": "errors.schema-missing",
    "extra_forbidden": "errors.schema-unknown-field",
    "string_type": "errors.schema-string",
    "int_parsing": "errors.schema-int",
    "int_type": "errors.schema-int",
    "int_from_float": "errors.schema-int",
    "float_parsing": "errors.schema-number",
    "bool_parsing": "errors.schema-bool",
    "bool_type": "errors.schema-bool",
    "list_type": "errors.schema-list",
    "dict_type": "errors.schema-mapping",
    "model_type": "errors.schema-mapping",
    "model_attributes_type": "errors.schema-mapping",
    "date_type": "errors.schema-date",
    "date_parsing": "errors.schema-date",
    "date_from_datetime_parsing": "errors.schema-date",
    "literal_error": "errors.schema-literal",
    "enum": "errors.schema-literal",
    "string_too_short": "errors.schema-too-short",
    "too_short": "errors.schema-too-short",
    "string_too_long": "errors.schema-too-long",
    "too_long": "errors.schema-too-long",
    "string_pattern_mismatch": "errors.schema-pattern",
    "greater_than_equal": "errors.schema-ge",
    "greater_than": "errors.schema-gt",
    "less_than_equal": "errors.schema-le",
    "less_than": "errors.schema-lt",
    "union_tag_invalid": "errors.schema-literal",
}


def _problem(err: Mapping[str, Any]) -> Message:
    """One pydantic error as a catalogue message (pydantic's own text is English)."""
    kind = str(err.get("type", ""))
    ctx = err.get("ctx") or {}
    cause = ctx.get("error")
    if isinstance(cause, MessageError):
        return cause.text
    key = _PYDANTIC.get(kind)
    if key is None:
        msg = str(err.get("msg", "")).removeprefix("Value error, ")
        return Message.of("errors.schema-other", detail=Text(kind or "?", msg or kind))
    params = {
        name: str(ctx[name])
        for name in ("expected", "min_length", "max_length", "pattern", "ge", "gt", "le", "lt")
        if name in ctx
    }
    if "expected" in params:
        params["expected"] = params["expected"].replace("'", "")
    return Message.of(key, **params)


def validation_errors(exc: Any, doc: YamlDocument, model: Any = None) -> list[UserError]:
    """Every error of a pydantic ``ValidationError`` as a :class:`UserError`, in its order;
    an unknown key names the closest one ``model`` allows there ("did you mean …?")."""
    return [_one_error(err, doc, model) for err in exc.errors(include_url=False)]


def validation_error(exc: Any, doc: YamlDocument, model: Any = None) -> UserError:
    """The first error of a pydantic ``ValidationError`` as a :class:`UserError`."""
    errors = validation_errors(exc, doc, model)
    first = errors[0]
    text = and_more(first.text, len(errors) - 1)
    return UserError(text, source=first.source, line=first.line, field=first.field)


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
    problem = _problem(err)
    if err.get("type") == "extra_forbidden" and model is not None:
        from icp_renew.suggest import unknown_field_hint

        problem = Message.of("suggest.unknown-field", hint=unknown_field_hint(model, real))
    value = err.get("input")
    got: Message | str = ""
    if (
        err.get("type") not in ("missing", "extra_forbidden")
        and isinstance(value, str)
        and len(value) < 60
        and repr(value) not in problem.render("en")
    ):
        got = Message.of("errors.schema-got", value=repr(value))
    return UserError(
        "errors.schema",
        source=doc.source,
        line=doc.line_of(real),
        field=_dotted(real) or None,
        problem=problem,
        got=got,
    )
