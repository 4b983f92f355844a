"""The effective checklist as JSON (a contract), a terminal table and printable Markdown."""

from __future__ import annotations

import io
from typing import Any

from icp_renew.i18n import Lang, tr
from icp_renew.messages import t
from icp_renew.rulebook.loader import Rulebook
from icp_renew.rulebook.resolve import Checklist, Requirement


def checklist_json(checklist: Checklist) -> dict[str, Any]:
    """The contract of ``rules show --format json`` (docs/rules.md)."""
    return {
        "rules_version": checklist.rules_version,
        "authority": checklist.authority_json(),
        "industries": list(checklist.industries),
        "services": list(checklist.services),
        "categories": [c.model_dump() for c in checklist.categories],
        "materials": [m.to_json() for m in checklist.materials],
    }


def _req_label(m: Requirement, lang: Lang) -> str:
    return tr(lang, "必需", "required") if m.required else tr(lang, "建议", "recommended")


def _basis(m: Requirement, lang: Lang) -> str:
    """The material's basis (law, practice, policy) as a word, empty when the rule gives none."""
    return t(f"rules.basis-{m.basis}", lang) if m.basis else ""


def _what(m: Requirement, lang: Lang) -> str:
    bits = []
    if m.min_pages > 1:
        pages = tr(lang, f"至少{m.min_pages}页", f"≥ {m.min_pages} pages")
        bits.append(pages + (t("rules.policy-mark", lang) if "min_pages" in m.policy else ""))
    if "expires" in m.needs:
        bits.append(tr(lang, "需填写有效期", "needs expires"))
    if m.years:
        bits.append(
            tr(lang, f"近{m.years}年每年一份", f"one per year, {m.years} years")
            if m.years > 1
            else tr(lang, "上一年度", "previous year")
        )
    if m.per_domain:
        bits.append(tr(lang, "每个域名一份", "one per domain"))
    if m.must_contain:
        bits.append(tr(lang, "须含", "must contain ") + "、".join(m.must_contain))
    return "; ".join(bits)


def _console(width: int = 120) -> Any:
    from rich.console import Console

    return Console(
        file=io.StringIO(),
        width=width,
        force_terminal=False,
        no_color=True,
        highlight=False,
        emoji=False,
    )


def checklist_text(checklist: Checklist, lang: Lang) -> str:
    from rich.table import Table

    a = checklist.authority
    console = _console()
    title = tr(lang, f"{a.authority} 续期材料清单", f"Renewal checklist: {a.authority_en}")
    console.print(f"{title}  (rules {checklist.rules_version})")
    for cat in checklist.categories:
        mats = [m for m in checklist.materials if m.category == cat.id]
        if not mats:
            continue
        table = Table(
            title=tr(lang, cat.title, f"{cat.title_en} ({cat.title})"),
            title_justify="left",
            show_lines=False,
            expand=True,
        )
        table.add_column("id", no_wrap=True)
        table.add_column(tr(lang, "材料", "material"))
        table.add_column(tr(lang, "要求", "requirement"), no_wrap=True)
        table.add_column(tr(lang, "格式", "formats"), no_wrap=True)
        table.add_column(tr(lang, "检查", "checks"))
        for m in mats:
            name = m.title if lang == "zh" else f"{m.title_en}\n{m.title}"
            req = "\n".join(filter(None, (_req_label(m, lang), _basis(m, lang))))
            table.add_row(m.id, name, req, ", ".join(m.formats), _what(m, lang))
        console.print(table)
    return str(console.file.getvalue())


def checklist_markdown(checklist: Checklist, lang: Lang) -> str:
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
            extra = _what(m, lang)
            if extra:
                out.append(f"  *{extra}*")
            basis = t("rules.basis-suffix", lang, basis=_basis(m, lang)) if m.basis else ""
            out.append(f"  <small>{tr(lang, '依据', 'Source')}{basis}: {m.source}</small>")
        out.append("")
    return "\n".join(out)


def authorities_table(book: Rulebook, lang: Lang) -> str:
    from rich.table import Table

    console = _console()
    table = Table(
        title=tr(
            lang,
            f"发证机关（规则 {book.rules_version}）",
            f"Issuing authorities (rules {book.rules_version})",
        ),
        title_justify="left",
    )
    for col in (
        "slug",
        "ISO",
        tr(lang, "名称", "name"),
        tr(lang, "发证机关", "authority"),
        tr(lang, "许可证前缀", "licence prefix"),
        tr(lang, "备案前缀", "filing prefix"),
    ):
        table.add_column(col, no_wrap=True)
    for a in sorted(book.authorities.values(), key=lambda a: (a.cross_regional, a.iso or "")):
        table.add_row(
            a.slug,
            a.iso or "—",
            a.name if lang == "zh" else a.name_en,
            a.authority if lang == "zh" else a.authority_en,
            " ".join(a.license_prefixes) or "—",
            " ".join(a.filing_prefixes) or "—",
        )
    console.print(table)
    itable = Table(
        title=tr(lang, "前置审批行业", "Prior-approval industries"), title_justify="left"
    )
    for col in (
        "slug",
        tr(lang, "行业", "industry"),
        tr(lang, "许可文件", "permit"),
        tr(lang, "可信度", "confidence"),
    ):
        itable.add_column(col)
    for i in sorted(book.industries.values(), key=lambda i: i.slug):
        itable.add_row(
            i.slug,
            i.name if lang == "zh" else i.name_en,
            i.permit if lang == "zh" else i.permit_en,
            i.confidence,
        )
    console.print(itable)
    return str(console.file.getvalue())
