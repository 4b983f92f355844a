"""The renewal deadline of a licence: pure date arithmetic, ``today`` injected.

Order 42 (电信业务经营许可管理办法, 2017) Art. 27: the renewal must reach the
issuing authority at least **90 calendar days** before the licence expires.
For a licence expiring on E:

- ``filing_deadline`` = E − 90 days;
- ``latest_working_day`` = the last working day on or before it (official
  holiday calendar with make-up working days; where the calendar has no data,
  an estimate from the statutory days off, and ``holiday_data`` is then false);
- ``days_left`` = filing_deadline − today (negative once past);
- ``status``: ``expired`` when today > E; else ``overdue`` when today >
  filing_deadline; else ``due-soon`` when days_left ≤ the threshold (default
  60); else ``ok``.

Also the next annual-report window (1 January to 31 March, Order 42 Art. 35)
and a *suggested* plan: start preparing, pre-check the dossier, file. Nothing
here reads the clock, prints or imports anything heavy: ``check`` calls
:func:`assess` for its licence-state check.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from icp_renew.dates import add_years
from icp_renew.holidays import HolidayCalendar, official_calendar

#: Order 42 (电信业务经营许可管理办法, 2017) Art. 27: at least 90 *calendar* days before expiry.
FILING_DAYS = 90
#: A value-added telecom licence is valid for five years (Order 42).
LICENCE_YEARS = 5
#: ``due-soon`` when the filing deadline is this many days away or fewer (docs/deadline.md).
DUE_SOON_DAYS = 60

# The suggested plan (a suggestion, not a rule): start gathering the scans about six months
# before expiry (the previous year's audited accounts and five years of business reports take
# time), run `icp-renew check` a month before the last working day, and file two working weeks
# early so that a request for corrections (补正) can still be answered in time.
PREPARE_DAYS = 90  # calendar days before the filing deadline
PRECHECK_DAYS = 30  # calendar days before the latest working day
FILE_BUFFER_WORKDAYS = 10  # working days before the latest working day

Status = Literal["expired", "overdue", "due-soon", "ok"]


def filing_deadline(expires: dt.date) -> dt.date:
    """The last day an application reaches the authority in time: expiry − 90 days."""
    return expires - dt.timedelta(days=FILING_DAYS)


def derive_expiry(issued: dt.date) -> dt.date:
    """The expiry a licence issued on ``issued`` prints: five years later, less one day.

    A licence issued 2021-06-01 is valid to 2026-05-31. (Issued on 29 February, the
    anniversary falls back to 28 February, so the licence runs to 27 February.)
    """
    return add_years(issued, LICENCE_YEARS) - dt.timedelta(days=1)


def status_of(
    expires: dt.date, deadline: dt.date, today: dt.date, due_soon_days: int = DUE_SOON_DAYS
) -> Status:
    """The contract's status (docs/deadline.md)."""
    if today > expires:
        return "expired"
    if today > deadline:
        return "overdue"
    if (deadline - today).days <= due_soon_days:
        return "due-soon"
    return "ok"


@dataclass(frozen=True)
class AnnualReport:
    """An annual-report window (Order 42 Art. 35): the first quarter, for the previous year."""

    year: int  # the year the report covers
    opens: dt.date
    closes: dt.date

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "opens": self.opens.isoformat(),
            "closes": self.closes.isoformat(),
        }


def annual_report_window(today: dt.date) -> AnnualReport:
    """The window open on ``today``, else the next one."""
    year = today.year if today <= dt.date(today.year, 3, 31) else today.year + 1
    return AnnualReport(year - 1, dt.date(year, 1, 1), dt.date(year, 3, 31))


@dataclass(frozen=True)
class PlanStep:
    """One step of the suggested plan (``prepare``, ``pre-check``, ``file``)."""

    step: str
    date: dt.date


@dataclass(frozen=True)
class Assessment:
    """Everything ``deadline`` reports about one licence."""

    license_number: str | None
    expires: dt.date
    filing_deadline: dt.date
    latest_working_day: dt.date
    days_left: int
    status: Status
    today: dt.date
    holiday_data: bool
    annual_report: AnnualReport
    plan: tuple[PlanStep, ...]
    name: str | None = None
    issued: dt.date | None = None
    expiry_derived: bool = False
    holiday_source: str | None = None
    missing_years: tuple[int, ...] = ()
    source: str | None = None  # where the licence was read from (a dossier, a CSV row)
    estimated_years: tuple[int, ...] = ()  # missing years estimated from the statutory days off
    reported_years: tuple[int, ...] = ()  # annual reports the dossier's timeline records
    change_due: bool = False  # a change filing is owed (docs/process.md, change-filing-due)

    def sort_key(self) -> tuple[int, str, str, dt.date]:
        """Most urgent first: by days left, then licence number."""
        return (self.days_left, self.license_number or "", self.name or "", self.expires)

    def within(self, days: int) -> bool:
        """``--fail-within``: the deadline is ``days`` days away or fewer, or past."""
        return self.days_left <= days

    def to_json(self) -> dict[str, Any]:
        """The contract fields first (docs/deadline.md), then the extras."""
        return {
            "license_number": self.license_number,
            "expires": self.expires.isoformat(),
            "filing_deadline": self.filing_deadline.isoformat(),
            "latest_working_day": self.latest_working_day.isoformat(),
            "days_left": self.days_left,
            "status": self.status,
            "today": self.today.isoformat(),
            "holiday_data": self.holiday_data,
            "name": self.name,
            "issued": self.issued.isoformat() if self.issued else None,
            "expiry_derived": self.expiry_derived,
            "holiday_source": self.holiday_source,
            "annual_report": self.annual_report.to_json(),
            "suggested_plan": [{"step": s.step, "date": s.date.isoformat()} for s in self.plan],
            "source": self.source,
            "holiday_estimated": bool(self.estimated_years),
        }


def suggested_plan(
    deadline: dt.date, latest: dt.date, calendar: HolidayCalendar
) -> tuple[PlanStep, ...]:
    """Start preparing, pre-check, file: each on a working day (a suggestion)."""
    return (
        PlanStep(
            "prepare",
            calendar.latest_workday(deadline - dt.timedelta(days=PREPARE_DAYS)).day,
        ),
        PlanStep(
            "pre-check",
            calendar.latest_workday(latest - dt.timedelta(days=PRECHECK_DAYS)).day,
        ),
        PlanStep("file", calendar.workdays_before(latest, FILE_BUFFER_WORKDAYS)),
    )


def assess(
    expires: dt.date | None,
    today: dt.date,
    *,
    license_number: str | None = None,
    name: str | None = None,
    issued: dt.date | None = None,
    due_soon_days: int = DUE_SOON_DAYS,
    calendar: HolidayCalendar | None = None,
    source: str | None = None,
) -> Assessment:
    """Assess one licence. ``expires`` is the printed expiry; without it the expiry is
    derived from ``issued`` (:func:`derive_expiry`) and flagged as derived."""
    derived = expires is None
    if expires is None:
        if issued is None:
            raise ValueError("assess() needs expires or issued")
        expires = derive_expiry(issued)
    cal = calendar if calendar is not None else official_calendar()
    deadline = filing_deadline(expires)
    lookup = cal.latest_workday(deadline)
    days_left = (deadline - today).days
    return Assessment(
        license_number=license_number,
        expires=expires,
        filing_deadline=deadline,
        latest_working_day=lookup.day,
        days_left=days_left,
        status=status_of(expires, deadline, today, due_soon_days),
        today=today,
        holiday_data=lookup.holiday_data,
        annual_report=annual_report_window(today),
        plan=suggested_plan(deadline, lookup.day, cal),
        name=name,
        issued=issued,
        expiry_derived=derived,
        holiday_source=cal.describe(deadline.year),
        missing_years=tuple(sorted(lookup.missing_years)),
        source=source,
        estimated_years=tuple(sorted(y for y in lookup.missing_years if cal.estimated(y))),
    )
