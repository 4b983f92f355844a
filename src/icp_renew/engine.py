"""``run(ctx) -> DossierReport``: every registered check over one dossier, collected."""

from __future__ import annotations

from icp_renew.checks import Context, registry
from icp_renew.findings import DossierReport, Finding, sort_findings


def run(ctx: Context) -> DossierReport:
    """Run every check; findings sorted in checklist order. Pure: no printing, no clock."""
    found: list[Finding] = []
    for module in registry():
        found.extend(module.check(ctx))
    materials = ctx.checklist.materials
    present = {f.material for f in ctx.dossier.files if f.material}
    required = [m for m in materials if m.required]
    cfg = ctx.dossier.config
    return DossierReport(
        path=ctx.dossier.display,
        authority=ctx.checklist.authority.slug,
        findings=sort_findings(found, ctx.checklist.order),
        materials_required=len(required),
        materials_present=sum(1 for m in required if m.id in present),
        company=cfg.company.name,
        license_number=cfg.license.number,
    )
