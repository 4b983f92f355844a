"""``status --format markdown``: the portfolio as a table, then each dossier's alerts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from icp_renew.i18n import Lang
from icp_renew.messages import t


def _md(value: Any) -> str:
    """A table cell: no line breaks, pipes and markup escaped."""
    from icp_renew.formats.safe import visible

    text = visible("" if value is None else str(value))
    for ch in "\\|*_`[]<>#":
        text = text.replace(ch, "\\" + ch)
    return " ".join(text.split()) or "—"


def render(
    document: Mapping[str, Any],
    *,
    lang: Lang = "en",
    show_pii: bool = False,
    width: int = 80,
    color: bool = False,
) -> str:
    dossiers = document["dossiers"]
    has_check = any("check" in d for d in dossiers)
    cols = ["dossier", "company", "license", "stage", "next", "due", "days"]
    if has_check:
        cols.append("check")
    lines = [
        f"# {t('process.title-dated', lang, today=document['today'])}",
        "",
        "| " + " | ".join(t(f"process.head-{c}", lang) for c in cols) + " |",
        "|" + "---|" * len(cols),
    ]
    for d in dossiers:
        nxt = d.get("next") or {}
        cells = [
            d["path"],
            d.get("company"),
            d.get("license_number"),
            t(f"process.stage-{d['stage']}", lang),
            t(f"process.alert-label-{nxt['code']}", lang) if nxt else None,
            nxt.get("due"),
            nxt.get("days_left"),
        ]
        if has_check:
            check = d.get("check") or {}
            cells.append(
                check.get("error")
                or t(
                    "process.check-summary",
                    lang,
                    errors=check.get("errors", 0),
                    warnings=check.get("warnings", 0),
                )
                if check
                else None
            )
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    for d in dossiers:
        if not d["alerts"] and "error" not in d:
            continue
        lines += ["", f"## {_md(d['path'])}", ""]
        if "error" in d:
            lines.append(f"- **{t('process.stage-unreadable', lang)}**: {_md(d['error'])}")
        for a in d["alerts"]:
            due = f" ({a['due']})" if a["due"] else ""
            sev = t(f"process.severity-{a['severity']}", lang)
            lines.append(f"- **{sev}** `{a['code']}`{due}: {_md(a['message'])}")
    return "\n".join(lines) + "\n"
