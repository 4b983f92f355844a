"""Words shared by the report formats of ``check``: verdicts, counts, headings."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- verdicts ------------------------------------------------------------------------
    "passed": ("通过", "passed"),
    "failed": ("未通过", "failed"),
    "verdict-passed": ("√ 通过", "√ PASSED"),
    "verdict-failed": ("× 未通过", "× FAILED"),
    # not a check mark: a warning (a deadline near, a scan to redo) needs reading first
    "verdict-passed-with-warnings": ("! 通过，但有警告", "! PASSED with warnings"),
    "passed-with-warnings-md": ("通过，但有 {n} 条警告", "passed, with {n:warning|warnings}"),
    "passed-with-notes-md": ("通过（{n} 条提示）", "passed ({n:note|notes})"),
    # --- counts --------------------------------------------------------------------------
    "severity-error": ("错误", "error"),
    "severity-warning": ("警告", "warning"),
    "severity-info": ("提示", "info"),
    "counts": (
        "错误 {errors} · 警告 {warnings} · 提示 {notes}",
        "{errors:error|errors} · {warnings:warning|warnings} · {notes:note|notes}",
    ),
    "materials-present": (
        "必需材料 {materials_present}/{materials_required} 项齐全",
        "{materials_present} of {materials_required} required materials present",
    ),
    "file-count": ("{n} 个文件", "{n:file|files}"),
    "findings-count": ("{n} 项发现", "{n:finding|findings}"),
    "recommended": ("（建议）", " (recommended)"),
    "total": (
        "共检查 {n} 份材料：{failed} 份未通过，{passed} 份通过；{counts}",
        "{n:dossier|dossiers} checked: {failed} failed, {passed} passed; {counts}",
    ),
    "github-summary": (
        "必需材料 {materials_present}/{materials_required}，错误 {errors}，警告 {warnings}，"
        "提示 {infos}",
        "{materials_present}/{materials_required} required materials, "
        "{errors:error|errors}, {warnings:warning|warnings}, {infos:note|notes}",
    ),
    # --- headings ------------------------------------------------------------------------
    "general": ("基本信息", "dossier"),
    "group-general": ("基本信息", "Dossier"),
    "group-materials": ("材料", "Materials"),
    "table-title": ("汇总", "Summary"),
    "table-dossier": ("材料目录", "dossier"),
    "table-authority": ("发证机关", "authority"),
    "table-materials": ("必需材料", "materials"),
    "table-errors": ("错误", "errors"),
    "table-warnings": ("警告", "warnings"),
    "table-result": ("结果", "result"),
    "table-failed": ("× 未通过", "× failed"),
    "table-passed": ("√ 通过", "√ passed"),
    # --- markdown ------------------------------------------------------------------------
    "markdown-title": (
        "## icp-renew 材料检查：{n} 份材料，{failed} 份未通过",
        "## icp-renew check: {n:dossier|dossiers}, {failed} failed",
    ),
    "nothing-checked": ("没有检查任何材料。", "No dossier was checked."),
    "col-severity": ("级别", "Severity"),
    "col-code": ("代码", "Code"),
    "col-material": ("材料", "Material"),
    "col-file": ("文件", "File"),
    "col-message": ("说明", "Message"),
    "col-dossier": ("材料目录", "Dossier"),
    "col-authority": ("发证机关", "Authority"),
    "col-required-materials": ("必需材料", "Required materials"),
    "col-errors": ("错误", "Errors"),
    "col-warnings": ("警告", "Warnings"),
    "col-notes": ("提示", "Notes"),
    "col-result": ("结果", "Result"),
    "versions": (
        "规则版本 {rules_version}，icp-renew {tool_version}。",
        "Rules {rules_version}, icp-renew {tool_version}.",
    ),
    "sarif-rule": ("{title}：{hint}", "{title}: {hint}"),
}
