"""The cache of recognised scans: one small JSON file per scan, in the user's cache folder.

Where: ``$XDG_CACHE_HOME/icp-renew/ocr``, else ``~/.cache/icp-renew/ocr``
(``ICP_RENEW_OCR_CACHE`` overrides it). The folder is created private (0700).

Key: the SHA-256 of the file's bytes together with the engine's version and the
reading settings (:func:`key`), so a changed file, a new engine or other settings
read the scan again, and a renamed or copied file does not. Value: the recognised
lines of the first page — the text of the scan, as the scan itself shows it (an
ID card's number included: the folder holds what the scans hold, nothing more).

Safe under parallel runs: each entry is written whole to a temporary file and
renamed into place, so a reader sees the old entry, the new one or none, never
half of one; two runs reading the same scan both write the same value. Bounded:
after a write, the oldest entries (by last use) beyond :data:`MAX_ENTRIES` are
removed. A damaged entry is ignored and read again. Nothing here ever fails a run:
a cache that cannot be written is only slower.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

#: entries kept (a few hundred bytes each: about 2 MB at most)
MAX_ENTRIES = 5000
FORMAT = 1


def folder() -> Path:
    """The cache folder (not created)."""
    override = os.environ.get("ICP_RENEW_OCR_CACHE")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "icp-renew" / "ocr"


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def key(digest: str, settings: str) -> str:
    """The entry name for a file digest under an engine and its settings."""
    return hashlib.sha256(f"{FORMAT}\0{settings}\0{digest}".encode()).hexdigest()


def get(name: str) -> list[str] | None:
    """The cached lines of entry ``name``, or None (absent or damaged)."""
    path = folder() / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    lines = data.get("lines") if isinstance(data, dict) else None
    if not isinstance(lines, list) or not all(isinstance(s, str) for s in lines):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # last use, for pruning
    return lines


def put(name: str, lines: list[str], settings: str) -> None:
    """Store ``lines`` under ``name`` (atomically), then prune; errors are ignored."""
    from icp_renew.atomic import write_atomic
    from icp_renew.errors import UserError

    directory = folder()
    data = {"format": FORMAT, "engine": settings, "lines": lines}
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(directory / f"{name}.json", json.dumps(data, ensure_ascii=False).encode())
    except (OSError, UserError):
        return
    prune(directory)


def prune(directory: Path, keep: int = MAX_ENTRIES) -> int:
    """Remove the least recently used entries beyond ``keep``; how many were removed."""
    try:
        entries = [(e.stat().st_mtime, e.path) for e in os.scandir(directory)]
    except OSError:
        return 0
    entries = [e for e in entries if e[1].endswith(".json")]
    removed = 0
    for _, path in sorted(entries)[: max(0, len(entries) - keep)]:
        with contextlib.suppress(OSError):  # another run removed it first
            Path(path).unlink()
            removed += 1
    return removed


def clear() -> int:
    """Remove every entry (and stray temporary files); how many entries were removed."""
    removed = 0
    try:
        entries = list(folder().iterdir())
    except OSError:
        return 0
    for entry in entries:
        if entry.name.endswith((".json", ".tmp")):
            with contextlib.suppress(OSError):
                entry.unlink()
                removed += entry.name.endswith(".json")
    return removed
