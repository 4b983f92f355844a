"""``verify --format text``: a line per problem, then a verdict line per bundle."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from icp_renew.formats.safe import visible
from icp_renew.i18n import Lang, tr

if TYPE_CHECKING:
    from icp_renew.bundle.verify import Verdict


def render(verdicts: Sequence[Verdict], *, lang: Lang = "en", quiet: bool = False) -> str:
    lines: list[str] = []
    for v in verdicts:
        name = visible(v.path)
        for p in v.problems:
            where = f"{visible(p.path)}: " if p.path else ""
            lines.append(f"{name}: {p.code}: {where}{visible(p.message(lang))}")
        if v.ok and not quiet:
            lines.append(
                tr(
                    lang,
                    f"{name}: 完好：{v.entries} 个条目，{v.verified} 个校验通过",
                    f"{name}: ok: {v.entries} entries, {v.verified} verified by sha256",
                )
            )
        elif not v.ok:
            n = len(v.problems)
            lines.append(
                tr(lang, f"{name}: {n} 个问题", f"{name}: {n} problem{'s' if n != 1 else ''}")
            )
    return "\n".join(lines)
