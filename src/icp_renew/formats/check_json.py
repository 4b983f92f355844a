"""``check --format json``: the machine-readable report (a contract, docs/reports.md).

The contract fields come first, in the order docs/reports.md shows them; fields added
later (``company``, ``license_number``, ``hint``, the top-level ``ok``) only
follow them. Keys are never removed or renamed.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from icp_renew.findings import DossierReport, Finding, Report, Severity
from icp_renew.formats.safe import encodable
from icp_renew.i18n import Lang


def finding_json(f: Finding, *, lang: Lang, show_pii: bool) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity.value,
        "material": f.material,
        "path": encodable(f.path) if f.path is not None else None,
        "message": encodable(f.message(lang, show_pii)),
        "hint": f.hint(lang),
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def dossier_json(
    d: DossierReport, *, lang: Lang, show_pii: bool, strict: bool = False
) -> dict[str, Any]:
    if d.error is not None:  # could not be checked at all: never dropped (docs/reports.md)
        return {
            "path": encodable(d.path),
            "ok": False,
            "error": encodable(d.error),
            "findings": [],
        }
    return {
        "path": encodable(d.path),
        "authority": d.authority,
        "ok": d.ok(strict),
        "summary": {
            "errors": d.count(Severity.ERROR),
            "warnings": d.count(Severity.WARNING),
            "infos": d.count(Severity.INFO),
            "materials_required": d.materials_required,
            "materials_present": d.materials_present,
        },
        "findings": [finding_json(f, lang=lang, show_pii=show_pii) for f in d.findings],
        "company": encodable(d.company) if d.company is not None else None,
        "license_number": encodable(d.license_number) if d.license_number is not None else None,
        "expires": _iso(d.expires),
        "filing_deadline": _iso(d.filing_deadline),
        "days_left": d.days_left,
    }


def report_json(
    report: Report, *, lang: Lang = "en", show_pii: bool = False, strict: bool = False
) -> dict[str, Any]:
    return {
        "tool": "icp-renew",
        "version": report.tool_version,
        "rules_version": report.rules_version,
        "dossiers": [
            dossier_json(d, lang=lang, show_pii=show_pii, strict=strict) for d in report.dossiers
        ],
        "ok": report.ok(strict),
    }


def render(
    report: Report,
    *,
    lang: Lang = "en",
    show_pii: bool = False,
    strict: bool = False,
    quiet: bool = False,
    color: bool = False,
    width: int = 100,
) -> str:
    data = report_json(report, lang=lang, show_pii=show_pii, strict=strict)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
