"""Messages about rule files (loading, ``rules lint``)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}

# --- #12 verdicts ------------------------------------------------------------------------------
MESSAGES.update(
    {
        "kind-missing": (
            "缺少 kind 字段：规则文件须写明类型（kind: {kinds} 之一）",
            "the 'kind' field is missing: a rule file says what it is (kind: one of {kinds})",
        ),
    }
)
