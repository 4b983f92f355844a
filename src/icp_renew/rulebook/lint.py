"""``icp-renew rules lint``: every defect of a set of rule files, not just the first.

Checks: each file against its schema; a ``source`` on every material, authority
and industry; unique material ids within a file; unique slugs, ISO codes and
licence-number prefixes across authorities; categories, industries and
services named in conditions exist; a material that is new in a layer is
complete; a removed id exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from icp_renew.rulebook.book import RuleProblem, RuleSource
from icp_renew.rulebook.loader import check_rule_file, collect_files, discover
from icp_renew.rulebook.models import (
    NEW_MATERIAL_FIELDS,
    Authority,
    BaseRules,
    Industry,
    Material,
    Overlay,
    material_problems,
)

#: a problem ``rules lint`` reports (the loader raises the same on the first)
LintProblem = RuleProblem

LINT_CODES = {
    "invalid-rule-file": "the file is not valid YAML or does not match its schema",
    "missing-source": "a material, authority or industry without a source",
    "missing-basis": "a material new in this layer that does not say whether law, practice or policy",
    "duplicate-material": "the same material id twice in one file",
    "duplicate-authority": "two authorities with the same slug or ISO code",
    "duplicate-prefix": "a licence-number prefix claimed by two authorities",
    "unknown-category": "a material in a category that base.yaml does not define",
    "unknown-industry": "a condition naming an industry that has no rule file",
    "unknown-service": "a condition naming a service code that base.yaml does not list",
    "incomplete-material": "a material new in this layer without title, title_en, category or requirement",
    "unknown-material": "removing a material id that no layer defines",
    "missing-base": "no base.yaml in the set",
}


def _material_line(src: RuleSource, index: int, key: str | None = None) -> int | None:
    loc: tuple[str | int, ...] = ("materials", index) + ((key,) if key else ())
    return src.doc.line_of(loc)


def lint_files(files: dict[str, tuple[Path, str]]) -> list[LintProblem]:
    problems: list[LintProblem] = []
    models: list[tuple[BaseModel, RuleSource]] = []
    for rel, (path, display) in files.items():
        model, src, found = check_rule_file(path, display, rel)
        problems += found
        if model is not None and src is not None:
            models.append((model, src))

    bases = [(m, s) for m, s in models if isinstance(m, BaseRules)]
    if not bases and not any(p.code == "invalid-rule-file" for p in problems):
        problems.append(
            LintProblem("missing-base", "rules", None, None, "no rule file of kind 'base'")
        )
    base = bases[-1][0] if bases else None
    categories = {c.id for c in base.categories} if base else set()
    services = set(base.services) if base else set()
    industries = {m.slug for m, _ in models if isinstance(m, Industry)}
    complete_in: dict[str, set[str]] = {}
    for m, s in models:
        for mat in getattr(m, "materials", []):
            if all(getattr(mat, k) is not None for k in NEW_MATERIAL_FIELDS):
                complete_in.setdefault(mat.id, set()).add(s.display)

    seen_slug: dict[str, str] = {}
    seen_iso: dict[str, str] = {}
    seen_prefix: dict[str, str] = {}
    for model, src in models:
        problems += list(_file_checks(model, src, categories, services, industries, complete_in))
        if isinstance(model, Authority):
            line = src.doc.line_of(("slug",))
            for key, table, label in (
                (model.slug, seen_slug, "slug"),
                (model.iso, seen_iso, "ISO code"),
            ):
                if key is None:
                    continue
                if key in table:
                    problems.append(
                        LintProblem(
                            "duplicate-authority",
                            src.display,
                            line,
                            label,
                            f"{label} {key!r} also used by {table[key]}",
                        )
                    )
                table[key] = src.display
            for prefix in model.license_prefixes:
                if prefix in seen_prefix:
                    problems.append(
                        LintProblem(
                            "duplicate-prefix",
                            src.display,
                            src.doc.line_of(("license_prefixes",)),
                            "license_prefixes",
                            f"licence prefix {prefix!r} also used by {seen_prefix[prefix]}",
                        )
                    )
                seen_prefix[prefix] = src.display
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.code))


def _file_checks(
    model: BaseModel,
    src: RuleSource,
    categories: set[str],
    services: set[str],
    industries: set[str],
    complete_in: dict[str, set[str]],
) -> Iterator[LintProblem]:
    materials: list[Material] = list(getattr(model, "materials", []))
    seen: set[str] = set()
    for i, mat in enumerate(materials):
        line = _material_line(src, i)
        field = f"materials[{i}]"
        if mat.id in seen:
            yield LintProblem(
                "duplicate-material",
                src.display,
                line,
                field + ".id",
                f"material id {mat.id!r} appears twice in this file",
            )
        seen.add(mat.id)
        new = not complete_in.get(mat.id, set()) - {src.display}
        for code, under, message in material_problems(mat, categories, new=new):
            line_of = _material_line(src, i, under or None)
            yield LintProblem(
                code, src.display, line_of, field + (f".{under}" if under else ""), message
            )
        if new and mat.basis is None:  # the loader accepts it; a maintainer should say
            message = f"material {mat.id!r} does not say its basis: law, practice or policy"
            yield LintProblem("missing-basis", src.display, line, field + ".basis", message)
        if mat.when:
            for ind in mat.when.industries:
                if ind not in industries:
                    yield LintProblem(
                        "unknown-industry",
                        src.display,
                        _material_line(src, i, "when"),
                        field + ".when.industries",
                        f"unknown industry {ind!r}",
                    )
            for svc in mat.when.services:
                if services and svc not in services and svc.split("-")[0] not in services:
                    yield LintProblem(
                        "unknown-service",
                        src.display,
                        _material_line(src, i, "when"),
                        field + ".when.services",
                        f"unknown service {svc!r}",
                    )
    if isinstance(model, (Authority, Overlay)):
        for j, rid in enumerate(model.remove):
            if rid not in complete_in:
                yield LintProblem(
                    "unknown-material",
                    src.display,
                    src.doc.line_of(("remove", j)),
                    f"remove[{j}]",
                    f"no material {rid!r} to remove",
                )


def lint(directory: Path | None) -> list[LintProblem]:
    """Lint the shipped rules, or ``directory``: a full rule set (with base.yaml) on its own,
    else an overlay on top of the shipped rules (only its own files are reported)."""
    if directory is None:
        return lint_files(collect_files())
    own = discover(directory, str(directory).rstrip("/"))
    has_base = any(_is_base(path) for path, _ in own.values())
    if has_base:
        return lint_files(own)
    files = collect_files([directory])
    own_names = {display for _, display in own.values()}
    return [p for p in lint_files(files) if p.file in own_names or p.file == "rules"]


def _is_base(path: Path) -> bool:
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return False
    return any(
        line.strip() in ("kind: base", 'kind: "base"', "kind: 'base'") for line in head.splitlines()
    )
