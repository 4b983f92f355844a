"""The holiday estimate for a year the official calendar lacks (issue #12): the statutory days
off of 全国年节及纪念日放假办法, lunar dates and the Qingming solar term computed."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from icp_renew.holiday_estimate import revision, statutory_days_off
from icp_renew.holidays import HolidayCalendar, official

D = dt.date.fromisoformat
OFFICIAL_YEARS = range(official().first_year, official().last_year + 1)


def _official_day_off(day: dt.date) -> bool:
    data = official()
    return day in data.holidays or (day.weekday() >= 5 and day not in data.workdays)


@pytest.mark.parametrize("year", OFFICIAL_YEARS)
def test_every_computed_day_off_is_an_official_day_off(year: int) -> None:
    # the estimate, run for the years the State Council's notices cover (2004 on), under the
    # revision then in force: every statutory day it computes was a day off
    days = statutory_days_off(year)
    assert days, year
    assert all(d.year == year for d in days)
    wrong = sorted(d for d in days if not _official_day_off(d))
    assert wrong == [], f"{year} ({revision(year)} revision): {wrong}"


def test_the_range_checked_is_the_official_one() -> None:
    assert OFFICIAL_YEARS[0] == 2004
    assert OFFICIAL_YEARS[-1] >= 2026


def test_revisions_by_year() -> None:
    assert [revision(y) for y in (2004, 2007, 2008, 2013, 2014, 2024, 2025, 2027)] == [
        "1999",
        "1999",
        "2007",
        "2007",
        "2013",
        "2013",
        "2024",
        "2024",
    ]
    # 2014: the Eve was a working day (2013 revision); 2025: it is a day off again
    assert D("2014-01-30") not in statutory_days_off(2014)
    assert D("2025-01-28") in statutory_days_off(2025)
    assert D("2025-05-02") in statutory_days_off(2025)
    assert D("2024-05-02") not in statutory_days_off(2024)


def test_2027() -> None:
    # the lunar new year 2027 is 6 February; Qingming 5 April; the Dragon Boat Festival
    # 9 June; the Mid-Autumn Festival 15 September
    assert sorted(statutory_days_off(2027)) == [
        D(x)
        for x in (
            "2027-01-01",
            "2027-02-05",
            "2027-02-06",
            "2027-02-07",
            "2027-02-08",
            "2027-04-05",
            "2027-05-01",
            "2027-05-02",
            "2027-06-09",
            "2027-09-15",
            "2027-10-01",
            "2027-10-02",
            "2027-10-03",
        )
    ]


def test_calendar_uses_the_estimate_only_without_data() -> None:
    cal = HolidayCalendar()
    assert not cal.estimated(2026) and cal.estimated(2027)
    assert not cal.is_workday(D("2027-01-01"))  # a Friday, New Year's Day
    assert not cal.is_workday(D("2027-06-09"))  # a Wednesday, the Dragon Boat Festival
    assert cal.is_workday(D("2027-06-10"))
    assert HolidayCalendar(use_official=False).is_workday(D("2027-01-01"))  # weekends only
    assert cal.describe(2027) == "estimate: statutory holidays (2024 revision), no make-up days"


def test_cli_2027_is_estimated_everywhere(cli) -> None:
    args = ("deadline", "--expires", "2027-04-01", "--today", "2026-11-30")
    data = json.loads(cli(*args, "-f", "json").stdout)
    # the filing deadline, 2027-01-01, is New Year's Day: the last working day is the 31st
    assert (data["filing_deadline"], data["latest_working_day"]) == ("2027-01-01", "2026-12-31")
    assert data["holiday_data"] is False and data["holiday_estimated"] is True
    text = cli(*args)
    assert "no official holiday schedule for 2027 yet" in text.stdout
    assert "Latest working day  2026-12-31 (Thu)" in text.stdout
    assert "Holiday data        estimate: statutory holidays (2024 revision" in text.stdout
    zh = cli(*args, "--lang", "zh").stdout
    assert "节假日数据  估算：法定节假日（2024年修订的放假办法），不含调休" in zh
    ics = cli(*args, "-f", "ics").stdout.replace("\r\n ", "").replace("\n ", "")
    assert "DTSTART;VALUE=DATE:20261231" in ics
    assert "the last working day is estimated from the statutory holidays" in ics


def test_lunar_python_is_imported_only_for_a_year_without_data() -> None:
    code = (
        "import sys, datetime as dt\n"
        "from icp_renew.deadline import assess\n"
        "assess(dt.date(2026, 5, 31), dt.date(2026, 1, 15))\n"
        "assert 'lunar_python' not in sys.modules\n"
        "assess(dt.date(2027, 4, 1), dt.date(2026, 1, 15))\n"
        "assert 'lunar_python' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("columns", ["120", "40"])
def test_the_table_marks_an_estimated_year_wide_or_stacked(cli, tmp_path, columns) -> None:
    csv = tmp_path / "c.csv"
    csv.write_text("license_number,expires\n京B2-1,2027-04-01\n京B2-2,2026-05-31\n", "utf-8")
    out = cli("deadline", "--csv", str(csv), "--today", "2026-11-30", env={"COLUMNS": columns})
    assert "2026-12-31†" in out.stdout
    assert "† estimated from the statutory holidays (no official schedule yet)" in out.stdout
    assert "weekends only" not in out.stdout
