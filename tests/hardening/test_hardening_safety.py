"""Data safety: no command changes the dossier, and every file the tool writes is atomic.

The whole tree (names, modes, bytes, link targets) is hashed before and after every command;
a disk that fills up in the middle of a write (simulated) leaves the previous file or none,
and no temporary file behind.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from hostile import tree_digest

import factory

TODAY = factory.TODAY
CHECK_FORMATS = ("text", "json", "junit", "sarif", "github", "markdown", "html")


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    root = factory.make_dossier(tmp_path / "d")
    (root / "business-plan" / "link.pdf").symlink_to(root / "business-plan" / "x.pdf")
    os.mkfifo(root / "filing-query" / "pipe")
    (root / "legal-rep-id" / "正面.jpg").chmod(0o640)
    return root


def commands(root: Path, out: Path) -> list[tuple[str, ...]]:
    today = ("--today", TODAY)
    cmds: list[tuple[str, ...]] = [
        ("rules", "list"),
        ("rules", "show", "--province", "beijing", "--format", "json"),
        ("rules", "lint"),
        ("schema", "dossier"),
        ("schema", "rules"),
        ("init", str(out / "new"), "--province", "beijing"),
    ]
    for fmt in CHECK_FORMATS:
        cmds.append(("check", str(root), "-f", fmt, *today))
        cmds.append(("check", str(root), "-f", fmt, "-o", str(out / f"r.{fmt}"), *today))
        cmds.append(("check", str(root / "dossier.yaml"), "-f", fmt, "--show-pii", *today))
    for fmt in ("text", "json", "ics"):
        cmds.append(("deadline", str(root), "-f", fmt, *today))
        cmds.append(("deadline", str(root), "-f", fmt, "-o", str(out / f"d.{fmt}"), *today))
    # #11: status in every format, with --check; pack --archive (refused before the new licence)
    for fmt in ("text", "json", "csv", "markdown", "html"):
        cmds.append(("status", str(root), "-f", fmt, *today))
        cmds.append(("status", str(root), "-f", fmt, "-o", str(out / f"s.{fmt}"), *today))
    cmds.append(("status", str(root), "--check", *today))
    cmds.append(("pack", str(root), "--archive", "-o", str(out / "a.zip"), "--force", *today))
    bundle = str(out / "b.zip")
    cmds += [
        ("pack", str(root), "-o", bundle, "--force", *today),
        ("pack", str(root), "-o", str(out / "s.zip"), "--force", "--split-size", "1MB", *today),
        ("verify", bundle),
        ("verify", bundle, "-f", "json", "-o", str(out / "v.json")),
    ]
    return cmds


def test_no_command_changes_the_dossier(cli, tmp_path, dossier):
    out = tmp_path / "out"
    out.mkdir()
    before = tree_digest(dossier)
    for args in commands(dossier, out):
        result = cli(*args)
        assert result.exit_code in (0, 1), (args, result.stderr)
        assert tree_digest(dossier) == before, args
    assert (out / "b.zip").is_file() and (out / "new" / "dossier.yaml").is_file()


def test_init_into_an_existing_dossier_keeps_every_file(cli, tmp_path, dossier):
    """init may add folders, never change or replace what is there."""
    files = {p: p.read_bytes() for p in dossier.rglob("*") if p.is_file() and not p.is_symlink()}
    modes = {p: p.lstat().st_mode for p in dossier.rglob("*")}
    result = cli("init", str(dossier), "--province", "beijing")
    assert result.exit_code == 0
    assert {p: p.read_bytes() for p in files} == files
    assert {p: p.lstat().st_mode for p in modes} == modes


def test_output_into_the_dossier_yaml_is_refused(cli, dossier):
    before = tree_digest(dossier)
    result = cli("check", str(dossier), "-o", str(dossier / "dossier.yaml"), "--today", TODAY)
    assert result.exit_code == 2
    assert tree_digest(dossier) == before


# --- atomic writes ----------------------------------------------------------------------------


class _DiskFull:
    """A writable file object that writes half of what it is given, then fails (ENOSPC)."""

    def __init__(self, fh: Any) -> None:
        self._fh = fh

    def write(self, data: bytes) -> int:
        self._fh.write(data[: len(data) // 2])
        self._fh.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self) -> _DiskFull:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file the tool opens for writing fills the disk half-way."""
    real = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = real(fd, mode, *args, **kwargs)
        return _DiskFull(fh) if any(c in mode for c in "wa+") else fh

    monkeypatch.setattr(os, "fdopen", fdopen)


WRITERS = {
    "check-json": ("check", "{d}", "-f", "json", "-o", "{out}"),
    "check-junit": ("check", "{d}", "-f", "junit", "-o", "{out}"),
    "deadline-text": ("deadline", "{d}", "-o", "{out}"),
    "deadline-ics": ("deadline", "{d}", "-f", "ics", "-o", "{out}"),
    "verify-json": ("verify", "{bundle}", "-f", "json", "-o", "{out}"),
    "pack": ("pack", "{d}", "--force", "--overwrite", "-o", "{out}"),
}


@pytest.mark.parametrize("label", sorted(WRITERS))
@pytest.mark.parametrize("existing", [False, True])
def test_a_write_that_fails_half_way_leaves_the_old_file_or_none(
    cli, tmp_path, label, existing, request
):
    root = factory.make_dossier(tmp_path / "d")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    bundle = tmp_path / "b.zip"
    assert cli("pack", str(root), "-o", str(bundle), "--today", TODAY).exit_code == 0
    target = out_dir / "result"
    if existing:
        target.write_bytes(b"previous result\n")
    args = [
        a.format(d=root, out=target, bundle=bundle) for a in WRITERS[label]
    ]  # before the disk fills
    request.getfixturevalue("disk_full")
    before = tree_digest(root)
    result = cli(*args, "--today", TODAY) if args[0] != "verify" else cli(*args)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and "No space left" in result.stderr
    assert sorted(p.name for p in out_dir.iterdir()) == (["result"] if existing else [])
    if existing:
        assert target.read_bytes() == b"previous result\n"
    assert tree_digest(root) == before


def test_init_that_fails_half_way_leaves_no_partial_dossier_yaml(cli, tmp_path, disk_full):
    root = tmp_path / "new"
    result = cli("init", str(root), "--province", "beijing")
    assert result.exit_code == 2
    assert "No space left" in result.stderr
    assert not (root / "dossier.yaml").exists()
    assert not [p for p in root.iterdir() if p.name.startswith(".")]


def test_written_files_get_the_umask_mode(cli, tmp_path):
    old = os.umask(0o027)
    try:
        result = cli("init", str(tmp_path / "new"), "--province", "beijing")
    finally:
        os.umask(old)
    assert result.exit_code == 0
    assert (tmp_path / "new" / "dossier.yaml").stat().st_mode & 0o777 == 0o640
