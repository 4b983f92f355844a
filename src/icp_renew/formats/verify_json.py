"""``verify --format json``: the tool, its version, ``ok``, and one object per bundle."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from icp_renew.i18n import Lang

if TYPE_CHECKING:
    from icp_renew.bundle.verify import Verdict


def render(verdicts: Sequence[Verdict], *, lang: Lang = "en", quiet: bool = False) -> str:
    from icp_renew import __version__

    doc: dict[str, Any] = {
        "tool": "icp-renew",
        "version": __version__,
        "ok": all(v.ok for v in verdicts),
        "bundles": [v.to_json(lang) for v in verdicts],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)
