"""``deadline --format ics``: valid iCalendar, all-day events, alarms, reproducible bytes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from icp_renew.deadline import assess
from icp_renew.errors import UserError
from icp_renew.formats.deadline_ics import dtstamp, render, uid

D = dt.date.fromisoformat
CSV = (
    "name,license_number,expires\n"
    "北京示例科技有限公司,京B2-20210001,2026-05-31\n"
    "上海示例,沪B2-20200002,2028-02-29\n"
)


def events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    assert cal["VERSION"] == "2.0"
    assert cal["PRODID"] == "-//icp-renew//deadline//EN"
    return list(cal.walk("VEVENT"))


def test_one_licence(cli, tmp_path: Path) -> None:
    out = tmp_path / "d.ics"
    result = cli(
        "deadline",
        "--expires",
        "2026-05-31",
        "--license",
        "京B2-20210001",
        "--today",
        "2026-01-15",
        "-f",
        "ics",
        "-o",
        str(out),
    )
    assert result.exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    filing, annual = events(data)
    assert filing.decoded("DTSTART") == D("2026-03-02")
    assert filing.decoded("DTEND") == D("2026-03-03")
    assert b"DTSTART;VALUE=DATE:20260302" in data
    assert str(filing["SUMMARY"]) == "ICP licence renewal due: 京B2-20210001"
    assert "2026-03-02" in str(filing["DESCRIPTION"])
    assert annual.decoded("DTSTART") == D("2026-03-31")
    assert str(annual["SUMMARY"]) == "Telecom annual report for 2025 due: 京B2-20210001"
    for event in (filing, annual):
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 1, 15, tzinfo=dt.timezone.utc)
        triggers = [a.decoded("TRIGGER") for a in event.walk("VALARM")]
        assert triggers == [dt.timedelta(days=-30), dt.timedelta(days=-7), dt.timedelta(days=-1)]
        assert {str(a["ACTION"]) for a in event.walk("VALARM")} == {"DISPLAY"}
    assert str(filing["UID"]) == uid("filing", "京B2-20210001", D("2026-05-31"))
    assert str(filing["UID"]).startswith("filing-20260531-")
    assert str(annual["UID"]).startswith("annual-report-2026-")


def test_byte_identical_across_runs(cli, tmp_path: Path) -> None:
    csv = tmp_path / "c.csv"
    csv.write_text(CSV, encoding="utf-8")
    args = ("deadline", "--csv", str(csv), "--today", "2026-01-15", "-f", "ics", "--lang", "zh")
    first = cli(*args, "-o", str(tmp_path / "1.ics"))
    second = cli(*args, "-o", str(tmp_path / "2.ics"))
    assert first.exit_code == second.exit_code == 0
    one, two = (tmp_path / "1.ics").read_bytes(), (tmp_path / "2.ics").read_bytes()
    assert one == two
    stdout = cli(*args)
    assert stdout.stdout_bytes == one
    parsed = events(one)
    assert len(parsed) == 4
    assert [e.decoded("DTSTART") for e in parsed] == [
        D("2026-03-02"),
        D("2026-03-31"),
        D("2027-12-01"),
        D("2026-03-31"),
    ]
    assert (
        str(parsed[0]["SUMMARY"]) == "ICP 许可证续期申请截止日：京B2-20210001 北京示例科技有限公司"
    )
    assert "最后工作日按法定节假日估算，调休无法预知" in str(parsed[2]["DESCRIPTION"])
    assert len({str(e["UID"]) for e in parsed}) == 4
    # the fallback-year warning goes to stderr, never into the calendar
    assert stdout.stderr.startswith("警告：2027 年尚无官方节假日安排")


def test_source_date_epoch(cli) -> None:
    args = ("deadline", "--expires", "2026-05-31", "--today", "2026-01-15", "-f", "ics")
    result = cli(*args, env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert b"DTSTAMP:20231114T221320Z" in result.stdout_bytes
    result = cli(*args, env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.exit_code == 2
    assert result.stderr.startswith("icp-renew: error: SOURCE_DATE_EPOCH: expected whole seconds")


def test_dtstamp_never_reads_the_clock() -> None:
    assert dtstamp(D("2026-01-15")) == dt.datetime(2026, 1, 15, tzinfo=dt.timezone.utc)
    assert dtstamp(D("2026-01-15"), " ") == dt.datetime(2026, 1, 15, tzinfo=dt.timezone.utc)
    assert dtstamp(D("2026-01-15"), "0") == dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    with pytest.raises(UserError):
        dtstamp(D("2026-01-15"), "1e9")


def test_uid_depends_on_licence_and_expiry_only() -> None:
    a = uid("filing", "京B2-20210001", D("2026-05-31"))
    assert a == uid("filing", "京B2-20210001", D("2026-05-31"))
    assert a != uid("filing", "京B2-20210002", D("2026-05-31"))
    assert a != uid("filing", "京B2-20210001", D("2031-05-31"))
    assert a.isascii()
    # a later --today moves the annual report to a new year, not the filing event
    early = render(
        [assess(D("2026-05-31"), D("2026-01-15"))], stamp=dtstamp(D("2026-01-15")), lang="en"
    )
    late = render(
        [assess(D("2026-05-31"), D("2026-04-15"))], stamp=dtstamp(D("2026-01-15")), lang="en"
    )
    early_uids = [str(e["UID"]) for e in events(early)]
    late_uids = [str(e["UID"]) for e in events(late)]
    assert early_uids[0] == late_uids[0]
    assert early_uids[1] != late_uids[1]


def test_derived_expiry_is_labelled() -> None:
    data = render(
        [assess(None, D("2026-01-15"), issued=D("2021-06-01"))],
        stamp=dtstamp(D("2026-01-15")),
        lang="en",
    )
    filing = events(data)[0]
    assert "expires on 2026-05-31 (derived from the issue date)" in str(filing["DESCRIPTION"])
