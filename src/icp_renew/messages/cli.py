"""Messages of the command line itself: warnings and progress around a command."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "warning": ("icp-renew: 警告：{message}", "icp-renew: warning: {message}"),
    "summary-not-written": (
        "无法写入任务摘要：{reason}",
        "cannot write the job summary: {reason}",
    ),
}
