"""A Markdown summary of a check: the GitHub job summary (``GITHUB_STEP_SUMMARY``),
a pull-request comment, or ``check --format markdown``.

A table of the dossiers (materials present of required, errors, warnings,
result), then each dossier's findings in a collapsible section. Every file name
and message is escaped: Markdown and HTML in a file name stay literal text.
"""

from __future__ import annotations

import html

from icp_renew.findings import DossierReport, Report, Severity
from icp_renew.formats.safe import visible
from icp_renew.i18n import Lang, tr

_MD_SPECIAL = "\\`*_[]|~#!"
ICONS = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}


def md(text: str) -> str:
    """Literal text inside Markdown (and a table cell): no markup, no HTML, no line break."""
    out = html.escape(visible(text), quote=False)
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in out)


def _verdict(d: DossierReport, lang: Lang, strict: bool) -> str:
    if not d.ok(strict):
        return "❌ " + tr(lang, "未通过", "failed")
    if d.findings:
        return "✅ " + tr(lang, "通过（有提示）", "passed with notes")
    return "✅ " + tr(lang, "通过", "passed")


def _details(d: DossierReport, lang: Lang, show_pii: bool) -> list[str]:
    head = [
        tr(lang, "级别", "Severity"),
        tr(lang, "代码", "Code"),
        tr(lang, "材料", "Material"),
        tr(lang, "文件", "File"),
        tr(lang, "说明", "Message"),
    ]
    out = [
        "<details>",
        f"<summary>{html.escape(visible(d.path))}: {len(d.findings)} {tr(lang, '项发现', 'finding(s)')}</summary>",
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
    title = tr(
        lang,
        f"## icp-renew 材料检查：{n} 份材料，{failed} 份未通过",
        f"## icp-renew check: {n} dossier(s), {failed} failed",
    )
    out = [title, ""]
    if not n:
        return "\n".join([*out, tr(lang, "没有检查任何材料。", "No dossier was checked."), ""])
    head = [
        tr(lang, "材料目录", "Dossier"),
        tr(lang, "发证机关", "Authority"),
        tr(lang, "必需材料", "Required materials"),
        tr(lang, "错误", "Errors"),
        tr(lang, "警告", "Warnings"),
        tr(lang, "提示", "Infos"),
        tr(lang, "结果", "Result"),
    ]
    out += ["| " + " | ".join(head) + " |", "|---|---|---|---:|---:|---:|---|"]
    for d in report.dossiers:
        cells = [
            md(d.path),
            md(d.authority or ""),
            f"{d.materials_present}/{d.materials_required}",
            *(str(d.count(s)) for s in Severity),
            _verdict(d, lang, strict),
        ]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    for d in report.dossiers:
        if d.findings:
            out += _details(d, lang, show_pii)
    out.append(
        tr(
            lang,
            f"规则版本 {report.rules_version}，icp-renew {report.tool_version}。",
            f"Rules {report.rules_version}, icp-renew {report.tool_version}.",
        )
    )
    return "\n".join(out) + "\n"
