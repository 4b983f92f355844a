"""The zygote (icp_renew/zygote.py): prestarted by the console script for check and pack,
claimed or dismissed by the command, ended with no process left; a worker that dies costs
speed, never a result."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import factory
from icp_renew import zygote
from icp_renew.cli.common import load_book
from icp_renew.inspect import prefetch
from icp_renew.pipeline import CheckOptions, early_inspection, prepare
from processes import (
    children,
    clock_ticks,
    forks_alive,
    interrupted,
    session_alive,
    slow_cli,
)

pytestmark = [
    pytest.mark.usefixtures("no_worker_left"),
    pytest.mark.skipif(not zygote.available(), reason="needs Linux and two CPUs"),
]

TODAY = factory.TODAY
DAY = dt.date.fromisoformat(TODAY)


@pytest.fixture
def big(make_dossier: Callable[..., Path]) -> Path:
    files: dict[str, bytes | str] = dict(factory.COMPLETE_FILES)
    for i in range(60):
        files[f"operation-proof/截图-{i:02d}.pdf"] = f"pdf:{1 + i % 4}"
    return make_dossier(files=files)


@pytest.fixture(autouse=True)
def nothing_prestarted() -> Iterator[None]:
    yield
    zygote.dismiss()  # a test that failed half-way leaves no zygote to the next


def _serial(path: Path) -> Any:
    return prepare(path, load_book(None), CheckOptions(today=DAY, jobs=1)).dossier


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_the_leak_detector_sees_a_fork_left_behind() -> None:
    since = clock_ticks() - 1
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        time.sleep(30)
        os._exit(0)
    try:
        assert pid in forks_alive(since)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    assert forks_alive(since) == []


def test_prestart_only_for_the_commands_that_read_in_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from icp_renew.cli import console

    for argv in (["deadline", "--expires", "2027-01-01"], ["status", "."], ["--version"], []):
        assert console.command_word(argv) not in console.PRESTART
    for argv in (["check", ".", "--jobs", "2"], ["pack", "."], ["--no-color", "check"]):
        assert console.command_word(argv) in console.PRESTART
    forks: list[str] = []

    def fork() -> zygote.Zygote:
        forks.append("fork")
        raise OSError("not in this test")

    zygote.prestart(fork=fork)
    assert forks == ["fork"]
    assert zygote.claim() is None  # a fork that failed leaves nothing to claim
    monkeypatch.setattr(zygote, "available", lambda: False)  # one CPU, or not Linux
    zygote.prestart(fork=fork)
    assert forks == ["fork"]


def test_a_prestarted_zygote_reads_the_files_and_ends_with_the_command(big: Path) -> None:
    zygote.prestart()
    started = zygote._prestarted
    assert started is not None and zygote.prestarted() and _alive(started.pid)
    with early_inspection([big], 2) as early:
        assert early is not None
        assert zygote.claim() is None  # claimed by the command
        both = prepare(big, load_book(None), CheckOptions(today=DAY), early).dossier
        assert early.used > 60
    assert not _alive(started.pid)
    assert both == _serial(big)


def test_an_unwanted_zygote_is_sent_away(big: Path, make_dossier: Callable[..., Path]) -> None:
    many = [make_dossier(name=f"d{i}") for i in range(8)]  # whole dossiers go to a pool
    for paths, jobs, ocr in (([big], 1, False), ([big], None, True), (many, None, False)):
        zygote.prestart()
        started = zygote._prestarted
        assert started is not None
        assert early_inspection(paths, jobs, ocr=ocr) is None
        assert zygote.claim() is None
        assert not _alive(started.pid)


def test_a_small_dossier_is_read_by_the_prestarted_zygote(
    make_dossier: Callable[..., Path],
) -> None:
    small = make_dossier(name="small")  # too few files to fork workers for
    assert early_inspection([small], None) is None  # nothing prestarted: read here
    zygote.prestart()  # prestarted: its parsers are imported on the other core anyway
    with early_inspection([small], None) as early:
        assert early is not None and early.workers == 1
        both = prepare(small, load_book(None), CheckOptions(today=DAY), early).dossier
        assert early.used > 10
    assert both == _serial(small)


def _dies_on_a_file(files: Any, task: Any) -> Any:
    if isinstance(task, int) and Path(files[task]).name == "截图-30.pdf":
        os._exit(3)  # a worker that crashes mid-dossier
    return _run_task(files, task)


_run_task = prefetch.run_task


def test_a_worker_that_dies_leaves_its_files_to_the_command(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prefetch, "run_task", _dies_on_a_file)  # the workers are forked after
    with early_inspection([big], 2) as early:
        assert early is not None
        both = prepare(big, load_book(None), CheckOptions(today=DAY), early).dossier
        assert early.used < 70  # some results never came
    assert both == _serial(big)  # the command read what the workers could not


def _sleepy(*args: Any, **kwargs: Any) -> Any:
    time.sleep(60)
    raise AssertionError("the worker should have been killed")


def test_a_zygote_killed_outright_takes_its_workers_along(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import icp_renew.inspect as inspect_mod

    monkeypatch.setattr(inspect_mod, "inspect_pdf", _sleepy)  # the workers hang on a file
    with early_inspection([big], 2) as early:
        assert early is not None and early._zygote is not None
        pid = early._zygote.pid
        deadline = time.monotonic() + 20
        while len(children(pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        workers = children(pid)
        assert len(workers) == 2
        os.kill(pid, signal.SIGKILL)  # no SIGTERM handler runs: the kernel kills the workers
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not any(_alive(w) for w in workers)
        monkeypatch.undo()  # the files are read here now, as they should be
        both = prepare(big, load_book(None), CheckOptions(today=DAY), early).dossier
        assert early.used == 0
    assert both == _serial(big)


def test_a_job_bigger_than_a_pipe_is_taken_whole(make_dossier: Callable[..., Path]) -> None:
    files: dict[str, bytes | str] = dict(factory.COMPLETE_FILES)
    for i in range(3000):  # ~250 KB of paths: more than a default pipe holds
        files[f"unsorted/{'长' * 40}-{i:04d}.txt"] = "text:x"
    for i in range(50):
        files[f"operation-proof/截图-{i:02d}.pdf"] = "pdf:1"
    dossier = make_dossier(files=files)
    with early_inspection([dossier], 2) as early:
        assert early is not None
        both = prepare(dossier, load_book(None), CheckOptions(today=DAY), early).dossier
    assert both == _serial(dossier)


def test_the_console_script_gives_the_serial_report_and_leaves_no_process(big: Path) -> None:
    reports = {}
    argv = [sys.executable, "-m", "icp_renew", "check", str(big), "--today", TODAY, "-f", "json"]
    for jobs in ("1", "2"):
        proc = subprocess.Popen(
            [*argv, "--jobs", jobs],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        out, err = proc.communicate(timeout=60)
        assert proc.returncode in (0, 1), err
        assert session_alive(proc.pid) == []
        reports[jobs] = json.loads(out)
    assert reports["1"] == reports["2"]


@pytest.mark.parametrize(
    "args", [["check", "--format", "nonsense", "."], ["pack", "--help"], ["check", "/nowhere"]]
)
def test_a_command_that_ends_before_it_decides_leaves_no_zygote(args: list[str]) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "icp_renew", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    proc.wait(timeout=60)
    assert session_alive(proc.pid) == []  # not even a zygote still importing


@pytest.mark.skipif(
    signal.getsignal(signal.SIGINT) is not signal.default_int_handler,
    reason="needs Python's own SIGINT handler",
)
def test_ctrl_c_ends_the_prestarted_zygote_and_its_workers(big: Path, tmp_path: Path) -> None:
    # the console script's way in (a zygote prestarted), with every PDF taking a minute
    script = slow_cli(tmp_path, "from icp_renew.cli.console import run\nrun()")
    out = tmp_path / "report.json"
    code, err = interrupted(script, ["check", str(big), "--today", TODAY, "-o", str(out)], 4)
    assert code == 130  # the command, the zygote and its two workers were there
    assert b"Traceback" not in err
    assert not out.exists()


def test_other_commands_do_not_import_the_zygote() -> None:
    for args in (["--version"], ["deadline", "--expires", "2027-01-01", "--today", TODAY]):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "icp_renew", *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert "icp_renew.zygote" not in done.stderr
        assert "| icp_renew.cli.console" in done.stderr  # the console script's way in


def test_no_early_workers_where_a_zygote_cannot_fork(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(zygote.sys, "platform", "darwin")  # macOS: spawned pools instead
    assert not zygote.can_fork() and not zygote.available()
    assert early_inspection([big], 2) is None
    both = prepare(big, load_book(None), CheckOptions(today=DAY, jobs=2)).dossier
    assert both == _serial(big)
