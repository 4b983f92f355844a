"""Messages of ``rules list|show|lint``: what a material rests on."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "basis-law": ("法规", "law"),
    "basis-practice": ("惯例", "practice"),
    "basis-policy": ("本工具设定", "tool policy"),
    "basis-suffix": ("（{basis}）", " ({basis})"),
    "policy-mark": ("（本工具设定）", " (tool policy)"),
}
