"""``rules lint --format github``: an ``::error`` workflow command per problem."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from icp_renew.formats.github import command
from icp_renew.i18n import Lang

if TYPE_CHECKING:
    from icp_renew.rulebook.lint import LintProblem


def render(problems: Sequence[LintProblem], *, lang: Lang = "en", quiet: bool = False) -> str:
    return "\n".join(
        command("error", p.text(lang) + f" [{p.code}]", file=p.file, line=p.line, title=p.code)
        for p in problems
    )
