"""The holiday calendar: official data, the weekends-only fallback, ``--holidays`` files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from icp_renew.errors import UserError
from icp_renew.holidays import (
    HolidayCalendar,
    load_calendar,
    official,
    official_calendar,
    parse_holiday_file,
)

D = dt.date.fromisoformat

H2027 = """\
# a year the package does not have yet (dates made up for the test)
year: 2027
off:
  - 2027-01-01
  - 2027-02-05
  - 2027年2月8日
work:
  - 2027/2/7
"""


def write(tmp_path: Path, text: str, name: str = "h.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_official_range_and_known_days() -> None:
    data = official()
    assert data.first_year == 2004
    assert data.last_year >= 2026
    cal = official_calendar()
    assert cal.covers(2026) and cal.covers(2004)
    assert not cal.covers(2003)
    # 2025-10-01…08 off, Sunday 2025-09-28 and Saturday 2025-10-11 working
    assert [cal.is_workday(D("2025-10-0" + str(d))) for d in range(1, 9)] == [False] * 8
    assert cal.is_workday(D("2025-09-28")) and cal.is_workday(D("2025-10-11"))
    # 2026-02-15…23 off, Saturdays 2026-02-14 and 2026-02-28 working
    assert not any(cal.is_workday(D("2026-02-15") + dt.timedelta(days=i)) for i in range(9))
    assert cal.is_workday(D("2026-02-14")) and cal.is_workday(D("2026-02-28"))


def test_estimate_before_the_package_range() -> None:
    # 2003: no official data; the estimate (1999 revision) has 1-3 October off
    lookup = official_calendar().latest_workday(D("2003-10-05"))  # a Sunday
    assert lookup.day == D("2003-09-30")
    assert lookup.missing_years == frozenset({2003})
    weekends = HolidayCalendar(use_official=False).latest_workday(D("2003-10-05"))
    assert weekends.day == D("2003-10-03")


def test_walk_into_an_uncovered_year_is_reported() -> None:
    # 2004-01-01 was a holiday; the walk goes back into 2003, which has no data
    lookup = official_calendar().latest_workday(D("2004-01-01"))
    assert lookup.day == D("2003-12-31")
    assert lookup.missing_years == frozenset({2003})
    assert lookup.holiday_data is False


def test_parse_file(tmp_path: Path) -> None:
    [year] = parse_holiday_file(write(tmp_path, H2027))
    assert year.year == 2027
    assert year.off == {D("2027-01-01"), D("2027-02-05"), D("2027-02-08")}
    assert year.work == {D("2027-02-07")}
    assert year.source == str(tmp_path / "h.yaml")
    cal = load_calendar([tmp_path / "h.yaml"])
    assert cal.latest_workday(D("2027-02-08")).day == D("2027-02-07")
    assert cal.latest_workday(D("2027-02-06")).day == D("2027-02-04")
    assert cal.source(2027) == str(tmp_path / "h.yaml")
    assert cal.source(2026) == official().source


def test_file_with_a_list_of_years(tmp_path: Path) -> None:
    text = "- {year: 2027, off: [2027-01-01]}\n- year: 2028\n  work: []\n"
    years = parse_holiday_file(write(tmp_path, text))
    assert [y.year for y in years] == [2027, 2028]


def test_file_replaces_the_package_year(tmp_path: Path) -> None:
    cal = load_calendar([write(tmp_path, "year: 2025\noff: []\n")])
    assert cal.is_workday(D("2025-10-01"))
    assert not cal.is_workday(D("2025-09-28"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "year: 2027\noff:\n  - 2027-01-01\n  - 2026-12-31\n",
            "h.yaml:4: off[1]: 2026-12-31 is not in year 2027",
        ),
        ("year: 2027\noff: [2027-02-30]\n", "h.yaml:2: off[0]: impossible date '2027-02-30'"),
        ("year: 2027\nwork:\n  - next sunday\n", "h.yaml:3: work[0]: invalid date 'next sunday'"),
        ("year: 2027\nholidays: []\n", "h.yaml:2: holidays: unknown field"),
        ("off: [2027-01-01]\n", "h.yaml:1: year: required field is missing"),
        ("year: twenty\n", "h.yaml:1: year: expected a whole number"),
        ("year: 1900\n", "h.yaml:1: year: must be 1949 or more"),
        (
            "year: 2027\noff: [2027-02-07]\nwork:\n  - 2027-02-06\n  - 2027-02-07\n",
            "h.yaml:5: work[1]: 2027-02-07 is listed both as off and as work",
        ),
        ("- year: 2027\n- year: 2027\n", "h.yaml:2: [1].year: year 2027 is given twice"),
        (
            "- year: 2027\n- year: 2028\n  off: [2027-05-01]\n",
            "h.yaml:3: [1].off[0]: 2027-05-01 is not in year 2028",
        ),
        ("2027\n", "h.yaml:1: expected a mapping with year, off and work"),
        ("", "h.yaml:1: expected a mapping with year, off and work"),
        ("year: [2027\n", "h.yaml:2: invalid YAML"),
        ("year: 2027\nyear: 2028\n", "h.yaml:2: year: duplicate key 'year'"),
    ],
)
def test_file_errors_name_line_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(UserError) as err:
        parse_holiday_file(path, "h.yaml")
    assert str(err.value).startswith(message)


def test_same_year_in_two_files(tmp_path: Path) -> None:
    a = write(tmp_path, "year: 2027\n", "a.yaml")
    b = write(tmp_path, "year: 2027\n", "b.yaml")
    with pytest.raises(UserError) as err:
        load_calendar([a, b])
    assert str(err.value) == f"{b}: year: year 2027 is already given in {a}"


def test_cli_holidays_file(cli, tmp_path: Path) -> None:
    path = write(tmp_path, H2027)
    # deadline Monday 2027-02-08 (off in the file) → Sunday 2027-02-07 (a working day);
    # without the file, the estimate: Eve 02-05 to the 3rd 02-08 off → Thursday 02-04
    args = ("deadline", "--expires", "2027-05-09", "--today", "2026-12-01", "-f", "json")
    without = cli(*args)
    assert json.loads(without.stdout)["latest_working_day"] == "2027-02-04"
    assert json.loads(without.stdout)["holiday_data"] is False
    assert json.loads(without.stdout)["holiday_estimated"] is True
    assert "warning: no official holiday schedule for 2027 yet" in without.stderr
    result = cli(*args, "--holidays", str(path))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["latest_working_day"] == "2027-02-07"
    assert data["holiday_data"] is True
    assert data["holiday_estimated"] is False
    assert data["holiday_source"] == str(path)
    assert result.stderr == ""
    text = cli(*args[:-2], "--holidays", str(path)).stdout
    assert f"Holiday data        {path}" in text


def test_cli_bad_holidays_file(cli, tmp_path: Path) -> None:
    path = write(tmp_path, "year: 2027\noff:\n  - 2027-02-30\n")
    result = cli("deadline", "--expires", "2027-05-09", "--holidays", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"icp-renew: error: {path}:3: off[0]: ")
    assert len(result.stderr.strip().splitlines()) == 1
    result = cli("deadline", "--expires", "2027-05-09", "--holidays", str(tmp_path / "no.yaml"))
    assert result.exit_code == 2
    assert "no.yaml: file not found" in result.stderr


def test_fresh_calendar_without_official_data() -> None:
    cal = HolidayCalendar(use_official=False)
    assert not cal.covers(2025)
    assert cal.source(2025) is None
