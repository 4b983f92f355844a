"""Messages of ``icp-renew init``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}

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
            "无法自动在 {field} 中加入 {values}（{reason}）；请手工加入后重新运行 init，"
            "未作任何改动",
            "cannot add {values} to {field} ({reason}); add it by hand and run init again; "
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
