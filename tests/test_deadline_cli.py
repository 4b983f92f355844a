"""``icp-renew deadline`` through the CLI: inputs, JSON contract, text, exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import factory
from icp_renew.deadline import assess
from icp_renew.formats.deadline_text import render_one, render_table

CONTRACT = [
    "license_number",
    "expires",
    "filing_deadline",
    "latest_working_day",
    "days_left",
    "status",
    "today",
    "holiday_data",
]


def run_json(cli, *args: str):
    result = cli("deadline", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_json_object_for_one_licence(cli):
    data = run_json(
        cli, "--expires", "2026-05-31", "--license", "京B2-20210001", "--today", "2026-01-15"
    )
    assert {k: data[k] for k in CONTRACT} == {
        "license_number": "京B2-20210001",
        "expires": "2026-05-31",
        "filing_deadline": "2026-03-02",
        "latest_working_day": "2026-03-02",
        "days_left": 46,
        "status": "due-soon",
        "today": "2026-01-15",
        "holiday_data": True,
    }
    assert list(data)[: len(CONTRACT)] == CONTRACT
    assert data["expiry_derived"] is False
    assert data["annual_report"] == {"year": 2025, "opens": "2026-01-01", "closes": "2026-03-31"}
    assert [s["step"] for s in data["suggested_plan"]] == ["prepare", "pre-check", "file"]
    assert data["holiday_source"] == "chinese_calendar 1.11.0"


@pytest.mark.parametrize(
    "form", ["2026-05-31", "2026/5/31", "2026年5月31日", "2026.05.31", "20260531", " 2026-5-31 "]
)
def test_every_date_form(cli, form):
    data = run_json(cli, "--expires", form, "--today", "2026-01-15")
    assert data["expires"] == "2026-05-31"
    assert data["license_number"] is None


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--expires", "2026-02-30", "--expires: impossible date '2026-02-30'"),
        ("--expires", "2025-02-29", "--expires: impossible date '2025-02-29'"),
        ("--expires", "31/05/2026", "--expires: invalid date '31/05/2026'"),
        ("--expires", "tomorrow", "--expires: invalid date 'tomorrow'"),
        ("--issued", "2021-13-01", "--issued: impossible date '2021-13-01'"),
        ("--today", "2026-00-10", "--today: impossible date '2026-00-10'"),
    ],
)
def test_bad_dates_exit_2(cli, option, value, expected):
    args = {"--expires": "2026-05-31", "--today": "2026-01-15"}
    if option == "--issued":
        args.pop("--expires")
    args[option] = value
    result = cli("deadline", *[x for kv in args.items() for x in kv])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"icp-renew: error: {expected}")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), "deadline: nothing to compute"),
        (("--license", "京B2-20210001"), "--license: needs --expires DATE or --issued DATE"),
        (("--expires", "2026-05-31", "--fail-within", "soon"), "--fail-within: expected a whole"),
        (("--expires", "2026-05-31", "--fail-within", "-1"), "--fail-within: expected a whole"),
        (("--expires", "2026-05-31", "--due-soon-days", "x"), "--due-soon-days: expected a whole"),
        (("--expires", "2026-05-31", "--format", "xml"), "--format: unknown format 'xml'"),
        (("--expires", "2026-05-31", "--lang", "fr"), "--lang: unknown language 'fr'"),
        (("--expires", "2026-05-31", "--encoding", "gbk"), "--encoding: applies only to --csv"),
    ],
)
def test_bad_options_exit_2(cli, args, expected):
    result = cli("deadline", *args, "--today", "2026-01-15")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"icp-renew: error: {expected}")
    assert len(result.stderr.strip().splitlines()) == 1


def test_issued_derives_and_labels(cli):
    data = run_json(cli, "--issued", "2021-06-01", "--today", "2026-01-15")
    assert data["expires"] == "2026-05-31"
    assert data["expiry_derived"] is True
    assert data["issued"] == "2021-06-01"
    text = cli("deadline", "--issued", "2021-06-01", "--today", "2026-01-15").stdout
    assert "derived from the issue date 2021-06-01; the printed date prevails" in text


def test_printed_expiry_wins(cli):
    data = run_json(
        cli, "--issued", "2021-06-01", "--expires", "2026-06-30", "--today", "2026-01-15"
    )
    assert data["expires"] == "2026-06-30"
    assert data["expiry_derived"] is False


@pytest.mark.parametrize(
    ("today", "fail_within", "code"),
    [
        ("2026-01-15", None, 0),  # 46 days left, no gate
        ("2026-01-15", "45", 0),
        ("2026-01-15", "46", 1),  # days_left == N trips
        ("2026-01-15", "200", 1),
        ("2026-03-02", "0", 1),  # the deadline day itself
        ("2026-03-03", "0", 1),  # overdue
        ("2026-06-01", "0", 1),  # expired
        ("2025-01-01", "60", 0),
    ],
)
def test_fail_within_exit_codes(cli, today, fail_within, code):
    args = ["deadline", "--expires", "2026-05-31", "--today", today, "--format", "json"]
    if fail_within is not None:
        args += ["--fail-within", fail_within]
    result = cli(*args)
    assert result.exit_code == code
    json.loads(result.stdout)  # the report is still printed
    if code:
        assert f"--fail-within {fail_within}: 1 licence within" in result.stderr


def test_status_values(cli):
    def status(today: str) -> str:
        return run_json(cli, "--expires", "2026-05-31", "--today", today)["status"]

    assert [status(t) for t in ("2025-12-31", "2026-01-01", "2026-03-03", "2026-06-01")] == [
        "ok",
        "due-soon",
        "overdue",
        "expired",
    ]
    data = run_json(
        cli, "--expires", "2026-05-31", "--today", "2025-12-01", "--due-soon-days", "120"
    )
    assert data["status"] == "due-soon"


def _dossier(make_dossier, name: str, number: str, expires: str | None, company: str = "示例"):
    config = json.loads(json.dumps(factory.VALID_CONFIG))
    config["company"]["name"] = company
    config["license"]["number"] = number
    if expires is None:
        del config["license"]["expires"]
    else:
        config["license"]["expires"] = expires
    return make_dossier(config, files={}, name=name)


def test_one_dossier_gives_an_object(cli, make_dossier):
    path = _dossier(make_dossier, "a", "京B2-20210001", "2026-05-31")
    data = run_json(cli, str(path), "--today", "2026-01-15")
    assert isinstance(data, dict)
    assert data["license_number"] == "京B2-20210001"
    assert data["name"] == "示例"
    assert data["issued"] == "2021-06-01"
    assert data["source"] == str(path)
    # the dossier.yaml file works as well as its folder
    assert run_json(cli, str(path / "dossier.yaml"), "--today", "2026-01-15")["days_left"] == 46


def test_many_dossiers_sorted_by_urgency(cli, make_dossier):
    paths = [
        _dossier(make_dossier, "a", "沪B2-20200002", "2027-05-31"),
        _dossier(make_dossier, "b", "京B2-20210001", "2026-05-31"),
        _dossier(make_dossier, "c", "粤B2-20190003", "2025-12-31"),
        _dossier(make_dossier, "d", "川B2-20210004", "2026-05-31"),
    ]
    data = run_json(cli, *map(str, paths), "--today", "2026-01-15")
    assert isinstance(data, list)
    assert [(d["license_number"], d["status"]) for d in data] == [
        ("粤B2-20190003", "expired"),
        ("京B2-20210001", "due-soon"),
        ("川B2-20210004", "due-soon"),
        ("沪B2-20200002", "ok"),
    ]
    assert [d["days_left"] for d in data] == [-105, 46, 46, 411]
    for d in data:
        assert list(d)[: len(CONTRACT)] == CONTRACT


def test_expires_and_dossier_together_give_a_list(cli, make_dossier):
    path = _dossier(make_dossier, "a", "京B2-20210001", "2026-05-31")
    data = run_json(cli, str(path), "--expires", "2027-01-01", "--today", "2026-01-15")
    assert [d["expires"] for d in data] == ["2026-05-31", "2027-01-01"]


def test_dossier_without_expiry_exit_2(cli, make_dossier):
    path = _dossier(make_dossier, "a", "京B2-20210001", None)
    result = cli("deadline", str(path), "--today", "2026-01-15")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"icp-renew: error: {path / 'dossier.yaml'}: license.expires: missing"
    )
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_or_invalid_dossier_exit_2(cli, tmp_path, make_dossier):
    result = cli("deadline", str(tmp_path / "nowhere"), "--today", "2026-01-15")
    assert result.exit_code == 2
    assert "nowhere" in result.stderr
    bad = make_dossier(
        "license: {number: 京B2-1, expires: 2026-02-30}\ncompany: {name: x}\n", files={}, name="bad"
    )
    result = cli("deadline", str(bad), "--today", "2026-01-15")
    assert result.exit_code == 2
    assert "dossier.yaml:1: license.expires:" in result.stderr


def test_text_one_licence(cli):
    result = cli(
        "deadline", "--expires", "2026-05-31", "--license", "京B2-20210001", "--today", "2026-01-15"
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:6] == [
        "Licence             京B2-20210001",
        "Expires             2026-05-31 (Sun)",
        "Filing deadline     2026-03-02 (Mon) (90 days before expiry, Order 42 Art. 27)",
        "Latest working day  2026-03-02 (Mon)",
        "Days left           46 days",
        "Status              due soon",
    ]
    assert "Suggested plan (a suggestion only):" in result.stdout
    assert "\x1b[" not in result.stdout


def test_text_chinese(cli):
    result = cli("deadline", "--expires", "2025-12-30", "--today", "2025-09-01", "--lang", "zh")
    assert "最后工作日  2025-09-30（星期二）" in result.stdout
    assert "申请截止日  2025-10-01（星期三）" in result.stdout
    assert "建议安排（仅供参考）" in result.stdout


def test_text_table_and_warnings(cli, make_dossier):
    paths = [
        _dossier(make_dossier, "a", "沪B2-20200002", "2028-02-29", "上海示例"),
        _dossier(make_dossier, "b", "京B2-20210001", "2026-05-31", "北京示例"),
    ]
    result = cli("deadline", *map(str, paths), "--today", "2026-01-15", "--fail-within", "50")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("warning: no official holiday schedule for 2027 yet")
    assert lines[1].split() == [
        "Status",
        "Days",
        "left",
        "Latest",
        "working",
        "day",
        "Filing",
        "deadline",
        "Expires",
        "Licence",
        "Name",
    ]
    assert lines[3].split() == [
        "due",
        "soon",
        "46",
        "2026-03-02",
        "2026-03-02",
        "2026-05-31",
        "京B2-20210001",
        "北京示例",
    ]
    assert lines[4].split() == [
        "ok",
        "685",
        "2027-12-01†",
        "2027-12-01",
        "2028-02-29",
        "沪B2-20200002",
        "上海示例",
    ]
    assert "† estimated from the statutory holidays (no official schedule yet)" in lines
    assert lines[-1] == (
        "--fail-within 50: 1 licence within 50 days of the filing deadline "
        "or past it: 京B2-20210001 (46)"
    )
    # columns line up although the names are Chinese
    assert lines[3].index("2026-03-02") == lines[4].index("2027-12-01")


def test_quiet_prints_only_problems(cli, make_dossier):
    paths = [
        _dossier(make_dossier, "a", "沪B2-20200002", "2026-12-31"),
        _dossier(make_dossier, "b", "京B2-20210001", "2026-05-31"),
    ]
    result = cli("deadline", *map(str, paths), "--today", "2026-01-15", "--quiet")
    assert "京B2-20210001" in result.stdout
    assert "沪B2-20200002" not in result.stdout
    result = cli("deadline", str(paths[0]), "--today", "2026-01-15", "--quiet")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_json_warning_goes_to_stderr(cli):
    result = cli("deadline", "--expires", "2028-02-29", "--today", "2026-01-15", "-f", "json")
    data = json.loads(result.stdout)
    assert data["holiday_data"] is False
    assert data["holiday_estimated"] is True
    assert data["holiday_source"] == (
        "estimate: statutory holidays (2024 revision), no make-up days"
    )
    assert result.stderr.startswith("warning: no official holiday schedule for 2027 yet")


def test_output_file(cli, tmp_path):
    out = tmp_path / "d.json"
    result = cli(
        "deadline", "--expires", "2026-05-31", "--today", "2026-01-15", "-f", "json", "-o", str(out)
    )
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["days_left"] == 46
    assert [p.name for p in tmp_path.iterdir()] == ["d.json"]


def test_today_from_environment(cli):
    result = cli(
        "deadline", "--expires", "2026-05-31", "-f", "json", env={"ICP_RENEW_TODAY": "2026-03-01"}
    )
    assert json.loads(result.stdout)["days_left"] == 1


def test_light_imports(tmp_path):
    """``deadline --expires`` imports no PDF, image, rich or rule-model code."""
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "icp_renew",
            "deadline",
            "--expires",
            "2027-05-31",
            "--format",
            "json",
            "--today",
            "2026-01-15",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PATH": "", "NO_COLOR": "1", "LANG": "C.UTF-8"},
    )
    modules = {
        line.rsplit("|", 1)[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    heavy = {
        m
        for m in modules
        if m.split(".")[0]
        in ("pypdf", "PIL", "rich", "icalendar", "phonenumbers", "email_validator", "stdnum")
    }
    assert heavy == set()
    assert not {m for m in modules if m.startswith(("icp_renew.rulebook", "icp_renew.dossier"))}
    assert json.loads(result.stdout)["holiday_data"] is False


def test_text_explains_overdue_and_expired(cli):
    overdue = cli("deadline", "--expires", "2026-05-31", "--today", "2026-04-01").stdout
    assert "contact the issuing authority now" in overdue
    assert "Days left           30 days ago" in overdue
    expired = cli("deadline", "--expires", "2026-05-31", "--today", "2026-07-01", "--lang", "zh")
    assert "许可证已过期，无法续期，需重新申请许可证。" in expired.stdout


def test_colour_only_when_asked():
    items = [
        assess(dt.date(2026, 5, 31), dt.date(2026, 4, 1), license_number="京B2-1"),
        assess(dt.date(2027, 5, 31), dt.date(2026, 4, 1), license_number="京B2-2"),
    ]
    assert "\x1b[1;31m" in render_one(items[0], "en", color=True)
    table = render_table(items, "en", color=True)
    assert "\x1b[1;31moverdue" in table and "\x1b[1;32mok " in table
    assert "\x1b[" not in render_table(items, "en") + render_one(items[0], "en")


def test_empty_portfolio(cli, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("name,license_number,expires\n", encoding="utf-8")
    args = ("deadline", "--csv", str(path), "--today", "2026-01-15", "--fail-within", "30")
    assert cli(*args, "-f", "json").stdout == "[]\n"
    result = cli(*args)
    assert (result.exit_code, result.stdout) == (0, "no licences\n")
    ics = cli(*args, "-f", "ics")  # an empty VCALENDAR would not be valid RFC 5545
    assert ics.exit_code == 2
    assert ics.stderr.strip() == "icp-renew: error: --format ics: no licences to put in a calendar"


def test_quiet_keeps_licences_that_trip_the_gate(cli):
    result = cli(
        "deadline",
        "--expires",
        "2026-12-31",
        "--today",
        "2026-01-15",
        "--quiet",
        "--fail-within",
        "300",
    )
    assert result.exit_code == 1
    assert "Status              ok" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("--fail-within 300: 1 licence")


EXAMPLES = Path(__file__).parents[1] / "examples"


def test_example_dossiers(cli):
    paths = [str(EXAMPLES / "beijing-complete"), str(EXAMPLES / "beijing-incomplete")]
    data = run_json(cli, *paths, "--today", "2026-01-15")
    # the two examples hold the same licence: listed once, from the first source given
    assert [(d["license_number"], d["status"], d["days_left"]) for d in data] == [
        ("京B2-20210001", "due-soon", 46),
    ]
    assert [d["source"] for d in data] == paths[:1]
    result = cli("deadline", paths[0], "--today", "2026-01-15", "--fail-within", "30")
    assert result.exit_code == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_output_file_mode_follows_umask(cli, tmp_path):
    out = tmp_path / "d.ics"
    old = os.umask(0o022)
    try:
        cli("deadline", "--expires", "2026-05-31", "-f", "ics", "-o", str(out))
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644
