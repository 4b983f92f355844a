"""``status --format csv``: one row per dossier, UTF-8 with a BOM (Excel opens it in Chinese).

The columns name the same fields as the JSON document; the header is in the chosen
language's words only for people (the machine names stay in JSON).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from icp_renew.i18n import Lang
from icp_renew.messages import t

COLUMNS = (
    "path",
    "company",
    "license_number",
    "expires",
    "stage",
    "next",
    "due",
    "days_left",
    "severity",
    "message",
    "check_errors",
    "check_warnings",
    "error",
)


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # a cell starting with = + - @ is a formula to Excel: quote it as text (CSV injection)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not text.lstrip("-").isdigit():
        text = "'" + text
    return text


def render(
    document: Mapping[str, Any],
    *,
    lang: Lang = "en",
    show_pii: bool = False,
    width: int = 80,
    color: bool = False,
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([t(f"process.col-{c}", lang) for c in COLUMNS])
    for d in document["dossiers"]:
        nxt = d.get("next") or {}
        first = next((a for a in d["alerts"] if a["code"] == nxt.get("code")), None)
        check = d.get("check") or {}
        stage = d["stage"]
        row = [
            d["path"],
            d.get("company"),
            d.get("license_number"),
            d.get("expires"),
            t(f"process.stage-{stage}", lang),
            nxt.get("code"),
            nxt.get("due"),
            nxt.get("days_left"),
            first["severity"] if first else None,
            first["message"] if first else None,
            check.get("errors"),
            check.get("warnings"),
            d.get("error") or check.get("error"),
        ]
        writer.writerow([_cell(v) for v in row])
    return "\ufeff" + out.getvalue()
