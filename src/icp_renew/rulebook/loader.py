"""Reading rule files: the shipped set, plus ``--rules DIR`` overlays.

A file in an overlay folder with the same relative path as a shipped one, or
describing the same authority or industry slug, replaces it; any other file
adds to the set. Every error names the file, the line and the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from icp_renew.errors import RuleError, UserError
from icp_renew.messages import t
from icp_renew.rulebook.models import KINDS, Authority, BaseRules, Industry, Overlay
from icp_renew.rulebook.paths import rules_root
from icp_renew.yamlio import YamlDocument, load_yaml_file, validation_error


@dataclass(frozen=True)
class RuleSource:
    """One rule file: where it came from (for messages) and its parsed document."""

    display: str
    relpath: str
    doc: YamlDocument


@dataclass
class Rulebook:
    base: BaseRules
    authorities: dict[str, Authority]
    industries: dict[str, Industry]
    overlays: list[Overlay]
    documents: dict[int, RuleSource] = field(default_factory=dict)  # id(model) → source

    @property
    def rules_version(self) -> str:
        return self.base.rules_version

    def source_of(self, model: BaseModel) -> RuleSource | None:
        return self.documents.get(id(model))


def discover(root: Path, label: str) -> dict[str, tuple[Path, str]]:
    """Rule files under ``root``: relpath → (path, display name). Sorted, ``/``-separated."""
    if not root.is_dir():
        raise RuleError("not a folder of rule files", source=str(root))
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


def parse_rule_file(path: Path, display: str, rel: str) -> tuple[BaseModel, RuleSource]:
    """Parse and validate one file; :class:`RuleError` on the first problem."""
    try:
        doc = load_yaml_file(path, display)
    except UserError as exc:
        raise RuleError(exc.message, source=exc.source, line=exc.line, field=exc.field) from None
    if not isinstance(doc.data, dict):
        raise RuleError("a rule file must be a mapping with a 'kind' key", source=display, line=1)
    kind = doc.data.get("kind")
    model_cls = KINDS.get(kind) if isinstance(kind, str) else None
    if model_cls is None:
        raise RuleError(
            (
                t("rules.kind-missing", "en", kinds=", ".join(KINDS))
                if kind is None
                else f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}"
            ),
            source=display,
            line=doc.line_of(("kind",)),
            field="kind",
        )
    try:
        model = model_cls.model_validate(doc.data)
    except ValidationError as exc:
        err = validation_error(exc, doc)
        raise RuleError(err.message, source=err.source, line=err.line, field=err.field) from None
    return model, RuleSource(display, rel, doc)


def build_rulebook(parsed: Iterable[tuple[BaseModel, RuleSource]]) -> Rulebook:
    base: BaseRules | None = None
    authorities: dict[str, Authority] = {}
    industries: dict[str, Industry] = {}
    overlays: list[Overlay] = []
    documents: dict[int, RuleSource] = {}
    for model, src in parsed:
        documents[id(model)] = src
        if isinstance(model, BaseRules):
            base = model  # a later base.yaml (overlay) replaces the shipped one
        elif isinstance(model, Authority):
            authorities[model.slug] = model
        elif isinstance(model, Industry):
            industries[model.slug] = model
        elif isinstance(model, Overlay):
            overlays.append(model)
    if base is None:
        raise RuleError("no rule file of kind 'base' (base.yaml) was found", source="rules")
    return Rulebook(base, authorities, industries, overlays, documents)


def load_rulebook(extra_dirs: Sequence[Path] = ()) -> Rulebook:
    """The shipped rules with the overlays of ``extra_dirs``, validated."""
    files = collect_files(extra_dirs)
    parsed = [parse_rule_file(path, display, rel) for rel, (path, display) in files.items()]
    book = build_rulebook(parsed)
    # resolution of every layer is checked up front so that a broken overlay is exit 2
    from icp_renew.rulebook.resolve import validate_layers

    validate_layers(book)
    return book
