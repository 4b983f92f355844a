"""A bundle that fails while its scans are copied in threads: the same errors as ever, every
thread stopped, nothing left behind, no traceback from a thread."""

from __future__ import annotations

import errno
import io
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from icp_renew.bundle import copier
from icp_renew.bundle import pack as pack_mod
from icp_renew.bundle.pack import BundleInput, PackOptions, start_bundle, write_bundle
from icp_renew.bundle.source import SourceError
from icp_renew.bundle.writer import BundleWriteError
from icp_renew.errors import UserError
from test_pack_bundle import ISSUED, bundle_of
from test_pack_write import assert_only, copy_threads, sized_bundle

# both writers: stored (parallel, positioned) with one and two threads, deflated (zipfile)
WAYS = [
    pytest.param(False, 1, id="stored-1"),
    pytest.param(False, 2, id="stored-2"),
    pytest.param(True, 2, id="deflated"),
]


@pytest.fixture(autouse=True)
def no_thread_traceback(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Fails a test in which an exception escaped a thread (it would print a traceback)."""
    escaped: list[Any] = []
    monkeypatch.setattr(threading, "excepthook", escaped.append)
    yield escaped
    assert escaped == []
    assert copy_threads() == []


class Slow(io.RawIOBase):
    """A scan read slowly, and not at all before the gate opens: the copy is still running
    when the test acts, whatever the machine's load."""

    reads = 0  # blocks read by every Slow source of a test
    gate = threading.Event()

    def __init__(self, inner: Any, delay: float) -> None:
        self._inner = inner
        self._delay = delay

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        Slow.gate.wait()
        time.sleep(self._delay)
        Slow.reads += 1
        n: int = self._inner.readinto(buffer)
        return n

    def close(self) -> None:
        self._inner.close()
        super().close()


class Failing(io.RawIOBase):
    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        raise OSError(errno.EIO, "Input/output error")


def slow_sources(monkeypatch: pytest.MonkeyPatch, delay: float = 0.01) -> threading.Event:
    """Scans read through :class:`Slow`; the gate they wait for, closed."""
    real = pack_mod.open_source
    gate = threading.Event()
    monkeypatch.setattr(Slow, "gate", gate)
    monkeypatch.setattr(Slow, "reads", 0)
    monkeypatch.setattr(copier, "BLOCK", 4096)
    monkeypatch.setattr("icp_renew.bundle.writer.BLOCK", 4096)
    monkeypatch.setattr(pack_mod, "open_source", lambda *a: Slow(real(*a), delay))
    return gate


def big_bundle(root: Path) -> BundleInput:
    """Four scans of 256 KiB: 64 blocks of 4 KiB each, read slowly (a few seconds in all)."""
    return sized_bundle(root, {f"security-measures/{i}.pdf": 256 * 1024 for i in range(4)})


HALF_A_FILE = 32  # blocks


def out_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.mark.parametrize(("compress", "threads"), WAYS)
def test_a_read_error_names_the_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compress: bool, threads: int
) -> None:
    bundle = bundle_of(tmp_path / "d")
    bad = bundle.entries[4].source
    real = pack_mod.open_source
    monkeypatch.setattr(
        pack_mod,
        "open_source",
        lambda root, path, shown: Failing() if shown == bad else real(root, path, shown),
    )
    out = out_folder(tmp_path)
    with pytest.raises(UserError, match="cannot read: Input/output error") as info:
        write_bundle(bundle, PackOptions(out / "b.zip", ISSUED, compress=compress), threads=threads)
    assert info.value.source == bad
    assert_only(out, [])


@pytest.mark.parametrize(("compress", "threads"), WAYS)
@pytest.mark.parametrize("change", [b"", b"%PDF and more"])
def test_a_scan_that_changed_size_is_refused(
    tmp_path: Path, compress: bool, threads: int, change: bytes
) -> None:
    bundle = bundle_of(tmp_path / "d")
    entry = bundle.entries[2]
    entry.abspath.write_bytes(
        entry.abspath.read_bytes()[:-1] if not change else entry.abspath.read_bytes() + change
    )
    out = out_folder(tmp_path)
    with pytest.raises(UserError, match="changed while it was being packed") as info:
        write_bundle(bundle, PackOptions(out / "b.zip", ISSUED, compress=compress), threads=threads)
    assert info.value.source == entry.source
    assert_only(out, [])


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_the_first_failing_scan_in_bundle_order_is_named(tmp_path: Path, threads: int) -> None:
    bundle = bundle_of(tmp_path / "d")
    for entry in (bundle.entries[3], bundle.entries[5], bundle.entries[6]):
        entry.abspath.unlink()
    out = out_folder(tmp_path)
    with pytest.raises(SourceError, match="disappeared") as info:
        write_bundle(bundle, PackOptions(out / "b.zip", ISSUED), threads=threads)
    assert info.value.source == bundle.entries[3].source
    assert_only(out, [])


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.ENOSPC, "No space left on device"), (errno.EIO, "cannot write: Input/output error")],
)
@pytest.mark.parametrize("threads", [1, 2])
def test_a_failing_disk_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str, threads: int
) -> None:
    bundle = bundle_of(tmp_path / "d")
    real = os.pwrite
    calls = 0

    def failing(fd: int, data: Any, offset: int) -> int:
        nonlocal calls
        calls += 1
        if calls >= 3:
            raise OSError(code, os.strerror(code))
        return real(fd, data, offset)

    monkeypatch.setattr(copier.os, "pwrite", failing)
    out = out_folder(tmp_path)
    with pytest.raises(BundleWriteError, match=f"{reason}; no bundle was written") as info:
        write_bundle(bundle, PackOptions(out / "b.zip", ISSUED), threads=threads)
    assert info.value.source == str(out / "b.zip")
    assert_only(out, [])


def test_a_short_write_is_completed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = bundle_of(tmp_path / "d")
    out = out_folder(tmp_path)
    write_bundle(bundle, PackOptions(out / "a.zip", ISSUED), threads=2)
    real = os.pwrite
    monkeypatch.setattr(copier.os, "pwrite", lambda fd, data, at: real(fd, data[:100], at))
    write_bundle(bundle, PackOptions(out / "b.zip", ISSUED), threads=2)
    assert (out / "a.zip").read_bytes() == (out / "b.zip").read_bytes()


@pytest.mark.parametrize(("compress", "threads"), WAYS)
def test_ctrl_c_while_the_threads_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compress: bool, threads: int
) -> None:
    bundle = big_bundle(tmp_path / "d")
    gate = slow_sources(monkeypatch)
    out = out_folder(tmp_path)
    seen: list[int] = []

    def interrupt(done: int, total: int) -> None:
        seen.append(done)
        assert copy_threads()  # the copy is under way
        gate.set()
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_bundle(
            bundle,
            PackOptions(out / "b.zip", ISSUED, compress=compress),
            interrupt,
            threads=threads,
        )
    assert seen == [0]
    assert copy_threads() == []  # stopped, not left running
    assert Slow.reads < HALF_A_FILE  # stopped between blocks, not at the end of a file
    assert_only(out, [])


@pytest.mark.skipif(
    threading.current_thread() is not threading.main_thread()
    or signal.getsignal(signal.SIGINT) is not signal.default_int_handler,
    reason="needs Python's own SIGINT handler in the main thread",
)
@pytest.mark.parametrize(("compress", "threads"), WAYS)
def test_a_real_sigint_while_the_threads_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compress: bool, threads: int
) -> None:
    bundle = big_bundle(tmp_path / "d")
    gate = slow_sources(monkeypatch)
    out = out_folder(tmp_path)
    sent: list[int] = []

    def signal_once(done: int, total: int) -> None:
        if not sent:
            sent.append(done)
            assert copy_threads()
            gate.set()
            os.kill(os.getpid(), signal.SIGINT)  # handled in this thread, as Ctrl-C is

    with pytest.raises(KeyboardInterrupt):
        write_bundle(
            bundle,
            PackOptions(out / "b.zip", ISSUED, compress=compress),
            signal_once,
            threads=threads,
        )
    assert sent == [0]
    assert copy_threads() == []
    assert Slow.reads < HALF_A_FILE
    assert_only(out, [])


def test_abandon_while_the_threads_run_stops_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = big_bundle(tmp_path / "d")
    gate = slow_sources(monkeypatch)
    out = out_folder(tmp_path)
    pending = start_bundle(bundle, PackOptions(out / "b.zip", ISSUED), threads=2)
    assert copy_threads()
    gate.set()
    pending.abandon()
    assert copy_threads() == []
    assert Slow.reads < HALF_A_FILE
    assert_only(out, [])


def test_an_error_in_the_check_abandons_the_pending_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = big_bundle(tmp_path / "d")
    gate = slow_sources(monkeypatch)
    out = out_folder(tmp_path)
    with (
        pytest.raises(KeyboardInterrupt),
        start_bundle(bundle, PackOptions(out / "b.zip", ISSUED), threads=2),
    ):
        assert copy_threads()
        gate.set()
        raise KeyboardInterrupt
    assert_only(out, [])


def test_a_thread_that_cannot_start_leaves_nothing_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = big_bundle(tmp_path / "d")
    gate = slow_sources(monkeypatch)
    gate.set()
    real = threading.Thread.start
    started = 0

    def second_fails(self: threading.Thread) -> None:
        nonlocal started
        started += 1
        if started == 2:
            raise RuntimeError("can't start new thread")
        real(self)

    monkeypatch.setattr(threading.Thread, "start", second_fails)
    out = out_folder(tmp_path)
    with pytest.raises(RuntimeError, match="can't start new thread"):
        start_bundle(bundle, PackOptions(out / "b.zip", ISSUED), threads=2)
    assert started == 2
    assert_only(out, [])


# --- the volume's blocks reserved before the copy (copier.reserve) --------------------------------


@pytest.mark.skipif(copier._fallocate() is None, reason="needs Linux fallocate")
def test_the_blocks_are_reserved_without_growing_the_file(tmp_path: Path) -> None:
    target = tmp_path / "v.zip"
    with target.open("wb") as fh:
        copier.reserve(fh.fileno(), 8 << 20, target)
        st = os.fstat(fh.fileno())
    if st.st_blocks == 0:
        pytest.skip("this file system does not reserve blocks")
    assert st.st_size == 0  # an unfinished volume is never padded with zeros
    assert st.st_blocks * 512 >= 8 << 20


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_a_disk_too_small_is_refused_before_a_byte_is_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    import ctypes

    def full(fd: int, mode: int, offset: int, length: int) -> int:
        assert mode == 0x01 and offset == 0 and length > 0  # FALLOC_FL_KEEP_SIZE, the data
        ctypes.set_errno(code)
        return -1

    writes: list[int] = []
    monkeypatch.setattr(copier, "_fallocate", lambda: full)
    monkeypatch.setattr(copier.os, "pwrite", lambda fd, data, offset: writes.append(offset))
    bundle = bundle_of(tmp_path / "d")
    out = out_folder(tmp_path)
    with pytest.raises(BundleWriteError, match=os.strerror(code)) as info:
        write_bundle(bundle, PackOptions(out / "b.zip", ISSUED), threads=2)
    assert info.value.source == str(out / "b.zip")
    assert writes == []
    assert_only(out, [])


def test_a_file_system_that_cannot_reserve_is_written_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ctypes

    def unsupported(fd: int, mode: int, offset: int, length: int) -> int:
        ctypes.set_errno(errno.EOPNOTSUPP)
        return -1

    bundle = bundle_of(tmp_path / "d")
    plain = write_bundle(bundle, PackOptions(tmp_path / "plain.zip", ISSUED), threads=2)
    monkeypatch.setattr(copier, "_fallocate", lambda: unsupported)
    refused = write_bundle(bundle, PackOptions(tmp_path / "refused.zip", ISSUED), threads=2)
    assert (tmp_path / "plain.zip").read_bytes() == (tmp_path / "refused.zip").read_bytes()
    assert len(plain) == len(refused) == 1
