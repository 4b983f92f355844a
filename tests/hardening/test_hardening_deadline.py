"""Property-based tests of ``deadline``'s inputs: the portfolio CSV and ``--holidays`` files.

Whatever the files hold (random cells, encodings, quoting, huge fields, odd dates, YAML
features), every run ends with exit 0, 1 or 2, no traceback; for 2, one clear stderr line per
input that could not be used (a bad row does not stop the others), warnings aside.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile import PROFILE

pytest.importorskip("hypothesis")  # test-only: skipped on a plain install (.ci/run)
from hypothesis import given
from hypothesis import strategies as st
from test_hardening_yaml import FEATURES, assert_clean, odd_dates

import factory

TODAY = factory.TODAY
_counter = itertools.count()

HEADERS = st.sampled_from(
    [
        ["name", "license_number", "expires"],
        ["企业名称", "许可证编号", "有效期至"],
        ["license_number", "issued"],
        ["license_number", "expires", "issued", "extra"],
        ["expires", "expires", "license_number"],
        ["name"],
        [],
        ["\ufeffname", "license number", "Expires"],
    ]
)
CELLS = st.one_of(
    odd_dates,
    st.sampled_from(["京B2-20210001", "川B2-2019", "", " ", "\x00", '"', "a,b", "x\ny"]),
    st.text(max_size=20),
    st.integers().map(str),
)


def _write(base: Path, name: str, data: bytes) -> Path:
    folder = base / f"c{next(_counter)}"
    folder.mkdir(parents=True)
    path = folder / name
    path.write_bytes(data)
    return path


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def assert_clean_portfolio(result: Any) -> None:
    """As :func:`assert_clean`, but a portfolio names each unusable row on its own line."""
    out, err = result.stdout, result.stderr
    assert result.exit_code in (0, 1, 2), (result.exit_code, out[-500:], err[-2000:])
    assert "Traceback" not in out + err, err
    errors = [line for line in err.splitlines() if not line.startswith(("warning: ", "警告："))]
    if result.exit_code == 2:
        assert errors, err
    for line in errors:
        assert line.startswith("icp-renew: error: ") or line.startswith("--fail-within"), err
        assert line.isprintable(), line


def run_csv(cli: Any, path: Path, *extra: str) -> None:
    for fmt in ("text", "json", "ics"):
        assert_clean_portfolio(
            cli("deadline", "--csv", str(path), "--today", TODAY, "-f", fmt, *extra)
        )


@given(HEADERS, st.lists(st.lists(CELLS, max_size=5), max_size=6))
@PROFILE
def test_random_csv(cli, tmp_path_factory, header, rows):
    text = _csv_text(header, rows)
    path = _write(tmp_path_factory.mktemp("csv"), "c.csv", text.encode("utf-8", "surrogatepass"))
    run_csv(cli, path, "--fail-within", "30")


@given(
    st.binary(max_size=300),
    st.sampled_from([None, "utf-8", "gbk", "utf-16", "latin-1", "no-such-codec", "\x00"]),
)
@PROFILE
def test_random_bytes_csv(cli, tmp_path_factory, data, encoding):
    path = _write(tmp_path_factory.mktemp("csv"), "c.csv", data)
    extra = ("--encoding", encoding) if encoding is not None else ()
    run_csv(cli, path, *extra)


def test_csv_oddities(cli, tmp_path):
    cases = {
        "huge-field": "license_number,expires\n京B2-1," + "9" * 200_000 + "\n",
        "unclosed-quote": 'license_number,expires\n"京B2-1,2026-05-31\n',
        "nul": "license_number,expires\n京B2-1\x00,2026-05-31\n",
        "many-rows": "license_number,expires\n" + "京B2-1,2026-05-31\n" * 500,
        "bom-only": "\ufeff",
        "gbk": "许可证编号,有效期至\n京B2-1,2026-05-31\n",
        "dates-out-of-range": "license_number,expires,issued\n京B2-1,0001-01-01,\n",
        "issued-far": "license_number,issued\n京B2-1,2999-12-31\n",
    }
    for label, text in cases.items():
        encoding = "gbk" if label == "gbk" else "utf-8"
        path = _write(tmp_path, f"{label}.csv", text.encode(encoding))
        run_csv(cli, path)


# --- --holidays -------------------------------------------------------------------------------

_days = st.dates(dt.date(2026, 1, 1), dt.date(2028, 12, 31)).map(dt.date.isoformat)
holiday_docs = st.one_of(
    st.fixed_dictionaries(
        {"year": st.one_of(st.integers(2026, 2028), st.integers(), odd_dates)},
        optional={
            "off": st.one_of(st.lists(st.one_of(_days, odd_dates), max_size=40), st.integers()),
            "work": st.lists(st.one_of(_days, odd_dates), max_size=5),
            "extra": st.none(),
        },
    ),
    st.lists(st.fixed_dictionaries({"year": st.integers(2026, 2028)}), max_size=3),
    st.none(),
    st.text(max_size=20),
)


@given(holiday_docs, st.sampled_from(["2027-05-31", "2028-03-01", "2026-12-31"]))
@PROFILE
def test_random_holiday_file(cli, tmp_path_factory, doc, expires):
    data = yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")
    path = _write(tmp_path_factory.mktemp("hol"), "h.yaml", data)
    for fmt in ("text", "json", "ics"):
        args = ("--expires", expires, "--holidays", str(path), "--today", TODAY, "-f", fmt)
        assert_clean(cli("deadline", *args))


@given(st.lists(st.sampled_from(FEATURES), min_size=1, max_size=3), st.binary(max_size=40))
@PROFILE
def test_holiday_file_yaml_features(cli, tmp_path_factory, features, noise):
    data = "".join(features).encode("utf-8", "surrogateescape") + noise
    path = _write(tmp_path_factory.mktemp("hol"), "h.yaml", data)
    args = ("--expires", "2027-05-31", "--holidays", str(path), "--today", TODAY)
    assert_clean(cli("deadline", *args))


def test_holiday_file_with_a_month_off(cli, tmp_path):
    """Every weekday of February 2027 off: the walk to the previous working day gave up after
    31 days with a ValueError traceback."""
    days = [dt.date(2027, 2, 1) + dt.timedelta(days=i) for i in range(36)]
    doc = {"year": 2027, "off": [d.isoformat() for d in days if d.weekday() < 5]}
    path = _write(tmp_path, "h.yaml", yaml.safe_dump(doc).encode())
    result = cli(
        "deadline", "--expires", "2027-06-06", "--holidays", str(path), "--today", TODAY,
        "-f", "json",
    )  # fmt: skip
    assert_clean(result)
    assert result.exit_code == 0
    assert '"latest_working_day": "2027-01-29"' in result.stdout


def test_holiday_file_with_the_whole_year_off(cli, tmp_path):
    start = dt.date(2027, 1, 1)
    doc = {"year": 2027, "off": [(start + dt.timedelta(days=i)).isoformat() for i in range(365)]}
    path = _write(tmp_path, "h.yaml", yaml.safe_dump(doc).encode())
    result = cli(
        "deadline", "--expires", "2027-12-31", "--holidays", str(path), "--today", TODAY,
        "-f", "json",
    )  # fmt: skip
    assert result.exit_code == 0
    assert '"latest_working_day": "2026-12-31"' in result.stdout


def test_encoding_with_a_nul(cli, tmp_path):
    """``--encoding $'\\x00'`` crashed: codecs.lookup raises ValueError, not LookupError."""
    path = _write(tmp_path, "c.csv", b"license_number,expires\n")
    result = cli("deadline", "--csv", str(path), "--encoding", "\x00", "--today", TODAY)
    assert result.exit_code == 2
    assert "--encoding" in result.stderr
    assert_clean(result)
