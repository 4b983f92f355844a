"""A deterministic zip, streamed, written to a temporary file and renamed at the end.

Every byte of the archive is fixed by its inputs: entries in sorted order,
one timestamp for all (``SOURCE_DATE_EPOCH``, else derived from the dossier,
never the clock or a file's mtime), permissions ``0644`` with the Unix
"made by" system, the UTF-8 flag on every name, no extra fields (other than
ZIP64 where a file needs it). Entries are stored by default: scans are
already compressed, and stored bytes do not depend on the zlib version.

Files are copied in blocks and hashed on the way, so memory stays flat
whatever their size. A stored entry's place is known before its bytes are
copied (:meth:`ZipStream.place`): ``bundle.copier`` copies stored entries in
parallel to those places and :meth:`ZipStream.settle` completes them, to the
same bytes zipfile writes itself; a deflated entry goes through zipfile
(:meth:`ZipStream.add_stream`: read and SHA-256 in a second thread, a few
blocks ahead of the CRC-32 and the write). The archive is written beside its
final name and only renamed into place once complete and synced: an
interrupted run leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import queue
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, NamedTuple

from icp_renew.errors import UserError, os_error

BLOCK = 1 << 20
DateTime = tuple[int, int, int, int, int, int]
ZIP_EPOCH: DateTime = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold
_ZIP_LAST: DateTime = (2107, 12, 31, 23, 59, 58)
FILE_MODE = 0o100644  # regular file, rw-r--r--
_UNIX = 3  # "version made by" system: Unix, so that external_attr carries the mode
_UTF8 = 0x800  # general purpose flag bit 11: the name is UTF-8


class BundleWriteError(UserError):
    """The bundle could not be written (disk full, no permission): exit 2."""


class _Info(zipfile.ZipInfo):
    """A ZipInfo whose name always carries the UTF-8 flag, ASCII or not."""

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # zipfile's own hook
        return self.filename.encode("utf-8"), self.flag_bits | _UTF8


def date_time_from_epoch(epoch: int) -> DateTime:
    """A ``SOURCE_DATE_EPOCH`` as a zip time (UTC, even seconds, clamped to 1980–2107)."""
    moment = dt.datetime.fromtimestamp(0, dt.timezone.utc) + dt.timedelta(seconds=epoch)
    value: DateTime = (
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second - moment.second % 2,
    )
    return min(max(value, ZIP_EPOCH), _ZIP_LAST)


def date_time_from_date(day: dt.date | None) -> DateTime:
    """Midnight of ``day`` (e.g. the licence's issue date); 1980-01-01 when there is none."""
    if day is None:
        return ZIP_EPOCH
    return min(max((day.year, day.month, day.day, 0, 0, 0), ZIP_EPOCH), _ZIP_LAST)


#: blocks the reading thread may be ahead of the writing one (memory: DEPTH × BLOCK)
DEPTH = 4


class _ReadAhead:
    """Reads a file and hashes it (SHA-256) in a thread of its own, a few blocks ahead of
    the thread that computes the zip's CRC-32 and writes: the two halves of the work, each
    about half of it, run on both cores (hashlib, zlib and file I/O release the GIL), and
    each byte is still read once. Only the first ``limit`` bytes are hashed; reading stops
    one block after them (the caller then refuses a file that grew)."""

    def __init__(self, source: BinaryIO, digest: Any, limit: int) -> None:
        self._queue: queue.Queue[bytes | OSError] = queue.Queue(maxsize=DEPTH)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(source, digest, limit), name="icp-renew-read", daemon=True
        )
        self._thread.start()

    def _run(self, source: BinaryIO, digest: Any, limit: int) -> None:
        read = 0
        try:
            while not self._stop.is_set():
                block = source.read(BLOCK)
                read += len(block)
                if block and read <= limit:
                    digest.update(block)
                self._put(block)
                if not block or read > limit:
                    return
        except OSError as exc:
            self._put(exc)

    def _put(self, item: bytes | OSError) -> None:
        while not self._stop.is_set():  # the writer may have stopped taking blocks
            try:
                self._queue.put(item, timeout=0.05)
                return
            except queue.Full:
                continue

    def blocks(self, shown: str) -> Iterator[bytes]:
        """The blocks in order, until the end of the file (a read error: UserError)."""
        while True:
            item = self._queue.get()
            if isinstance(item, OSError):
                raise UserError(os_error(item, "errors.cannot-read"), source=shown)
            if not item:
                return
            yield item

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


class Placed(NamedTuple):
    """A stored entry whose room is reserved: its data goes at ``data_offset``."""

    info: zipfile.ZipInfo
    zip64: bool
    data_offset: int


class ZipStream:
    """Entries added in sorted order to a zip on an open, seekable binary file."""

    def __init__(self, fileobj: BinaryIO, date_time: DateTime, *, compress: bool = False) -> None:
        self._fileobj = fileobj
        self._zip = zipfile.ZipFile(fileobj, "w", allowZip64=True)
        self._date_time = date_time
        self._method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        self._last: str | None = None

    def _info(self, name: str, size: int) -> zipfile.ZipInfo:
        if self._last is not None and name <= self._last:
            raise ValueError(
                f"entries must be added in sorted order: {name!r} after {self._last!r}"
            )
        self._last = name
        info = _Info(name, self._date_time)
        info.compress_type = self._method
        info.create_system = _UNIX
        info.external_attr = FILE_MODE << 16
        info.file_size = size
        return info

    def add_stream(
        self,
        name: str,
        source: BinaryIO,
        size: int,
        *,
        shown: str,
        on_bytes: Callable[[int], None] | None = None,
    ) -> tuple[str, int]:
        """Copy ``source`` into entry ``name`` in blocks; return (sha256, size).

        ``size`` is the size the check saw: a file that has since grown or
        shrunk is refused (the check's verdict no longer holds). Errors name ``shown``.
        """
        digest = hashlib.sha256()
        copied = 0
        info = self._info(name, size)  # file_size decides ZIP64, as zipfile does
        ahead = _ReadAhead(source, digest, size)
        try:
            with self._zip.open(info, "w") as out:
                for block in ahead.blocks(shown):
                    copied += len(block)
                    if copied > size:
                        break
                    out.write(block)  # the zip's CRC-32, then the write, in this thread
                    if on_bytes is not None:
                        on_bytes(len(block))
        finally:
            ahead.close()
        if copied != size:
            raise UserError("pack.source-changed", source=shown)
        return digest.hexdigest(), copied

    # place() and settle() do for a stored entry what zipfile does when it writes one
    # (ZipFile._open_to_write, then _ZipWriteFile.close, as in CPython 3.11 and its main branch),
    # minus the data, which bundle.copier writes at the offset place() returns. They use
    # zipfile's internals: _writecheck (its checks), _didModify (that close() writes the
    # central directory), start_dir (where the next entry or the central directory goes),
    # filelist and NameToInfo (the central directory's entries). A public API to write an
    # entry's data elsewhere does not exist; the differential tests (tests/test_pack_write.py)
    # hold the result to zipfile's own bytes on every Python the CI runs.

    def place(self, name: str, size: int) -> Placed:
        """Reserve room for stored entry ``name`` of ``size`` bytes after the last one."""
        if self._method != zipfile.ZIP_STORED:
            raise ValueError("only a stored entry's size is known before it is written")
        info = self._info(name, size)
        info.compress_size = 0
        info.CRC = 0
        info.flag_bits = 0x00  # seekable, stored: no data descriptor, no option bits
        zip64 = info.file_size * 1.05 > zipfile.ZIP64_LIMIT  # zipfile's rule, not forced
        info.header_offset = self._zip.start_dir
        self._zip._writecheck(info)  # type: ignore[attr-defined]
        self._zip._didModify = True  # type: ignore[attr-defined]
        header = info.FileHeader(zip64)  # its length; the bytes are written by settle()
        data_offset = info.header_offset + len(header)
        self._zip.start_dir = data_offset + size
        return Placed(info, zip64, data_offset)

    def settle(self, placed: Placed, crc: int) -> None:
        """Write the local header of an entry whose data is in place; list it.

        Entries must be settled in the order they were placed, before any other is added.
        """
        info = placed.info
        info.CRC = crc
        info.compress_size = info.file_size
        self._fileobj.seek(info.header_offset)
        self._fileobj.write(info.FileHeader(placed.zip64))
        self._zip.filelist.append(info)
        self._zip.NameToInfo[info.filename] = info

    def add_bytes(self, name: str, data: bytes) -> None:
        info = self._info(name, len(data))
        with self._zip.open(info, "w") as out:
            out.write(data)

    def close(self) -> None:
        self._zip.close()

    def abandon(self) -> None:
        """Drop an unfinished archive (its temporary file is about to be removed)."""
        self._zip.fp = None  # ZipFile.close() then has nothing left to finish


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class AtomicFiles:
    """Temporary files beside their targets, renamed into place together by :meth:`commit`.

    Leaving the ``with`` block without a commit (an exception, Ctrl-C) removes
    every temporary file. ``overwrite=False`` refuses a target that exists.
    """

    def __init__(self, overwrite: bool = False) -> None:
        self.overwrite = overwrite
        self._pending: list[tuple[Path, Path, BinaryIO]] = []
        self._committed = False

    def __enter__(self) -> AtomicFiles:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._committed:
            self.discard()

    def create(self, target: Path) -> BinaryIO:
        """A new temporary file for ``target`` (same folder, so the rename is atomic)."""
        folder = target.parent
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=folder)
        except OSError as exc:
            raise BundleWriteError(
                os_error(exc, "pack.cannot-create"), source=str(target)
            ) from None
        with contextlib.suppress(OSError, AttributeError):  # mkstemp makes it 0600
            os.fchmod(fd, 0o666 & ~_umask())
        fh = os.fdopen(fd, "w+b")
        self._pending.append((Path(tmp), target, fh))
        return fh

    @property
    def temporary(self) -> list[Path]:
        return [tmp for tmp, _, _ in self._pending]

    def discard(self) -> None:
        for tmp, _, fh in self._pending:
            with contextlib.suppress(OSError):
                fh.close()
            with contextlib.suppress(OSError):
                tmp.unlink()
        self._pending.clear()

    def commit(self) -> list[Path]:
        """Sync every temporary file, then rename each onto its target."""
        for _, target, fh in self._pending:
            try:
                fh.flush()
                os.fsync(fh.fileno())
                fh.close()
            except OSError as exc:
                raise BundleWriteError(
                    os_error(exc, "errors.cannot-write"), source=str(target)
                ) from None
        if not self.overwrite:
            for _, target, _ in self._pending:
                if target.exists() or target.is_symlink():
                    raise BundleWriteError(
                        "pack.output-appeared",
                        source=str(target),
                    )
        done: list[Path] = []
        try:
            for tmp, target, _ in self._pending:
                tmp.replace(target)
                done.append(target)
        except BaseException as exc:  # all or nothing, even on Ctrl-C between two renames
            for renamed in done:
                with contextlib.suppress(OSError):
                    renamed.unlink()
            if isinstance(exc, OSError):
                raise BundleWriteError(
                    os_error(exc, "pack.cannot-rename"), source=str(target)
                ) from None
            raise
        self._committed = True
        for folder in {target.parent for target in done}:
            _fsync_dir(folder)
        self._pending.clear()
        return done


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
