"""Usage errors are one line on stderr with exit 2 (docs/reports.md, exit codes)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["check", "--bogus"], "No such option: --bogus"),
        (["check"], "Missing argument 'DOSSIER'"),
        (["check", ".", "--jobs", "abc"], "'--jobs'"),
        (["rules", "show", "--format"], "'--format' requires an argument"),
        (["deadline", "--expires", "2026-02-30"], "impossible date '2026-02-30'"),
        (["frobnicate"], "No such command 'frobnicate'"),
        (["schema", "nothing"], "unknown schema 'nothing'"),
    ],
)
def test_usage_error_is_one_line(cli, args, fragment):
    result = cli(*args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("icp-renew: error: ")
    assert fragment in lines[0]
    assert result.stdout == ""


@pytest.mark.parametrize("args", [[], ["rules"]])
def test_no_arguments_prints_help(cli, args):
    result = cli(*args)
    assert result.exit_code == 2
    assert "Usage:" in result.output
