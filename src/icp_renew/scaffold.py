"""Scaffolding a dossier: the folders of a checklist and a commented ``dossier.yaml``.

``icp-renew init`` creates ``<n>-<category title>/<n.m>-<material title>/`` for
every material of the resolved checklist, numbered in checklist order, and only
for categories that have materials: ``1-基础资质文件/1.1-营业执照副本/``. The
scanner recognises exactly these names (docs/dossier-layout.md: an optional
ordinal prefix, then a material id or Chinese title, under a category folder).

Nothing is put into a material folder (a read-me there would itself be an
unassigned file), and no existing file is ever overwritten: a dossier that
already has a folder for a material, under any accepted name, keeps it.

The ``dossier.yaml`` template loads as written: values still to be filled in are
the placeholder ``待填写`` (which ``check`` then reports as invalid), dates left
open are empty (reported as missing metadata), optional fields are commented
out. It starts with the yaml-language-server modeline pointing at
``dossier.schema.json`` beside it, so editors complete and validate it offline.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from icp_renew.atomic import write_atomic
from icp_renew.dossier.config import DOSSIER_FILE, PLACEHOLDER, SCHEMA_FILE, SERIAL_PLACEHOLDER
from icp_renew.errors import UserError, os_error
from icp_renew.rulebook.resolve import Checklist, Requirement

#: the ordinal prefix a folder name may carry (docs/dossier-layout.md): ``01-``, ``1.1-``, ``1.1 ``, ``2_``
ORDINAL = re.compile(r"^\d+(\.\d+)*[-_. ]+")
#: what ``check`` reports until it is replaced

# characters that some file system or archive tool refuses in a name
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


@dataclass(frozen=True)
class Slot:
    """The planned folder of one material."""

    material: str
    category: str
    category_folder: str  # e.g. 1-基础资质文件
    folder: str  # e.g. 1.1-营业执照副本

    @property
    def path(self) -> str:
        return f"{self.category_folder}/{self.folder}"


@dataclass
class ScaffoldResult:
    """What ``scaffold`` did, as dossier-relative ``/``-separated paths (folders end in ``/``)."""

    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # files that existed and were left alone
    present: list[str] = field(default_factory=list)  # material folders found under other names


def folder_name(ordinal: str, title: str, fallback: str) -> str:
    """``<ordinal>-<title>``; the id instead when the title is unusable as a file name."""
    name = unicodedata.normalize("NFC", title).strip()
    if not name or _UNSAFE.search(name) or name.endswith("."):
        name = fallback
    return f"{ordinal}-{name}"


def plan(checklist: Checklist) -> tuple[Slot, ...]:
    """One slot per material, in checklist order; categories without materials are left out."""
    slots: list[Slot] = []
    used = [c for c in checklist.categories if any(m.category == c.id for m in checklist.materials)]
    for n, cat in enumerate(used, 1):
        cat_folder = folder_name(str(n), cat.title, cat.id)
        mats = [m for m in checklist.materials if m.category == cat.id]
        for k, mat in enumerate(mats, 1):
            slots.append(
                Slot(mat.id, cat.id, cat_folder, folder_name(f"{n}.{k}", mat.title, mat.id))
            )
    return tuple(slots)


def _key(name: str) -> str:
    """A folder name as the scanner compares it: NFC, without ordinal prefix, case-folded."""
    name = unicodedata.normalize("NFC", name).strip()
    return ORDINAL.sub("", name, count=1).strip().casefold()


def _names(*names: str | None) -> set[str]:
    return {_key(n) for n in names if n}


def _subdirs(path: Path) -> list[Path]:
    try:
        return sorted(p for p in path.iterdir() if p.is_dir() and not p.is_symlink())
    except OSError:
        return []


def existing_folders(root: Path, checklist: Checklist) -> tuple[dict[str, str], dict[str, str]]:
    """Folders already in ``root``: (material id → path, category id → path), first found wins."""
    mat_names = {m.id: _names(m.id, m.title, *m.aliases) for m in checklist.materials}
    cat_names = {c.id: _names(c.id, c.title) for c in checklist.categories}

    def material_of(name: str) -> str | None:
        key = _key(name)
        return next((mid for mid, names in mat_names.items() if key in names), None)

    materials: dict[str, str] = {}
    categories: dict[str, str] = {}
    for top in _subdirs(root):
        mid = material_of(top.name)
        if mid is not None:
            materials.setdefault(mid, top.name)
            continue
        cid = next((c for c, names in cat_names.items() if _key(top.name) in names), None)
        if cid is None:
            continue
        categories.setdefault(cid, top.name)
        for sub in _subdirs(top):
            mid = material_of(sub.name)
            if mid is not None:
                materials.setdefault(mid, f"{top.name}/{sub.name}")
    return materials, categories


def schema_text() -> str:
    """The JSON Schema of dossier.yaml, as ``icp-renew schema dossier`` prints it."""
    from icp_renew.schemas import dossier_schema

    return json.dumps(dossier_schema(), ensure_ascii=False, indent=2) + "\n"


def _mkdir(path: Path) -> bool:
    """Create the folder ``path``; False when it already exists. A link is never followed:
    a folder named as init would name it but linking out of the dossier is refused."""
    if path.is_symlink():
        raise UserError("init.symlink", source=str(path))
    if path.is_dir():
        return False
    try:
        path.mkdir(parents=True)
    except FileExistsError:
        if path.is_dir():
            return False
        raise UserError("init.not-a-folder", source=str(path)) from None
    except OSError as exc:
        raise UserError(os_error(exc, "init.cannot-create-folder"), source=str(path)) from None
    return True


def scaffold(root: Path, checklist: Checklist, config_text: str) -> ScaffoldResult:
    """Create the dossier folder, ``dossier.yaml``, its schema and the material folders.

    Never overwrites a file; a material that already has a folder (under any name the
    scanner accepts) gets no second one. ``UserError`` when ``root`` is not a folder.
    """
    if root.exists() and not root.is_dir():
        raise UserError("init.not-a-folder", source=str(root))
    result = ScaffoldResult()
    if _mkdir(root):
        result.created.append("./")
    for name, text in ((DOSSIER_FILE, config_text), (SCHEMA_FILE, None)):
        target = root / name
        if target.exists() or target.is_symlink():
            result.kept.append(name)
        elif write_atomic(
            target, (text if text is not None else schema_text()).encode("utf-8"), replace=False
        ):
            result.created.append(name)
        else:  # pragma: no cover - created by someone else meanwhile
            result.kept.append(name)
    materials, categories = existing_folders(root, checklist)
    for slot in plan(checklist):
        if slot.material in materials:
            result.present.append(materials[slot.material] + "/")
            continue
        cat_folder = categories.setdefault(slot.category, slot.category_folder)
        if _mkdir(root / cat_folder):
            result.created.append(cat_folder + "/")
        path = f"{cat_folder}/{slot.folder}"
        if _mkdir(root / cat_folder / slot.folder):
            result.created.append(path + "/")
        materials[slot.material] = path
    return result


# --- the dossier.yaml template ---------------------------------------------------------------

_FACT_COMMENTS: Mapping[str, tuple[str, str]] = {
    "expires": ("到期日（必填），如 2027-12-31", "valid until (required), e.g. 2027-12-31"),
    "issued": ("签发日期", "issued on"),
    "number": ("证书或合同编号", "certificate or contract number"),
    "year": (
        "报告年度；文件名中已写明年份时可不填",
        "the year it covers; not needed when the file name has it",
    ),
}


def license_placeholder(checklist: Checklist, services: Sequence[str]) -> str:
    """``京B2-XXXXXXXX``: the authority's prefix and the classes of the services."""
    prefix = next(iter(checklist.authority.license_prefixes), "")
    classes = sorted({s[:2] for s in services if len(s) >= 2}) or ["B2"]
    return f"{prefix}{'.'.join(classes)}-{SERIAL_PLACEHOLDER}"


def _facts_of(mat: Requirement) -> list[str]:
    facts = list(dict.fromkeys(mat.needs))
    if mat.years == 1 and "year" not in facts:
        facts.append("year")
    return facts


def _flow_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(items) + "]"


def render_config(
    checklist: Checklist,
    services: Sequence[str],
    service_names: Mapping[str, str],
    known_industries: Sequence[str],
) -> str:
    """The commented ``dossier.yaml`` for ``checklist``; it loads as written."""
    a = checklist.authority
    svc_names = "; ".join(f"{s} {service_names[s]}" for s in services if s in service_names)
    lines = [
        f"# yaml-language-server: $schema={SCHEMA_FILE}",
        "#",
        "# icp-renew 续期材料配置 / renewal dossier configuration",
        f"# 发证机关 / issuing authority: {a.authority} ({a.authority_en})",
        "#",
        f"# 填写方法：把“{PLACEHOLDER}”换成实际内容；以 # 开头的行是注释，删去行首的 # 即可启用。",
        "# 日期写作 2026-05-31 或 2026年5月31日；身份证号码、手机号码请保留引号。",
        f"# How to fill in: replace {PLACEHOLDER} (“to fill in”) with the real value; a line that starts",
        "# with # is a comment: delete the # to use it. Dates as 2026-05-31 or 2026年5月31日; keep the",
        "# quotes around ID and mobile numbers.",
        "#",
        "# 然后把扫描件放入各材料文件夹，运行 icp-renew check 检查本材料目录。",
        "# Then put the scans into the material folders and run icp-renew check on this folder.",
        "# 全部字段 / every field: icp-renew schema dossier",
        "",
        "# 企业信息，与营业执照一致 / The company, as on its business licence",
        "company:",
        f"  name: {PLACEHOLDER}  # 企业名称 / company name",
        f"  uscc: {PLACEHOLDER}  # 统一社会信用代码（18 位）/ unified social credit code (18 characters)",
        "",
        "# 法定代表人；报告中身份证号码、手机号码默认打码",
        "# Legal representative; ID and mobile numbers are masked in reports",
        "legal_representative:",
        f"  name: {PLACEHOLDER}  # 姓名 / name",
        f'  id_number: "{PLACEHOLDER}"  # 居民身份证号码（18 位）/ resident ID number (18 characters)',
        f'  mobile: "{PLACEHOLDER}"  # 手机号码 / mobile number, e.g. "13800138000"',
        '  # landline: "010-62345678"  # 固定电话（含区号）/ landline with its area code',
        "  # email: name@example.com  # 电子邮箱 / e-mail",
        "",
        "# 发证机关（简称、代码或中文名）；省略时按许可证编号前缀判断",
        "# Issuing authority (slug, ISO code or Chinese name); if omitted, the licence-number prefix decides",
        f"authority: {a.slug}",
        "",
        "# 现有许可证 / The current licence",
        "license:",
        f"  number: {license_placeholder(checklist, services)}  # 许可证编号 / licence number, e.g. 京B2-20210001",
        f"  services: {_flow_list(services)}  # 业务种类 / licensed services{': ' + svc_names if svc_names else ''}",
        "  # issued: 2021-06-01  # 发证日期 / issued on",
        "  # expires: 2026-05-31  # 有效期至；须在到期前 90 日申请续期 / valid until; file at least 90 days before",
        "  # holder: 北京示例科技有限公司  # 许可证上的公司名称（改名须办理变更）/ the name the licence prints",
        "  # legal_representative: 张三  # 许可证上的法定代表人 / the legal representative it prints",
        "",
        "# 前置审批行业 / Prior-approval industries:",
        f"# {', '.join(known_industries)}",
        f"industries: {_flow_list(checklist.industries)}",
        "",
        "# 已备案的域名，每个域名一份域名证书，文件名包含域名（如 example.com.pdf）",
        "# Filed domains; one certificate per domain, the domain in its file name (e.g. example.com.pdf)",
        "domains:",
        f"  - name: {PLACEHOLDER}  # 域名 / domain name, e.g. example.com",
        f"    filing_number: {PLACEHOLDER}  # 备案号 / ICP filing number, e.g. 京ICP备12345678号-1",
    ]
    with_facts = [m for m in checklist.materials if _facts_of(m)]
    lines += [
        "",
        "# 扫描件无法提供的材料信息；留空的项在检查时会被提示",
        "# Facts about materials that scans can't give; `check` reports the empty ones",
        "materials:" if with_facts else "materials: {}",
    ]
    for mat in with_facts:
        lines.append(f"  {mat.id}:  # {mat.title} / {mat.title_en}")
        for fact in _facts_of(mat):
            zh, en = _FACT_COMMENTS.get(fact, ("", ""))
            lines.append(f"    {fact}:  # {zh} / {en}")
    return "\n".join(lines + TIMELINE_TEMPLATE) + "\n"


#: the end of every template: the renewal's events, added by `icp-renew record`
TIMELINE_TEMPLATE = [
    "",
    "# 续期进度：提交、补正、决定、领证、归档、年报、变更，按日期先后；用 icp-renew record 追加，",
    "# 用 icp-renew status 查看。例如：",
    "# The renewal's events in date order; add them with icp-renew record, see icp-renew status:",
    '#   - {event: submitted, date: 2026-02-10, reference: "受理号 2026-0123"}',
    "#   - {event: correction-requested, date: 2026-02-20, due: 2026-02-27}",
    "timeline:",
]
