"""Findings are values: a code, a severity, where, and a message of the catalogue.

The codes themselves (default severity, how to fix) are registered in
:mod:`icp_renew.codes`; they are re-exported here, where checks import them from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from icp_renew.codes import FINDING_CODES, Code, Severity, register
from icp_renew.i18n import Lang
from icp_renew.messages import Message
from icp_renew.pii import redact


@dataclass(frozen=True)
class Finding:
    """One problem found: ``text`` is a message of the catalogue (``findings.…``) with its
    parameters, rendered in the language of the report that prints it.

    A parameter that is personal data is wrapped in :class:`icp_renew.pii.Pii`
    and masked when the message is rendered, unless ``show_pii``.
    """

    code: str
    severity: Severity
    material: str | None
    path: str | None
    text: Message

    @property
    def params(self) -> dict[str, Any]:
        """The message's parameters (raw values)."""
        return dict(self.text.params)

    line: int | None = None  # the dossier.yaml line of a finding about the dossier as a whole

    def message(self, lang: Lang, show_pii: bool = False) -> str:
        text = self.text.render(lang, show_pii=show_pii)
        # a number typed into the wrong field is quoted as a plain value: mask it all the same
        return text if show_pii else redact(text)

    def hint(self, lang: Lang) -> str:
        code = FINDING_CODES.get(self.code)
        return code.hint(lang) if code else ""


def finding(
    code: str,
    key: str,
    /,
    *,
    material: str | None = None,
    path: str | None = None,
    severity: Severity | None = None,
    **params: Any,
) -> Finding:
    """Build a finding with the code's default severity unless one is given; ``key`` names
    its message in the catalogue (``"findings.…"``), ``params`` fill it."""
    if code not in FINDING_CODES:
        raise KeyError(f"unregistered finding code {code!r}")
    sev = severity if severity is not None else FINDING_CODES[code].severity
    return Finding(code, sev, material, path, Message.of(key, **params))


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
class FileLine:
    """One file of the dossier as a report lists it (the html report previews it).

    ``source`` is where the file is on disk, for a preview only: never printed, so never
    masked; ``path`` is what reports print (masked like every path).
    """

    path: str  # dossier-relative, "/"-separated
    material: str | None
    format: str | None  # "pdf", "jpeg", "png", … by signature; None if unknown
    size: int
    source: str = ""
    readable: bool = False  # inspected whole: not corrupt, not encrypted, no guard tripped


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
    authority_title: tuple[str, str] | None = None  # (zh, en): the authority's name
    expires: dt.date | None = None  # license.expires
    filing_deadline: dt.date | None = None  # expires − 90 days (Order 42 Art. 27)
    days_left: int | None = None  # filing_deadline − today, negative once past
    files: tuple[FileLine, ...] = ()  # the dossier's plain files (not links or devices)
    error: str | None = None  # the one-line reason the dossier could not be checked at all
    error_file: str | None = None  # the file at fault (its dossier.yaml), where known
    error_line: int | None = None  # and the line in it
    name: str | None = None  # the folder's own name (`check .` shows it, not ".")

    @classmethod
    def unreadable(
        cls, path: str, reason: str, file: str | None = None, line: int | None = None
    ) -> DossierReport:
        """A dossier that could not be checked at all: kept in every report, never dropped."""
        return cls(
            path=path,
            authority=None,
            findings=(),
            materials_required=0,
            materials_present=0,
            error=reason,
            error_file=file,
            error_line=line if file is not None else None,
        )

    @property
    def label(self) -> str:
        """How a person's report names the dossier: its path, or for a path such as ``.`` or
        ``../..`` that names no folder, the folder's own name."""
        last = self.path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        if self.name and last in ("", ".", ".."):
            return self.name
        return self.path

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def ok(self, strict: bool = False) -> bool:
        if self.error is not None or self.count(Severity.ERROR):
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

    def unreadable(self) -> tuple[DossierReport, ...]:
        """The dossiers that could not be checked at all."""
        return tuple(d for d in self.dossiers if d.error is not None)

    def ok(self, strict: bool = False) -> bool:
        return all(d.ok(strict) for d in self.dossiers)


def authority_name(d: DossierReport, lang: Lang) -> str:
    """The issuing authority as people name it in ``lang`` (北京市通信管理局), else its slug."""
    if d.authority_title is not None:
        return d.authority_title[0] if lang == "zh" else d.authority_title[1]
    return d.authority or ""


def _redact_opt(text: str | None) -> str | None:
    return redact(text) if text is not None else None


def redact_dossier(d: DossierReport) -> DossierReport:
    """``d`` with ID and mobile numbers masked in paths and names (a scan named after the ID
    number); messages are masked when rendered (:meth:`Finding.message`)."""
    from dataclasses import replace

    return replace(
        d,
        path=redact(d.path),
        name=_redact_opt(d.name),
        company=_redact_opt(d.company),
        license_number=_redact_opt(d.license_number),
        error=_redact_opt(d.error),
        error_file=_redact_opt(d.error_file),
        findings=tuple(replace(f, path=_redact_opt(f.path)) for f in d.findings),
        files=tuple(replace(f, path=redact(f.path)) for f in d.files),
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
            f.message("en"),
        )

    return tuple(sorted(findings, key=key))


__all__ = [
    "FINDING_CODES",
    "Code",
    "DossierReport",
    "FileLine",
    "Finding",
    "MaterialLine",
    "Report",
    "Severity",
    "finding",
    "register",
    "sort_findings",
]
