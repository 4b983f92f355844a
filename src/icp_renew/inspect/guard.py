"""The per-file guard: inspecting one file is bounded in time and in memory.

A dossier comes from an agency's client and may hold a file built to hang or
exhaust a PDF parser (a page tree of millions of nodes, a multi-gigabyte
sparse file with a PDF header, a damaged cross-reference table that makes the
parser read the whole file at once). Two bounds, each turned into the finding
``inspection-limit`` when it trips, never into a hang or a crash:

- **time**: inspecting one file may take at most :data:`TIME_BUDGET` seconds
  (a ``SIGALRM`` timer, in the main thread of the process or of a ``--jobs``
  worker; where signals are not available the memory bound still holds);
- **memory**: the parser may not read more than :data:`MAX_READ` bytes in one
  call (it does so to rebuild a broken cross-reference table), and pypdf's own
  decompression limits (75 MB per stream) bound what a stream inflates to.
"""

from __future__ import annotations

import io
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

#: seconds one file may take to inspect (a real 500-page scan takes well under one)
TIME_BUDGET = 20.0
#: the most the PDF parser may read in one call (a whole-file read to repair a broken PDF)
MAX_READ = 64 * 1024 * 1024


class InspectionLimit(BaseException):
    """A bound was reached. A ``BaseException``: libraries that catch ``Exception`` to
    recover from a damaged file must not swallow it and carry on."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`InspectionLimit` in the block once ``seconds`` have passed."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    state = {"active": True}

    def on_alarm(signum: int, frame: object) -> None:
        if state["active"]:
            state["active"] = False
            raise InspectionLimit(f"inspection took longer than {seconds:g} s and was stopped")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        state["active"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class BoundedReader(io.RawIOBase):
    """A read-only view of an open file that refuses one read of more than ``max_read``
    bytes (raising :class:`InspectionLimit`); seeking and smaller reads pass through."""

    def __init__(self, fh: IO[bytes], size: int, max_read: int = MAX_READ) -> None:
        super().__init__()
        self._fh = fh
        self._size = size
        self._max = max_read

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._fh.seek(offset, whence)

    def tell(self) -> int:
        return self._fh.tell()

    def read(self, size: int | None = -1) -> bytes:
        remaining = self._size - self._fh.tell()
        wanted = remaining if size is None or size < 0 else min(size, remaining)
        if wanted > self._max:
            raise InspectionLimit(
                f"reading it would need {wanted / 1024**2:,.0f} MiB at once "
                f"(the limit is {self._max // 1024**2} MiB)"
            )
        return self._fh.read(max(wanted, 0))

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
