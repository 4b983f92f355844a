"""Deadlines as an iCalendar file (RFC 5545) for any calendar application.

For each licence, two all-day events (DATE values): the latest working day to
file the renewal (Order 42 Art. 27), and the close of the next annual-report
window on 31 March (Order 42 Art. 35). Each carries alarms 30, 7 and 1 days
before. The output is reproducible: a UID derived from the licence number and
the expiry (the annual report: the licence number and the year), and a DTSTAMP
from ``SOURCE_DATE_EPOCH``, else midnight UTC of ``--today``, never the clock.
Identical input gives identical bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import Any

from icp_renew.deadline import FILING_DAYS, Assessment
from icp_renew.errors import UserError
from icp_renew.i18n import Lang, tr

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
                f"expected whole seconds since 1970-01-01, got {source_date_epoch!r}",
                source="SOURCE_DATE_EPOCH",
            ) from None
    return dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)


def uid(kind: str, license_number: str | None, expires: dt.date, year: int | None = None) -> str:
    """A stable UID from the licence number and expiry (and, for a yearly event, the year):
    importing a newer file updates the events instead of duplicating them."""
    key = f"{kind}\x1f{license_number or ''}\x1f{expires.isoformat()}\x1f{year or ''}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:20]
    label = str(year) if year is not None else f"{expires:%Y%m%d}"
    return f"{kind}-{label}-{digest}@icp-renew"


def _who(a: Assessment) -> str:
    number = a.license_number or "?"
    return f"{number} {a.name}" if a.name else number


def _filing_text(a: Assessment, lang: Lang) -> tuple[str, str]:
    day = a.latest_working_day.isoformat()
    summary = tr(lang, f"ICP许可证续期申请截止：{_who(a)}", f"ICP licence renewal due: {_who(a)}")
    derived = tr(lang, "（由发证日期推算）", " (derived from the issue date)")
    lines = [
        tr(
            lang,
            f"许可证 {_who(a)} 有效期至 {a.expires.isoformat()}{derived if a.expiry_derived else ''}。",
            f"Licence {_who(a)} expires on {a.expires.isoformat()}"
            f"{derived if a.expiry_derived else ''}.",
        ),
        tr(
            lang,
            f"《电信业务经营许可管理办法》第二十七条：续期申请须于到期前{FILING_DAYS}日提出，"
            f"即不晚于 {a.filing_deadline.isoformat()}；最后一个工作日为 {day}。",
            f"Order 42 Art. 27: apply at least {FILING_DAYS} days before expiry, i.e. by "
            f"{a.filing_deadline.isoformat()}; the last working day is {day}.",
        ),
    ]
    if not a.holiday_data:
        lines.append(
            tr(
                lang,
                "注意：该年份没有官方节假日数据，仅按周末计算。",
                "Note: no official holiday data for that year; weekends only.",
            )
        )
    return summary, "\n".join(lines)


def _annual_text(a: Assessment, lang: Lang) -> tuple[str, str]:
    r = a.annual_report
    summary = tr(
        lang,
        f"电信业务经营年报截止（{r.year}年度）：{_who(a)}",
        f"Telecom annual report for {r.year} due: {_who(a)}",
    )
    description = tr(
        lang,
        f"《电信业务经营许可管理办法》第三十五条：每年第一季度（{r.opens.isoformat()} 至 "
        f"{r.closes.isoformat()}）报送上一年度的经营情况。",
        f"Order 42 Art. 35: report the previous year's operations in the first quarter "
        f"({r.opens.isoformat()} to {r.closes.isoformat()}).",
    )
    return summary, description


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
    cal.add("x-wr-calname", tr(lang, "ICP许可证续期", "ICP licence renewal"))
    for a in assessments:
        summary, description = _filing_text(a, lang)
        cal.add_component(
            _event(
                uid("filing", a.license_number, a.expires),
                a.latest_working_day,
                summary,
                description,
                stamp,
            )
        )
        summary, description = _annual_text(a, lang)
        cal.add_component(
            _event(
                uid("annual-report", a.license_number, a.expires, a.annual_report.closes.year),
                a.annual_report.closes,
                summary,
                description,
                stamp,
            )
        )
    data: bytes = cal.to_ical()
    return data
