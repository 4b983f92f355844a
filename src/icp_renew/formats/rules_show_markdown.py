"""``rules show --format markdown``: a printable checklist with a box per material."""

from __future__ import annotations

from typing import TYPE_CHECKING

from icp_renew.formats.rules_show_text import basis_word, what
from icp_renew.i18n import Lang, Text
from icp_renew.messages import t

if TYPE_CHECKING:
    from icp_renew.rulebook.resolve import Checklist


def render(checklist: Checklist, *, lang: Lang = "en") -> str:
    a = checklist.authority
    out = [
        "# " + t("rules.markdown-title", lang, authority=Text(a.authority, a.authority_en)),
        "",
        t("rules.rules-version-file-at-least", lang, rules_version=checklist.rules_version),
        "",
    ]
    if checklist.industries:
        out += [t("rules.prior-approvals", lang) + ", ".join(checklist.industries), ""]
    n = 0
    for ci, cat in enumerate(checklist.categories, 1):
        mats = [m for m in checklist.materials if m.category == cat.id]
        if not mats:
            continue
        out += [f"## {ci}. {cat.title}" + ("" if lang == "zh" else f" ({cat.title_en})"), ""]
        for m in mats:
            n += 1
            name = m.title if lang == "zh" else f"{m.title_en} ({m.title})"
            flag = "" if m.required else t("rules.recommended", lang)
            out.append(f"- [ ] **{name}**{flag} — `{m.id}`")
            desc = m.description if lang == "zh" else (m.description_en or m.description)
            if desc:
                out.append(f"  {desc.strip()}")
            extra = what(m, lang)
            if extra:
                out.append(f"  *{extra}*")
            basis = t("rules.basis-suffix", lang, basis=basis_word(m, lang)) if m.basis else ""
            out.append(f"  <small>{t('rules.source', lang)}{basis}: {m.source}</small>")
        out.append("")
    return "\n".join(out)
