"""``rules show --format markdown``: a printable checklist with a box per material."""

from __future__ import annotations

from typing import TYPE_CHECKING

from icp_renew.formats.rules_show_text import basis_word, what
from icp_renew.i18n import Lang, tr
from icp_renew.messages import t

if TYPE_CHECKING:
    from icp_renew.rulebook.resolve import Checklist


def render(checklist: Checklist, *, lang: Lang = "en") -> str:
    a = checklist.authority
    out = [
        f"# {tr(lang, a.authority + ' 增值电信业务经营许可证续期材料清单', 'ICP licence renewal checklist: ' + a.authority_en)}",
        "",
        tr(
            lang,
            f"规则版本 {checklist.rules_version}。申请须于许可证到期前90日提交（《电信业务经营许可管理办法》第二十七条）。",
            f"Rules version {checklist.rules_version}. File at least 90 days before expiry (Order 42 Art. 27).",
        ),
        "",
    ]
    if checklist.industries:
        out += [tr(lang, "前置审批：", "Prior approvals: ") + ", ".join(checklist.industries), ""]
    n = 0
    for ci, cat in enumerate(checklist.categories, 1):
        mats = [m for m in checklist.materials if m.category == cat.id]
        if not mats:
            continue
        out += [f"## {ci}. {cat.title}" + ("" if lang == "zh" else f" ({cat.title_en})"), ""]
        for m in mats:
            n += 1
            name = m.title if lang == "zh" else f"{m.title_en} ({m.title})"
            flag = "" if m.required else tr(lang, "（建议）", " (recommended)")
            out.append(f"- [ ] **{name}**{flag} — `{m.id}`")
            desc = m.description if lang == "zh" else (m.description_en or m.description)
            if desc:
                out.append(f"  {desc.strip()}")
            extra = what(m, lang)
            if extra:
                out.append(f"  *{extra}*")
            basis = t("rules.basis-suffix", lang, basis=basis_word(m, lang)) if m.basis else ""
            out.append(f"  <small>{tr(lang, '依据', 'Source')}{basis}: {m.source}</small>")
        out.append("")
    return "\n".join(out)
