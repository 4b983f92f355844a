"""``rules list --format text``: the issuing authorities and the prior-approval industries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from icp_renew.formats.rules_show_text import console
from icp_renew.i18n import Lang, tr

if TYPE_CHECKING:
    from icp_renew.rulebook.book import Rulebook


def render(book: Rulebook, *, lang: Lang = "en") -> str:
    from rich.table import Table

    out = console()
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
    out.print(table)
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
    out.print(itable)
    return str(out.file.getvalue())
