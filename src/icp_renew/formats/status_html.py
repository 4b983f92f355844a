"""``status --format html``: the portfolio on one self-contained page (docs/html-report.md).

From the status document (the contract of ``status --format json``): a table of the
dossiers sorted by what is due first (a dossier that cannot be read comes first: it
needs a person now), a chart of the due dates, then each dossier's alerts and timeline.

The chart is inline SVG drawn here, no JavaScript library: one row per dated alert
(filing deadlines, correction notices, annual reports, …), nearest first, a bar from
today to the due date (or from the due date to today once it is past) coloured by the
alert's severity, and a vertical line at today. Coordinates are integers computed from
the dates, so the same document and ``--today`` give the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from icp_renew.formats.html_page import counted, days_text, render_page, text
from icp_renew.i18n import Lang
from icp_renew.messages import t

#: the chart's geometry (SVG user units; the SVG scales to the page's width)
WIDTH = 1000
LABEL_W = 330
RIGHT = 20
ROW_H = 24
TOP = 34
#: the chart shows the nearest dated alerts only; the table lists them all
MAX_ROWS = 40
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
FAR = date.max


def render(
    document: Mapping[str, Any],
    *,
    lang: Lang = "en",
    show_pii: bool = False,
    width: int = 80,
    color: bool = False,
) -> str:
    today = date.fromisoformat(str(document["today"]))

    def clean(value: object) -> str:
        if value is None:
            return ""
        shown = text(value)
        if show_pii:
            return shown
        from icp_renew.pii import redact

        return redact(shown)

    dossiers = sorted(document.get("dossiers", []), key=_order)
    rows = [_row(i, d, lang, clean) for i, d in enumerate(dossiers, 1)]
    heading = counted("status-heading", lang, len(rows), today=today.isoformat())
    chart = _chart(rows, today, lang)
    return render_page(
        "status.html",
        lang,
        heading=heading,
        made_by=t(
            "html.made-by-status",
            lang,
            version=clean(document.get("version", "")),
        ),
        rows=rows,
        has_check=any("check" in d for d in dossiers),
        chart=chart,
        chart_more=counted("chart-more", lang, chart["hidden"]) if chart["hidden"] else "",
        today=today.isoformat(),
    )


def _due(value: object) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return FAR


def _order(d: Mapping[str, Any]) -> tuple[int, date, str]:
    """Unreadable first, then by the next due date, undated last; the path breaks ties."""
    if d.get("stage") == "unreadable":
        return (0, FAR, str(d.get("path", "")))
    nxt = d.get("next") or {}
    due = _due(nxt.get("due")) if nxt.get("due") else FAR
    return (1, due, str(d.get("path", "")))


def _row(index: int, d: Mapping[str, Any], lang: Lang, clean: Any) -> dict[str, Any]:
    stage = str(d.get("stage", "unreadable"))
    nxt = d.get("next") or None
    alerts = [
        {
            "code": clean(a.get("code")),
            "severity": _sev(a),
            "label": t(f"html.severity-{_sev(a)}", lang),
            "message": clean(a.get("message")),
            "due": clean(a.get("due")),
            "days": days_text(a.get("days_left"), lang),
            "days_left": a.get("days_left"),
        }
        for a in d.get("alerts", [])
    ]
    worst = min((SEVERITY_RANK[a["severity"]] for a in alerts), default=3)
    check = d.get("check")
    return {
        "anchor": f"dossier-{index}",
        "path": clean(d.get("path")),
        "company": clean(d.get("company")),
        "license": clean(d.get("license_number")),
        "expires": clean(d.get("expires")),
        "stage": stage,
        "stage_label": t(f"process.stage-{stage}", lang)
        if f"stage-{stage}" in _stages()
        else clean(stage),
        "error": clean(d.get("error")) if d.get("error") else "",
        "next_code": clean(nxt.get("code")) if nxt else "",
        "next_label": _alert_label(nxt.get("code"), lang, clean) if nxt else "",
        "next_due": clean(nxt.get("due")) if nxt else "",
        "next_days": days_text(nxt.get("days_left"), lang) if nxt else "",
        "next_severity": _next_severity(nxt, alerts),
        "worst": ("error", "warning", "info", "none")[worst],
        "alerts": alerts,
        "timeline": [_event(e, clean) for e in d.get("timeline", [])],
        "check": _check(check, lang, clean) if isinstance(check, Mapping) else "",
    }


def _sev(a: Mapping[str, Any]) -> str:
    sev = a.get("severity")
    return sev if isinstance(sev, str) and sev in SEVERITY_RANK else "info"


def _stages() -> set[str]:
    from icp_renew.messages import table

    return {k for k in table("process") if k.startswith("stage-")}  # the status command's


def _alert_label(code: Any, lang: Lang, clean: Any) -> str:
    """The alert's short name in ``lang``; a code the catalogue does not know, as is."""
    from icp_renew.messages import table

    known = f"alert-label-{code}" in table("process")
    return t(f"process.alert-label-{code}", lang) if known else str(clean(code))


def _next_severity(nxt: Mapping[str, Any] | None, alerts: Sequence[Mapping[str, Any]]) -> str:
    if not nxt:
        return "none"
    for a in alerts:
        if a["code"] == text(nxt.get("code")) and a["due"] == text(nxt.get("due") or ""):
            return str(a["severity"])
    return "info"


def _check(check: Mapping[str, Any], lang: Lang, clean: Any) -> str:
    if check.get("error"):
        return str(clean(check["error"]))
    return t(
        "html.check-summary",
        lang,
        errors=int(check.get("errors", 0)),
        warnings=int(check.get("warnings", 0)),
    )


def _event(e: Mapping[str, Any], clean: Any) -> dict[str, Any]:
    details = []
    for key in sorted(k for k in e if k not in ("event", "date")):
        value = e[key]
        if isinstance(value, list | tuple):
            value = ", ".join(str(v) for v in value)
        details.append(f"{clean(key)}: {clean(value)}")
    return {"event": clean(e.get("event")), "date": clean(e.get("date")), "details": details}


# --- the chart ---------------------------------------------------------------------------------


def _short(label: str, *, keep_end: bool, room: int = 18) -> str:
    """``label`` in ``room`` characters: a path keeps its end (the folder's own name)."""
    if len(label) <= room:
        return label
    return "…" + label[-(room - 1) :] if keep_end else label[: room - 1] + "…"


def _months(start: date, end: date) -> list[date]:
    """First days of months between ``start`` and ``end``, thinned to at most 12 ticks."""
    firsts = []
    y, m = start.year, start.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        day = date(y, m, 1)
        if day > end:
            break
        firsts.append(day)
    for step in (1, 2, 3, 6, 12, 24, 60):
        picked = [d for d in firsts if (d.year * 12 + d.month - 1) % step == 0]
        if len(picked) <= 12:
            return picked
    return firsts[:: max(1, len(firsts) // 12)]


def _chart(rows: Sequence[Mapping[str, Any]], today: date, lang: Lang) -> dict[str, Any]:
    items = []
    for r in rows:
        for a in r["alerts"]:
            due = _due(a["due"]) if a["due"] else FAR
            if due != FAR:
                items.append((due, SEVERITY_RANK[a["severity"]], r["anchor"], r, a))
    items.sort(key=lambda i: (i[0], i[1], i[2], i[4]["code"]))
    hidden = max(0, len(items) - MAX_ROWS)
    items = items[:MAX_ROWS]
    if not items:
        return {"rows": [], "hidden": 0}
    first = min(today, items[0][0]) - timedelta(days=7)
    last = max(today, max(i[0] for i in items)) + timedelta(days=7)
    span = max(1, (last - first).days)
    plot = WIDTH - LABEL_W - RIGHT

    def x(day: date) -> int:
        return LABEL_W + round((day - first).days * plot / span)

    companies = [r["company"] for r in rows if r["company"]]
    shared = {c for c in companies if companies.count(c) > 1}
    out = []
    for n, (due, _, anchor, r, a) in enumerate(items):
        x0, x1 = sorted((x(today), x(due)))
        # a company with several dossiers (or none named) is told apart by its path
        label = r["path"] if not r["company"] or r["company"] in shared else r["company"]
        out.append(
            {
                "y": TOP + n * ROW_H,
                "x": x0,
                "w": max(3, x1 - x0),
                "cx": x(due),
                "severity": a["severity"],
                "label": _short(label, keep_end=label == r["path"]),
                "code": a["code"],
                "due": a["due"],
                "days": a["days"],
                "title": f"{r['path']} {r['company']}: {a['code']} {a['due']} ({a['days']})",
                "anchor": anchor,
            }
        )
    height = TOP + len(out) * ROW_H + 24
    ticks = [
        {"x": x(d), "label": d.strftime("%Y-%m")}
        for d in _months(first, last)
        if LABEL_W <= x(d) <= WIDTH - RIGHT
    ]
    return {
        "rows": out,
        "hidden": hidden,
        "width": WIDTH,
        "height": height,
        "label_w": LABEL_W,
        "today_x": x(today),
        "ticks": ticks,
        "bottom": height - 18,
        "height_text": height - 4,
        "lang": lang,
    }
