"""The zygote: one process that imports the file parsers and forks the workers that read a big
dossier's files (``inspect/prefetch.py``), so the command's own process never waits for them.

(A *zygote*, as Android and Chromium call theirs, is a process that loads code once and forks
workers that share it.) The workers need pypdf and Pillow, ~50 ms to import. Forked from the
command's process they would wait for it to import them first, while the second core stays
idle; the zygote imports them on that core while the command reads its options, its rules and
``dossier.yaml``, then forks the workers. The console script starts it before anything else
when the command is ``check`` or ``pack`` (:func:`prestart`): the command claims it for one
dossier, however small (:func:`claim`; ``inspect/prefetch.py`` decides), or sends it away
unused (:func:`dismiss`: ``--jobs 1``, many dossiers). Where nothing was prestarted (tests,
an embedding program), the command forks one when a dossier is big enough to pay for it
(:meth:`Zygote.fork`).

::

    command ──job pipe──▶ zygote ──task queue──▶ workers ──result pipe──▶ command

* The job pipe carries length-prefixed pickles: the files and the number of workers, then
  extra tasks (a file to read again, or with its text). Its end tells the zygote to stop.
* The task queue, created by the zygote, hands each worker its next file; each worker writes
  ``(key, result)`` to the result pipe under a lock, and a thread of the command drains the
  pipe, so a worker never waits for the command to be ready.
* The zygote and its workers ignore SIGINT: a Ctrl-C reaches the command, which ends the
  zygote (SIGTERM), which kills its workers before it exits. A worker that dies (a crash, the
  out-of-memory killer) ends the zygote the same way; the command sees the result pipe close
  (:class:`Gone`) and reads the files it has no result for itself, so no result is lost or
  waited for in vain. A command that dies ends the zygote (Linux's parent-death signal; the
  end of the job pipe elsewhere), and a zygote that dies its workers, however they die.
"""

from __future__ import annotations

# imported before anything else by the console script: only what the fork needs, at once
import contextlib
import os
import pickle
import signal
import struct
import sys

TYPE_CHECKING = False  # typing's own flag costs an import of typing (~3 ms) at this point
if TYPE_CHECKING:
    import threading
    from collections.abc import Callable, Iterator, Sequence
    from typing import Any, NoReturn

_HEADER = struct.Struct("<I")
_EOF = object()
#: a pipe this size (Linux allows up to 1 MiB unprivileged) takes a job of ~10,000 paths at
#: once, without the command waiting for the zygote to finish its imports
PIPE_SIZE = 1 << 20


class Gone(Exception):
    """The zygote and its workers ended before sending the result asked for."""


def can_fork() -> bool:
    """Whether a zygote can run here at all: Linux (macOS forks badly with its system
    libraries, Windows not at all; there the workers are the pools of ``parallel.py``)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def available() -> bool:
    """Whether a zygote is worth prestarting: :func:`can_fork` and more than one usable CPU."""
    if not can_fork():
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except OSError:  # pragma: no cover - a kernel without affinity
        return False


# --- messages ---------------------------------------------------------------------------------


def _send(fd: int, obj: object) -> None:
    """Write ``obj`` as one message (callers that share ``fd`` hold a lock around it)."""
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _read_exact(fd: int, size: int) -> bytes | None:
    chunks: list[bytes] = []
    while size:
        chunk = os.read(fd, size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _receive(fd: int) -> Any:
    """The next message on ``fd``, or ``_EOF`` once its writers are gone."""
    head = _read_exact(fd, _HEADER.size)
    if head is None:
        return _EOF
    body = _read_exact(fd, _HEADER.unpack(head)[0])
    return _EOF if body is None else pickle.loads(body)


def _grow(fd: int) -> None:
    """Make the pipe behind ``fd`` take :data:`PIPE_SIZE` bytes, where the platform allows."""
    import fcntl

    setsize = getattr(fcntl, "F_SETPIPE_SZ", None)
    if setsize is None:  # pragma: no cover - not Linux
        return
    # a lower limit (/proc/sys/fs/pipe-max-size): the default pipe works, more slowly
    with contextlib.suppress(OSError):
        fcntl.fcntl(fd, setsize, PIPE_SIZE)


@contextlib.contextmanager
def _held(*signals: signal.Signals) -> Iterator[None]:
    """Hold ``signals`` back while a process forks: a handler that ran between the fork and the
    bookkeeping after it would miss the new process."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, set(signals))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


# --- the zygote and its workers (forked processes: they end with os._exit, never return) --------


def _zygote_main(job: int, results: int) -> NoReturn:
    code = 1
    try:
        _zygote(job, results)
        code = 0
    finally:  # whatever happened, nothing of the command's (atexit, buffers) runs here
        os._exit(code)


def _zygote(job: int, results: int) -> None:
    workers: list[int] = []

    def end(*_: object) -> None:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        _kill(workers)
        os._exit(0)

    def child_ended(*_: object) -> None:
        # a worker never ends by itself: one that did crashed, and its task's result is lost
        if any(os.waitpid(pid, os.WNOHANG)[0] for pid in workers):
            end()

    signal.signal(signal.SIGTERM, end)
    parent = os.getpid()
    from icp_renew.inspect import preload

    preload()  # the import the workers share
    first = _receive(job)
    if first is _EOF:
        return
    files, count = first
    import multiprocessing

    context = multiprocessing.get_context("fork")
    tasks = context.SimpleQueue()
    lock = context.Lock()
    signal.signal(signal.SIGCHLD, child_ended)
    for _ in range(count):
        with _held(signal.SIGTERM, signal.SIGCHLD):
            pid = os.fork()
            if pid == 0:
                _worker_main(files, tasks, results, lock, parent)
            workers.append(pid)
    os.close(results)  # the workers hold it: the command sees it close when they are gone
    for index in range(len(files)):
        tasks.put(index)
    while (task := _receive(job)) is not _EOF:
        tasks.put(task)
    end()


def _kill(pids: Sequence[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    for pid in pids:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


def _worker_main(
    files: Sequence[str], tasks: Any, results: int, lock: Any, parent: int
) -> NoReturn:
    code = 1
    try:
        _die_with(parent)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGCHLD})
        from icp_renew.inspect.prefetch import run_task

        while True:
            task = tasks.get()
            outcome = run_task(files, task)
            with lock:
                _send(results, outcome)
    finally:
        os._exit(code)


def _die_with(parent: int) -> None:
    """Be killed when ``parent`` ends, however it ends (Linux ``PR_SET_PDEATHSIG``): a zygote
    killed outright (``kill -9``) takes its workers along, and a command killed outright its
    zygote, so nothing waits forever on a pipe nobody writes to any more."""
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # pragma: no cover - not Linux: the pipes' end does it
        return
    prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it ended before the call above could take effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _detach_stdio() -> None:
    """Standard input and output on /dev/null (standard error stays, for a crash's last word):
    a worker never writes into the command's report, and a pipe reading the command's output
    (``icp-renew check … | head``) ends when the command does."""
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.close(devnull)


# --- the command's side -----------------------------------------------------------------------


class Zygote:
    """The command's handle on a zygote: send it work, take the results, end it."""

    def __init__(self, pid: int, job: int, results: int) -> None:
        self.pid = pid
        self._job: int | None = job
        self._results = results
        self._got: dict[Any, Any] = {}
        self._gone = False
        import threading

        self._ready = threading.Condition()
        self._drain: threading.Thread | None = None

    @classmethod
    def fork(cls) -> Zygote:
        """Fork a zygote from this process (it inherits what this process imported)."""
        job_r, job_w = os.pipe()
        results_r, results_w = os.pipe()
        _grow(job_w)
        _grow(results_w)
        # SIGINT held back over the fork, as for the pools (parallel.py): the zygote ignores it
        command = os.getpid()
        with _held(signal.SIGINT):
            pid = os.fork()
            if pid == 0:
                try:
                    _die_with(command)
                    signal.signal(signal.SIGINT, signal.SIG_IGN)
                    os.close(job_w)
                    os.close(results_r)
                    _detach_stdio()
                finally:
                    _zygote_main(job_r, results_w)
        os.close(job_r)
        os.close(results_w)
        return cls(pid, job_w, results_r)

    def start(self, files: Sequence[str], workers: int) -> None:
        """Have ``workers`` workers read ``files`` (results keyed by index, see
        :meth:`result`). Raises :class:`Gone` if the zygote has ended."""
        import threading

        self._drain = threading.Thread(target=self._drain_results, daemon=True)
        self._drain.start()
        self._send((list(files), workers))

    def submit(self, key: Any, task: Any) -> None:
        """Queue one more task (its result keyed by ``key``)."""
        self._send((key, task))

    def _send(self, message: object) -> None:
        if self._job is None:
            raise Gone
        try:
            _send(self._job, message)
        except BrokenPipeError:
            raise Gone from None

    def result(self, key: Any) -> Any:
        """The result for ``key``, once it arrives. Raises :class:`Gone` if it never will."""
        with self._ready:
            while key not in self._got:
                if self._gone:
                    raise Gone
                self._ready.wait()
            return self._got.pop(key)

    def _drain_results(self) -> None:
        try:
            while (message := _receive(self._results)) is not _EOF:
                key, value = message
                with self._ready:
                    self._got[key] = value
                    self._ready.notify_all()
        finally:
            with self._ready:
                self._gone = True
                self._ready.notify_all()

    def close(self) -> None:
        """End the zygote and its workers, whatever they are doing; wait until they are gone."""
        if self._job is not None:
            os.close(self._job)
            self._job = None
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        if self._drain is not None:
            self._drain.join()
        if self._results >= 0:
            os.close(self._results)
            self._results = -1


# --- started by the console script, before it imports anything else -----------------------------

_prestarted: Zygote | None = None


def prestart(fork: Callable[[], Zygote] = Zygote.fork) -> None:
    """Fork a zygote now, if this machine can (:func:`available`), for :func:`claim` to take:
    the console script calls this first thing for a command that may spread a dossier's files
    over workers (``check``, ``pack``); whether it is used is decided later, by the command,
    from its parsed options."""
    global _prestarted
    if _prestarted is not None or not available():
        return
    try:
        _prestarted = fork()
    except OSError:  # no process to spare: the command forks one later, or reads alone
        return
    import atexit

    atexit.register(dismiss)  # a command that ends before it decides (a usage error, --help)


def prestarted() -> bool:
    """Whether a prestarted zygote waits to be claimed."""
    return _prestarted is not None


def claim() -> Zygote | None:
    """The prestarted zygote, handed out once (None if there is none)."""
    global _prestarted
    zygote, _prestarted = _prestarted, None
    return zygote


def dismiss() -> None:
    """End a prestarted zygote nobody will claim (a small dossier, ``--jobs 1``)."""
    zygote = claim()
    if zygote is not None:
        zygote.close()
