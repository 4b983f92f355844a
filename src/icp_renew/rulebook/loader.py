"""Reading rule files: the shipped set, plus ``--rules DIR`` overlays.

A file in an overlay folder with the same relative path as a shipped one, or
describing the same authority or industry slug, replaces it; any other file
adds to the set. Every error names the file, the line and the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from pydantic import BaseModel, ValidationError

from icp_renew.errors import RuleError, UserError
from icp_renew.messages import Message
from icp_renew.rulebook.book import Rulebook, RuleProblem, RuleSource
from icp_renew.rulebook.models import KINDS, Authority, BaseRules, Industry, Overlay
from icp_renew.rulebook.paths import rules_root
from icp_renew.rulebook.resolve import validate_layers
from icp_renew.yamlio import load_yaml_file, validation_errors

__all__ = ["RuleSource", "Rulebook", "check_rule_file", "load_rulebook", "parse_rule_file"]


def discover(root: Path, label: str) -> dict[str, tuple[Path, str]]:
    """Rule files under ``root``: relpath → (path, display name). Sorted, ``/``-separated."""
    if not root.is_dir():
        raise RuleError("errors.rules-not-folder", source=str(root))
    found: dict[str, tuple[Path, str]] = {}
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".yaml", ".yml") or not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        if any(part.startswith(".") for part in rel.split("/")):
            continue
        found[rel] = (path, f"{label}/{rel}" if label else str(path))
    return found


def collect_files(extra_dirs: Sequence[Path] = ()) -> dict[str, tuple[Path, str]]:
    files = discover(rules_root(), "rules")
    for extra in extra_dirs:
        files.update(discover(extra, str(extra).rstrip("/")))
    return files


def check_rule_file(
    path: Path, display: str, rel: str
) -> tuple[BaseModel | None, RuleSource | None, list[RuleProblem]]:
    """Parse and validate one file: its model (None when invalid), its source and every
    problem found (the one routine behind both the loader and ``rules lint``)."""
    try:
        doc = load_yaml_file(path, display)
    except UserError as exc:
        return (
            None,
            None,
            [RuleProblem("invalid-rule-file", display, exc.line, exc.field, exc.text)],
        )
    src = RuleSource(display, rel, doc)
    if not isinstance(doc.data, dict):
        message = Message.of("errors.rules-not-mapping")
        return None, src, [RuleProblem("invalid-rule-file", display, 1, None, message)]
    kind = doc.data.get("kind")
    model_cls = KINDS.get(kind) if isinstance(kind, str) else None
    if model_cls is None:
        message = (
            Message.of("rules.kind-missing", kinds=", ".join(KINDS))
            if kind is None
            else Message.of("errors.rules-unknown-kind", kind=repr(kind), expected=", ".join(KINDS))
        )
        line = doc.line_of(("kind",))
        return None, src, [RuleProblem("invalid-rule-file", display, line, "kind", message)]
    try:
        return model_cls.model_validate(doc.data), src, []
    except ValidationError as exc:
        problems = []
        for err, detail in zip(
            exc.errors(include_url=False), validation_errors(exc, doc, model_cls), strict=True
        ):
            loc = err["loc"]
            missing_source = err["type"] == "missing" and bool(loc) and loc[-1] == "source"
            code = "missing-source" if missing_source else "invalid-rule-file"
            problems.append(RuleProblem(code, display, detail.line, detail.field, detail.text))
        return None, src, problems


def parse_rule_file(path: Path, display: str, rel: str) -> tuple[BaseModel, RuleSource]:
    """Parse and validate one file; :class:`RuleError` on its first problem."""
    model, src, problems = check_rule_file(path, display, rel)
    if problems:
        raise problems[0].error(more=len(problems) - 1) from None
    assert model is not None and src is not None
    return model, src


def build_rulebook(parsed: Iterable[tuple[BaseModel, RuleSource]]) -> Rulebook:
    base: BaseRules | None = None
    authorities: dict[str, Authority] = {}
    industries: dict[str, Industry] = {}
    overlays: list[Overlay] = []
    files: dict[str, BaseModel] = {}
    documents: dict[str, RuleSource] = {}
    for model, src in parsed:
        files[src.display] = model
        documents[src.display] = src
        if isinstance(model, BaseRules):
            base = model  # a later base.yaml (overlay) replaces the shipped one
        elif isinstance(model, Authority):
            authorities[model.slug] = model
        elif isinstance(model, Industry):
            industries[model.slug] = model
        elif isinstance(model, Overlay):
            overlays.append(model)
    if base is None:
        raise RuleError("errors.rules-no-base", source="rules")
    return Rulebook(base, authorities, industries, overlays, files, documents)


def load_rulebook(extra_dirs: Sequence[Path] = ()) -> Rulebook:
    """The shipped rules with the overlays of ``extra_dirs``, validated."""
    files = collect_files(extra_dirs)
    parsed = [parse_rule_file(path, display, rel) for rel, (path, display) in files.items()]
    book = build_rulebook(parsed)
    if extra_dirs:
        # every layer resolved up front, so that a broken overlay is exit 2 whichever authority
        # a command selects; the shipped layers alone are proven by the test suite
        # (tests/test_rulebook.py), and resolving them all is ~15 ms of every command (#17)
        validate_layers(book)
    return book
