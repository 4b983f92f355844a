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

# --- #12 verdicts: init keeps dossier.yaml and the folders in agreement ----------------------
MESSAGES.update(
    {
        "province-differs": (
            "dossier.yaml 的许可证属于{dossier}，而 --province 为{given}；"
            "确需按{given}的清单建立文件夹，请加 --force",
            "the dossier's licence is issued by {dossier}, not by --province {given}; "
            "add --force to create the folders of {given}'s checklist anyway",
        ),
        "yaml-refused": (
            "无法自动在 {target} 中加入 {values}（{reason}）；请手工加入后重新运行 init，"
            "未作任何改动",
            "cannot add {values} to {target} ({reason}); add it by hand and run init again; "
            "nothing was changed",
        ),
        "yaml-updated": (
            "已更新  dossier.yaml：{field} 加入 {values}",
            "updated  dossier.yaml: {values} added to {field}",
        ),
        "edit-invalid": ("文件不是有效的 YAML", "the file is not valid YAML"),
        "edit-document": ("文件顶层不是映射", "the document is not a mapping"),
        "edit-not-mapping": ("{field} 不是映射", "{field} is not a mapping"),
        "edit-missing": ("缺少 {field}", "{field} is missing"),
        "edit-flow-document": (
            "整个文件写成了一个流式映射（花括号形式）",
            "the whole document is one flow mapping (in braces)",
        ),
        "edit-alias": ("该值使用了锚点或别名", "the value is an anchor or an alias"),
        "edit-not-list": ("该值不是列表", "the value is not a list"),
        "edit-not-plain": (
            "列表最后一项是多行的映射或列表",
            "the list's last item is a mapping or list over several lines",
        ),
        "edit-item-layout": (
            "列表第一项不在行首",
            "the list's first item does not start its line",
        ),
        "edit-unverified": (
            "修改后的文件无法按预期读回",
            "the edited file would not read back as intended",
        ),
    }
)
