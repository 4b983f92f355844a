"""`deadline` over an agency's portfolio (issue #12): a licence given twice is listed once, an
unusable dossier or CSV row never stops the others, the ICS never repeats a UID and has no
filing event for a licence already expired; no colour under TERM=dumb."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

import factory
from icp_renew.cli import deadline_cmd

TODAY = "2026-01-15"


def _dossier(root: Path, name: str, **licence: Any) -> Path:
    cfg = copy.deepcopy(factory.VALID_CONFIG)
    cfg["license"].update(licence)
    cfg["license"] = {k: v for k, v in cfg["license"].items() if v is not None}
    cfg["company"]["name"] = f"{name}公司"
    return factory.make_dossier(root / name, cfg, {})


def _csv(root: Path, text: str) -> Path:
    path = root / "clients.csv"
    path.write_text("name,license_number,expires\n" + text, encoding="utf-8")
    return path


def _json(cli: Any, *args: str) -> tuple[int, Any, str]:
    result = cli("deadline", *args, "--today", TODAY, "-f", "json")
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_one_dossier_without_expiry_does_not_hide_the_others(cli, tmp_path):
    paths = [_dossier(tmp_path, f"c{i}", number=f"京B2-2021000{i}") for i in range(3)]
    bad = _dossier(tmp_path, "none", number="京B2-20219999", expires=None)
    code, data, err = _json(cli, *map(str, [paths[0], bad, paths[1], paths[2]]))
    assert code == 2
    assert [d.get("license_number") for d in data] == [
        "京B2-20210000",
        "京B2-20210001",
        "京B2-20210002",
        None,
    ]
    assert data[3]["source"] == str(bad)
    assert data[3]["error"].startswith(f"{bad}/dossier.yaml: license.expires: missing")
    assert err.strip().splitlines() == [f"icp-renew: error: {data[3]['error']}"]
    text = cli("deadline", str(paths[0]), str(bad), "--today", TODAY)
    assert text.exit_code == 2
    assert "京B2-20210000" in text.stdout  # the usable one is printed, as a table
    assert "license.expires" in text.stderr


def test_unreadable_dossier_yaml_and_not_a_folder(cli, tmp_path):
    good = _dossier(tmp_path, "good")
    broken = _dossier(tmp_path, "broken")
    (broken / "dossier.yaml").write_text("license: [\n", encoding="utf-8")
    note = tmp_path / "notes.txt"
    note.write_text("license:\n  expires: 2026-05-31\n", encoding="utf-8")
    code, data, err = _json(cli, str(good), str(broken), str(note))
    assert code == 2
    assert data[0]["source"] == str(good)
    assert data[1]["source"] == str(broken)
    assert data[1]["error"].startswith(f"{broken}/dossier.yaml:")
    assert data[2] == {
        "source": str(note),
        "error": f"{note}: not a folder (expected a dossier folder with dossier.yaml)",
    }
    assert len(err.strip().splitlines()) == 2
    alone = cli("deadline", str(note), "--today", TODAY)
    assert alone.exit_code == 2
    assert alone.stdout == ""
    assert (
        alone.stderr
        == f"icp-renew: error: {note}: not a folder (expected a dossier folder with dossier.yaml)\n"
    )


def test_a_csv_that_cannot_be_read_does_not_stop_the_dossiers(cli, tmp_path):
    good = _dossier(tmp_path, "good")
    path = tmp_path / "clients.csv"
    path.write_text("name,number\n甲,京B2-1\n", encoding="utf-8")
    code, data, err = _json(cli, str(good), "--csv", str(path))
    assert code == 2
    assert data[0]["license_number"] == "京B2-20210001"
    assert data[1]["source"] == str(path)
    assert "missing column 'expires'" in data[1]["error"]
    assert err.count("icp-renew: error: ") == 1


def test_a_licence_given_twice_is_listed_once(cli, tmp_path):
    a = _dossier(tmp_path, "a")
    b = _dossier(tmp_path, "b")
    csv = _csv(
        tmp_path,
        "甲,京B2-20210001,2026-05-31\n乙,沪B2-20200002,2027-03-01\n乙,沪B2-20200002,2027/3/1\n",
    )
    code, data, err = _json(cli, str(a), str(b), "--csv", str(csv))
    assert code == 0, err
    assert [(d["license_number"], d["source"]) for d in data] == [
        ("京B2-20210001", str(a)),
        ("沪B2-20200002", f"{csv}:3"),
    ]
    assert err == ""  # the copies agree


def test_copies_that_disagree_are_one_warning_naming_both(cli, tmp_path):
    a = _dossier(tmp_path, "a")
    csv = _csv(tmp_path, "甲,京B2-20210001,2026-06-30\n")
    code, data, err = _json(cli, str(a), "--csv", str(csv))
    assert code == 0
    assert [(d["license_number"], d["expires"]) for d in data] == [("京B2-20210001", "2026-05-31")]
    assert err == (
        f"warning: licence 京B2-20210001 is given twice with different expiries: {a} says "
        f"2026-05-31, {csv}:2 says 2026-06-30; computed from {a}\n"
    )
    zh = cli("deadline", str(a), "--csv", str(csv), "--today", TODAY, "--lang", "zh")
    assert zh.stdout.startswith("警告：许可证 京B2-20210001 出现两次且有效期不一致：")
    assert zh.stdout.count("京B2-20210001") == 2  # the warning and one row


def test_ics_one_event_per_uid_and_none_for_an_expired_licence(cli, tmp_path):
    csv = _csv(
        tmp_path,
        "甲,京B2-20210001,2026-05-31\n甲,京B2-20210001,2026-05-31\n乙,粤B2-20190003,2025-12-31\n",
    )
    a = _dossier(tmp_path, "a")
    result = cli("deadline", str(a), "--csv", str(csv), "--today", TODAY, "-f", "ics")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    uids = [line for line in text.splitlines() if line.startswith("UID:")]
    assert len(uids) == len(set(uids)) == 3  # 京: filing + annual report; 粤: annual report only
    assert sum(u.startswith("UID:filing-") for u in uids) == 1
    assert "粤B2-20190003" in text  # its annual report is still due
    assert "DTSTART;VALUE=DATE:20250930" not in text  # the expired licence's past deadline


def test_no_colour_under_term_dumb(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert deadline_cmd._color(None) is True
    monkeypatch.setenv("TERM", "dumb")
    assert deadline_cmd._color(None) is False


@pytest.mark.parametrize("rows", ["", "甲,京B2-1,\n乙,京B2-2,nope\n"])
def test_only_bad_rows_is_exit_2_with_each_named(cli, tmp_path, rows):
    csv = _csv(tmp_path, rows)
    result = cli("deadline", "--csv", str(csv), "--today", TODAY, "-f", "json")
    n = rows.count("\n")
    assert result.exit_code == (2 if n else 0)
    assert len(json.loads(result.stdout)) == n
    assert result.stderr.count("icp-renew: error: ") == n
