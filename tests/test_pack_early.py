"""``pack`` copies the scans while its check still runs (cli/pack_cmd.py ``_start_early``):
the same bundle as one written after the check, and nothing left when the check refuses."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import factory

pytestmark = pytest.mark.usefixtures("no_worker_left")

TODAY = factory.TODAY


def _files() -> dict[str, bytes | str]:
    files: dict[str, bytes | str] = dict(factory.COMPLETE_FILES)
    for i in range(60):  # enough files for the default to use workers
        files[f"operation-proof/截图-{i:02d}.pdf"] = f"pdf:{1 + i % 3}"
    return files


@pytest.fixture
def big(make_dossier: Callable[..., Path]) -> Path:
    return make_dossier(files=_files())


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The bundles ``pack`` started before its check had finished."""
    from icp_renew.cli import pack_cmd

    seen: list[Any] = []
    real = pack_cmd._start_early

    def spy(*args: Any, **kwargs: Any) -> Any:
        pending = real(*args, **kwargs)
        if pending is not None:
            seen.append(pending)
        return pending

    monkeypatch.setattr(pack_cmd, "_start_early", spy)
    return seen


def _pack(cli: Any, dossier: Path, out: Path, *args: str) -> Any:
    return cli("pack", str(dossier), "-o", str(out), "--today", TODAY, "-q", *args)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_the_early_copy_gives_the_bundle_of_a_serial_pack(
    cli: Any, big: Path, tmp_path: Path, started: list[Any]
) -> None:
    early = _pack(cli, big, tmp_path / "early.zip", "--jobs", "2")
    assert early.exit_code == 0, early.output
    assert len(started) == 1  # the copy did start beside the check
    serial = _pack(cli, big, tmp_path / "serial.zip", "--jobs", "1")
    assert serial.exit_code == 0, serial.output
    assert len(started) == 1  # --jobs 1: one thing after the other
    assert (tmp_path / "early.zip").read_bytes() == (tmp_path / "serial.zip").read_bytes()
    assert _leftovers(tmp_path) == []


def test_a_name_guessed_wrong_is_written_again(
    cli: Any, big: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, started: list[Any]
) -> None:
    """The early names come from the files' signatures; if the check sees another format
    (the file changed in between), the bundle is written again from what the check saw."""
    import icp_renew.inspect as inspect_mod

    real = inspect_mod.sniff_format
    monkeypatch.setattr(
        inspect_mod,
        "sniff_format",
        lambda path: "png" if path.name == "截图-07.pdf" else real(path),
    )
    result = _pack(cli, big, tmp_path / "early.zip", "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert len(started) == 1
    names = zipfile.ZipFile(tmp_path / "early.zip").namelist()
    assert not any(name.endswith(".png") and "截图" in name for name in names)
    assert _pack(cli, big, tmp_path / "serial.zip", "--jobs", "1").exit_code == 0
    assert (tmp_path / "early.zip").read_bytes() == (tmp_path / "serial.zip").read_bytes()


def test_a_refusal_found_by_the_inspection_leaves_nothing(
    cli: Any, make_dossier: Callable[..., Path], tmp_path: Path, started: list[Any]
) -> None:
    files = _files()
    good = factory.content("pdf:4")
    files["icp-license/许可证.pdf"] = good[: len(good) // 2]  # truncated: only reading tells
    dossier = make_dossier(files=files)
    out = tmp_path / "out"
    out.mkdir()
    result = _pack(cli, dossier, out / "bundle.zip", "--jobs", "2")
    assert result.exit_code == 1
    assert "corrupt" in result.stderr or "损坏" in result.stderr
    assert len(started) == 1  # the copy had started: it was dropped
    assert list(out.iterdir()) == []


def test_no_early_copy_when_the_check_will_refuse(
    cli: Any, make_dossier: Callable[..., Path], tmp_path: Path, started: list[Any]
) -> None:
    files = _files()
    del files["business-plan/2026年业务发展规划.pdf"]  # a required material missing
    dossier = make_dossier(files=files)
    result = _pack(cli, dossier, tmp_path / "bundle.zip", "--jobs", "2")
    assert result.exit_code == 1
    assert started == []
    assert list(tmp_path.glob("*.zip")) == [] and _leftovers(tmp_path) == []


def test_ctrl_c_during_the_check_removes_the_early_copy(
    cli: Any, big: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, started: list[Any]
) -> None:
    import icp_renew.pipeline as pipeline

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "inspect_files", interrupted)
    out = tmp_path / "out"
    out.mkdir()
    result = _pack(cli, big, out / "bundle.zip", "--jobs", "2")
    assert result.exit_code == 130
    assert len(started) == 1
    assert list(out.iterdir()) == []


def test_an_error_in_dossier_yaml_stops_the_early_copy(
    cli: Any, make_dossier: Callable[..., Path], tmp_path: Path, started: list[Any]
) -> None:
    config = {k: dict(v) if isinstance(v, dict) else v for k, v in factory.VALID_CONFIG.items()}
    config["company"]["uscc"] = "91110000600037341X"  # a wrong check character
    dossier = make_dossier(config=config, files=_files())
    out = tmp_path / "out"
    out.mkdir()
    result = _pack(cli, dossier, out / "bundle.zip", "--jobs", "2")
    assert result.exit_code == 1
    assert "invalid-uscc" in result.stderr or "统一社会信用代码" in result.stderr
    assert len(started) == 1  # started beside the check of dossier.yaml, then dropped
    assert list(out.iterdir()) == []
