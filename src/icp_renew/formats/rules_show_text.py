"""``rules show --format text``: the effective checklist as a table per category.

The words for a material's requirement, basis and checks are shared with the Markdown
checklist (:mod:`icp_renew.formats.rules_show_markdown`).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from icp_renew.i18n import Lang, Text
from icp_renew.messages import listing, t

if TYPE_CHECKING:
    from icp_renew.rulebook.resolve import Checklist, Requirement


def req_label(m: Requirement, lang: Lang) -> str:
    return t("rules.required", lang) if m.required else t("rules.recommended-2", lang)


def basis_word(m: Requirement, lang: Lang) -> str:
    """The material's basis (law, practice, policy) as a word, empty when the rule gives none."""
    return t(f"rules.basis-{m.basis}", lang) if m.basis else ""


def what(m: Requirement, lang: Lang) -> str:
    bits = []
    if m.min_pages > 1:
        pages = t("rules.pages", lang, min_pages=m.min_pages)
        bits.append(pages + (t("rules.policy-mark", lang) if "min_pages" in m.policy else ""))
    if "expires" in m.needs:
        bits.append(t("rules.needs-expires", lang))
    if m.years:
        bits.append(
            t("rules.one-per-year-years", lang, years=m.years)
            if m.years > 1
            else t("rules.previous-year", lang)
        )
    if m.per_domain:
        bits.append(t("rules.one-per-domain", lang))
    if m.must_contain:
        bits.append(t("rules.must-contain", lang) + listing(m.must_contain).get(lang))
    return "; ".join(bits)


def console(width: int = 120) -> Any:
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=width,
        force_terminal=False,
        no_color=True,
        highlight=False,
        emoji=False,
    )


def render(checklist: Checklist, *, lang: Lang = "en", width: int = 80) -> str:
    """The checklist, one entry per material (id, requirement and basis; its name; formats and
    checks), each line wrapped to ``width`` columns: a table of five columns needs 120."""
    from icp_renew.formats.wrap import wrap

    a = checklist.authority
    title = t("rules.renewal-checklist", lang, authority=Text(a.authority, a.authority_en))
    lines = wrap(f"{title}  (rules {checklist.rules_version})", width)

    def add(text: str, indent: int) -> None:
        lines.extend(" " * indent + line for line in wrap(text, max(20, width - indent)))

    for cat in checklist.categories:
        mats = [m for m in checklist.materials if m.category == cat.id]
        if not mats:
            continue
        lines.append("")
        add(cat.title if lang == "zh" else f"{cat.title_en} ({cat.title})", 0)
        for m in mats:
            req = ", ".join(filter(None, (req_label(m, lang), basis_word(m, lang))))
            add(f"{m.id}  ({req})", 2)
            add(m.title if lang == "zh" else f"{m.title_en} · {m.title}", 4)
            add(" · ".join(filter(None, (", ".join(m.formats), what(m, lang)))), 4)
    return "\n".join(lines) + "\n"
