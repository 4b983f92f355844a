"""``run(ctx) -> DossierReport``: every registered check over one dossier, collected.

``run_early(ctx)`` runs the checks that read only ``dossier.yaml`` and the rules
(``FILES = False``) on a dossier whose files are not inspected yet, so that a ``check``
does them while worker processes read the files (``pipeline.check_dossier``); ``run``
then takes their findings as they are. Either way the report is the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from icp_renew.checks import Context, reads_files, registry
from icp_renew.deadline import filing_deadline
from icp_renew.findings import DossierReport, FileLine, Finding, MaterialLine, sort_findings

#: findings of each check of the registry, in its order; None for a check not run yet
Early = Sequence[list[Finding] | None]


def run_early(ctx: Context) -> Early:
    """The findings of the checks that never look at the files (``FILES = False``)."""
    return [None if reads_files(m) else list(m.check(ctx)) for m in registry()]


def run(ctx: Context, early: Early | None = None) -> DossierReport:
    """Run every check (those in ``early`` already ran); findings sorted in checklist order.
    Pure: no printing, no clock."""
    found: list[Finding] = []
    for i, module in enumerate(registry()):
        done = early[i] if early is not None else None
        found.extend(done if done is not None else module.check(ctx))
    materials = ctx.checklist.materials
    present = {f.material for f in ctx.dossier.files if f.material}
    required = [m for m in materials if m.required]
    cfg = ctx.dossier.config
    expires = cfg.license.expires
    deadline = filing_deadline(expires) if expires is not None else None
    return DossierReport(
        path=ctx.dossier.display,
        authority=ctx.checklist.authority.slug,
        authority_title=(ctx.checklist.authority.authority, ctx.checklist.authority.authority_en),
        findings=sort_findings(found, ctx.checklist.order),
        materials_required=len(required),
        materials_present=sum(1 for m in required if m.id in present),
        company=cfg.company.name,
        license_number=cfg.license.number,
        materials=material_lines(ctx),
        expires=expires,
        filing_deadline=deadline,
        days_left=(deadline - ctx.today).days if deadline is not None else None,
        files=file_lines(ctx),
    )


def file_lines(ctx: Context) -> tuple[FileLine, ...]:
    """The dossier's plain files, with what inspection learnt of them."""
    lines = []
    for f in ctx.dossier.files:
        info = f.info
        readable = (
            info is not None
            and not info.encrypted
            and info.corrupt is None
            and info.limit is None
            and f.size > 0
        )
        lines.append(
            FileLine(
                path=f.path,
                material=f.material,
                format=info.format if info else None,
                size=f.size,
                source=str(f.abspath),
                readable=readable,
            )
        )
    return tuple(lines)


def material_lines(ctx: Context) -> tuple[MaterialLine, ...]:
    """The effective checklist with each material's category titles and file count."""
    counts: dict[str, int] = {}
    for f in ctx.dossier.files:
        if f.material:
            counts[f.material] = counts.get(f.material, 0) + 1
    cats = {c.id: c for c in ctx.checklist.categories}
    lines = []
    for m in ctx.checklist.materials:
        cat = cats.get(m.category)
        lines.append(
            MaterialLine(
                id=m.id,
                title=m.title,
                title_en=m.title_en,
                category=m.category,
                category_title=cat.title if cat else m.category,
                category_title_en=cat.title_en if cat else m.category,
                required=m.required,
                files=counts.get(m.id, 0),
            )
        )
    return tuple(lines)
