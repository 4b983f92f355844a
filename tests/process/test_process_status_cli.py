"""``status``: formats, exit codes, --fail-within, the portfolio, unreadable dossiers, and
bad timelines as one-line exit-2 errors naming the line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

HEAD = (
    "company: {name: 北京示例科技有限公司}\n"
    "legal_representative: {name: 张三, id_number: '11010519491231002X'}\n"
    "license: {number: 京B2-20210001, issued: 2021-06-01, expires: 2026-05-31, services: [B25]}\n"
)


def dossier(tmp_path: Path, name: str, timeline: str = "", head: str = HEAD) -> Path:
    root = tmp_path / name
    root.mkdir()
    (root / "dossier.yaml").write_text(head + timeline, encoding="utf-8")
    return root


REPORTED = "timeline:\n  - {event: annual-report-filed, date: 2025-02-01, year: 2024}\n"


def test_preparing_json_and_exit_0(cli, tmp_path) -> None:
    root = dossier(tmp_path, "a", REPORTED)
    r = cli("status", str(root), "--format", "json", "--today", "2025-12-01")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["today"] == "2025-12-01" and doc["tool"] == "icp-renew"
    (entry,) = doc["dossiers"]
    assert entry["stage"] == "preparing" and entry["license_number"] == "京B2-20210001"
    assert entry["next"] == {"code": "filing-deadline", "due": "2026-03-02", "days_left": 91}


def test_error_alert_is_exit_1_and_fail_within(cli, tmp_path) -> None:
    root = dossier(tmp_path, "a", REPORTED)
    assert cli("status", str(root), "--today", "2026-03-03").exit_code == 1  # past the deadline
    assert cli("status", str(root), "--today", "2025-12-01", "--fail-within", "90").exit_code == 0
    r = cli("status", str(root), "--today", "2025-12-01", "--fail-within", "91")
    assert r.exit_code == 1 and "within 91 days" in r.stderr
    r = cli("status", str(root), "--fail-within", "soon")
    assert r.exit_code == 2 and "--fail-within" in r.stderr


def test_portfolio_unreadable_line_exit_2_and_sorted(cli, tmp_path) -> None:
    a = dossier(tmp_path, "a")
    b = dossier(tmp_path, "b", "timeline:\n  - {event: submitted, date: 2026-02-10}\n")
    c = dossier(tmp_path, "c")  # shares a's licence number: its own line
    bad = dossier(tmp_path, "bad", "timeline:\n  - {event: approved, date: 2026-02-10}\n")
    r = cli("status", str(a), str(b), str(c), str(bad), "-f", "json", "--today", "2026-02-20")
    assert r.exit_code == 2
    assert r.stderr.strip() == (
        f"icp-renew: error: {bad}/dossier.yaml:5: timeline[0].event: "
        "event approved needs a submitted event before it"
    )
    doc = json.loads(r.stdout)
    assert [d["path"] for d in doc["dossiers"]] == [str(bad), str(a), str(c), str(b)]
    assert doc["dossiers"][0]["stage"] == "unreadable"
    assert doc["dossiers"][0]["error"].endswith("needs a submitted event before it")
    assert doc["dossiers"][3]["stage"] == "submitted"


@pytest.mark.parametrize(
    ("timeline", "line", "words"),
    [
        (
            "  - {event: promoted, date: 2026-02-10}\n",
            5,
            "timeline[0].event: unknown event 'promoted'",
        ),
        (
            "  - {event: submitted, date: 2026-02-10, colour: red}\n",
            5,
            "timeline[0].colour: unknown field",
        ),
        ("  - {event: submitted, date: 2026-13-01}\n", 5, "timeline[0].date: impossible date"),
        ("  - {event: submitted}\n", 5, "timeline[0].date: required field is missing"),
        (
            "  - {event: submitted, date: 2026-02-10}\n  - {event: accepted, date: 2026-02-01}\n",
            6,
            "timeline[1].date: events must be in date order",
        ),
        ("  - {event: correction-submitted, date: 2026-02-10}\n", 5, "no open correction"),
        (
            "  - {event: submitted, date: 2026-02-10, year: 2025}\n",
            5,
            "timeline[0].year: field year does not apply",
        ),
        (
            "  - {event: submitted, date: 2026-02-10}\n  - {event: approved, date: 2026-03-01}\n"
            "  - event: license-received\n    date: 2026-03-02\n    number: 京B2-1\n",
            7,
            "timeline[2].expires: event license-received needs expires",
        ),
        ("  - {event: annual-report-filed, date: 2026-02-10}\n", 5, "needs year"),
        ("  submitted\n", 4, "timeline: expected a list"),
    ],
)
def test_bad_timeline_is_one_line_naming_the_line(cli, tmp_path, timeline, line, words) -> None:
    root = dossier(tmp_path, "a", "timeline:\n" + timeline)
    for command in (("status", str(root)), ("check", str(root)), ("deadline", str(root))):
        r = cli(*command, "--today", "2026-03-01")
        assert r.exit_code == 2, command
        (err,) = r.stderr.strip().splitlines()
        assert err.startswith(f"icp-renew: error: {root}/dossier.yaml:"), err
        assert words in err, err
    r = cli("status", str(root), "--today", "2026-03-01")
    assert f"dossier.yaml:{line}:" in r.stderr


def test_text_fits_80_columns_both_languages(cli, tmp_path) -> None:
    roots = [
        dossier(tmp_path, "a"),
        dossier(
            tmp_path,
            "b",
            "timeline:\n  - {event: submitted, date: 2026-02-10}\n"
            "  - {event: correction-requested, date: 2026-02-20}\n",
        ),
    ]
    for lang in ("zh", "en"):
        for args in ((str(roots[1]),), tuple(str(r) for r in roots)):
            r = cli("status", *args, "--lang", lang, "--today", "2026-02-21", env={"COLUMNS": "80"})
            assert r.exit_code == 0, r.stderr
            from rich.cells import cell_len

            assert max(cell_len(line) for line in r.stdout.splitlines()) <= 80
    r = cli("status", str(roots[1]), "--lang", "en", "--today", "2026-02-21")
    assert "correction-due" in r.stdout and "2026-02-20  correction-requested" in r.stdout


def test_csv_has_a_bom_and_one_row_per_dossier(cli, tmp_path) -> None:
    a, b = dossier(tmp_path, "a"), dossier(tmp_path, "b")
    out = tmp_path / "s.csv"
    r = cli(
        "status",
        str(a),
        str(b),
        "-f",
        "csv",
        "-o",
        str(out),
        "--lang",
        "zh",
        "--today",
        "2026-01-15",
    )
    assert r.exit_code == 0, r.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["材料目录", "企业名称", "许可证编号"] and len(rows) == 3
    assert rows[1][4] == "准备中" and rows[1][5] == "filing-deadline"


def test_markdown_and_pii_masked(cli, tmp_path) -> None:
    root = dossier(
        tmp_path,
        "a",
        "timeline:\n  - {event: submitted, date: 2026-02-10, note: 联系 13800138000}\n",
    )
    r = cli("status", str(root), "-f", "markdown", "--today", "2026-02-11")
    assert r.exit_code == 0 and "| submitted | annual report due | 2026-03-31 | 48 |" in r.stdout
    assert "decision-pending" in r.stdout
    j = cli("status", str(root), "-f", "json", "--today", "2026-02-11").stdout
    assert "13800138000" not in j
    assert (
        "13800138000"
        in cli("status", str(root), "-f", "json", "--show-pii", "--today", "2026-02-11").stdout
    )


def test_check_adds_the_summary(cli, make_dossier) -> None:
    root = make_dossier()
    r = cli("status", str(root), "--check", "-f", "json", "--today", "2026-01-15")
    assert r.exit_code == 0, r.stderr
    summary = json.loads(cli("check", str(root), "-f", "json", "--today", "2026-01-15").stdout)
    counts = summary["dossiers"][0]["summary"]
    assert json.loads(r.stdout)["dossiers"][0]["check"] == {
        "errors": counts["errors"],
        "warnings": counts["warnings"],
        "infos": counts["infos"],
    }


def test_rules_set_the_correction_days(cli, tmp_path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "agency.yaml").write_text(
        "kind: overlay\nname: agency\nsource: 本代理机构与客户约定\n"
        "settings: {correction_response_days: 3}\n",
        encoding="utf-8",
    )
    root = dossier(
        tmp_path,
        "a",
        "timeline:\n  - {event: submitted, date: 2026-02-10}\n"
        "  - {event: correction-requested, date: 2026-02-20}\n",
    )
    r = cli("status", str(root), "--rules", str(rules), "-f", "json", "--today", "2026-02-21")
    alert = json.loads(r.stdout)["dossiers"][0]["alerts"][0]
    assert (alert["code"], alert["due"], alert["days_left"]) == ("correction-due", "2026-02-23", 2)


def test_hostile_names_are_escaped_in_text_and_csv(cli, tmp_path) -> None:
    head = HEAD.replace("北京示例科技有限公司", "'=HYPERLINK(\"x\")[bold]'")
    root = dossier(tmp_path, "[red]d\u202e", head=head)
    other = dossier(tmp_path, "b")
    r = cli("status", str(root), str(other), "--today", "2026-01-15", env={"COLUMNS": "300"})
    assert r.exit_code == 0 and "Traceback" not in r.stdout
    assert "[red]d" in r.stdout and "\u202e" not in r.stdout  # markup shown, bidi made visible
    csv_text = cli("status", str(root), "-f", "csv", "--today", "2026-01-15").stdout
    assert "'=HYPERLINK" in csv_text  # a formula is quoted as text for Excel


def test_one_dossier_in_chinese_names_the_fields_and_wraps_under_its_indent(cli, tmp_path) -> None:
    timeline = (
        "timeline:\n"
        "  - {event: submitted, date: 2026-02-10, reference: '受理号 2026-0123'}\n"
        "  - {event: correction-requested, date: 2026-02-20, note: 补充用户服务协议}\n"
    )
    root = dossier(tmp_path, "a", timeline)
    r = cli("status", str(root), "--today", "2026-02-21", "--lang", "zh", env={"COLUMNS": "80"})
    lines = r.stdout.splitlines()
    assert "  2026-02-10  submitted  （文号：受理号 2026-0123）" in lines
    assert "  2026-02-20  correction-requested  （备注：补充用户服务协议）" in lines
    assert "警告 correction-due 2026-02-21，剩余 0 天" in lines
    # an alert's advice wraps under its own indent, and no line ends in padding
    advice = lines[lines.index("警告 correction-due 2026-02-21，剩余 0 天") + 1 :][:2]
    assert all(line.startswith("  ") for line in advice)
    assert all(line == line.rstrip() for line in lines)
    assert "reference" not in r.stdout and "note:" not in r.stdout


# QA: the Next column names the alert in the report's language; JSON and CSV keep the code


def test_every_alert_code_has_a_label_in_both_languages() -> None:
    from icp_renew.messages import t
    from icp_renew.process.assess import ALERT_CODES

    labels = {
        code: (t(f"process.alert-label-{code}", "zh"), t(f"process.alert-label-{code}", "en"))
        for code in ALERT_CODES
    }
    assert len(ALERT_CODES) == 9
    assert labels["filing-deadline"] == ("申请截止日", "filing deadline")
    assert labels["correction-due"] == ("补正答复期限", "correction due")
    assert len({zh for zh, _ in labels.values()}) == len({en for _, en in labels.values()}) == 9


def test_next_column_is_a_label_in_the_reports_language(cli, tmp_path) -> None:
    a = dossier(tmp_path, "a")
    b = dossier(
        tmp_path,
        "b",
        "timeline:\n  - {event: submitted, date: 2026-02-10}\n"
        "  - {event: correction-requested, date: 2026-02-20}\n",
    )
    args = ("status", str(a), str(b), "--today", "2026-02-21")
    zh = cli(*args, "--lang", "zh", env={"COLUMNS": "80"}).stdout
    assert "申请截止日" in zh and "补正答复期限" in zh
    assert "filing-deadline" not in zh and "correction-due" not in zh
    en = cli(*args, "--lang", "en", env={"COLUMNS": "80"}).stdout
    assert "filing deadline" in en and "correction due" in en and "correction-due" not in en
    md = cli(*args, "-f", "markdown", "--lang", "zh").stdout
    assert "| 准备中 | 申请截止日 | 2026-03-02 | 9 |" in md
    assert "- **警告** `correction-due`" in md  # an alert's code stays searchable
    rows = list(csv.reader(io.StringIO(cli(*args, "-f", "csv", "--lang", "zh").stdout)))
    assert sorted(row[5] for row in rows[1:]) == ["correction-due", "filing-deadline"]
    doc = json.loads(cli(*args, "-f", "json", "--lang", "zh").stdout)
    codes = sorted(d["next"]["code"] for d in doc["dossiers"])
    assert codes == ["correction-due", "filing-deadline"]
