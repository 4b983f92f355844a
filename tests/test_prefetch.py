"""Inspection started before the dossier is loaded (inspect/prefetch.py), and the checks of
dossier.yaml run while it goes on (engine.run_early): the same report as a serial run."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import factory
from icp_renew.checks import reads_files, registry
from icp_renew.cli.common import load_book
from icp_renew.engine import run, run_early
from icp_renew.inspect import prefetch
from icp_renew.pipeline import CheckOptions, early_inspection, load, prepare

pytestmark = pytest.mark.usefixtures("no_worker_left")

TODAY = factory.TODAY
DAY = dt.date.fromisoformat(TODAY)


def _files() -> dict[str, bytes | str]:
    files: dict[str, bytes | str] = dict(factory.COMPLETE_FILES)
    good = factory.content("pdf:3")
    for i in range(50):
        files[f"operation-proof/截图-{i:02d}.pdf"] = f"pdf:{1 + i % 4}"
    files["operation-proof/truncated.pdf"] = good[: len(good) // 2]
    files["operation-proof/encrypted.pdf"] = factory.pdf_bytes(1, encrypt="")
    files["operation-proof/empty.pdf"] = b""
    files["unsorted/未归类.pdf"] = "pdf:1"  # belongs to no material: never read
    files[".hidden/x.pdf"] = "pdf:1"  # ignored by the walk and the scan alike
    return files


@pytest.fixture
def big(make_dossier: Callable[..., Path]) -> Path:
    return make_dossier(files=_files())


def _serial(path: Path) -> Any:
    return prepare(path, load_book(None), CheckOptions(today=DAY, jobs=1)).dossier


def test_the_walk_lists_what_the_scan_may_read(big: Path) -> None:
    (big / "link.pdf").symlink_to(big / "operation-proof" / "截图-00.pdf")
    listed = {p.relative_to(big).as_posix() for p in prefetch.list_files(big)}
    assert "operation-proof/截图-07.pdf" in listed
    assert "dossier.yaml" not in listed
    assert not any(p.startswith(".hidden") for p in listed)
    assert "link.pdf" not in listed  # a link is never followed, nor read
    assert prefetch.list_files(big / "dossier.yaml") == []
    assert prefetch.list_files(big / "nowhere") == []


def test_prefetched_results_are_used_and_equal_a_serial_run(big: Path) -> None:
    book = load_book(None)
    with early_inspection([big], 2) as early:
        assert early is not None
        both = prepare(big, book, CheckOptions(today=DAY), early).dossier
        used = early.used
    serial = _serial(big)
    assert both == serial
    assigned = [f for f in serial.files if f.material is not None]
    assert used == len(assigned) - 1  # all but the business licence, whose text is wanted
    licence = next(f for f in both.files if f.material == "business-license")
    assert licence.info is not None and "增值电信业务" in (licence.info.text or "")


def test_a_file_changed_after_its_prefetch_is_inspected_again(big: Path) -> None:
    book = load_book(None)
    target = big / "operation-proof" / "截图-03.pdf"
    with early_inspection([big], 2) as early:
        assert early is not None
        early.take(target.parent / "截图-10.pdf")  # results come in order: 03 is read by now
        target.write_bytes(factory.content("pdf:7"))
        os.utime(target, ns=(1, 1))  # another mtime, whatever the clock's resolution
        both = prepare(big, book, CheckOptions(today=DAY), early).dossier
    changed = next(f for f in both.files if f.abspath == target)
    assert changed.info is not None and changed.info.pages == 7
    assert both == _serial(big)


def test_a_file_added_after_the_walk_is_inspected(big: Path) -> None:
    book = load_book(None)
    with early_inspection([big], 2) as early:
        (big / "operation-proof" / "新增.pdf").write_bytes(factory.content("pdf:2"))
        both = prepare(big, book, CheckOptions(today=DAY), early).dossier
    added = next(f for f in both.files if f.path == "operation-proof/新增.pdf")
    assert added.info is not None and added.info.pages == 2
    assert both == _serial(big)


def test_no_early_workers_when_they_would_not_pay(
    big: Path, make_dossier: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from icp_renew import parallel

    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    assert early_inspection([big], 1) is None  # --jobs 1: serial everywhere
    assert early_inspection([big], None, ocr=True) is None  # --ocr has its own way
    small = make_dossier(name="small")
    assert early_inspection([small], None) is None  # 17 files: one process is as fast
    many = [make_dossier(name=f"d{i}") for i in range(8)]
    assert early_inspection(many, None) is None  # whole dossiers go to the workers instead
    with early_inspection([big], None) as auto:
        assert auto is not None


def _sleepy(*args: Any, **kwargs: Any) -> Any:
    time.sleep(30)
    raise AssertionError("the time budget did not stop the inspection")


def test_the_time_budget_applies_in_early_workers(
    big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import icp_renew.inspect as inspect_mod
    from icp_renew.inspect import guard

    monkeypatch.setattr(guard, "TIME_BUDGET", 0.05)
    monkeypatch.setattr(inspect_mod, "inspect_pdf", _sleepy)
    started = time.monotonic()
    with early_inspection([big], 2) as early:
        both = prepare(big, load_book(None), CheckOptions(today=DAY), early).dossier
    assert time.monotonic() - started < 25
    limited = [f.path for f in both.files if f.info and f.info.limit]
    assert len(limited) > 50  # every non-empty PDF, in the workers and here alike


def test_a_dossier_that_cannot_be_loaded_stops_the_early_workers(cli: Any, big: Path) -> None:
    (big / "dossier.yaml").write_text("company: [\n", encoding="utf-8")
    result = cli("check", str(big), "--today", TODAY, "--jobs", "2")
    assert result.exit_code == 2
    assert "dossier.yaml" in result.stderr  # the autouse fixture: no worker left


def test_check_and_pack_equal_serial_with_early_workers(
    cli: Any, big: Path, tmp_path: Path
) -> None:
    reports = {
        jobs: cli("check", str(big), "--today", TODAY, "-f", "json", "--jobs", jobs).stdout
        for jobs in ("1", "2")
    }
    assert reports["1"] == reports["2"]
    codes = {f["code"] for f in json.loads(reports["2"])["dossiers"][0]["findings"]}
    assert {"corrupt-pdf", "encrypted-pdf", "empty-file", "unassigned-file"} <= codes


# --- the checks of dossier.yaml, run before the files are inspected ----------------------------


def test_early_checks_do_not_read_the_files(big: Path) -> None:
    """A check marked ``FILES = False`` gives the same findings whatever the files are."""
    from dataclasses import replace

    ctx = load(big, load_book(None), CheckOptions(today=DAY))
    bare = replace(ctx, dossier=replace(ctx.dossier, files=(), unsafe=()))
    early = [m for m in registry() if not reads_files(m)]
    assert {m.__name__.rsplit(".", 1)[1] for m in early} >= {"identifiers", "contacts"}
    for module in early:
        assert list(module.check(bare)) == list(module.check(ctx)), module.__name__


def _with(**changes: dict[str, str]) -> dict[str, Any]:
    config = {k: dict(v) if isinstance(v, dict) else v for k, v in factory.VALID_CONFIG.items()}
    for key, values in changes.items():
        config[key].update(values)
    return config


@pytest.mark.parametrize(
    "config",
    [
        _with(),
        _with(legal_representative={"id_number": "110105194912310021", "mobile": "12345"}),
        _with(company={"uscc": "91110000600037341X"}, license={"number": "京B2-2021"}),
    ],
)
def test_a_report_from_early_checks_equals_one_run_at_once(
    make_dossier: Callable[..., Path], config: dict[str, Any]
) -> None:
    path = make_dossier(config=config)
    opts = CheckOptions(today=DAY, jobs=1)
    book = load_book(None)
    ctx = prepare(path, book, opts)
    early = run_early(load(path, book, opts))
    assert run(ctx, early) == run(ctx)
    assert any(found is not None for found in early)  # something ran early
