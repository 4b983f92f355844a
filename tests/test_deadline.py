"""The pure deadline core: filing deadline, latest working day, status, plan, annual report.

Every holiday date below was checked against the installed ``chinese_calendar`` 1.11.0
(the State Council's notices for 2024, 2025 and 2026).
"""

from __future__ import annotations

import datetime as dt

import pytest

from icp_renew.deadline import (
    FILING_DAYS,
    Assessment,
    annual_report_window,
    assess,
    derive_expiry,
    filing_deadline,
    status_of,
)
from icp_renew.holidays import HolidayCalendar, YearData

D = dt.date.fromisoformat
TODAY = D("2024-01-02")

# filing deadline → latest working day (expiry = deadline + 90 days), and holiday_data
WORKING_DAYS = [
    # 2024 Spring Festival: 02-10…17 off, Sundays 02-04 and 02-18 working
    ("2024-02-17", "2024-02-09", True),
    ("2024-02-18", "2024-02-18", True),
    # 2024 Labour Day: 05-01…05 off, Saturday 05-11 working
    ("2024-05-05", "2024-04-30", True),
    ("2024-05-11", "2024-05-11", True),
    # 2024 National Day: 10-01…07 off, Sunday 09-29 and Saturday 10-12 working
    ("2024-10-07", "2024-09-30", True),
    ("2024-09-29", "2024-09-29", True),
    ("2024-10-12", "2024-10-12", True),
    # 2025 Spring Festival: 01-28…02-04 off, Sunday 01-26 and Saturday 02-08 working
    ("2025-02-04", "2025-01-27", True),
    ("2025-01-26", "2025-01-26", True),
    ("2025-02-08", "2025-02-08", True),
    # 2025 Labour Day: 05-01…05 off
    ("2025-05-05", "2025-04-30", True),
    # 2025 National Day and Mid-autumn: 10-01…08 off, Sunday 09-28, Saturday 10-11 working
    ("2025-10-01", "2025-09-30", True),
    ("2025-10-04", "2025-09-30", True),
    ("2025-10-08", "2025-09-30", True),
    ("2025-09-28", "2025-09-28", True),
    ("2025-10-11", "2025-10-11", True),
    # 2026 New Year: 01-01…03 off, Sunday 01-04 working; the walk crosses into 2025
    ("2026-01-03", "2025-12-31", True),
    ("2026-01-04", "2026-01-04", True),
    # 2026 Spring Festival: 02-15…23 off, Saturdays 02-14 and 02-28 working
    ("2026-02-15", "2026-02-14", True),
    ("2026-02-19", "2026-02-14", True),
    ("2026-02-23", "2026-02-14", True),
    ("2026-02-14", "2026-02-14", True),
    ("2026-02-28", "2026-02-28", True),
    # 2026 National Day: 10-01…07 off, Saturday 10-10 working; 10-08 an ordinary Thursday
    ("2026-10-03", "2026-09-30", True),
    ("2026-10-08", "2026-10-08", True),
    ("2026-10-10", "2026-10-10", True),
    # ordinary days
    ("2025-12-31", "2025-12-31", True),
    ("2025-03-02", "2025-02-28", True),
    # 2027 and later: no official data yet → estimated from the statutory days off (1 Jan;
    # lunar New Year's Eve 2027-02-05 to the 3rd, 02-08), holiday_data false
    ("2027-01-01", "2026-12-31", False),
    ("2027-01-03", "2026-12-31", False),
    ("2027-02-06", "2027-02-04", False),
    ("2027-02-09", "2027-02-09", False),
    ("2030-06-02", "2030-05-31", False),
]


@pytest.mark.parametrize(
    ("deadline", "latest", "data"), WORKING_DAYS, ids=[w[0] for w in WORKING_DAYS]
)
def test_latest_working_day(deadline: str, latest: str, data: bool) -> None:
    expires = D(deadline) + dt.timedelta(days=90)
    a = assess(expires, TODAY)
    assert a.filing_deadline == D(deadline)
    assert a.latest_working_day == D(latest)
    assert a.holiday_data is data
    assert a.missing_years == (() if data else (D(deadline).year,))
    assert (a.holiday_source or "").startswith("chinese_calendar") is data


@pytest.mark.parametrize(
    ("expires", "deadline"),
    [
        ("2026-05-31", "2026-03-02"),
        ("2024-05-29", "2024-02-29"),  # the window runs across 29 February 2024
        ("2024-05-30", "2024-03-01"),
        ("2024-02-29", "2023-12-01"),  # expiry on 29 February
        ("2028-02-29", "2027-12-01"),
        ("2025-05-29", "2025-02-28"),  # no 29 February in 2025
        ("2026-01-01", "2025-10-03"),
    ],
)
def test_filing_deadline_is_90_calendar_days(expires: str, deadline: str) -> None:
    assert FILING_DAYS == 90
    assert filing_deadline(D(expires)) == D(deadline)
    assert assess(D(expires), TODAY).filing_deadline == D(deadline)


def test_leap_day_expiry_in_a_fallback_year() -> None:
    a = assess(D("2028-02-29"), D("2027-11-01"))
    assert (a.filing_deadline, a.latest_working_day) == (D("2027-12-01"), D("2027-12-01"))
    assert a.days_left == 30
    assert a.holiday_data is False
    assert a.status == "due-soon"


def test_deadline_on_29_february_2024_is_a_working_day() -> None:
    a = assess(D("2024-05-29"), D("2024-02-28"))
    assert a.latest_working_day == D("2024-02-29")
    assert a.days_left == 1


@pytest.mark.parametrize(
    ("issued", "expires"),
    [
        ("2021-06-01", "2026-05-31"),
        ("2021-01-01", "2025-12-31"),
        ("2023-03-01", "2028-02-29"),
        ("2024-02-29", "2029-02-27"),  # anniversary falls back to 28 February
        ("2020-02-29", "2025-02-27"),
    ],
)
def test_derived_expiry(issued: str, expires: str) -> None:
    assert derive_expiry(D(issued)) == D(expires)
    a = assess(None, TODAY, issued=D(issued))
    assert a.expires == D(expires)
    assert a.expiry_derived is True
    assert a.issued == D(issued)


def test_printed_expiry_wins_over_issue_date() -> None:
    a = assess(D("2026-06-15"), TODAY, issued=D("2021-06-01"))
    assert a.expires == D("2026-06-15")
    assert a.expiry_derived is False


def test_assess_needs_a_date() -> None:
    with pytest.raises(ValueError):
        assess(None, TODAY)


# expires 2026-05-31 → deadline 2026-03-02 (Monday)
@pytest.mark.parametrize(
    ("today", "days_left", "status"),
    [
        ("2025-12-31", 61, "ok"),
        ("2026-01-01", 60, "due-soon"),
        ("2026-03-01", 1, "due-soon"),
        ("2026-03-02", 0, "due-soon"),
        ("2026-03-03", -1, "overdue"),
        ("2026-05-31", -90, "overdue"),
        ("2026-06-01", -91, "expired"),
        ("2030-01-01", -1401, "expired"),
    ],
)
def test_status_and_days_left(today: str, days_left: int, status: str) -> None:
    a = assess(D("2026-05-31"), D(today))
    assert a.days_left == days_left
    assert a.status == status
    assert a.today == D(today)


def test_due_soon_threshold_is_configurable() -> None:
    assert assess(D("2026-05-31"), D("2026-01-01"), due_soon_days=30).status == "ok"
    assert assess(D("2026-05-31"), D("2026-01-31"), due_soon_days=30).status == "due-soon"
    assert assess(D("2026-05-31"), D("2026-03-02"), due_soon_days=0).status == "due-soon"
    assert status_of(D("2026-05-31"), D("2026-03-02"), D("2026-03-01"), 0) == "ok"


@pytest.mark.parametrize(("days", "within"), [(45, False), (46, True), (100, True)])
def test_within(days: int, within: bool) -> None:
    a = assess(D("2026-05-31"), D("2026-01-15"))  # 46 days left
    assert a.within(days) is within
    assert assess(D("2026-05-31"), D("2026-04-01")).within(0) is True  # past


@pytest.mark.parametrize(
    ("today", "year", "closes"),
    [
        ("2026-01-01", 2025, "2026-03-31"),
        ("2026-03-31", 2025, "2026-03-31"),
        ("2026-04-01", 2026, "2027-03-31"),
        ("2026-12-31", 2026, "2027-03-31"),
    ],
)
def test_annual_report_window(today: str, year: int, closes: str) -> None:
    window = annual_report_window(D(today))
    assert (window.year, window.opens, window.closes) == (
        year,
        D(closes).replace(day=1, month=1),
        D(closes),
    )


def test_suggested_plan_is_ordered_and_on_working_days() -> None:
    a = assess(D("2026-05-31"), D("2025-10-01"))
    assert [s.step for s in a.plan] == ["prepare", "pre-check", "file"]
    assert [s.date for s in a.plan] == [D("2025-12-02"), D("2026-01-30"), D("2026-02-10")]
    # the file step: 10 working days before 2026-03-02, across the Spring Festival week
    cal = HolidayCalendar()
    assert all(cal.is_workday(s.date) for s in a.plan)
    assert a.plan[-1].date < a.latest_working_day


def test_to_json() -> None:
    a = assess(D("2026-05-31"), D("2026-01-15"), license_number="京B2-20210001", name="示例")
    data = a.to_json()
    assert (data["license_number"], data["name"], data["days_left"]) == (
        "京B2-20210001",
        "示例",
        46,
    )
    assert data["suggested_plan"][0] == {"step": "prepare", "date": "2025-12-02"}


def test_sort_key_most_urgent_first() -> None:
    items = [
        assess(D("2027-05-31"), TODAY, license_number="b"),
        assess(D("2026-05-31"), TODAY, license_number="z"),
        assess(D("2026-05-31"), TODAY, license_number="a"),
        assess(D("2023-05-31"), TODAY, license_number="x"),
    ]
    ordered = sorted(items, key=Assessment.sort_key)
    assert [a.license_number for a in ordered] == ["x", "a", "z", "b"]


def test_user_year_replaces_the_fallback() -> None:
    # a 2027 file: Saturday 2027-02-06 off (weekend anyway), Friday 2027-02-05 a holiday,
    # Sunday 2027-02-07 a make-up working day
    cal = HolidayCalendar(
        [YearData(2027, frozenset({D("2027-02-05")}), frozenset({D("2027-02-07")}), "h.yaml")]
    )
    a = assess(D("2027-05-07"), TODAY, calendar=cal)  # deadline Saturday 2027-02-06
    assert a.latest_working_day == D("2027-02-04")
    assert a.holiday_data is True
    assert a.holiday_source == "h.yaml"
    b = assess(D("2027-05-08"), TODAY, calendar=cal)  # deadline Sunday 2027-02-07, working
    assert b.latest_working_day == D("2027-02-07")


def test_weekends_only_calendar() -> None:
    cal = HolidayCalendar(use_official=False)
    a = assess(D("2025-12-30"), TODAY, calendar=cal)  # deadline 2025-10-01, a Wednesday
    assert a.latest_working_day == D("2025-10-01")
    assert a.holiday_data is False
    assert cal.workdays_before(D("2025-10-06"), 1) == D("2025-10-03")
