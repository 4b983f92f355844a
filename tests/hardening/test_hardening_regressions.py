"""Regression tests for bugs the hardening work found, one per input that broke something."""

from __future__ import annotations

import pytest

from icp_renew.dates import DateFormatError, parse_date


@pytest.mark.parametrize("value", ["0001-01-01", "0001-03-01", "9999-12-31", "1899-12-31"])
def test_dates_outside_the_supported_years_are_refused(value):
    with pytest.raises(DateFormatError, match="out of range"):
        parse_date(value)


@pytest.mark.parametrize(
    "args",
    [
        ["--expires", "0001-01-01"],
        ["--expires", "0001-03-01"],
        ["--expires", "2026-05-31", "--today", "9999-12-31"],
        ["--issued", "9999-06-01"],
    ],
)
def test_deadline_with_extreme_dates_is_exit_2(cli, args):
    """``deadline --expires 0001-01-01`` crashed with OverflowError (expiry − 90 days)."""
    today = [] if "--today" in args else ["--today", "2026-01-15"]
    result = cli("deadline", *args, *today)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "out of range" in result.stderr


def test_dossier_with_extreme_expiry_is_exit_2(cli, make_dossier):
    import factory

    config = dict(factory.VALID_CONFIG)
    config["license"] = {**factory.VALID_CONFIG["license"], "expires": "0001-01-01"}
    root = make_dossier(config, files={})
    for command in ("check", "deadline"):
        result = cli(command, str(root), "--today", "2026-01-15")
        assert result.exit_code == 2, command
        assert "license.expires" in result.stderr


USAGE_ERRORS = [
    ("check", "--no-such-option"),
    ("check",),
    ("check", "a\x00b"),
    ("deadline", "--expires", "2026-05-31", "--fail-within", "soon"),
    ("verify", "a\x00b"),
]


@pytest.mark.parametrize("args", USAGE_ERRORS)
def test_usage_errors_are_one_line(cli, args):
    result = cli(*args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr


@pytest.mark.parametrize("args", USAGE_ERRORS)
def test_usage_errors_never_trace_back(cli, args):
    result = cli(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.stdout + result.stderr
