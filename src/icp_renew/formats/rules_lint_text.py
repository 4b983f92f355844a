"""``rules lint --format text``: ``file:line: field: message [code]``, then a total."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from icp_renew.formats.safe import visible
from icp_renew.i18n import Lang
from icp_renew.messages import t

if TYPE_CHECKING:
    from icp_renew.rulebook.lint import LintProblem


def line(p: LintProblem, lang: Lang = "en") -> str:
    where = p.file + (f":{p.line}" if p.line else "")
    field = f" {p.field}:" if p.field else ""
    return visible(f"{where}:{field} {p.text(lang)} [{p.code}]")


def render(problems: Sequence[LintProblem], *, lang: Lang = "en", quiet: bool = False) -> str:
    lines = [line(p, lang) for p in problems]
    if not quiet:
        lines.append(
            t("rules.lint-count", lang, n=len(problems)) if problems else t("rules.lint-ok", lang)
        )
    return "\n".join(lines)
