"""The processes a test starts and leaves behind (Linux /proc): forks of the test process, a
command's session, a process's children; a command whose inspection never ends, interrupted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

# the fields of /proc/PID/stat after the command name (proc(5) numbers them from 1; the name
# is the 2nd, so the 3rd field is index 0 here)
PPID, SESSION, START = 1, 3, 19


def _stats() -> Iterator[tuple[int, list[str], Path]]:
    """(pid, its stat fields from the state on, its /proc folder) of every process."""
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:  # gone meanwhile
                continue
            yield int(entry.name), stat.rsplit(")", 1)[1].split(), Path(entry.path)


def _with(field: int, value: int) -> list[int]:
    return [pid for pid, fields, _ in _stats() if int(fields[field]) == value]


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    return _with(PPID, pid)


def session_alive(sid: int) -> list[int]:
    """The processes of session ``sid`` still there (a command started in a session of its own,
    with everything it forked)."""
    return _with(SESSION, sid)


def forks_alive(since: int) -> list[int]:
    """Processes forked from this one (directly or not) since ``since`` (clock ticks after
    boot, as in /proc) that are still there, zombies included: pools, zygotes, workers."""
    me = os.getpid()
    mine = Path(f"/proc/{me}/cmdline").read_bytes()
    found = []
    for pid, fields, folder in _stats():
        if pid == me or int(fields[START]) < since:
            continue
        try:
            cmdline = (folder / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[PPID]) == me or cmdline == mine:
            found.append(pid)
    return found


def clock_ticks() -> int:
    """Now, in the clock ticks of /proc's start times."""
    return int(time.clock_gettime(time.CLOCK_BOOTTIME) * os.sysconf("SC_CLK_TCK"))


def slow_cli(folder: Path, run: str) -> Path:
    """A script that runs icp-renew with ``run`` (the code that calls it, with its arguments in
    ``sys.argv``) while inspecting a PDF takes a minute, so that an interrupt lands mid-run."""
    script = folder / "run.py"
    script.write_text(
        "import sys, time\n"
        "import icp_renew.inspect as m\n"
        "def slow(*a, **k):\n"
        "    time.sleep(60)\n"
        "m.inspect_pdf = slow\n"
        "sys.argv = ['icp-renew', *sys.argv[1:]]\n"
        f"{run}\n",
        encoding="utf-8",
    )
    return script


def interrupted(script: Path, args: list[str], processes: int) -> tuple[int, bytes]:
    """Run ``script`` with ``args`` in a session of its own, as a terminal runs a command; once
    the session has ``processes`` processes, press Ctrl-C (SIGINT to the whole group). Its exit
    code and standard error, once it has ended."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.Popen(
        [sys.executable, str(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 20
    while len(session_alive(proc.pid)) < processes and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(session_alive(proc.pid)) >= processes, "the workers never started"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=20)
    deadline = time.monotonic() + 5
    while session_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)  # a zombie reaped by init a moment later
    assert session_alive(proc.pid) == [], "a process outlived the command"
    return proc.returncode, err
