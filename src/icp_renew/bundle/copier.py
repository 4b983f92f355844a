"""The copy of a bundle's scans, in background threads, while the caller does something else.

Two copiers with one interface (:class:`Copy`): started at once, polled for the bytes
copied so far (``done``, so that progress is shown in the caller's thread: rich is
not thread-safe), stopped promptly (a stop event checked between blocks), and asked
for their result (the SHA-256 and CRC-32 of every scan, in bundle order, or the error
that stopped them: exceptions never escape a thread, they are handed to the caller).

- :class:`ParallelCopy` (stored entries, the default): every entry's place in the zip
  is known before a byte is copied (``ZipStream.place``), so ``threads`` threads each
  take whole files from a shared queue, in bundle order, and make one pass over the
  bytes: ``readinto`` a buffer of their own, SHA-256, CRC-32, ``os.pwrite`` at the
  entry's offset. hashlib, zlib-ng and file I/O release the GIL, so the threads use
  every core; memory is one block per thread.
- :class:`SequentialCopy` (``--compress``: a deflated entry's size, hence the next
  one's offset, is unknown until it is written): one thread adds the entries in
  order through zipfile (``ZipStream.add_stream``).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import queue
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NamedTuple

from icp_renew.bundle.writer import BLOCK, BundleWriteError, ZipStream
from icp_renew.errors import UserError, os_error

Crc32 = Callable[[bytes | bytearray | memoryview, int], int]

#: bytes a writing thread hands to the kernel before it asks for them to be written back
#: (see ``_writeback``; also at the end of every file): small enough that the final fsync
#: finds little left to do, large enough that the requests stay few
WRITEBACK_EVERY = 96 << 20


def crc32_function() -> Crc32:
    """zlib-ng's CRC-32 (about 13× zlib's here, and it releases the GIL); zlib's where the
    wheel cannot be imported (the same values: the CRC-32 of the zip format is one)."""
    try:
        from zlib_ng.zlib_ng import crc32
    except ImportError:
        from zlib import crc32
    return crc32


class Copied(NamedTuple):
    sha256: str
    crc: int | None  # None where zipfile computed it (SequentialCopy)


@dataclass(frozen=True)
class Item:
    """One scan to copy: how to open it (``bundle.source.open_source``), how it is named in
    messages, the size the check saw."""

    open: Callable[[], BinaryIO]
    shown: str
    size: int


class _Stopped(Exception):
    """Raised inside a copying thread when the copy is stopped: not an error."""


class Copy:
    """Threads that copy ``count`` items; the base of both copiers."""

    def __init__(self, count: int) -> None:
        self._stop = threading.Event()
        self.finished = threading.Event()
        self._lock = threading.Lock()
        self._errors: dict[int, BaseException] = {}
        self._results: list[Copied | None] = [None] * count
        self._threads: list[threading.Thread] = []
        self._copied: list[int] = []
        self._running = 0

    def _launch(self, count: int, work: Callable[[int], None]) -> None:
        self._copied = [0] * count
        self._running = count
        if not count:
            self.finished.set()
        for slot in range(count):
            thread = threading.Thread(
                target=self._guard, args=(work, slot), name=f"icp-renew-copy-{slot}", daemon=True
            )
            try:
                thread.start()
            except BaseException:  # no thread left (RuntimeError), Ctrl-C: none is orphaned
                self.stop()
                raise
            self._threads.append(thread)

    def _guard(self, work: Callable[[int], None], slot: int) -> None:
        try:
            work(slot)
        except BaseException as exc:  # handed to the caller, never a thread's traceback
            self._fail(len(self._results), exc)
        finally:
            with self._lock:
                self._running -= 1
                if not self._running:
                    self.finished.set()

    def _fail(self, index: int, exc: BaseException) -> None:
        with self._lock:
            self._errors.setdefault(index, exc)
        self._stop.set()

    @property
    def done(self) -> int:
        """Bytes copied so far (a sum of per-thread counters: no lock on the hot path)."""
        return sum(self._copied)

    def stop(self) -> None:
        """Stop every thread between two blocks and wait for them (even through Ctrl-C)."""
        self._stop.set()
        interrupted: KeyboardInterrupt | None = None
        for thread in self._threads:
            while thread.is_alive():
                try:
                    thread.join()
                except KeyboardInterrupt as exc:  # a second Ctrl-C: finish stopping first
                    interrupted = exc
        if interrupted is not None:
            raise interrupted

    def results(self) -> list[Copied]:
        """Every item's hashes, once :attr:`finished`; the error of the first item (in bundle
        order) that failed, if any did."""
        self.stop()
        if self._errors:
            raise self._errors[min(self._errors)]
        done = [r for r in self._results if r is not None]
        assert len(done) == len(self._results), "a copy stopped without an error"
        return done


class ParallelCopy(Copy):
    """Stored entries at known offsets, copied by ``threads`` threads at once."""

    def __init__(
        self,
        items: Sequence[Item],
        places: Sequence[tuple[int, int, Path]],
        threads: int,
    ) -> None:
        """``places[i]``: the file descriptor of the volume item ``i`` goes to, the offset
        of its data, and the volume's path (named in a write error)."""
        super().__init__(len(items))
        self._items = items
        self._places = places
        self._crc32 = crc32_function()
        self._queue: queue.SimpleQueue[int] = queue.SimpleQueue()
        for index in range(len(items)):
            self._queue.put(index)
        self._launch(min(max(1, threads), len(items)), self._work)

    def _work(self, slot: int) -> None:
        buffer = memoryview(bytearray(BLOCK))
        while not self._stop.is_set():
            try:
                index = self._queue.get_nowait()
            except queue.Empty:
                return
            try:
                self._results[index] = self._copy(index, buffer, slot)
            except _Stopped:
                return
            except BaseException as exc:
                self._fail(index, exc)
                return

    def _copy(self, index: int, buffer: memoryview, slot: int) -> Copied:
        item = self._items[index]
        fd, offset, target = self._places[index]
        digest = hashlib.sha256()
        crc = 0
        copied = 0
        flushed = offset
        with item.open() as source:
            while True:
                if self._stop.is_set():
                    raise _Stopped
                try:
                    n = source.readinto(buffer)  # type: ignore[attr-defined]
                except OSError as exc:
                    raise UserError(
                        os_error(exc, "errors.cannot-read"), source=item.shown
                    ) from None
                if not n:
                    break
                if copied + n > item.size:  # grew since the check
                    raise UserError("pack.source-changed", source=item.shown)
                block = buffer[:n]
                digest.update(block)
                crc = self._crc32(block, crc)
                _pwrite_all(fd, block, offset + copied, target)
                copied += n
                self._copied[slot] += n
                if offset + copied - flushed >= WRITEBACK_EVERY:
                    _writeback(fd, flushed, offset + copied - flushed)
                    flushed = offset + copied
        if copied != item.size:  # shrank since the check
            raise UserError("pack.source-changed", source=item.shown)
        if offset + copied > flushed:
            _writeback(fd, flushed, offset + copied - flushed)
        return Copied(digest.hexdigest(), crc)


def _pwrite_all(fd: int, data: memoryview, position: int, target: Path) -> None:
    try:
        while data:
            written = os.pwrite(fd, data, position)
            data = data[written:]
            position += written
    except OSError as exc:
        raise BundleWriteError(
            os_error(exc, "pack.cannot-write-nothing-written"), source=str(target)
        ) from None


_DONTNEED = getattr(os, "POSIX_FADV_DONTNEED", None)
#: fallocate(2)'s mode that reserves blocks without changing the file's size
_KEEP_SIZE = 0x01


def reserve(fd: int, length: int, target: Path) -> None:
    """Reserve the disk blocks of a volume's first ``length`` bytes before the copy writes
    them (Linux ``fallocate`` with ``FALLOC_FL_KEEP_SIZE``: the file still grows only as it
    is written, so a volume left unfinished is never padded with zeros).

    The file system then allocates the volume once instead of page by page as it is written
    back: on ext4 ~0.1 s less CPU per GB and a shorter final fsync (docs/performance.md). A
    disk too small for the bundle is refused here, before a byte is copied. Where the call
    does not exist or the file system refuses it (tmpfs before Linux 3.5, NFS before 4.2),
    nothing happens: the blocks are allocated as they are written, as before.
    """
    fallocate = _fallocate()
    if fallocate is None or length <= 0:
        return
    import ctypes

    if fallocate(fd, _KEEP_SIZE, 0, length) == 0:
        return
    err = ctypes.get_errno()
    if err in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        raise BundleWriteError(
            os_error(OSError(err, os.strerror(err)), "pack.cannot-write-nothing-written"),
            source=str(target),
        )


@functools.cache
def _fallocate() -> Callable[[int, int, int, int], int] | None:
    """libc's ``fallocate`` (Linux), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        function = ctypes.CDLL(None, use_errno=True).fallocate
    except (OSError, AttributeError):  # pragma: no cover - a libc without it
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int64, ctypes.c_int64]
    function.restype = ctypes.c_int
    return function


def _writeback(fd: int, offset: int, length: int) -> None:
    """Start writing back a range just written, without waiting for it.

    On Linux ``POSIX_FADV_DONTNEED`` starts the writeback of the range's dirty pages
    (and drops the clean ones: the bundle is not read again): without it a machine with
    plenty of memory keeps a whole bundle dirty (below the background-writeback
    threshold) and the final fsync waits for all of it at once. Elsewhere, or where the
    call fails, nothing happens: the fsync at the end still makes the bundle durable.
    """
    if _DONTNEED is None:
        return
    with contextlib.suppress(OSError):  # a file system that refuses the advice
        os.posix_fadvise(fd, offset, length, _DONTNEED)


class SequentialCopy(Copy):
    """Entries added in order through zipfile, in one thread (``--compress``)."""

    def __init__(self, volumes: Sequence[tuple[ZipStream, Path, Sequence[tuple[str, Item]]]]):
        super().__init__(sum(len(items) for _, _, items in volumes))
        self._volumes = volumes
        self._launch(1 if self._results else 0, self._work)

    def _advance(self, n: int) -> None:
        self._copied[0] += n
        if self._stop.is_set():
            raise _Stopped

    def _work(self, slot: int) -> None:
        index = 0
        for stream, target, items in self._volumes:
            for name, item in items:
                try:
                    with item.open() as source:
                        digest, _ = stream.add_stream(
                            name, source, item.size, shown=item.shown, on_bytes=self._advance
                        )
                except _Stopped:
                    return
                except OSError as exc:
                    self._fail(
                        index,
                        BundleWriteError(
                            os_error(exc, "pack.cannot-write-nothing-written"), source=str(target)
                        ),
                    )
                    return
                except BaseException as exc:
                    self._fail(index, exc)
                    return
                self._results[index] = Copied(digest, None)
                index += 1
