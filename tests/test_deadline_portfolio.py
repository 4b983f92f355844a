"""A CSV portfolio: encodings, headers, bad rows, and the CLI over it."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest

from icp_renew.errors import UserError
from icp_renew.portfolio import Licence, decode, parse_csv, read_csv

CSV = (
    "name,license_number,expires\n"
    "北京示例科技有限公司,京B2-20210001,2026-05-31\n"
    "上海示例,沪B2-20200002,2027/5/31\n"
    "广东示例,粤B2-20190003,2025年12月31日\n"
)


def write(tmp_path: Path, data: bytes | str, name: str = "clients.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_parse_rows_and_date_forms() -> None:
    rows = parse_csv(CSV, "c.csv")
    assert rows[0] == Licence(
        dt.date(2026, 5, 31), "京B2-20210001", "北京示例科技有限公司", None, "c.csv:2"
    )
    assert [r.expires for r in rows] == [
        dt.date(2026, 5, 31),
        dt.date(2027, 5, 31),
        dt.date(2025, 12, 31),
    ]
    assert [r.source for r in rows] == ["c.csv:2", "c.csv:3", "c.csv:4"]


@pytest.mark.parametrize(
    "raw",
    [
        CSV.encode("utf-8"),
        codecs.BOM_UTF8 + CSV.encode("utf-8"),
        CSV.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "crlf"],
)
def test_utf8_with_or_without_bom(tmp_path: Path, raw: bytes) -> None:
    rows = read_csv(write(tmp_path, raw))
    assert [r.license_number for r in rows] == ["京B2-20210001", "沪B2-20200002", "粤B2-20190003"]
    assert rows[0].name == "北京示例科技有限公司"


def test_gbk_gets_a_clear_message(tmp_path: Path) -> None:
    path = write(tmp_path, CSV.encode("gbk"))
    with pytest.raises(UserError) as err:
        read_csv(path)
    assert str(err.value) == (
        f"{path}:2: not UTF-8 (byte 28); it looks like GBK (Excel's 'CSV' on Chinese Windows): "
        "run with --encoding gbk, or save it as 'CSV UTF-8'"
    )
    rows = read_csv(path, encoding="gbk")
    assert rows[0].name == "北京示例科技有限公司"


def test_other_encodings() -> None:
    with pytest.raises(UserError, match=r"^--encoding: unknown encoding 'klingon'"):
        decode(b"a", "c.csv", "klingon")
    with pytest.raises(UserError, match=r"^c\.csv:1: not valid ascii \(byte 0\)"):
        decode("名".encode(), "c.csv", "ascii")
    assert decode(codecs.BOM_UTF8 + b"x", "c.csv", "UTF8") == "x"
    with pytest.raises(UserError, match=r"not UTF-8 .* give its encoding with --encoding"):
        decode(b"name\n\xff\xfe\xfd\xff", "c.csv")
    with pytest.raises(UserError, match=r"NUL bytes .*UTF-16"):
        decode(CSV.encode("utf-16"), "c.csv")


def test_chinese_headers_extra_columns_and_blank_rows() -> None:
    text = (
        "\n序号, 企业名称 ,许可证编号,有效期至,备注\n"
        "1,甲,京B2-1,2026-05-31,x\n"
        ",,,,\n"
        "\n"
        "2,乙,京B2-2,2026-06-30\n"
    )
    rows = parse_csv(text, "c.csv")
    assert [(r.name, r.license_number, r.source) for r in rows] == [
        ("甲", "京B2-1", "c.csv:3"),
        ("乙", "京B2-2", "c.csv:6"),
    ]


def test_name_column_is_optional_and_issued_derives() -> None:
    rows = parse_csv("license_number,expires,issued\nB2-1,,2021-06-01\nB2-2,2026-01-01,\n", "c")
    assert rows[0].expires is None and rows[0].issued == dt.date(2021, 6, 1)
    assert rows[0].name is None
    assert rows[1].expires == dt.date(2026, 1, 1)


def test_quoted_field_with_newline_keeps_row_numbers() -> None:
    text = 'name,license_number,expires\n"甲\n公司",京B2-1,2026-05-31\n乙,京B2-2,2026-02-30\n'
    with pytest.raises(UserError) as err:
        parse_csv(text, "c.csv")
    assert str(err.value).startswith("c.csv:4: expires: impossible date '2026-02-30'")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "c.csv:1: empty CSV: expected a header row with name, license_number, expires"),
        (
            "name,number\n甲,京B2-1\n",
            "c.csv:1: missing column 'expires': expected a header row with name, "
            "license_number, expires (found name, number)",
        ),
        (
            "name,expires\n甲,2026-05-31\n",
            "c.csv:1: missing column 'license_number': expected a header row with name, "
            "license_number, expires (found name, expires)",
        ),
        (
            "name,license_number,expires,expires\n",
            "c.csv:1: expires: column 'expires' appears twice",
        ),
        (
            "name,license_number,expires\n甲,京B2-1,2026-05-31\n乙,京B2-2,2026-02-30\n",
            "c.csv:3: expires: impossible date '2026-02-30': 2026-02-30 does not exist",
        ),
        (
            "name,license_number,expires\n甲,京B2-1,next year\n",
            "c.csv:2: expires: invalid date 'next year': expected YYYY-MM-DD, YYYY/M/D or "
            "“YYYY年M月D日”",
        ),
        (
            "name,license_number,expires\n甲,京B2-1,\n",
            "c.csv:2: expires: empty: expected the expiry date printed on the licence, "
            "e.g. 2026-05-31",
        ),
        (
            "name,license_number,expires\n甲,,2026-05-31\n",
            "c.csv:2: license_number: empty: expected the licence number, e.g. “京B2-20210001”",
        ),
        (
            "name,license_number,expires,issued\n甲,京B2-1,,2021-02-29\n",
            "c.csv:2: issued: impossible date '2021-02-29'",
        ),
    ],
)
def test_bad_csv(text: str, message: str) -> None:
    with pytest.raises(UserError) as err:
        parse_csv(text, "c.csv")
    assert str(err.value).startswith(message)


def test_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="file not found"):
        read_csv(tmp_path / "none.csv")
    with pytest.raises(UserError, match="is a directory"):
        read_csv(tmp_path)


def test_cli_csv_is_a_sorted_list(cli, tmp_path: Path) -> None:
    path = write(tmp_path, codecs.BOM_UTF8 + CSV.encode("utf-8"))
    result = cli("deadline", "--csv", str(path), "--today", "2026-01-15", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [(d["license_number"], d["days_left"], d["status"]) for d in data] == [
        ("粤B2-20190003", -105, "expired"),
        ("京B2-20210001", 46, "due-soon"),
        ("沪B2-20200002", 411, "ok"),
    ]
    assert data[1]["name"] == "北京示例科技有限公司"
    assert data[1]["source"] == f"{path}:2"


def test_cli_csv_of_one_row_is_still_a_list(cli, tmp_path: Path) -> None:
    path = write(tmp_path, "name,license_number,expires\n甲,京B2-1,2026-05-31\n")
    data = json.loads(
        cli("deadline", "--csv", str(path), "--today", "2026-01-15", "-f", "json").stdout
    )
    assert isinstance(data, list) and len(data) == 1


def test_cli_gbk(cli, tmp_path: Path) -> None:
    path = write(tmp_path, CSV.encode("gbk"))
    result = cli("deadline", "--csv", str(path), "--today", "2026-01-15")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"icp-renew: error: {path}:2: not UTF-8")
    assert "--encoding gbk" in result.stderr
    result = cli(
        "deadline",
        "--csv",
        str(path),
        "--encoding",
        "gbk",
        "--today",
        "2026-01-15",
        "--fail-within",
        "30",
    )
    assert result.exit_code == 1
    assert "北京示例科技有限公司" in result.stdout
    assert "--fail-within 30: 1 licence" in result.stdout


def test_cli_bad_row_does_not_stop_the_others(cli, tmp_path: Path) -> None:
    path = write(tmp_path, CSV + "坏,京B2-9,2026-02-30\n")
    result = cli("deadline", "--csv", str(path), "--today", "2026-01-15", "-f", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [d.get("license_number") for d in data] == [
        "粤B2-20190003",
        "京B2-20210001",
        "沪B2-20200002",
        None,
    ]
    reason = f"{path}:5: expires: impossible date '2026-02-30': 2026-02-30 does not exist"
    assert data[3] == {"source": f"{path}:5", "error": reason}
    assert result.stderr.endswith(f"\nicp-renew: error: {reason}\n")  # after the holiday note
    text = cli("deadline", "--csv", str(path), "--today", "2026-01-15")
    assert text.exit_code == 2
    assert "北京示例科技有限公司" in text.stdout and "沪B2-20200002" in text.stdout
    assert text.stderr == f"icp-renew: error: {reason}\n"


def test_fail_within_lists_at_most_ten(cli, tmp_path: Path) -> None:
    rows = "".join(f"客户{i},京B2-{i:04d},2026-03-{i + 1:02d}\n" for i in range(12))
    path = write(tmp_path, "name,license_number,expires\n" + rows)
    result = cli(
        "deadline", "--csv", str(path), "--today", "2026-01-15", "--fail-within", "0", "-f", "json"
    )
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("京B2-0009 (-36) and 2 more")
