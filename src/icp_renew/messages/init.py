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
    "materials": (
        "{directory}：{name}（{slug}），{count} 项材料",
        "{directory}: {name} ({slug}), {count:material|materials}",
    ),
    "created": ("已创建  {p}", "created  {p}"),
    "kept-exists-not-changed": (
        "已保留  {p}（已存在，未改动）",
        "kept     {p} (exists, not changed)",
    ),
    "next-fill-in-dossier-yaml": (
        "下一步：填写 dossier.yaml，把扫描件放入各材料文件夹，然后运行 {cmd}",
        "Next: fill in dossier.yaml, put the scans into the material folders, then run {cmd}",
    ),
    "material-folder-s-already-there": (
        "已有 {n} 个材料文件夹，未改动",
        "{n:material folder|material folders} already there, left alone",
    ),
    "nothing-to-do-every-folder": (
        "无需创建：所有文件夹和文件都已存在。",
        "Nothing to do: every folder and file exists.",
    ),
}
