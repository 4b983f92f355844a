"""``status --format text``: one dossier in detail, a portfolio as a table (rich; fits the
width it is given, 80 columns by default; colour only when asked)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from icp_renew.i18n import Lang
from icp_renew.messages import t

_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def _esc(value: Any) -> str:
    from rich.markup import escape

    from icp_renew.formats.safe import visible

    return escape(visible("" if value is None else str(value)))


def _days(value: int | None, lang: Lang) -> str:
    if value is None:
        return "—"
    return t("process.days-left" if value >= 0 else "process.days-late", lang, days=abs(value))


def _severity(alert: Mapping[str, Any], lang: Lang) -> str:
    sev = alert["severity"]
    return f"[{_COLOUR[sev]}]{t(f'process.severity-{sev}', lang)}[/]"


def _one(d: Mapping[str, Any], lang: Lang, console: Any) -> None:
    from rich.padding import Padding
    from rich.table import Table

    console.print(f"[bold]{_esc(d['path'])}[/]")
    if "error" in d:
        console.print(f"  {t('process.stage-unreadable', lang)}: {_esc(d['error'])}")
        return
    facts = Table.grid(padding=(0, 2))
    facts.add_row(t("process.head-company", lang), _esc(d.get("company")))
    facts.add_row(t("process.head-license", lang), _esc(d.get("license_number")))
    facts.add_row(t("process.head-expires", lang), _esc(d.get("expires") or "—"))
    facts.add_row(
        t("process.head-stage", lang), f"[bold]{t('process.stage-' + d['stage'], lang)}[/]"
    )
    if "check" in d:
        facts.add_row(t("process.head-check", lang), _check(d["check"], lang))
    console.print(facts)
    if d["alerts"]:
        console.print()
        for a in d["alerts"]:
            when = t("process.alert-when", lang, due=a["due"], days=_days(a["days_left"], lang))
            due = f" {when}" if a["due"] else ""
            console.print(f"{_severity(a, lang)} [bold]{a['code']}[/]{due}")
            console.print(Padding(_esc(a["message"]), (0, 0, 0, 2)))  # wrapped, indented
    else:
        console.print(t("process.nothing-due", lang))
    if d["timeline"]:
        console.print()
        console.print(f"[bold]{t('process.head-timeline', lang)}[/]")
        for e in d["timeline"]:
            extra = t("process.field-list-sep", lang).join(
                t("process.field-pair", lang, name=_field(k, lang), value=_esc(_value(v)))
                for k, v in e.items()
                if k not in ("event", "date")
            )
            group = t("process.field-group", lang, fields=extra) if extra else ""
            line = f"{e['date']}  {e['event']}" + (f"  {group}" if extra else "")
            console.print(Padding(line, (0, 0, 0, 2)))


def _field(name: str, lang: Lang) -> str:
    """A timeline field's name in ``lang`` (a field the catalogue does not know: as is)."""
    from icp_renew.messages import table

    return t(f"process.field-{name}", lang) if f"field-{name}" in table("process") else name


def _value(value: Any) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)


def _check(check: Mapping[str, Any], lang: Lang) -> str:
    if "error" in check:
        return _esc(check["error"])
    return t("process.check-summary", lang, errors=check["errors"], warnings=check["warnings"])


def _table(dossiers: list[Mapping[str, Any]], lang: Lang, console: Any) -> None:
    from rich.table import Table

    has_check = any("check" in d for d in dossiers)
    table = Table(show_lines=False, expand=False, pad_edge=False)
    table.add_column(t("process.head-dossier", lang), overflow="fold", ratio=3)
    table.add_column(t("process.head-stage", lang), overflow="fold", ratio=1)
    table.add_column(t("process.head-next", lang), overflow="fold", ratio=2)
    table.add_column(t("process.head-due", lang), no_wrap=True)
    table.add_column(t("process.head-days", lang), justify="right", no_wrap=True)
    if has_check:
        table.add_column(t("process.head-check", lang), overflow="fold", ratio=1)
    for d in dossiers:
        who = _esc(d["path"])
        sub = " ".join(_esc(v) for v in (d.get("company"), d.get("license_number")) if v)
        if sub:
            who += f"\n[dim]{sub}[/]"
        nxt = d.get("next")
        if "error" in d:
            cells = [
                who,
                f"[red]{t('process.stage-unreadable', lang)}[/]",
                _esc(d["error"]),
                "",
                "",
            ]
        elif nxt is None:
            cells = [who, t(f"process.stage-{d['stage']}", lang), "—", "", ""]
        else:
            alert = next(a for a in d["alerts"] if a["code"] == nxt["code"])
            name = t(f"process.alert-label-{nxt['code']}", lang)
            label = f"[{_COLOUR[alert['severity']]}]{name}[/]"
            days = "" if nxt["days_left"] is None else str(nxt["days_left"])
            cells = [who, t(f"process.stage-{d['stage']}", lang), label, nxt["due"] or "", days]
        if has_check:
            cells.append(_check(d["check"], lang) if "check" in d else "")
        table.add_row(*cells)
    console.print(table)


def render(
    document: Mapping[str, Any],
    *,
    lang: Lang = "en",
    show_pii: bool = False,
    width: int = 80,
    color: bool = False,
) -> str:
    from rich.console import Console

    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    dossiers = list(document["dossiers"])
    if not dossiers:
        console.print(t("process.no-dossiers", lang))
    elif len(dossiers) == 1:
        _one(dossiers[0], lang, console)
    else:
        console.print(f"[bold]{t('process.title-dated', lang, today=document['today'])}[/]")
        _table(dossiers, lang, console)
    # rich pads grid cells to their column: no trailing blanks in what a terminal or a file gets
    return "".join(line.rstrip() + "\n" for line in buf.getvalue().splitlines())
