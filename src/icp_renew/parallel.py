"""Work spread over processes: results in input order, a clean Ctrl-C, one meaning of --jobs.

Inspecting PDFs is Python-bound (pypdf walks page trees in Python), so threads do not help;
processes do. ``--jobs`` means the same wherever work is spread: the number of worker
processes, whether they take whole dossiers (``check`` of many folders) or the files of one
dossier (``check`` or ``pack`` of one big folder). ``None`` (the default) is *auto*: one
worker per usable CPU, but only when there is enough work for the processes to pay for
their start; ``1`` is serial everywhere.

Workers are forked where the platform allows it (they start with the modules the parent has
already imported: ~10 ms instead of ~300 ms for a fresh interpreter) and ignore SIGINT: a
Ctrl-C reaches the parent, which terminates them, so no stray process and no traceback from a
worker is left behind. Each task runs in a worker's main thread, so the per-file time budget
(``inspect/guard.py``, a SIGALRM timer) applies there exactly as in a serial run.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: auto (``--jobs`` not given): spread the files of one dossier only when it has at least this
#: many files to inspect per worker. Measured on the benchmark scans (benchmarks/RESULTS.md):
#: a file takes 2–6 ms to inspect and a forked worker ~15 ms to start and feed, so below a
#: few dozen files a serial run is as fast.
MIN_FILES_PER_WORKER = 24
#: auto: spread dossiers over processes only from this many dossiers per worker
MIN_DOSSIERS_PER_WORKER = 4


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the platform has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def workers_for(jobs: int | None, tasks: int, per_worker: int) -> int:
    """How many processes to use for ``tasks`` items: ``jobs`` when given (0: one per CPU),
    else one per CPU as long as each gets at least ``per_worker`` items; never more than
    there are tasks, at least 1."""
    if jobs is None:
        wanted = min(usable_cpus(), tasks // per_worker)
    elif jobs == 0:
        wanted = usable_cpus()
    else:
        wanted = jobs
    return max(1, min(wanted, tasks))


def _ignore_sigint(initializer: Callable[..., None] | None, args: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # blocked while the parent forked: now ignored
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if initializer is not None:
        initializer(*args)


@contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Hold back SIGINT while the pool forks its workers and starts its threads.

    A Ctrl-C that lands inside ``fork()`` interrupts the interpreter's at-fork handlers and
    can leave a lock held, after which the pool never finishes. Held back, it arrives a
    moment later, as a ``KeyboardInterrupt`` at a point where the pool can be terminated;
    the workers and the pool's threads inherit the blocked mask, so only this thread sees it.
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _context() -> Any:
    """Fork where it is safe and available (Linux); the platform's default elsewhere."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()  # pragma: no cover - macOS, Windows: spawn


def ordered_map(
    fn: Callable[[T], R],
    items: Sequence[T],
    *,
    workers: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    on_done: Callable[[int, int], None] | None = None,
) -> list[R]:
    """``[fn(x) for x in items]`` in ``workers`` processes, in input order.

    ``fn`` and the items must be picklable (a module-level function); ``fn`` should return
    expected failures as values, since an exception it raises is re-raised here (a bug).
    ``on_done(done, total)`` is called in this process as results arrive, in order.
    With ``workers`` ≤ 1 everything runs here, with no process started.
    """
    total = len(items)
    if workers <= 1 or total <= 1:
        if initializer is not None:
            initializer(*initargs)
        out: list[R] = []
        for x in items:
            out.append(fn(x))
            if on_done is not None:
                on_done(len(out), total)
        return out
    # a few chunks per worker: little IPC, yet a slow file does not hold up a whole half
    chunk = max(1, total // (workers * 4))
    pool = _start_pool(workers, initializer, initargs)
    try:
        results: list[R] = []
        for result in pool.imap(fn, items, chunksize=chunk):
            results.append(result)
            if on_done is not None:
                on_done(len(results), total)
    except BaseException:
        _stop_pool(pool, abort=True)  # Ctrl-C or a bug: stop the workers now, leave none behind
        raise
    _stop_pool(pool)
    return results


def _start_pool(
    workers: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Any:
    """A pool of ``workers`` forked processes that ignore SIGINT (see the module's notes);
    :func:`_stop_pool` ends it. (A big dossier's files have workers of their own, forked by
    the zygote: ``icp_renew/zygote.py``.)"""
    with _sigint_deferred():
        return _context().Pool(workers, _ignore_sigint, (initializer, initargs))


def _stop_pool(pool: Any, *, abort: bool = False) -> None:
    """Wait for the workers to finish their tasks and exit, or with ``abort`` terminate them
    at once (an error, Ctrl-C, results no longer wanted); either way none is left behind."""
    try:
        if abort:
            pool.terminate()
        else:
            pool.close()
    finally:
        pool.join()
