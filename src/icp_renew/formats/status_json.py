"""``status --format json``: the status document as it is (docs/process.md)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from icp_renew.i18n import Lang


def render(
    document: Mapping[str, Any],
    *,
    lang: Lang = "en",
    show_pii: bool = False,
    width: int = 80,
    color: bool = False,
) -> str:
    """One dossier a line: readable, and fast over hundreds of dossiers."""
    head = {k: v for k, v in document.items() if k != "dossiers"}
    rows = [json.dumps(d, ensure_ascii=False) for d in document["dossiers"]]
    text = json.dumps(head, ensure_ascii=False)[:-1]
    body = (
        ',\n  "dossiers": [\n    ' + ",\n    ".join(rows) + "\n  ]" if rows else ', "dossiers": []'
    )
    return text + body + "}\n"
