"""Every command's text output fits the terminal: 80 columns, and 60."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from icp_renew.formats.wrap import wrap

EXAMPLES = Path(__file__).parents[1] / "examples"
COMPLETE = str(EXAMPLES / "beijing-complete")
INCOMPLETE = str(EXAMPLES / "beijing-incomplete")

COMMANDS = {
    "rules list": ["rules", "list"],
    "rules show": ["rules", "show", "-p", "北京", "-i", "news", "-i", "drugs"],
    "deadline one": ["deadline", COMPLETE, "--today", "2026-01-15"],
    # the two examples hold one licence (listed once): a second licence from --expires
    "deadline several": [
        "deadline",
        COMPLETE,
        INCOMPLETE,
        "--expires",
        "2027-03-01",
        "--license",
        "沪B2-20200002",
        "--today",
        "2026-01-15",
    ],
    "deadline overdue": ["deadline", "--expires", "2026-02-01", "--today", "2026-01-15"],
    "check": ["check", INCOMPLETE, "--today", "2026-01-15"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_output_fits_the_terminal(cli, name, width, lang):
    result = cli(*COMMANDS[name], "--lang", lang, env={"COLUMNS": str(width)})
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    assert len(lines) > 2
    for line in lines:
        assert cell_len(line) <= width, f"{cell_len(line)} > {width}: {line!r}"


def test_rules_show_keeps_every_material_and_its_checks(cli):
    text = cli("rules", "show", "-p", "北京", "--lang", "zh", env={"COLUMNS": "60"}).stdout
    assert "  business-license（必需，惯例）\n    营业执照副本\n" in text
    assert "    pdf, jpeg, png · 至少 4 页（本工具设定）\n" in text


def test_deadline_table_becomes_blocks_when_too_wide(cli):
    wide = cli(*COMMANDS["deadline several"], "--lang", "en", env={"COLUMNS": "120"}).stdout
    assert wide.splitlines()[0].split() == [
        "Status", "Days", "left", "Latest", "working", "day", "Filing", "deadline",
        "Expires", "Licence", "Name",
    ]  # fmt: skip
    narrow = cli(*COMMANDS["deadline several"], "--lang", "en", env={"COLUMNS": "60"}).stdout
    assert narrow.splitlines()[:3] == [
        "due soon  46 days  京B2-20210001  北京示例科技有限公司",
        "  Latest working day 2026-03-02; Filing deadline 2026-03-02",
        "  Expires 2026-05-31",
    ]


def test_a_report_written_to_a_file_is_laid_out_for_80_columns(cli, tmp_path: Path):
    out = tmp_path / "rules.txt"
    result = cli("rules", "show", "-p", "北京", "-o", str(out), env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert max(cell_len(line) for line in out.read_text("utf-8").splitlines()) <= 80


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("one two three four", 9, ["one two", "three", "four"]),
        ("申请期限（到期前90日）", 10, ["申请期限", "（到期前90", "日）"]),
        ("[默认：text] [环境：ICP_RENEW_LANG]", 30, ["[默认：text]", "[环境：ICP_RENEW_LANG]"]),
        ("如 '京B2-20210001'。", 18, ["如", "'京B2-20210001'。"]),
        ("a b 'c' d", 7, ["a b 'c'", "d"]),
    ],
)
def test_wrap(text, width, lines):
    assert wrap(text, width) == lines


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 60])
def test_init_fits_the_terminal(cli, tmp_path: Path, monkeypatch, width, lang):
    monkeypatch.chdir(tmp_path)
    folder = "北京示例科技有限公司-2026年增值电信业务经营许可证续期"
    result = cli("init", folder, "-p", "北京", "--lang", lang, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) > 2
    for line in lines:
        assert cell_len(line) <= width, f"{cell_len(line)} > {width}: {line!r}"
    # wrapped, not cut: the command to run is whole, on one line
    assert any(
        line.endswith(f"icp-renew check '{folder}'") or line == f"'{folder}'" for line in lines
    )
    assert f"icp-renewcheck'{folder}'" in "".join(result.stdout.split())


def test_init_next_line_at_60_columns(cli, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("init", "d", "-p", "北京", "--lang", "en", env={"COLUMNS": "60"})
    assert result.stdout.splitlines()[-2:] == [
        "Next: fill in dossier.yaml, put the scans into the material",
        "folders, then run icp-renew check d",
    ]
