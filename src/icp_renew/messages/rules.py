"""Messages of ``rules list|show|lint``: what a material rests on."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "basis-law": ("法规", "law"),
    "basis-practice": ("惯例", "practice"),
    "basis-policy": ("本工具设定", "tool policy"),
    "basis-suffix": ("（{basis}）", " ({basis})"),
    "policy-mark": ("（本工具设定）", " (tool policy)"),
}

# --- #12 verdicts ------------------------------------------------------------------------------
MESSAGES.update(
    {
        "kind-missing": (
            "缺少 kind 字段：规则文件须写明类型（kind: {kinds} 之一）",
            "the 'kind' field is missing: a rule file says what it is (kind: one of {kinds})",
        ),
    }
)
