"""``check --format github``: GitHub Actions workflow commands, one per finding.

``::error file=<dossier>/<file>,title=…::message`` (``warning``; ``notice`` for
info), escaped as the runner expects (:mod:`icp_renew.formats.github`), so that
a file name can neither break a command nor start a new one. A finding about
the dossier as a whole points at its ``dossier.yaml`` (at the line of the field
it concerns, where the file has it) and names the dossier in its message. Paths
are relative to ``GITHUB_WORKSPACE`` when it is set (the runner resolves
``file=`` against the workspace).
A plain summary line per dossier follows its annotations. The Markdown job
summary (``GITHUB_STEP_SUMMARY``) is :mod:`icp_renew.formats.check_markdown`;
the CLI appends it. A dossier that could not be checked at all is an
``::error`` at its ``dossier.yaml`` (and the line, where known).
"""

from __future__ import annotations

from icp_renew.findings import FINDING_CODES, DossierReport, Report, Severity
from icp_renew.formats.github import command, workspace_relative
from icp_renew.formats.safe import dossier_file, visible
from icp_renew.i18n import Lang
from icp_renew.messages import t

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def summary_line(d: DossierReport, lang: Lang, strict: bool) -> str:
    errors, warnings, infos = (d.count(s) for s in Severity)
    verdict = t("report.passed", lang) if d.ok(strict) else t("report.failed", lang)
    counts = t(
        "report.github-summary",
        lang,
        materials_present=d.materials_present,
        materials_required=d.materials_required,
        errors=errors,
        warnings=warnings,
        infos=infos,
    )
    return f"icp-renew: {visible(d.path)}: {verdict}: {counts}"


def cannot_check(d: DossierReport) -> str:
    """The ``::error`` of a dossier that could not be checked at all, at its file and line."""
    return command(
        "error",
        visible(d.error or ""),
        file=visible(d.error_file) if d.error_file else None,
        line=d.error_line,
        title="icp-renew: cannot check",
    )


def workflow_commands(d: DossierReport, lang: Lang, show_pii: bool) -> list[str]:
    if d.error is not None:
        return [cannot_check(d)]
    lines = []
    for f in d.findings:
        entry = FINDING_CODES.get(f.code)
        title = f"{entry.title(lang)} [{f.code}]" if entry else f.code
        message = visible(f.message(lang, show_pii))
        if not f.path:
            message = f"{visible(d.path)}: {message}"
        hint = f.hint(lang)
        if hint:
            message += "\n" + hint
        # a finding about the dossier as a whole points at its dossier.yaml, as in sarif
        file = visible(workspace_relative(dossier_file(d.path, f.path or "dossier.yaml")))
        lines.append(command(LEVELS[f.severity], message, file=file, line=f.line, title=title))
    return lines


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
    lines: list[str] = []
    for d in report.dossiers:
        lines += workflow_commands(d, lang, show_pii)
        if d.error is None and (not quiet or d.findings):
            lines.append(summary_line(d, lang, strict))
    return "\n".join(lines) + "\n" if lines else ""
