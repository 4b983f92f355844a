"""``verify --format text``: a line per problem, then a verdict line per bundle."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from icp_renew.formats.safe import visible
from icp_renew.i18n import Lang
from icp_renew.messages import t

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
            ok = t("pack.verify-ok", lang, verified=v.verified)
            if v.entries > v.verified:  # the entry more is SHA256SUMS, which lists the others
                ok += t("pack.verify-ok-sums", lang, entries=v.entries)
            lines.append(name + ok)
        elif not v.ok:
            n = len(v.problems)
            lines.append(t("pack.problem", lang, name=name, n=n))
    return "\n".join(lines)
