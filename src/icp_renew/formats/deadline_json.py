"""``deadline --format json``: one object for one licence, else a list sorted by urgency."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from icp_renew.i18n import Lang

if TYPE_CHECKING:
    from icp_renew.deadline import Assessment
    from icp_renew.portfolio import Unusable


def render(
    items: Sequence[Assessment],
    *,
    lang: Lang = "en",
    single: bool = False,
    unusable: Sequence[Unusable] = (),
) -> str:
    """``unusable``: the inputs that could not be used, each ``{"source", "error"}`` after the
    licences (a list then, even for one licence)."""
    if single and not unusable:
        return json.dumps(items[0].to_json(), ensure_ascii=False, indent=2)
    # one licence a line: readable, and 10x faster than indent= on 10,000 licences
    entries = [a.to_json() for a in items] + [u.to_json() for u in unusable]
    rows = (json.dumps(e, ensure_ascii=False) for e in entries)
    return "[\n" + ",\n".join(rows) + "\n]" if entries else "[]"
