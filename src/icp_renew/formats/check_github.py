"""``check --format github``: GitHub Actions workflow commands, one per finding.

``::error file=<dossier>/<file>,title=…::message`` (``warning``; ``notice`` for
info), escaped as the runner expects (:mod:`icp_renew.formats.github`), so that
a file name can neither break a command nor start a new one. A finding about
the dossier as a whole has no ``file`` and names the dossier in its message.
A plain summary line per dossier follows its annotations. The Markdown job
summary (``GITHUB_STEP_SUMMARY``) is :mod:`icp_renew.formats.check_markdown`;
the CLI appends it.
"""

from __future__ import annotations

from icp_renew.findings import FINDING_CODES, DossierReport, Report, Severity
from icp_renew.formats.github import command
from icp_renew.formats.safe import dossier_file, visible
from icp_renew.i18n import Lang, tr

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def summary_line(d: DossierReport, lang: Lang, strict: bool) -> str:
    errors, warnings, infos = (d.count(s) for s in Severity)
    verdict = tr(lang, "通过", "passed") if d.ok(strict) else tr(lang, "未通过", "failed")
    counts = tr(
        lang,
        f"必需材料 {d.materials_present}/{d.materials_required}，错误 {errors}，警告 {warnings}，提示 {infos}",
        f"{d.materials_present}/{d.materials_required} required materials, "
        f"{errors} error(s), {warnings} warning(s), {infos} info",
    )
    return f"icp-renew: {visible(d.path)}: {verdict}: {counts}"


def workflow_commands(d: DossierReport, lang: Lang, show_pii: bool) -> list[str]:
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
        file = visible(dossier_file(d.path, f.path)) if f.path else None
        lines.append(command(LEVELS[f.severity], message, file=file, title=title))
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
        if not quiet or d.findings:
            lines.append(summary_line(d, lang, strict))
    return "\n".join(lines) + "\n" if lines else ""
