"""Files of one dossier inspected in parallel: the same report as a serial run, the same
limits, and nothing left behind on Ctrl-C."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import factory
from icp_renew import parallel
from icp_renew.cli.common import load_book
from icp_renew.pipeline import CheckOptions, check_many, prepare
from processes import interrupted, slow_cli

TODAY = factory.TODAY


def _many_files() -> dict[str, bytes | str]:
    """The complete dossier plus 60 more files of every kind inspection distinguishes."""
    files: dict[str, bytes | str] = dict(factory.COMPLETE_FILES)
    good = factory.content("pdf:3")
    for i in range(40):
        files[f"operation-proof/截图-{i:02d}.pdf"] = f"pdf:{1 + i % 5}"
    files["operation-proof/truncated.pdf"] = good[: len(good) // 2]
    files["operation-proof/garbage.pdf"] = b"%PDF-1.7\n" + b"\x00junk" * 100
    files["operation-proof/encrypted.pdf"] = factory.pdf_bytes(1, encrypt="")
    files["operation-proof/png-named.jpg"] = "png"
    files["operation-proof/empty.pdf"] = b""
    files["operation-proof/notes.txt"] = "text:运营证明说明"
    for i in range(14):
        files[f"security-measures/附件-{i:02d}.jpg"] = "jpeg"
    return files


@pytest.fixture
def big(make_dossier: Callable[..., Path]) -> Path:
    return make_dossier(files=_many_files())


def test_workers_for_auto_needs_enough_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    per = parallel.MIN_FILES_PER_WORKER
    assert parallel.workers_for(None, per * 2 - 1, per) == 1
    assert parallel.workers_for(None, per * 2, per) == 2
    assert parallel.workers_for(None, 10_000, per) == 2
    assert parallel.workers_for(1, 10_000, per) == 1
    assert parallel.workers_for(0, 10_000, per) == 2
    assert parallel.workers_for(8, 3, per) == 3  # never more workers than tasks
    assert parallel.workers_for(None, 0, per) == 1


def _slow_square(x: int) -> int:
    time.sleep(0.02 * (5 - x % 5))  # later items finish first
    return x * x


def test_ordered_map_keeps_input_order_and_reports_progress() -> None:
    progress: list[tuple[int, int]] = []
    out = parallel.ordered_map(
        _slow_square, list(range(12)), workers=2, on_done=lambda d, t: progress.append((d, t))
    )
    assert out == [x * x for x in range(12)]
    assert progress == [(i, 12) for i in range(1, 13)]


def test_parallel_inspection_equals_serial(big: Path) -> None:
    book = load_book(None)
    serial = prepare(big, book, CheckOptions(today=factory_today(), jobs=1))
    both = prepare(big, book, CheckOptions(today=factory_today(), jobs=2))
    assert serial.dossier == both.dossier
    kinds = {f.info.corrupt is not None for f in serial.dossier.files if f.info}
    assert kinds == {True, False}  # the corpus really holds broken files too


def factory_today() -> Any:
    import datetime as dt

    return dt.date.fromisoformat(TODAY)


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "text"])
def test_check_reports_are_byte_identical_for_any_jobs(cli: Any, big: Path, fmt: str) -> None:
    outputs = {
        jobs: cli("check", str(big), "--today", TODAY, "-f", fmt, *jobs).stdout
        for jobs in ((), ("--jobs", "1"), ("--jobs", "2"), ("--jobs", "0"))
    }
    assert len(set(outputs.values())) == 1, outputs.keys()
    if fmt == "json":
        codes = {f["code"] for f in json.loads(outputs[()])["dossiers"][0]["findings"]}
        assert {"corrupt-pdf", "encrypted-pdf", "empty-file"} <= codes


def test_many_dossiers_with_jobs_equal_serial(make_dossier: Callable[..., Path]) -> None:
    book = load_book(None)
    paths = [make_dossier(name=f"d{i}") for i in range(9)]
    paths.insert(4, paths[0].parent / "missing")
    opts = CheckOptions(today=factory_today())
    serial, e1 = check_many(paths, book, opts, jobs=1)
    spread, e2 = check_many(paths, book, opts, jobs=2)
    auto, e3 = check_many(paths, book, opts, jobs=None)
    assert serial == spread == auto
    assert [e.source for e in e1] == [e.source for e in e2] == [e.source for e in e3]


def _sleepy_pdf(*args: Any, **kwargs: Any) -> Any:
    time.sleep(30)
    raise AssertionError("the time budget did not stop the inspection")


def test_time_budget_applies_in_workers(big: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers are forked from this process: the tightened budget and the hanging parser
    reach them as they would reach a serial run."""
    import icp_renew.inspect as inspect_mod
    from icp_renew.inspect import guard

    monkeypatch.setattr(guard, "TIME_BUDGET", 0.05)
    monkeypatch.setattr(inspect_mod, "inspect_pdf", _sleepy_pdf)
    book = load_book(None)
    started = time.monotonic()
    serial = prepare(big, book, CheckOptions(today=factory_today(), jobs=1))
    both = prepare(big, book, CheckOptions(today=factory_today(), jobs=2))
    assert time.monotonic() - started < 25  # not one 30-second sleep ran to its end
    limits = [f.path for f in both.dossier.files if f.info and f.info.limit]
    assert limits == [f.path for f in serial.dossier.files if f.info and f.info.limit]
    assert len(limits) > 40  # every non-empty PDF hit the budget


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_ctrl_c_leaves_no_worker_and_no_traceback(
    big: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a slow inspection in the workers (every PDF sleeps) so the interrupt lands mid-run
    script = slow_cli(tmp_path, "from icp_renew.cli.app import main\nmain()")
    out = tmp_path / "report.json"
    args = ["check", str(big), "--today", TODAY, "--jobs", "2", "-f", "json", "-o", str(out)]
    code, err = interrupted(script, args, 3)  # the parent and its two workers
    assert b"Traceback" not in err
    assert code != 0
    assert not out.exists()  # no partial report


def test_pack_bundles_are_byte_identical_for_any_jobs(
    cli: Any, make_dossier: Callable[..., Path], tmp_path: Path
) -> None:
    files = dict(factory.COMPLETE_FILES)
    for i in range(60):  # enough for the default to spread the files over workers
        files[f"operation-proof/截图-{i:02d}.pdf"] = f"pdf:{1 + i % 5}"
    dossier = make_dossier(files=files)
    bundles = {}
    for jobs in ((), ("--jobs", "1"), ("--jobs", "2")):
        out = tmp_path / f"bundle{len(bundles)}.zip"
        result = cli("pack", str(dossier), "-o", str(out), "--today", TODAY, "-q", *jobs)
        assert result.exit_code == 0, result.output
        bundles[jobs] = out.read_bytes()
    assert len(set(bundles.values())) == 1
    assert len(bundles[()]) > 60 * 1000  # the files really are in it


def test_jobs_must_not_be_negative(cli: Any, big: Path) -> None:
    for command in ("check", "pack"):
        result = cli(command, str(big), "--today", TODAY, "--jobs", "-1")
        assert result.exit_code == 2
        assert "--jobs" in result.stderr
