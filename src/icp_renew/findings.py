"""Findings are values: a code, a severity, where, and a bilingual message.

The codes themselves (default severity, how to fix) are registered in
:mod:`icp_renew.codes`; they are re-exported here, where checks import them from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from icp_renew.codes import FINDING_CODES, Code, Severity, register
from icp_renew.i18n import Lang
from icp_renew.pii import redact, reveal


@dataclass(frozen=True)
class Finding:
    """One problem found. ``params`` fill the ``{name}`` slots of ``zh``/``en``.

    A parameter that is personal data is wrapped in :class:`icp_renew.pii.Pii`
    and masked when the message is rendered, unless ``show_pii``.
    """

    code: str
    severity: Severity
    material: str | None
    path: str | None
    zh: str
    en: str
    params: tuple[tuple[str, Any], ...] = field(default=())

    def message(self, lang: Lang, show_pii: bool = False) -> str:
        template = self.zh if lang == "zh" else self.en
        values = {k: reveal(v, show_pii) for k, v in self.params}
        try:
            text = template.format(**values)
        except (KeyError, IndexError, ValueError):  # pragma: no cover - a bug in a template
            text = template
        # a number typed into the wrong field is quoted as a plain value: mask it all the same
        return text if show_pii else redact(text)

    def hint(self, lang: Lang) -> str:
        code = FINDING_CODES.get(self.code)
        return code.hint(lang) if code else ""


def finding(
    code: str,
    *,
    zh: str,
    en: str,
    material: str | None = None,
    path: str | None = None,
    severity: Severity | None = None,
    **params: Any,
) -> Finding:
    """Build a finding with the code's default severity unless one is given."""
    if code not in FINDING_CODES:
        raise KeyError(f"unregistered finding code {code!r}")
    sev = severity if severity is not None else FINDING_CODES[code].severity
    return Finding(code, sev, material, path, zh, en, tuple(sorted(params.items())))


@dataclass(frozen=True)
class MaterialLine:
    """One material of the effective checklist as a report shows it (checklist order)."""

    id: str
    title: str
    title_en: str
    category: str
    category_title: str
    category_title_en: str
    required: bool
    files: int = 0  # files assigned to it in the dossier


@dataclass(frozen=True)
class DossierReport:
    """The verdict on one dossier."""

    path: str
    authority: str | None
    findings: tuple[Finding, ...]
    materials_required: int
    materials_present: int
    company: str | None = None
    license_number: str | None = None
    materials: tuple[MaterialLine, ...] = ()  # the checklist, for reports grouped by material

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def ok(self, strict: bool = False) -> bool:
        if self.count(Severity.ERROR):
            return False
        return not (strict and self.count(Severity.WARNING))


@dataclass(frozen=True)
class Report:
    """The verdict on every dossier of one run."""

    dossiers: tuple[DossierReport, ...]
    tool_version: str
    rules_version: str

    def count(self, severity: Severity) -> int:
        return sum(d.count(severity) for d in self.dossiers)

    def ok(self, strict: bool = False) -> bool:
        return all(d.ok(strict) for d in self.dossiers)


def _redact_opt(text: str | None) -> str | None:
    return redact(text) if text is not None else None


def redact_dossier(d: DossierReport) -> DossierReport:
    """``d`` with ID and mobile numbers masked in paths and names (a scan named after the ID
    number); messages are masked when rendered (:meth:`Finding.message`)."""
    from dataclasses import replace

    return replace(
        d,
        path=redact(d.path),
        company=_redact_opt(d.company),
        license_number=_redact_opt(d.license_number),
        findings=tuple(replace(f, path=_redact_opt(f.path)) for f in d.findings),
    )


def redact_report(report: Report) -> Report:
    """:func:`redact_dossier` for every dossier of ``report``."""
    from dataclasses import replace

    return replace(report, dossiers=tuple(redact_dossier(d) for d in report.dossiers))


def sort_findings(
    findings: Iterable[Finding], material_order: Mapping[str, int] | None = None
) -> tuple[Finding, ...]:
    """Findings in a stable order: by material (checklist order), path, severity, code."""
    order = material_order or {}
    big = len(order) + 1

    def key(f: Finding) -> tuple[int, str, str, int, str, str]:
        return (
            order.get(f.material, big) if f.material else -1,
            f.material or "",
            f.path or "",
            f.severity.rank,
            f.code,
            f.en,
        )

    return tuple(sorted(findings, key=key))


__all__ = [
    "FINDING_CODES",
    "Code",
    "DossierReport",
    "Finding",
    "MaterialLine",
    "Report",
    "Severity",
    "finding",
    "register",
    "sort_findings",
]
