"""Messages of ``init``: its errors and what it prints."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "not-a-folder": ("已存在，且不是文件夹", "exists and is not a folder"),
    "symlink": (
        "是符号链接；init 不跟随链接",
        "is a symbolic link; init does not follow links",
    ),
    "cannot-create-folder": ("无法创建文件夹：{reason}", "cannot create folder: {reason}"),
    "unknown-service": (
        "未知的业务 {service}；可选：{known}",
        "unknown service {service}; known: {known}",
    ),
}
