"""Packing: a checked dossier → one bundle (or volumes), atomically.

:func:`bundle_input` takes what the check already learned (the scanned files,
their formats and pages): nothing is parsed twice. :func:`write_bundle` is the
only part that touches the disk: it refuses an output inside the dossier or
one that exists (unless ``overwrite``), copies every scan through
:mod:`icp_renew.bundle.source` (read-only, never through a link out), and
renames the finished volumes into place together. It is :func:`start_bundle`
(the copy starts in background threads, :mod:`icp_renew.bundle.copier`) then
:meth:`PendingBundle.finish` (the bundle's own files, the rename): a caller may
run the check in between and finish with what it found, or abandon.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from icp_renew.bundle.copier import Copied, Copy, Item, ParallelCopy, SequentialCopy, reserve
from icp_renew.bundle.layout import Entry, Layout, plan_entries
from icp_renew.bundle.manifest import Identity, Record, Volume
from icp_renew.bundle.source import open_source
from icp_renew.bundle.volumes import (
    check_output,
    metadata,
    split_volumes,
    volume_paths,
)
from icp_renew.bundle.volumes import volume_bound as volume_bound  # re-exported
from icp_renew.bundle.writer import (
    AtomicFiles,
    BundleWriteError,
    DateTime,
    Placed,
    ZipStream,
    date_time_from_date,
    date_time_from_epoch,
)
from icp_renew.checks import Context
from icp_renew.checks.years import file_years
from icp_renew.errors import UserError, os_error
from icp_renew.findings import Finding
from icp_renew.pii import redact
from icp_renew.rulebook.resolve import Checklist

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BundleInput:
    """Everything a bundle is made of."""

    root: Path
    checklist: Checklist
    identity: Identity
    entries: tuple[Entry, ...]
    tool_version: str
    layout: Layout = "categories"
    findings: tuple[Finding, ...] | None = None  # a forced bundle records them
    timeline: tuple[dict[str, Any], ...] | None = None  # an archive records the timeline

    @property
    def total_bytes(self) -> int:
        return sum(e.size for e in self.entries)


@dataclass(frozen=True)
class PackOptions:
    output: Path
    date_time: DateTime
    compress: bool = False
    split_size: int | None = None
    overwrite: bool = False


@dataclass(frozen=True)
class WrittenVolume:
    path: Path
    files: int
    size: int  # bytes of the zip


def identity_of(ctx: Context) -> Identity:
    cfg = ctx.dossier.config
    auth = ctx.checklist.authority
    return Identity(
        company=redact(cfg.company.name),
        uscc=redact(cfg.company.uscc) if cfg.company.uscc else None,
        license_number=redact(cfg.license.number),
        authority_slug=auth.slug,
        authority_name=auth.authority,
        authority_name_en=auth.authority_en,
        industries=ctx.checklist.industries,
        services=tuple(redact(s) for s in cfg.license.services),
    )


def bundle_input(
    ctx: Context,
    *,
    tool_version: str,
    layout: Layout = "categories",
    findings: Sequence[Finding] | None = None,
    timeline: Sequence[dict[str, Any]] | None = None,
) -> BundleInput:
    """The bundle of a checked dossier: its assigned, safe files, as the scan saw them."""
    return BundleInput(
        root=ctx.dossier.root,
        checklist=ctx.checklist,
        identity=identity_of(ctx),
        entries=plan_entries(
            ctx.checklist, ctx.dossier.files, layout, file_years(ctx.dossier, ctx.checklist)
        ),
        tool_version=tool_version,
        layout=layout,
        findings=tuple(findings) if findings is not None else None,
        timeline=tuple(timeline) if timeline is not None else None,
    )


def bundle_date_time(source_date_epoch: str | None, issued: dt.date | None) -> DateTime:
    """``SOURCE_DATE_EPOCH`` if set, else the licence's issue date, else 1980-01-01."""
    if source_date_epoch is not None and source_date_epoch.strip():
        try:
            epoch = int(source_date_epoch.strip())
        except ValueError:
            raise UserError(
                "errors.epoch",
                value=repr(source_date_epoch),
                source="SOURCE_DATE_EPOCH",
            ) from None
        return date_time_from_epoch(epoch)
    return date_time_from_date(issued)


def default_output_name(license_number: str, day: dt.date) -> str:
    """``京B2-20210001-2026-01-15.zip``: the licence number and the filing date."""
    from icp_renew.bundle.layout import safe_component

    return f"{safe_component(license_number, 'bundle')}-{day.isoformat()}.zip"


# --- writing -----------------------------------------------------------------------------

#: seconds between two progress reports while the copy runs
_POLL = 0.1


def _positioned(opts: PackOptions) -> bool:
    """Stored entries are copied in parallel to offsets known up front (``os.pwrite``:
    not on Windows); deflated ones in order through zipfile."""
    return not opts.compress and hasattr(os, "pwrite")


def _thread_count(threads: int | None) -> int:
    """``--jobs``: None or 0, one thread per usable CPU; else that many."""
    if not threads:
        from icp_renew.parallel import usable_cpus

        return usable_cpus()
    return max(1, threads)


def _plan(bundle: BundleInput, opts: PackOptions) -> tuple[list[tuple[Entry, ...]], list[Path]]:
    if opts.split_size is not None:
        parts = split_volumes(bundle, opts.split_size, opts.compress)
        return parts, volume_paths(opts.output, len(parts))
    return [bundle.entries], volume_paths(opts.output, None)


def _signature(bundle: BundleInput, parts: Sequence[Sequence[Entry]]) -> tuple[Any, ...]:
    """What the copied bytes depend on: which scan goes where, the size and format seen."""
    return (
        bundle.root,
        tuple(
            tuple((e.name, e.source, e.abspath, e.size, e.format) for e in part) for part in parts
        ),
    )


def _item(root: Path, entry: Entry) -> Item:
    def opener() -> BinaryIO:
        return open_source(root, entry.abspath, entry.source)  # never through a link out

    return Item(opener, entry.source, entry.size)


class PendingBundle:
    """A bundle whose scans are being copied in background threads.

    :meth:`finish` waits for them, writes the bundle's own files and renames the
    volumes into place; :meth:`abandon` stops them and removes every temporary file.
    As a context manager it abandons whatever was not finished when the block is left.
    """

    def __init__(self, bundle: BundleInput, opts: PackOptions, threads: int | None) -> None:
        self._opts = opts
        self._threads = threads
        self._parts, self._targets = _plan(bundle, opts)
        check_output(bundle.root, self._targets, opts.overwrite)
        self._signature = _signature(bundle, self._parts)
        self._atomic = AtomicFiles(overwrite=opts.overwrite)
        self._files: list[BinaryIO] = []
        self._streams: list[ZipStream] = []
        self._placed: list[list[Placed]] = []
        self._copy: Copy | None = None
        self._state = "running"
        try:
            self._copy = self._start(bundle)
        except BaseException:
            self.abandon()
            raise

    def _start(self, bundle: BundleInput) -> Copy:
        opts = self._opts
        positioned = _positioned(opts)
        items: list[Item] = []
        places: list[tuple[int, int, Path]] = []
        volumes: list[tuple[ZipStream, Path, list[tuple[str, Item]]]] = []
        for target, entries in zip(self._targets, self._parts, strict=True):
            fh = self._atomic.create(target)
            self._files.append(fh)
            try:
                stream = ZipStream(fh, opts.date_time, compress=opts.compress)
                self._streams.append(stream)
                mine = [_item(bundle.root, e) for e in entries]
                if positioned:
                    placed = [stream.place(e.name, e.size) for e in entries]
                    self._placed.append(placed)
                    items += mine
                    places += [(fh.fileno(), p.data_offset, target) for p in placed]
                    if placed:  # the blocks of the scans' bytes, at once
                        reserve(fh.fileno(), placed[-1].data_offset + entries[-1].size, target)
                else:
                    volumes.append(
                        (stream, target, [(e.name, i) for e, i in zip(entries, mine, strict=True)])
                    )
            except OSError as exc:
                raise BundleWriteError(
                    os_error(exc, "pack.cannot-write-nothing-written"), source=str(target)
                ) from None
        if positioned:
            return ParallelCopy(items, places, _thread_count(self._threads))
        return SequentialCopy(volumes)

    def __enter__(self) -> PendingBundle:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.abandon()  # a no-op once finished

    def abandon(self) -> None:
        """Stop the copy (between two blocks) and remove every temporary file."""
        if self._state != "running":
            return
        self._state = "abandoned"
        try:
            if self._copy is not None:
                self._copy.stop()  # no thread writes to a file once it is closed
        finally:
            for stream in self._streams:
                stream.abandon()
            self._atomic.discard()

    def finish(
        self, final: BundleInput, on_progress: Progress | None = None
    ) -> list[WrittenVolume]:
        """Wait for the copy, write the bundle's own files from ``final`` and rename the
        volumes into place. ``final`` is the bundle as the check saw it: if its scans are
        not the ones being copied, what was written is discarded and ``final`` is written
        from scratch. Errors as :func:`write_bundle`; nothing is left behind on any.
        """
        if self._state != "running":
            raise RuntimeError(f"this bundle was already {self._state}")
        try:
            parts, _ = _plan(final, self._opts)
            if _signature(final, parts) != self._signature:
                self.abandon()
                again = start_bundle(final, self._opts, threads=self._threads)
                written = again.finish(final, on_progress)
            else:
                copied = self._wait(final.total_bytes, on_progress)
                written = self._complete(final, parts, copied)
                self._atomic.commit()
        except BaseException:
            self.abandon()
            raise
        self._state = "finished"
        return written

    def _wait(self, total: int, on_progress: Progress | None) -> list[Copied]:
        copy = self._copy
        assert copy is not None
        while not copy.finished.wait(_POLL):  # progress from this thread only
            if on_progress is not None:
                on_progress(copy.done, total)
        copied = copy.results()
        if on_progress is not None and total:
            on_progress(copy.done, total)
        return copied

    def _complete(
        self, final: BundleInput, parts: Sequence[Sequence[Entry]], copied: list[Copied]
    ) -> list[WrittenVolume]:
        """Settle the entries, then add the bundle's own files, described from ``final``'s
        entries (their pages, years: what the check saw), and the central directory."""
        written: list[WrittenVolume] = []
        first = 0
        split = self._opts.split_size is not None
        for number, (target, entries, fh, stream) in enumerate(
            zip(self._targets, parts, self._files, self._streams, strict=True), start=1
        ):
            mine = copied[first : first + len(entries)]
            first += len(entries)
            volume = Volume(number, len(parts)) if split else None
            try:
                if self._placed:
                    for placed, got in zip(self._placed[number - 1], mine, strict=True):
                        assert got.crc is not None
                        stream.settle(placed, got.crc)
                records = [
                    Record(e, got.sha256, e.size) for e, got in zip(entries, mine, strict=True)
                ]
                for name, data in metadata(final, records, volume):
                    stream.add_bytes(name, data)
                stream.close()
                fh.flush()
                written.append(WrittenVolume(target, len(entries), fh.tell()))
            except OSError as exc:
                raise BundleWriteError(
                    os_error(exc, "pack.cannot-write-nothing-written"), source=str(target)
                ) from None
        return written


def start_bundle(bundle: BundleInput, opts: PackOptions, *, threads: int | None) -> PendingBundle:
    """Create the temporary volume(s) and start copying ``bundle``'s scans in background
    threads (``threads``: ``--jobs``; None or 0, one per usable CPU). Refuses an output
    that may not be written (:class:`UserError`) before anything is created."""
    return PendingBundle(bundle, opts, threads)


def write_bundle(
    bundle: BundleInput,
    opts: PackOptions,
    on_progress: Progress | None = None,
    *,
    threads: int | None = None,
) -> list[WrittenVolume]:
    """Write the bundle (or its volumes) and rename it into place; nothing is left on failure.

    The bytes are the same whatever ``threads`` is. Raises :class:`UserError` (exit 2) for
    an output that may not be written, a scan that cannot be read safely or changed since
    the check, or a disk that fails (e.g. full); a ``KeyboardInterrupt`` passes through
    after the threads have stopped and the temporary files are removed.
    ``on_progress(done, total)`` is called in the caller's thread only.
    """
    return start_bundle(bundle, opts, threads=threads).finish(bundle, on_progress)
