"""Where each scan goes in the bundle, and under what name.

``categories`` (the default): one folder per category, in the rules' order,
with its ordinal (``01-基础资质文件/``). ``flat``: every file at the root. A file
is renamed ``<nn>-<material title>[-<k>].<ext>``: ``nn`` is the material's
ordinal in the checklist, ``k`` numbers the files of a material that has
several (in the natural order of their source paths, so ``报告2`` comes before
``报告10``), and ``ext`` follows the format the bytes were identified as, not
the name the file happened to have. Ordinals are zero-padded so that sorting
the names sorts the bundle in the rules' order.

A material whose files carry years (the business reports, the financial report:
``years`` in the rules) is named by year instead: ``<nn>-<title>-<year>.<ext>``, in
year order (``-2021 … -2025``; ``-<year>-<k>`` for two files of one year), when every
one of its files names exactly one year (``checks.years.file_years``); otherwise
it is numbered as above, dated files first, in year order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from icp_renew.dossier.model import DossierFile

if TYPE_CHECKING:  # the rule models: not for `pack`'s option check, which runs before them
    from icp_renew.rulebook.resolve import Checklist

Layout = Literal["categories", "flat"]
LAYOUTS: tuple[Layout, ...] = ("categories", "flat")

#: the bundle's own files, at its root (they sort after every data name, which
#: starts with a digit: the writer relies on that to hash before it describes)
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
INDEX = "目录.txt"
METADATA = (SUMS, MANIFEST, INDEX)

#: extension per detected format (docs/pack.md: content is identified by its bytes)
EXTENSIONS = {
    "pdf": ".pdf",
    "jpeg": ".jpg",
    "png": ".png",
    "tiff": ".tif",
    "ofd": ".ofd",
    "doc": ".doc",
    "docx": ".docx",
    "xls": ".xls",
    "xlsx": ".xlsx",
}

_UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_MAX_TITLE = 80


@dataclass(frozen=True)
class Entry:
    """One scan of the dossier and its place in the bundle."""

    name: str  # path inside the bundle, "/"-separated
    source: str  # dossier-relative path
    abspath: Path
    material: str
    category: str
    size: int
    format: str | None
    pages: int | None
    year: int | None = None  # the year a yearly report covers, where its name says so


def natural_key(text: str) -> tuple[tuple[int, str], ...]:
    """``a2`` before ``a10``; case-insensitive; digits compared as numbers."""
    parts = re.split(r"(\d+)", unicodedata.normalize("NFC", text))
    # re.split alternates text (even index) and digits (odd index): positions always align
    return tuple((int(p), p) if i % 2 else (0, p.casefold()) for i, p in enumerate(parts))


def safe_component(text: str, fallback: str) -> str:
    """A title made safe as one path component on Windows, macOS and Linux."""
    text = unicodedata.normalize("NFC", text)
    text = _UNSAFE_CHARS.sub("_", text).strip().rstrip(". ")
    text = " ".join(text.split())[:_MAX_TITLE].rstrip(". ")
    return text if text and text not in (".", "..") else fallback


def extension(fmt: str | None, source: str) -> str:
    """The extension for the detected format; the source's own (lower-cased) if unknown."""
    if fmt in EXTENSIONS:
        return EXTENSIONS[fmt]
    suffix = Path(source).suffix.lower()
    if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix):
        return suffix
    return ".bin"


def _width(count: int) -> int:
    return max(2, len(str(count)))


def category_folder(checklist: Checklist, category_id: str) -> str:
    """``01-基础资质文件``: the category's ordinal in the rules and its title."""
    ids = [c.id for c in checklist.categories]
    index = ids.index(category_id) + 1
    cat = checklist.categories[index - 1]
    return f"{index:0{_width(len(ids))}d}-{safe_component(cat.title, cat.id)}"


def plan_entries(
    checklist: Checklist,
    files: Iterable[DossierFile],
    layout: Layout = "categories",
    years: Mapping[str, int] | None = None,
) -> tuple[Entry, ...]:
    """The bundle's data entries, sorted by name (= the rules' order).

    Only files assigned to a material of the checklist are packed: unassigned
    files are reported by ``check`` and left out; unsafe entries never reach
    ``files`` at all. ``years`` maps a file's dossier path to the year it covers.
    """
    dated = years or {}
    materials = list(checklist.materials)
    width = _width(len(materials))
    by_material: dict[str, list[DossierFile]] = {}
    for f in files:
        if f.material is not None:
            by_material.setdefault(f.material, []).append(f)
    entries: list[Entry] = []
    for ordinal, mat in enumerate(materials, start=1):
        group = sorted(
            by_material.get(mat.id, ()),
            key=lambda f: (dated.get(f.path, 10_000), natural_key(f.path), f.path),
        )
        stem = f"{ordinal:0{width}d}-{safe_component(mat.title, mat.id)}"
        folder = category_folder(checklist, mat.category) + "/" if layout == "categories" else ""
        suffixes = _year_suffixes(group, dated) or _number_suffixes(len(group))
        for f, suffix in zip(group, suffixes, strict=True):
            fmt = f.info.format if f.info else None
            entries.append(
                Entry(
                    name=f"{folder}{stem}{suffix}{extension(fmt, f.path)}",
                    source=f.path,
                    abspath=f.abspath,
                    material=mat.id,
                    category=mat.category,
                    size=f.size,
                    format=fmt,
                    pages=f.info.pages if f.info else None,
                    year=dated.get(f.path),
                )
            )
    entries.sort(key=lambda e: e.name)
    return tuple(entries)


def _number_suffixes(count: int) -> list[str]:
    """``-1 … -n`` (zero-padded to sort), none for a material's only file."""
    width = len(str(count))
    return [f"-{k:0{width}d}" for k in range(1, count + 1)] if count > 1 else [""] * count


def _year_suffixes(group: Sequence[DossierFile], dated: Mapping[str, int]) -> list[str] | None:
    """``-2021 … -2025`` (``-2023-1``, ``-2023-2`` for two files of one year) for ``group``,
    sorted by year; None unless every file has its year."""
    if not group or any(f.path not in dated for f in group):
        return None
    per_year: dict[int, int] = {}
    for f in group:
        per_year[dated[f.path]] = per_year.get(dated[f.path], 0) + 1
    seen: dict[int, int] = {}
    out = []
    for f in group:
        year = dated[f.path]
        seen[year] = seen.get(year, 0) + 1
        count = per_year[year]
        out.append(f"-{year}" + (f"-{seen[year]:0{len(str(count))}d}" if count > 1 else ""))
    return out


def group_by_category(entries: Sequence[Entry]) -> list[tuple[str, tuple[Entry, ...]]]:
    """Entries in runs of one category, in order (the units a split never breaks)."""
    groups: list[tuple[str, list[Entry]]] = []
    for e in entries:
        if not groups or groups[-1][0] != e.category:
            groups.append((e.category, []))
        groups[-1][1].append(e)
    return [(cat, tuple(es)) for cat, es in groups]
