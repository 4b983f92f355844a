"""``rules lint --format json``: ``ok`` and every problem."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from icp_renew.i18n import Lang

if TYPE_CHECKING:
    from icp_renew.rulebook.lint import LintProblem


def render(problems: Sequence[LintProblem], *, lang: Lang = "en", quiet: bool = False) -> str:
    return json.dumps(
        {"ok": not problems, "problems": [p.to_json(lang) for p in problems]},
        ensure_ascii=False,
        indent=2,
    )
