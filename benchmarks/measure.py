"""Running a command and measuring it: wall time, peak RSS, exit code (for ``run.py``)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import generate

EXPIRES = "2026-05-31"


@dataclass
class Cmd:
    key: str
    label: str
    argv: list[str]
    cwd: Path | None = None
    before: Callable[[], None] | None = None  # untimed: e.g. remove the previous output
    ok: tuple[int, ...] = (0,)


@dataclass
class Sample:
    seconds: float
    rss_kb: int
    code: int
    cpu: float = 0.0  # user + system seconds of the command's whole process tree


@dataclass
class Row:
    cmd: Cmd
    samples: list[Sample] = field(default_factory=list)
    skipped: str | None = None  # why it did not run
    failed: str | None = None  # stderr of a failing run

    @property
    def median(self) -> float | None:
        if self.skipped or self.failed or not self.samples:
            return None
        return statistics.median(s.seconds for s in self.samples)

    @property
    def rss_mb(self) -> float | None:
        if not self.samples:
            return None
        return max(s.rss_kb for s in self.samples) / 1024

    @property
    def cpu(self) -> float | None:
        if self.median is None:
            return None
        return statistics.median(s.cpu for s in self.samples)


def _gnu_time() -> str | None:
    """GNU time, if installed: it measures a command's peak RSS from a small process of its
    own (a child forked from this Python process would inherit its ~20 MB high-water mark)."""
    path = shutil.which("time") or "/usr/bin/time"
    try:
        done = subprocess.run(
            [path, "-f", "%M", "-o", os.devnull, "true"], capture_output=True, check=False
        )
    except OSError:
        return None
    return path if done.returncode == 0 else None


GNU_TIME = _gnu_time()

#: the children's environment: Python may write its bytecode cache (``__pycache__``), as it
#: does for an installed package; without it an editable install recompiles every module of
#: icp-renew at each start
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(cmd: Cmd) -> tuple[Sample, str]:
    """Run ``cmd`` once: wall time, peak RSS of its process tree, exit code, stderr."""
    if cmd.before is not None:
        cmd.before()
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss_file:
        argv = cmd.argv
        if GNU_TIME:
            argv = [GNU_TIME, "-f", "%M", "-o", rss_file.name, *argv]
        began = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            cwd=cmd.cwd,
            env=ENV,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        cpu = 0.0
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - began
            proc.returncode = code = os.waitstatus_to_exitcode(status)
            rss = usage.ru_maxrss  # kilobytes on Linux; includes this process's at the fork
            cpu = usage.ru_utime + usage.ru_stime  # the tree's, GNU time included (~1 ms)
        else:  # pragma: no cover - no wait4 (Windows): no memory figure
            code = proc.wait()
            seconds = time.perf_counter() - began
            rss = 0
        if GNU_TIME:
            # GNU time prints "Command exited with non-zero status N" before the figure
            lines = rss_file.read().split()
            rss = int(lines[-1]) if lines and lines[-1].isdigit() else rss
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return Sample(seconds, rss, code, cpu), text


def run_group(cmds: Sequence[Cmd], runs: int, warmup: int, log: Callable[[str], None]) -> list[Row]:
    """Warm up, then ``runs`` interleaved rounds (odd rounds in reverse order)."""
    rows = [Row(c) for c in cmds]
    for row in rows:
        tool = row.cmd.argv[0]
        if shutil.which(tool) is None and not Path(tool).exists():
            row.skipped = f"{tool} is not installed"
    live = [r for r in rows if not r.skipped]
    for _ in range(warmup):
        for row in live:
            _check(row, *run_once(row.cmd))
    for n in range(runs):
        order = live if n % 2 == 0 else list(reversed(live))
        for row in order:
            if row.failed:
                continue
            sample, err = run_once(row.cmd)
            if _check(row, sample, err):
                row.samples.append(sample)
        log(".")
    return rows


def _check(row: Row, sample: Sample, err: str) -> bool:
    if sample.code in row.cmd.ok:
        return True
    tail = " | ".join(err.strip().splitlines()[-3:])
    row.failed = f"exit {sample.code}: {tail}"
    return False


@dataclass(frozen=True)
class Setup:
    python: str
    tool: list[str]
    data: generate.Generated
    scratch: Path
    today: str = generate.TODAY


def tool_command(python: str) -> list[str]:
    """The ``icp-renew`` console script beside ``python``, else ``python -m icp_renew``."""
    script = Path(python).parent / ("icp-renew.exe" if os.name == "nt" else "icp-renew")
    return [str(script)] if script.exists() else [python, "-m", "icp_renew"]
