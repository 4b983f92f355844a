"""The console script (``cli.app.run``): exit codes and output as ``main`` gives them, the
process ended without the interpreter's teardown."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import factory
from icp_renew.cli.app import _exit_code

TODAY = factory.TODAY


def _run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "icp_renew", *args],
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,  # type: ignore[call-overload]
    )


@pytest.mark.parametrize(("status", "code"), [(None, 0), (0, 0), (1, 1), (2, 2), (130, 130)])
def test_exit_codes_follow_sys_exit(status: object, code: int) -> None:
    assert _exit_code(status) == code


def test_a_message_as_status_is_printed_and_is_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert _exit_code("stopped") == 1
    assert capsys.readouterr().err == "stopped\n"


def test_the_console_script_exits_as_main_does(
    make_dossier: Callable[..., Path], tmp_path: Path
) -> None:
    assert _run("--version").returncode == 0
    missing = _run("check", str(tmp_path / "missing"), "--today", TODAY)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    files = dict(factory.COMPLETE_FILES)
    del files["business-plan/2026年业务发展规划.pdf"]
    dossier = make_dossier(files=files)
    failed = _run("check", str(dossier), "--today", TODAY, "-f", "json")
    assert failed.returncode == 1
    report = json.loads(failed.stdout)  # the whole report reached the pipe before the exit
    codes = [f["code"] for f in report["dossiers"][0]["findings"]]
    assert "missing-material" in codes


def test_output_to_a_closed_pipe_ends_quietly(make_dossier: Callable[..., Path]) -> None:
    dossier = make_dossier()
    with subprocess.Popen(
        [sys.executable, "-m", "icp_renew", "check", str(dossier), "--today", TODAY],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.read(10)
        proc.stdout.close()  # `icp-renew check … | head -c 10`
        err = proc.stderr.read()
        proc.wait(timeout=120)
    assert b"Traceback" not in err
