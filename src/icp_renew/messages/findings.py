"""Messages of the findings of ``check``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}

# --- #12 verdicts ------------------------------------------------------------------------------
MESSAGES.update(
    {
        "large-file": (
            "文件大小 {size}，超过 {limit}：上传可能失败（这是本工具的默认策略，"
            "未见官方公布的单个文件上限；可在规则中用 warn_file_size 调整）",
            "the file is {size}, more than {limit}: the upload may fail (the tool's own "
            "policy: no official per-file limit is published; change it with warn_file_size "
            "in the rules)",
        ),
    }
)
