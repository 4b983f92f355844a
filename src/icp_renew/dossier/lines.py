"""The line of ``dossier.yaml`` a finding about the dossier as a whole concerns.

A finding with no file (an invalid USCC, an expired licence, a missing ``expires`` of a
material) is about a field of ``dossier.yaml``; CI annotations (``github``, ``sarif``) point
at that line so that a reviewer lands on it. The field follows from the code (and the
material, for the per-material facts); a field the file does not have gives no line (the
annotation then names the file only).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from icp_renew.findings import DossierReport, Finding

#: the dossier.yaml field a dossier-level finding of each code is about
FIELDS: dict[str, tuple[str, ...]] = {
    "invalid-uscc": ("company", "uscc"),
    "invalid-id-number": ("legal_representative", "id_number"),
    "invalid-phone": ("legal_representative",),
    "invalid-email": ("legal_representative", "email"),
    "invalid-license-number": ("license", "number"),
    "province-mismatch": ("license", "number"),
    "license-expired": ("license", "expires"),
    "past-filing-deadline": ("license", "expires"),
    "filing-deadline-soon": ("license", "expires"),
    "missing-expiry": ("license",),
    "invalid-domain": ("domains",),
    "invalid-filing-number": ("domains",),
    "missing-domain-certificate": ("domains",),
}


def field_of(f: Finding) -> tuple[str, ...] | None:
    """The dossier.yaml field ``f`` is about (None for a finding about a file)."""
    if f.path is not None:
        return None
    if f.code in FIELDS:
        return FIELDS[f.code]
    if f.material is not None:
        return ("materials", f.material)
    return None


def with_lines(report: DossierReport, lines: Mapping[tuple[str | int, ...], int]) -> DossierReport:
    """``report`` with the dossier.yaml line of each dossier-level finding; ``lines``: the
    line of each field, from the parse that read the file (it is not read again)."""
    wanted = [field_of(f) for f in report.findings]
    if not any(wanted):
        return report
    found = []
    for f, loc in zip(report.findings, wanted, strict=True):
        line = None
        # a code's field may be there only in part (no `uscc:` under `company:`): its parent;
        # a material's facts only where they are (a missing material has none to point at)
        shortest = 1 if f.code in FIELDS else 2
        while loc and len(loc) >= shortest:
            if loc in lines:
                line = lines[loc]
                break
            loc = loc[:-1]
        found.append(replace(f, line=line) if line is not None else f)
    return replace(report, findings=tuple(found))
