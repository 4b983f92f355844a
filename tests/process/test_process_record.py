"""``record``: one event appended, every other byte kept; refusals leave the file alone."""

from __future__ import annotations

from pathlib import Path

import pytest

HEAD = (
    "# 续期材料 / dossier\n"
    "company:\n"
    "  name: '北京示例科技有限公司'   # quoted on purpose\n"
    "\n"
    "license: {number: 京B2-20210001, expires: 2026-05-31, services: [B25]}\n"
)


def write(tmp_path: Path, text: str, newline: str = "\n", bom: bool = False) -> Path:
    root = tmp_path / "d"
    root.mkdir()
    data = text.replace("\n", newline).encode("utf-8")
    (root / "dossier.yaml").write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return root


CASES = {
    "no timeline": (HEAD, HEAD + "timeline:\n  - {event: submitted, date: 2026-02-10}\n"),
    "no final newline": (
        HEAD.rstrip("\n"),
        HEAD + "timeline:\n  - {event: submitted, date: 2026-02-10}\n",
    ),
    "empty timeline with comments after": (
        HEAD + "timeline:   # none yet\n# the end\n",
        HEAD + "timeline:   # none yet\n  - {event: submitted, date: 2026-02-10}\n# the end\n",
    ),
    "flow list": (
        HEAD + "timeline: []  # c\nmaterials: {}\n",
        HEAD + "timeline: [{event: submitted, date: 2026-02-10}]  # c\nmaterials: {}\n",
    ),
}


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_record_keeps_every_other_byte(cli, tmp_path, case: str, newline: str) -> None:
    before, after = CASES[case]
    root = write(tmp_path, before, newline)
    result = cli("record", str(root), "submitted", "--date", "2026-02-10", "--today", "2026-03-01")
    assert result.exit_code == 0, result.stderr
    expected = after.replace("\n", newline).encode()
    assert (root / "dossier.yaml").read_bytes() == expected


def test_record_after_block_items_with_comments(cli, tmp_path) -> None:
    before = HEAD + (
        "timeline:\n"
        "  - event: submitted   # 受理\n"
        '    date: "2026-02-10"\n'
        "    note: |\n"
        "      两行\n"
        "      备注\n"
        "  # 等待补正\n"
        "materials:\n"
        "  financial-report: {year: 2025}\n"
    )
    root = write(tmp_path, before, bom=True)
    result = cli(
        "record",
        str(root),
        "correction-requested",
        "--date",
        "2026-02-20",
        "--due",
        "2026-02-27",
        "--note",
        "补充用户服务协议",
    )
    assert result.exit_code == 0, result.stderr
    added = '  - event: correction-requested\n    date: 2026-02-20\n    due: 2026-02-27\n    note: "补充用户服务协议"\n'
    cut = before.index("  # 等待补正")
    assert (root / "dossier.yaml").read_bytes() == b"\xef\xbb\xbf" + (
        before[:cut] + added + before[cut:]
    ).encode()


def test_record_license_received_with_every_field(cli, tmp_path) -> None:
    text = HEAD + (
        "timeline:\n"
        "  - {event: submitted, date: 2026-02-10}\n"
        "  - {event: approved, date: 2026-03-15}\n"
    )
    root = write(tmp_path, text)
    result = cli(
        "record",
        str(root),
        "license-received",
        "--date",
        "2026-03-20",
        "--number",
        "京B2-20210001",
        "--issued",
        "2026-03-15",
        "--expires",
        "2031年5月31日",
        "--services",
        "B25,B21",
        "--reference",
        "no: 1",
    )
    assert result.exit_code == 0, result.stderr
    assert (root / "dossier.yaml").read_text(encoding="utf-8") == text + (
        '  - {event: license-received, date: 2026-03-20, reference: "no: 1", '
        'number: "京B2-20210001", issued: 2026-03-15, expires: 2031-05-31, services: [B25, B21]}\n'
    )


def test_date_defaults_to_today(cli, tmp_path) -> None:
    root = write(tmp_path, HEAD)
    assert cli("record", str(root), "submitted", "--today", "2026-02-11").exit_code == 0
    assert (
        (root / "dossier.yaml")
        .read_text(encoding="utf-8")
        .endswith("  - {event: submitted, date: 2026-02-11}\n")
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("approved",), "EVENT: event approved needs a submitted event before it"),
        (("correction-submitted",), "no open correction notice"),
        (("archived",), "needs a license-received"),
        (("license-received", "--expires", "2031-05-31"), "needs number"),
        (("submitted", "--year", "2025"), "field year does not apply to event submitted"),
        (("submitted", "--due", "2026-03-01"), "--due: field due does not apply"),
        (("promoted",), "unknown event 'promoted'"),
        (("submitted", "--date", "2026-02-30"), "--date: impossible date"),
        (("annual-report-filed", "--year", "2026"), "from 1 January 2027"),
        (("annual-report-filed", "--year", "soon"), "--year: expected a whole number"),
    ],
)
def test_a_refused_event_leaves_the_file_unchanged(cli, tmp_path, args, words) -> None:
    root = write(tmp_path, HEAD)
    before = (root / "dossier.yaml").read_bytes()
    result = cli("record", str(root), *args, "--today", "2026-03-01")
    assert result.exit_code == 2
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (root / "dossier.yaml").read_bytes() == before


def test_out_of_order_and_second_submission_refused(cli, tmp_path) -> None:
    root = write(tmp_path, HEAD + "timeline:\n  - {event: submitted, date: 2026-02-10}\n")
    before = (root / "dossier.yaml").read_bytes()
    r = cli("record", str(root), "accepted", "--date", "2026-02-01")
    assert r.exit_code == 2 and "--date: events must be in date order" in r.stderr
    r = cli("record", str(root), "submitted", "--date", "2026-02-11")
    assert r.exit_code == 2 and "already submitted on 2026-02-10" in r.stderr
    assert (root / "dossier.yaml").read_bytes() == before


def test_record_into_an_invalid_or_missing_dossier(cli, tmp_path) -> None:
    root = write(tmp_path, "company: {name: X}\nlicense: {number: 1, colour: red}\n")
    r = cli("record", str(root), "submitted")
    assert r.exit_code == 2 and "dossier.yaml:2: license.colour: unknown field" in r.stderr
    r = cli("record", str(tmp_path / "none"), "submitted")
    assert r.exit_code == 2 and "no dossier.yaml" in r.stderr


# --- check: the filing date from the timeline ---------------------------------------------------


def _codes(cli, root, *args):
    import json

    r = cli("check", str(root), "-f", "json", *args)
    assert r.exit_code in (0, 1), r.stderr
    return [f["code"] for f in json.loads(r.stdout)["dossiers"][0]["findings"]]


def test_check_judges_the_submission_not_today(cli, make_dossier) -> None:
    import factory

    def with_timeline(day: str) -> dict:
        return {**factory.VALID_CONFIG, "timeline": [{"event": "submitted", "date": day}]}

    in_time = make_dossier(with_timeline("2026-03-02"), name="in-time")  # the deadline day
    assert "past-filing-deadline" not in _codes(cli, in_time, "--today", "2026-04-01")
    # submitted: no filing-deadline-soon, though today is within 60 days of the deadline
    assert "filing-deadline-soon" not in _codes(cli, in_time, "--today", "2026-02-01")
    plain_soon = make_dossier(name="soon")
    assert "filing-deadline-soon" in _codes(cli, plain_soon, "--today", "2026-02-01")
    late = make_dossier(with_timeline("2026-03-03"), name="late")  # the first day after
    assert "past-filing-deadline" in _codes(cli, late, "--today", "2026-04-01")
    plain = make_dossier(name="plain")
    assert "past-filing-deadline" in _codes(cli, plain, "--today", "2026-04-01")


def test_filing_year_comes_from_the_submission(cli, make_dossier) -> None:
    import factory

    # filed in 2026: the financial report of 2025 is the one required, even when checked in 2027
    cfg = {**factory.VALID_CONFIG, "timeline": [{"event": "submitted", "date": "2026-02-10"}]}
    root = make_dossier(cfg)
    assert "missing-year" not in _codes(cli, root, "--today", "2027-02-01")
    assert "missing-year" in _codes(
        cli, root, "--today", "2027-02-01", "--filing-date", "2027-02-01"
    )


def test_record_after_the_contract_example_with_a_two_line_flow_item(cli, tmp_path) -> None:
    before = HEAD + (
        "timeline:\n"
        '  - {event: submitted, date: 2026-02-10, reference: "受理号 2026-0123"}\n'
        "  - {event: correction-requested, date: 2026-02-20, due: 2026-02-27, note: 补充用户服务协议}\n"
        "  - {event: correction-submitted, date: 2026-02-21}\n"
        "  - {event: approved, date: 2026-03-15}\n"
        "  - {event: license-received, date: 2026-03-20, number: 京B2-20210001,\n"
        "     issued: 2026-03-15, expires: 2031-05-31, services: [B25]}   # 电子证照\n"
        "\n"
        "# 归档后再记录年报\n"
    )
    root = write(tmp_path, before, "\r\n")
    r = cli("record", str(root), "archived", "--date", "2026-03-21")
    assert r.exit_code == 0, r.stderr
    cut = before.index("\n\n# 归档后") + 1  # after the two-line item, before the blank line
    expected = before[:cut] + "  - {event: archived, date: 2026-03-21}\n" + before[cut:]
    assert (root / "dossier.yaml").read_bytes() == expected.replace("\n", "\r\n").encode()


def test_record_refuses_a_linked_dossier_yaml(cli, tmp_path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text(HEAD, encoding="utf-8")
    root = tmp_path / "d"
    root.mkdir()
    (root / "dossier.yaml").symlink_to(real)
    r = cli("record", str(root), "submitted", "--today", "2026-02-01")
    assert r.exit_code == 2 and "is a link" in r.stderr
    assert (root / "dossier.yaml").is_symlink() and real.read_text(encoding="utf-8") == HEAD
    r = cli("record", str(real), "submitted", "--today", "2026-02-01")
    assert r.exit_code == 0 and real.read_text(encoding="utf-8").endswith("2026-02-01}\n")


def test_record_keeps_the_file_mode(cli, tmp_path) -> None:
    root = write(tmp_path, HEAD)
    (root / "dossier.yaml").chmod(0o600)
    assert cli("record", str(root), "submitted", "--today", "2026-02-01").exit_code == 0
    assert (root / "dossier.yaml").stat().st_mode & 0o777 == 0o600


def test_a_chinese_year_is_written_as_the_year(cli, tmp_path) -> None:
    root = write(tmp_path, HEAD)
    r = cli("record", str(root), "annual-report-filed", "--year", "2025年", "--date", "2026-01-05")
    assert r.exit_code == 0, r.stderr
    assert (
        (root / "dossier.yaml")
        .read_text(encoding="utf-8")
        .endswith("  - {event: annual-report-filed, date: 2026-01-05, year: 2025}\n")
    )
