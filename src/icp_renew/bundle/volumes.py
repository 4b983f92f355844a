"""Volumes: their names, the output check, the bundle's own files, the split by size.

Shared by the writer (:mod:`icp_renew.bundle.pack`) and its tests; nothing here writes.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from icp_renew.bundle.layout import (
    INDEX,
    MANIFEST,
    SUMS,
    Entry,
    category_folder,
    group_by_category,
)
from icp_renew.bundle.manifest import (
    Record,
    Volume,
    build_manifest,
    dump_manifest,
    index_text,
    sums_text,
)
from icp_renew.errors import UserError

if TYPE_CHECKING:
    from icp_renew.bundle.pack import BundleInput


def volume_paths(output: Path, count: int | None) -> list[Path]:
    """``out.zip`` → ``[out.zip]``, or with a split ``[out.part1.zip, out.part2.zip, …]``."""
    if count is None:
        return [output]
    name = output.name
    base = name[:-4] if name.lower().endswith(".zip") else name
    return [output.with_name(f"{base}.part{i}.zip") for i in range(1, count + 1)]


def check_output(root: Path, targets: Sequence[Path], overwrite: bool) -> None:
    """Refuse an output inside the dossier, in a missing folder, or that exists."""
    real_root = Path(os.path.realpath(root))
    for target in targets:
        folder = target.parent
        if not folder.is_dir():
            raise UserError("pack.output-no-folder", source=str(target))
        real = Path(os.path.realpath(folder)) / target.name
        if real == real_root or real_root in real.parents:
            raise UserError("pack.output-inside", source=str(target))
        if target.is_dir():
            raise UserError("pack.output-is-folder", source=str(target))
        if (target.exists() or target.is_symlink()) and not overwrite:
            raise UserError("pack.output-exists", source=str(target))


# --- the bundle's own files --------------------------------------------------------------


def metadata(
    bundle: BundleInput, records: Sequence[Record], volume: Volume | None
) -> list[tuple[str, bytes]]:
    """``SHA256SUMS``, ``manifest.json``, ``目录.txt`` for these records, sorted by name."""
    import hashlib

    manifest = dump_manifest(
        build_manifest(
            tool_version=bundle.tool_version,
            rules_version=bundle.checklist.rules_version,
            identity=bundle.identity,
            layout=bundle.layout,
            records=records,
            volume=volume,
            findings=bundle.findings,
            timeline=bundle.timeline,
        )
    )
    index = index_text(
        tool_version=bundle.tool_version,
        checklist=bundle.checklist,
        identity=bundle.identity,
        records=records,
        volume=volume,
        forced=bundle.findings is not None,
    )
    hashes = [(r.entry.name, r.sha256) for r in records]
    hashes += [
        (name, hashlib.sha256(data).hexdigest())
        for name, data in ((MANIFEST, manifest), (INDEX, index))
    ]
    out = [(MANIFEST, manifest), (INDEX, index), (SUMS, sums_text(sorted(hashes)))]
    return sorted(out)


def _entry_bound(name: str, size: int, compress: bool) -> int:
    """Bytes an entry can take in the zip: headers (with ZIP64 room) and data."""
    n = len(name.encode("utf-8"))
    body = size + 5 * (size // 16383 + 1) + 16 if compress else size
    return 30 + 46 + 2 * n + 2 * 28 + body


def volume_bound(
    bundle: BundleInput, entries: Sequence[Entry], compress: bool, count: int = 99
) -> int:
    """An upper bound of a volume's size (exact up to header slack for stored entries).

    Hashes have a fixed length, so the metadata measured with placeholder hashes
    is as long as the real one.
    """
    records = [Record(e, "0" * 64, e.size) for e in entries]
    meta = metadata(bundle, records, Volume(count, count))
    total = 22 + 56 + 20  # end of central directory, ZIP64 end record and locator
    total += sum(_entry_bound(e.name, e.size, compress) for e in entries)
    total += sum(_entry_bound(name, len(data), compress) for name, data in meta)
    return total


def split_volumes(bundle: BundleInput, limit: int, compress: bool) -> list[tuple[Entry, ...]]:
    """Whole categories per volume, in order, each volume at most ``limit`` bytes.

    A category that alone exceeds the limit cannot be uploaded under it: that
    is a :class:`UserError` (exit 2), not a volume that breaks the cap.
    """
    volumes: list[list[Entry]] = []
    for category, group in group_by_category(bundle.entries):
        alone = volume_bound(bundle, group, compress)
        if alone > limit:
            folder = category_folder(bundle.checklist, category)
            raise UserError(
                "pack.split-too-small",
                source="--split-size",
                folder=folder,
                need=f"{alone:,}",
                limit=f"{limit:,}",
            )
        if volumes and volume_bound(bundle, [*volumes[-1], *group], compress) <= limit:
            volumes[-1].extend(group)
        else:
            volumes.append(list(group))
    return [tuple(v) for v in volumes] or [()]
