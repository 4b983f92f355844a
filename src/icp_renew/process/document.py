"""The status document: the one dict every ``status`` format renders (docs/process.md).

``{"tool", "version", "today", "dossiers": [{"path", "company", "license_number",
"expires", "stage", "next": {"code", "due", "days_left"} | null, "alerts": [{"code",
"severity", "message", "due", "days_left"}], "timeline": [{"event", "date", …}]}]}``; an
unreadable dossier has ``"stage": "unreadable"`` and ``"error"``. With ``--check`` each
dossier also has ``"check": {"errors", "warnings", "infos"}`` (or ``{"error": …}``).
Personal data typed into a name or a note is masked unless ``show_pii``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from icp_renew.i18n import Lang
from icp_renew.process.assess import DossierStatus

TOOL = "icp-renew"


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _mask(value: Any, show_pii: bool) -> Any:
    if show_pii or value is None:
        return value
    from icp_renew.pii import redact

    if isinstance(value, str):
        return redact(value)
    if isinstance(value, list):
        return [_mask(v, show_pii) for v in value]
    return value


def dossier_entry(item: DossierStatus, lang: Lang, show_pii: bool = False) -> dict[str, Any]:
    """One dossier of the document."""

    def mask(value: Any) -> Any:
        return _mask(value, show_pii)

    entry: dict[str, Any] = {
        "path": mask(item.path),
        "company": mask(item.company),
        "license_number": mask(item.license_number),
        "expires": _day(item.expires),
        "stage": item.stage,
    }
    if item.error is not None:
        entry["error"] = mask(item.error)
    nxt = item.next
    entry["next"] = (
        {"code": nxt.code, "due": _day(nxt.due), "days_left": nxt.days_left}
        if nxt is not None
        else None
    )
    entry["alerts"] = [
        {
            "code": a.code,
            "severity": a.severity,
            "message": mask(a.message.render(lang)),
            "due": _day(a.due),
            "days_left": a.days_left,
        }
        for a in item.alerts
    ]
    entry["timeline"] = [{k: mask(v) for k, v in e.items()} for e in item.timeline]
    if item.check is not None:
        entry["check"] = {
            "errors": item.check.errors,
            "warnings": item.check.warnings,
            "infos": item.check.infos,
        }
    elif item.check_error is not None:
        entry["check"] = {"error": mask(item.check_error)}
    return entry


def document(
    items: Iterable[DossierStatus], today: dt.date, lang: Lang, show_pii: bool = False
) -> dict[str, Any]:
    """The whole document, dossiers in the order given (the portfolio's order)."""
    from icp_renew import __version__

    return {
        "tool": TOOL,
        "version": __version__,
        "today": today.isoformat(),
        "dossiers": [dossier_entry(item, lang, show_pii) for item in items],
    }


def sort_portfolio(items: Iterable[DossierStatus]) -> list[DossierStatus]:
    """Unreadable dossiers first, then by the nearest due date, then by path."""
    return sorted(items, key=DossierStatus.sort_key)
