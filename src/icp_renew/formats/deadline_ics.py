"""Deadlines as an iCalendar file (RFC 5545) for any calendar application.

For each licence, two all-day events (DATE values): the latest working day to
file the renewal (Order 42 Art. 27), and the close of the next annual-report
window on 31 March (Order 42 Art. 35). A licence that has already expired gets
no filing event (it would be dated in the past, and renewal is no longer
possible). No two events share a UID. Each carries alarms 30, 7 and 1 days
before. The output is reproducible: a UID derived from the licence number and
the expiry (the annual report: the licence number and the year only, so that one
licence has one event a year however many dossiers name it), and a DTSTAMP
from ``SOURCE_DATE_EPOCH``, else midnight UTC of ``--today``, never the clock.
Identical input gives identical bytes. An event whose UID is already in the
calendar is not added twice; an annual report the dossier's timeline records as
filed gets no event; a dossier that owes a change filing (docs/process.md) gets
one event on ``--today``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import Any

from icp_renew.deadline import FILING_DAYS, Assessment
from icp_renew.errors import UserError
from icp_renew.i18n import Lang
from icp_renew.messages import t

ALARM_DAYS = (30, 7, 1)
PRODID = "-//icp-renew//deadline//EN"


def dtstamp(today: dt.date, source_date_epoch: str | None = None) -> dt.datetime:
    """The DTSTAMP of every event: ``SOURCE_DATE_EPOCH`` if set, else ``today`` 00:00 UTC."""
    if source_date_epoch is not None and source_date_epoch.strip():
        try:
            seconds = int(source_date_epoch.strip())
            return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise UserError(
                "errors.epoch", source="SOURCE_DATE_EPOCH", value=repr(source_date_epoch)
            ) from None
    return dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)


def uid(kind: str, license_number: str | None, expires: dt.date, year: int | None = None) -> str:
    """A stable UID from the licence number and expiry (and, for a yearly event, the year):
    importing a newer file updates the events instead of duplicating them."""
    stamp = "" if year is not None else expires.isoformat()  # a year's event: per licence
    key = f"{kind}\x1f{license_number or ''}\x1f{stamp}\x1f{year or ''}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:20]
    label = str(year) if year is not None else f"{expires:%Y%m%d}"
    return f"{kind}-{label}-{digest}@icp-renew"


def _who(a: Assessment) -> str:
    number = a.license_number or "?"
    return f"{number} {a.name}" if a.name else number


def _filing_text(a: Assessment, lang: Lang) -> tuple[str, str]:
    day = a.latest_working_day.isoformat()
    summary = t("deadline.icp-licence-renewal-due", lang, value=_who(a))
    derived = t("deadline.derived-from-the-issue-date", lang)
    lines = [
        t(
            "deadline.licence-expires-on",
            lang,
            value=_who(a),
            value2=a.expires.isoformat(),
            value3=derived if a.expiry_derived else "",
        ),
        t(
            "deadline.order-42-art-27-apply",
            lang,
            FILING_DAYS=FILING_DAYS,
            value=a.filing_deadline.isoformat(),
            day=day,
        ),
    ]
    if a.estimated_years:
        lines.append(t("deadline.estimated-ics-note", lang))
    elif not a.holiday_data:
        lines.append(t("deadline.note-no-official-holiday-data", lang))
    return summary, "\n".join(lines)


def _annual_text(a: Assessment, lang: Lang) -> tuple[str, str]:
    r = a.annual_report
    summary = t("deadline.telecom-annual-report-for-due", lang, year=r.year, value=_who(a))
    description = t(
        "deadline.order-42-art-35-report",
        lang,
        value=r.opens.isoformat(),
        value2=r.closes.isoformat(),
    )
    return summary, description


def _change_text(a: Assessment, lang: Lang) -> tuple[str, str]:
    from icp_renew.messages import t

    return (
        t("process.ics-change-summary", lang, who=_who(a)),
        t("process.ics-change-description", lang),
    )


def _event(uid_: str, day: dt.date, summary: str, description: str, stamp: dt.datetime) -> Any:
    from icalendar import Alarm, Event

    event = Event()
    event.add("uid", uid_)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    for days in ALARM_DAYS:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", dt.timedelta(days=-days))
        event.add_component(alarm)
    return event


def render(assessments: Sequence[Assessment], *, stamp: dt.datetime, lang: Lang) -> bytes:
    """The calendar of every licence's filing and annual-report deadlines, in order."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", t("deadline.icp-licence-renewal", lang))
    seen: set[str] = set()

    def add(uid_: str, day: dt.date, text: tuple[str, str]) -> None:
        if uid_ not in seen:  # one event per UID, whatever the input repeats
            seen.add(uid_)
            cal.add_component(_event(uid_, day, text[0], text[1], stamp))

    for a in assessments:
        if a.status != "expired":  # no filing event dated before today for an expired licence
            add(
                uid("filing", a.license_number, a.expires),
                a.latest_working_day,
                _filing_text(a, lang),
            )
        if a.annual_report.year not in a.reported_years:  # filed: no reminder (#11)
            add(
                uid("annual-report", a.license_number, a.expires, a.annual_report.closes.year),
                a.annual_report.closes,
                _annual_text(a, lang),
            )
        if a.change_due:
            add(uid("change-filing", a.license_number, a.expires), a.today, _change_text(a, lang))
    data: bytes = cal.to_ical()
    return data
