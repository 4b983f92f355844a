"""A Markdown summary of a check: the GitHub job summary (``GITHUB_STEP_SUMMARY``),
a pull-request comment, or ``check --format markdown``.

A table of the dossiers (materials present of required, errors, warnings,
result), then each dossier's findings in a collapsible section; a dossier that
could not be checked at all is a row and a line with its reason. Every file name
and message is escaped: Markdown and HTML in a file name stay literal text.
"""

from __future__ import annotations

import html

from icp_renew.findings import DossierReport, Report, Severity, authority_name
from icp_renew.formats.safe import visible
from icp_renew.i18n import Lang
from icp_renew.messages import t

_MD_SPECIAL = "\\`*_[]|~#!"
ICONS = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}


def md(text: str) -> str:
    """Literal text inside Markdown (and a table cell): no markup, no HTML, no line break."""
    out = html.escape(visible(text), quote=False)
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in out)


def _verdict(d: DossierReport, lang: Lang, strict: bool) -> str:
    if d.error is not None:
        return "❌ " + t("deadline.cannot-check", lang)
    if not d.ok(strict):
        return "❌ " + t("report.failed", lang)
    warnings = d.count(Severity.WARNING)
    if warnings:
        return "⚠️ " + t("report.passed-with-warnings-md", lang, n=warnings)
    if d.findings:
        return "✅ " + t("report.passed-with-notes-md", lang, n=len(d.findings))
    return "✅ " + t("report.passed", lang)


def _details(d: DossierReport, lang: Lang, show_pii: bool) -> list[str]:
    head = [
        t("report.col-severity", lang),
        t("report.col-code", lang),
        t("report.col-material", lang),
        t("report.col-file", lang),
        t("report.col-message", lang),
    ]
    out = [
        "<details>",
        f"<summary>{html.escape(visible(d.path))}: "
        f"{t('report.findings-count', lang, n=len(d.findings))}</summary>",
        "",
        "| " + " | ".join(head) + " |",
        "|---|---|---|---|---|",
    ]
    for f in d.findings:
        msg = md(f.message(lang, show_pii))
        hint = f.hint(lang)
        if hint:
            msg += "<br>" + md(hint)
        cells = [
            f"{ICONS[f.severity]} {f.severity.value}",
            md(f.code),
            md(f.material or ""),
            md(f.path or ""),
            msg,
        ]
        out.append("| " + " | ".join(cells) + " |")
    return [*out, "", "</details>", ""]


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
    failed = sum(1 for d in report.dossiers if not d.ok(strict))
    n = len(report.dossiers)
    title = t("report.markdown-title", lang, n=n, failed=failed)
    out = [title, ""]
    if not n:
        return "\n".join([*out, t("report.nothing-checked", lang), ""])
    head = [
        t("report.col-dossier", lang),
        t("report.col-authority", lang),
        t("report.col-required-materials", lang),
        t("report.col-errors", lang),
        t("report.col-warnings", lang),
        t("report.col-notes", lang),
        t("report.col-result", lang),
    ]
    out += ["| " + " | ".join(head) + " |", "|---|---|---|---:|---:|---:|---|"]
    for d in report.dossiers:
        cells = [
            md(d.path),
            md(authority_name(d, lang)),
            f"{d.materials_present}/{d.materials_required}",
            *(str(d.count(s)) for s in Severity),
            _verdict(d, lang, strict),
        ]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    for d in report.unreadable():  # never dropped (docs/reports.md)
        line = t("deadline.cannot-check-line", lang, path=md(d.path), reason=md(d.error or ""))
        out += ["❌ " + line, ""]
    for d in report.dossiers:
        if d.findings:
            out += _details(d, lang, show_pii)
    out.append(
        t(
            "report.versions",
            lang,
            rules_version=report.rules_version,
            tool_version=report.tool_version,
        )
    )
    return "\n".join(out) + "\n"
