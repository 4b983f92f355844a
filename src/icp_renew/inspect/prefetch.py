"""Inspection started before the dossier is understood: both cores busy from the start.

Reading a file's structure (:func:`icp_renew.inspect.inspect_file`) depends on nothing but
its bytes, so a big dossier's files can be inspected in worker processes while this process
is still loading the rules and ``dossier.yaml`` and walking the folder (about a third of a
``check`` of the benchmark dossier, on one core). :func:`start` lists the regular files
under each dossier as the scan would meet them (links, hidden entries and litter skipped,
nothing opened) and hands the list to the zygote (:mod:`icp_renew.zygote`: prestarted by the
console script, or forked now), whose workers read the files while this process goes on;
:meth:`Prefetch.take` later hands :func:`~icp_renew.inspect.inspect_dossier` the result for
one file.

A result is used only for the file it was made from: each worker records the file's
identity (device, inode, size, modification time) before and after reading it, and
:meth:`Prefetch.take` compares that with the file as it is when it is asked for. A file
that changed, one the walk did not list, and one whose text is wanted (the workers inspect
structure only) are inspected again, in the same workers, as a serial run would; one the
workers can no longer read (a worker died) is read here. So the outcome is what a serial
run gives, in the same order; the per-file time and read limits are the workers' own
(``inspect/guard.py``) and Ctrl-C ends them (the zygote's notes). Links are never followed:
the walk skips them and a worker opens a file without following one (``O_NOFOLLOW``), as
inspection always does."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar, cast

from icp_renew.dossier.model import FileInfo
from icp_renew.dossier.names import DOSSIER_FILE, is_ignored

T = TypeVar("T")
R = TypeVar("R")

#: what identifies the bytes a result was made from: device, inode, size, mtime (ns)
Identity = tuple[int, int, int, int]

#: the folder levels the walk descends (a dossier is category/material/files; deeper trees
#: are rare and their files are simply inspected later, as usual)
MAX_DEPTH = 8


def _identity(st: os.stat_result) -> Identity:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def list_files(root: Path) -> list[Path]:
    """The regular files under ``root`` in sorted order, without following a link and
    without opening a file; [] for anything that is not a folder (the check says why)."""
    out: list[Path] = []

    def walk(folder: Path, depth: int) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return  # the scan reports a folder it cannot list
        for entry in entries:
            if is_ignored(entry.name, at_root=depth == 0):
                continue
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError:
                continue
            if stat.S_ISDIR(mode) and depth < MAX_DEPTH:
                walk(Path(entry.path), depth + 1)
            elif stat.S_ISREG(mode):
                out.append(Path(entry.path))

    if root.is_dir() and not root.is_symlink():
        walk(root, 0)
    return out


def _task(path: Path) -> tuple[Identity, FileInfo | str] | None:
    """A listed file's structure and its identity, or None if it changed while it was read
    (or could not be looked at)."""
    from icp_renew.inspect import inspect_task

    try:
        before = _identity(os.lstat(path))
    except OSError:
        return None
    result = inspect_task((path, False))
    try:
        after = _identity(os.lstat(path))
    except OSError:
        return None
    return (before, result) if before == after else None


def run_task(
    files: Sequence[str], task: int | tuple[Any, tuple[Callable[..., Any], Any]]
) -> tuple[Any, Any]:
    """A worker's task (:mod:`icp_renew.zygote`) and its result, keyed: a listed file (its
    index in ``files``), or ``(key, (function, argument))`` from :meth:`Prefetch.map` (a
    module-level function: it is pickled by name)."""
    if isinstance(task, int):
        return task, _task(Path(files[task]))
    key, (function, argument) = task
    return key, function(argument)


class Prefetch:
    """Files being inspected in worker processes; results taken by path, once each.

    A context manager: leaving the block ends the workers, whatever they are doing (the
    results still wanted have been taken by then; on an error or Ctrl-C none is), so no
    process outlives the command. If the workers end early (one crashed), the files they
    had no result for are inspected here, as in a serial run.
    """

    def __init__(self, files: Sequence[Path], workers: int) -> None:
        from icp_renew import zygote

        self.workers = workers
        self._index = {f: i for i, f in enumerate(files)}
        self._pending: dict[Path, None] = dict.fromkeys(files)
        self._extra = 0
        self.used = 0  # results handed out (for the tests and the benchmarks' notes)
        self._zygote: zygote.Zygote | None = zygote.claim() or zygote.Zygote.fork()
        try:
            self._zygote.start([str(f) for f in files], workers)
        except zygote.Gone:  # a prestarted zygote that failed: the files are read here
            self.close()

    def take(self, path: Path) -> FileInfo | str | None:
        """The prefetched result for ``path`` (a :class:`FileInfo`, or why the file could not
        be opened), or None: not listed, changed since, already taken, or the workers are
        gone. Blocks until the workers have reached that file."""
        if path not in self._pending or self._zygote is None:
            return None
        del self._pending[path]
        from icp_renew.zygote import Gone

        try:
            found = self._zygote.result(self._index[path])
        except Gone:
            return None
        if found is None:
            return None
        identity, result = found
        try:
            now = _identity(os.lstat(path))
        except OSError:
            return None
        if now != identity:
            return None
        self.used += 1
        return cast("FileInfo | str", result)

    def inspect(self, tasks: Sequence[tuple[Path, bool]]) -> list[FileInfo | str]:
        """``inspect_task`` for each (path, want_text), in order, in the same workers: the
        files :meth:`take` had nothing for (a text wanted, a file changed or not listed)."""
        from icp_renew.inspect import inspect_task

        return list(self.map(inspect_task, tasks, ahead=len(tasks)))

    def map(self, function: Callable[[T], R], items: Sequence[T], *, ahead: int) -> Iterator[R]:
        """``function(item)`` for each item, in order, in the workers: the first ``ahead`` are
        sent at once, then one more as each is taken (work ahead that nobody asks for is
        dropped). What the workers can no longer do is done here."""
        from icp_renew.zygote import Gone

        keys: list[tuple[str, int] | None] = []

        def send(until: int) -> None:
            while len(keys) < min(until, len(items)):
                self._extra += 1
                key = ("extra", self._extra)
                try:
                    if self._zygote is None:
                        raise Gone
                    self._zygote.submit(key, (function, items[len(keys)]))
                    keys.append(key)
                except Gone:
                    keys.append(None)

        def results() -> Iterator[R]:
            for index, item in enumerate(items):
                send(index + 1 + ahead)
                key = keys[index]
                if key is not None and self._zygote is not None:
                    try:
                        yield cast("R", self._zygote.result(key))
                        continue
                    except Gone:
                        pass
                yield function(item)

        send(ahead)  # the workers start now, while the caller does something else
        return results()

    def close(self) -> None:
        """End the workers at once, whatever they are doing."""
        if self._zygote is not None:
            self._zygote.close()
            self._zygote = None

    def __enter__(self) -> Prefetch:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # the results nobody asked for are not waited for: the workers are ended
        self.close()


def start(roots: Sequence[Path], jobs: int | None) -> Prefetch | None:
    """Start inspecting the files under ``roots`` when that pays (:func:`workers_for` with
    ``MIN_FILES_PER_WORKER``, as ``inspect_dossier`` decides), or with one worker when a
    zygote was prestarted (it has the parsers by now), else None."""
    from icp_renew.parallel import MIN_FILES_PER_WORKER, workers_for
    from icp_renew.zygote import can_fork, dismiss, prestarted

    if jobs == 1 or not can_fork():  # elsewhere than Linux: inspect_dossier's own pools
        dismiss()
        return None
    files = [f for root in roots for f in list_files(_folder_of(root))]
    workers = workers_for(jobs, len(files), MIN_FILES_PER_WORKER)
    if workers <= 1 and not (jobs is None and files and prestarted()):
        dismiss()
        return None
    # a prestarted zygote has the parsers imported by now, on the other core: even a small
    # dossier is read there by one worker, while this process goes on without them
    return Prefetch(files, workers)


def _folder_of(path: Path) -> Path:
    """A dossier given as its ``dossier.yaml``: the folder around it (as the check reads it)."""
    return path.parent if path.name == DOSSIER_FILE and not path.is_dir() else path
