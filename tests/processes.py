"""The processes a test leaves behind (Linux /proc): forks of the test process, sessions."""

from __future__ import annotations

import os
import time
from pathlib import Path


def forks_alive(since: int) -> list[int]:
    """Processes forked from this one (directly or not) since ``since`` (clock ticks after
    boot, as in /proc) that are still there, zombies included: pools, zygotes, workers."""
    me = os.getpid()
    mine = Path(f"/proc/{me}/cmdline").read_bytes()
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) == me:
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            cmdline = Path(entry.path, "cmdline").read_bytes()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()  # state, ppid, ..., starttime (22nd field)
        if int(fields[19]) >= since and (int(fields[1]) == me or cmdline == mine):
            found.append(int(entry.name))
    return found


def clock_ticks() -> int:
    """Now, in the clock ticks of /proc's start times."""
    return int(time.clock_gettime(time.CLOCK_BOOTTIME) * os.sysconf("SC_CLK_TCK"))


def session_alive(sid: int) -> list[int]:
    """The processes of session ``sid`` still there (a command started in a session of its own,
    with everything it forked)."""
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                fields = Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid:  # the session id
                found.append(int(entry.name))
    return found
