"""`check` verdicts about time, through the CLI with the real checks (issue #12).

A dossier in danger is never a silent pass: the filing deadline near
(``filing-deadline-soon``), no ``license.expires`` (``missing-expiry``); a dossier
that cannot be checked stays in every report; ``-q`` keeps the summary table.
"""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

import factory


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _dossier(name: str, **licence: Any) -> Path:
    cfg = copy.deepcopy(factory.VALID_CONFIG)
    cfg["license"].update(licence)
    cfg["license"] = {k: v for k, v in cfg["license"].items() if v is not None}
    return factory.make_dossier(Path(name), cfg, factory.COMPLETE_FILES)


#: the findings about the licence's dates (the complete dossier misses recommended materials)
TIME = {"license-expired", "past-filing-deadline", "filing-deadline-soon", "missing-expiry"}


def _json(cli: Any, *args: str, today: str) -> tuple[int, dict[str, Any]]:
    result = cli("check", *args, "--today", today, "-f", "json")
    data = json.loads(result.stdout)
    for entry in data["dossiers"]:
        entry["findings"] = [f for f in entry["findings"] if f["code"] in TIME]
    return result.exit_code, data


def test_nine_days_before_the_filing_deadline_is_a_warning(cli, here):
    _dossier("acme")  # expires 2026-05-31: filing deadline Monday 2026-03-02
    code, data = _json(cli, "acme", today="2026-02-21")
    [entry] = data["dossiers"]
    assert code == 0
    assert [(f["code"], f["severity"]) for f in entry["findings"]] == [
        ("filing-deadline-soon", "warning")
    ]
    assert entry["findings"][0]["message"] == (
        "Licence 京B2-20210001 expires on 2026-05-31; the renewal must be filed 90 days before, "
        "by 2026-03-02 (Order 42 Art. 27); the last working day before it is 2026-03-02, "
        "9 days from 2026-02-21"
    )
    assert (entry["expires"], entry["filing_deadline"], entry["days_left"]) == (
        "2026-05-31",
        "2026-03-02",
        9,
    )
    strict = cli("check", "acme", "--today", "2026-02-21", "--strict")
    assert strict.exit_code == 1
    assert "filing-deadline-soon" in strict.stdout


def test_the_threshold_counts_to_the_last_working_day(cli, here):
    # expires 2026-07-31 → filing deadline Saturday 2026-05-02, inside the May Day break
    # (2026-05-01 to 05-05): the last working day is Thursday 2026-04-30
    _dossier("acme", expires="2026-07-31")
    code, data = _json(cli, "acme", today="2026-03-01")  # 60 days to 04-30: warned
    assert [f["code"] for f in data["dossiers"][0]["findings"]] == ["filing-deadline-soon"]
    assert (
        "the last working day before it is 2026-04-30, 60 days"
        in (data["dossiers"][0]["findings"][0]["message"])
    )
    assert data["dossiers"][0]["days_left"] == 62
    code, data = _json(cli, "acme", today="2026-02-28")  # 61 days: not yet
    assert code == 0 and data["dossiers"][0]["findings"] == []


def test_no_expiry_is_a_warning_not_a_silent_pass(cli, here):
    _dossier("acme", expires=None)
    code, data = _json(cli, "acme", today=factory.TODAY)
    [entry] = data["dossiers"]
    assert code == 0
    assert [(f["code"], f["severity"], f["path"]) for f in entry["findings"]] == [
        ("missing-expiry", "warning", None)
    ]
    assert (entry["expires"], entry["filing_deadline"], entry["days_left"]) == (None, None, None)
    zh = cli("check", "acme", "--today", factory.TODAY, "--lang", "zh")
    assert "missing-expiry" in zh.stdout and "license.expires" in zh.stdout


def test_a_later_filing_date_is_judged(cli, here):
    _dossier("acme")
    code, data = _json(cli, "acme", "--filing-date", "2026-03-05", today=factory.TODAY)
    assert code == 1
    [finding] = data["dossiers"][0]["findings"]
    assert finding["code"] == "past-filing-deadline"
    assert finding["message"].endswith("the filing date 2026-03-05 is 3 days late")


def _typo(here: Path) -> None:
    _dossier("good")
    bad = _dossier("typo")
    text = (bad / "dossier.yaml").read_text("utf-8")
    (bad / "dossier.yaml").write_text(text.replace("company:", "compnay:", 1), "utf-8")


def test_a_dossier_with_a_typo_is_never_dropped_from_a_report(cli, here):
    _typo(here)
    result = cli("check", "typo", "--today", factory.TODAY, "-f", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["ok"] is False
    [entry] = data["dossiers"]
    assert entry["path"] == "typo" and entry["ok"] is False and entry["findings"] == []
    assert entry["error"].startswith("typo/dossier.yaml:")
    assert "\n" not in entry["error"]
    assert result.stderr.count("\n") == 1

    junit = cli("check", "good", "typo", "--today", factory.TODAY, "-f", "junit")
    assert junit.exit_code == 2
    root = ET.fromstring(junit.stdout)
    assert root.get("errors") == "1"
    assert root.findall("testsuite")[1].find("testcase/error") is not None

    sarif = cli("check", "typo", "--today", factory.TODAY, "-f", "sarif")
    assert sarif.exit_code == 2
    [note] = json.loads(sarif.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "typo/dossier.yaml"
    )

    github = cli("check", "typo", "--today", factory.TODAY, "-f", "github")
    assert github.exit_code == 2
    assert github.stdout.startswith("::error file=typo/dossier.yaml,line=")

    markdown = cli("check", "good", "typo", "--today", factory.TODAY, "-f", "markdown")
    assert markdown.exit_code == 2
    assert "❌ typo: cannot check: typo/dossier.yaml:" in markdown.stdout


def test_quiet_keeps_the_summary_and_drops_the_detail(cli, here):
    _dossier("far", expires="2027-05-31")
    _dossier("near")
    _typo(here)
    result = cli(
        "check", "far", "near", "typo", "--today", factory.TODAY, "-q", env={"COLUMNS": "80"}
    )
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert lines[0] == "Summary"
    assert "→" not in result.stdout  # no hints, no detail
    rows = [line for line in lines if line.startswith("│") and line.split("│")[1].strip()]
    # most urgent first; the dossier that could not be checked has no deadline: last
    assert [r.split("│")[1].strip() for r in rows] == ["near", "far", "typo"]
    assert [r.split("│")[3].strip() for r in rows] == ["46", "411", "-"]
    assert "北京示例" in rows[0]
    assert "× cannot check" in rows[2]
    assert lines[-1].startswith("3 dossiers checked: 1 failed, 2 passed")
    assert max(len(line) for line in lines) <= 80


def test_summary_table_has_no_check_mark_for_a_pass_with_warnings(cli, here):
    """The summary table said `√ passed` beside a warning (a deadline 46 days away) while the
    detailed verdict says `! PASSED with warnings`."""
    _dossier("near")
    for lang, mark in (("en", "! warnings"), ("zh", "! 有警告")):
        result = cli("check", "near", "near", "--today", factory.TODAY, "-q", "--lang", lang)
        assert result.exit_code == 0
        rows = [line for line in result.stdout.splitlines() if line.startswith("│ near")]
        assert len(rows) == 2 and all(row.split("│")[6].strip() == mark for row in rows)
        assert "√" not in result.stdout
