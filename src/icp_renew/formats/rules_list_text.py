"""``rules list --format text``: the issuing authorities and the prior-approval industries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from icp_renew.formats.rules_show_text import console
from icp_renew.i18n import Lang
from icp_renew.messages import t

if TYPE_CHECKING:
    from icp_renew.rulebook.book import Rulebook


def render(book: Rulebook, *, lang: Lang = "en", width: int = 80) -> str:
    """The authorities and the industries as tables that fit ``width`` columns (the
    authority's name and the permit wrap within their column)."""
    from rich import box
    from rich.table import Table

    out = console(width)
    table = Table(
        title=t("rules.issuing-authorities-rules", lang, rules_version=book.rules_version),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("slug", no_wrap=True)
    table.add_column("ISO", no_wrap=True)
    table.add_column(t("rules.authority", lang), ratio=1)
    table.add_column(t("rules.prefixes", lang), no_wrap=True)
    for a in sorted(book.authorities.values(), key=lambda a: (a.cross_regional, a.iso or "")):
        prefixes = dict.fromkeys(a.license_prefixes + a.filing_prefixes)
        table.add_row(
            a.slug,
            a.iso or "—",
            a.authority if lang == "zh" else a.authority_en,
            " ".join(prefixes) or "—",
        )
    out.print(table)
    itable = Table(
        title=t("rules.prior-approval-industries", lang),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    itable.add_column("slug", no_wrap=True)
    itable.add_column(t("rules.industry", lang), ratio=1)
    itable.add_column(t("rules.permit", lang), ratio=2)
    itable.add_column(t("rules.confidence", lang), no_wrap=True)
    for i in sorted(book.industries.values(), key=lambda i: i.slug):
        itable.add_row(
            i.slug,
            i.name if lang == "zh" else i.name_en,
            i.permit if lang == "zh" else i.permit_en,
            i.confidence,
        )
    out.print(itable)
    return "\n".join(line.rstrip() for line in str(out.file.getvalue()).splitlines()) + "\n"
