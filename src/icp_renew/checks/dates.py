"""Validity dates and the facts a material needs in ``dossier.yaml``.

``missing-metadata`` (error): a material of the checklist that has files and
whose rule says ``needs: [expires]`` (the hosting agreement, the IDC licence,
dated prior-approval permits), ``[issued]`` or ``[number]``, without that
entry under ``materials.<id>`` in ``dossier.yaml``::

    materials:
      hosting-agreement: {expires: 2027-12-31}
      idc-license: {number: B1-20190001, expires: 2029-01-01}

(A year is the business of the ``years`` check.)

``expired`` (error): a material whose ``expires`` is before today
(``--today``): it must be valid on the day of the check; the last day of
validity is still valid. ``expires-soon`` (warning): it expires within the
material's ``expires_soon_days`` (rules; 60 by default, 180 for the drug
information permit), or before the filing date (``--filing-date``) when that
is later than today. The review takes weeks, and a document that lapses
during it is asked for again.

Every ``expires`` in ``dossier.yaml`` is checked, whether or not the rule asks
for one, and whether or not the material has files (the date is then still a
stale fact).
"""

from __future__ import annotations

from collections.abc import Iterator

from icp_renew.checks import Context
from icp_renew.findings import Finding, finding
from icp_renew.i18n import Text

CODES: tuple[str, ...] = ("missing-metadata", "expired", "expires-soon")

#: the facts a ``needs`` entry may ask for, checked here (``year`` is the years check's)
_NEEDS = ("expires", "issued", "number")
_EXAMPLES = {"expires": "2027-12-31", "issued": "2024-01-01", "number": "B1-20190001"}


def check(ctx: Context) -> Iterator[Finding]:
    materials = ctx.dossier.config.materials
    for req in ctx.checklist.materials:
        if not ctx.dossier.files_of(req.id):
            continue
        facts = materials.get(req.id)
        for need in _NEEDS:
            if need in req.needs and (facts is None or getattr(facts, need) is None):
                yield finding(
                    "missing-metadata",
                    "findings.missing-metadata.fact",
                    material=req.id,
                    title=Text(req.title, req.title_en),
                    id=req.id,
                    field=need,
                    example=_EXAMPLES[need],
                )
    for material_id, facts in materials.items():
        if facts.expires is None:
            continue
        known = ctx.checklist.material(material_id)
        title = Text(known.title, known.title_en) if known else Text(material_id, material_id)
        soon_days = known.expires_soon_days if known else ctx.checklist.settings.expires_soon_days
        expires = facts.expires
        if expires < ctx.today:
            yield finding(
                "expired",
                "findings.expired.expired",
                material=material_id,
                title=title,
                expires=expires.isoformat(),
                today=ctx.today.isoformat(),
            )
        elif expires < ctx.filing_date:
            yield finding(
                "expires-soon",
                "findings.expires-soon.before-filing",
                material=material_id,
                title=title,
                expires=expires.isoformat(),
                filing_date=ctx.filing_date.isoformat(),
            )
        elif (expires - ctx.today).days <= soon_days:
            yield finding(
                "expires-soon",
                "findings.expires-soon.during-review",
                material=material_id,
                title=title,
                expires=expires.isoformat(),
                days=(expires - ctx.today).days,
            )
