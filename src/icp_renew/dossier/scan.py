"""Walking a dossier folder: which file belongs to which material, and what is unsafe.

Files are assigned to materials by folder (docs/dossier-layout.md): a folder
whose name, after an optional ordinal prefix (``01-``, ``1.1-``, ``1.1 ``,
``2_``), is a material id, its Chinese title or one of its aliases, directly
under the dossier or under a category folder (category id or Chinese title, same
optional prefix). Files anywhere below a material folder belong to it. Names are
compared after NFKC normalisation (which includes NFC, so macOS NFD names match)
and case folding.

The walk never follows a link, never opens a file (a FIFO would block) and
never changes anything: it only lists directories and ``lstat``\\s entries.
What it cannot treat as a plain file is an :class:`UnsafeEntry`: every
symbolic link (inside or outside the dossier: links are never followed, so a
bundle holds exactly what the folder holds), FIFOs, sockets and devices,
folders that cannot be listed, names that are not valid UTF-8 or contain
control characters, and two names that are equal after normalisation.

Ignored entirely: ``dossier.yaml`` and ``dossier.schema.json`` at the root, system litter (``.DS_Store``,
``Thumbs.db``, ``desktop.ini``, ``Icon\\r``, ``__MACOSX/``), Office lock files
(``~$*``) and hidden entries (names starting with ``.``, e.g. ``.git/``): they
are neither checked nor packed.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from icp_renew.dossier.config import DossierConfig
from icp_renew.dossier.model import Dossier, DossierFile, UnsafeEntry
from icp_renew.dossier.names import is_ignored
from icp_renew.rulebook.resolve import Checklist

#: an ordinal prefix before a folder's name: 01-, 1.1-, "1.1 ", 2_ (docs/dossier-layout.md)
ORDINAL = re.compile(r"^[0-9]+(\.[0-9]+)*[-_. ]+")


#: bidirectional-override characters: they make a name display as something it is not
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def name_key(name: str) -> str:
    """The comparison form of a folder name: NFKC, trimmed, case-folded."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


def strip_ordinal(name: str) -> str:
    """``1.1-营业执照副本`` → ``营业执照副本``; other names unchanged."""
    return ORDINAL.sub("", name, count=1)


def escape_name(name: str) -> str:
    """A printable form of a file name: controls escaped; a name that is not UTF-8 as its
    bytes, every non-ASCII byte as ``\\xNN`` (a GBK name is not mistaken for odd UTF-8)."""
    if any(0xDC80 <= ord(ch) <= 0xDCFF for ch in name):  # surrogateescape: bytes, not UTF-8
        raw = os.fsencode(name)
        return "".join(chr(b) if 0x20 <= b < 0x7F else f"\\x{b:02x}" for b in raw)
    out: list[str] = []
    for ch in name:
        code = ord(ch)
        if _is_bad_char(ch):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def _is_bad_char(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" or ch in _BIDI


def bad_name(name: str) -> str | None:
    """Why ``name`` is unsafe to report or pack, or None if it is fine."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(name)
        try:
            guess = raw.decode("gbk")
        except UnicodeDecodeError:
            return "not valid UTF-8"
        return f"not valid UTF-8 (as GBK it reads {escape_name(guess)!r})"
    if any(_is_bad_char(ch) for ch in name):
        return "contains control characters"
    return None


@dataclass(frozen=True)
class FolderIndex:
    """Folder names (comparison form) → material or category id, from one checklist."""

    materials: dict[str, str]
    categories: dict[str, str]

    @classmethod
    def of(cls, checklist: Checklist) -> FolderIndex:
        materials: dict[str, str] = {}
        for m in checklist.materials:
            for name in (m.id, m.title, *m.aliases):
                materials.setdefault(name_key(name), m.id)
        categories: dict[str, str] = {}
        for c in checklist.categories:
            for name in (c.id, c.title):
                categories.setdefault(name_key(name), c.id)
        return cls(materials, categories)

    def _lookup(self, table: dict[str, str], folder: str) -> str | None:
        key = name_key(folder)
        found = table.get(key)
        if found is None:
            found = table.get(name_key(strip_ordinal(key)))
        return found

    def material(self, folder: str) -> str | None:
        return self._lookup(self.materials, folder)

    def category(self, folder: str) -> str | None:
        return self._lookup(self.categories, folder)


@dataclass(frozen=True)
class _Dir:
    path: Path  # on disk, names as found (not normalised)
    parts: tuple[str, ...]  # NFC names, for the dossier-relative path
    material: str | None
    is_category: bool


def _nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def _within(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # different drives on Windows
        return False


def _link_entry(path: Path, rel: str, root_real: str, material: str | None) -> UnsafeEntry:
    """Classify a symbolic link without following it for reading."""
    try:
        target = str(path.readlink())
    except OSError:
        target = "?"
    shown = escape_name(target)
    try:
        real = os.path.realpath(path, strict=True)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return UnsafeEntry(rel, "link-loop", shown, material)
        return UnsafeEntry(rel, "link-broken", shown, material)
    except RuntimeError:  # pragma: no cover - symlink loop on old Pythons
        return UnsafeEntry(rel, "link-loop", shown, material)
    if _within(real, root_real):
        return UnsafeEntry(rel, "link-inside", shown, material)
    return UnsafeEntry(rel, "link-outside", shown, material)


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


class _Walk:
    def __init__(self, root: Path, index: FolderIndex) -> None:
        self.root = root
        self.root_real = os.path.realpath(root)
        self.index = index
        self.files: dict[str, DossierFile] = {}
        self.unsafe: dict[str, UnsafeEntry] = {}
        self.folders: dict[str, str] = {}
        root_stat = root.stat()
        self.seen_dirs: set[tuple[int, int]] = {(root_stat.st_dev, root_stat.st_ino)}

    def _unsafe(self, entry: UnsafeEntry) -> None:
        self.unsafe.setdefault(entry.path, entry)

    def run(self) -> None:
        stack = [_Dir(self.root, (), None, False)]
        while stack:
            stack.extend(reversed(self._list(stack.pop())))

    def _child_dir(self, parent: _Dir, name: str, path: Path) -> _Dir:
        parts = (*parent.parts, _nfc(name))
        material = parent.material
        is_category = False
        if material is None and (not parent.parts or parent.is_category):
            material = self.index.material(name)
            if material is not None:
                self.folders.setdefault(material, "/".join(parts))
            elif not parent.parts:
                is_category = self.index.category(name) is not None
        return _Dir(path, parts, material, is_category)

    def _list(self, d: _Dir) -> list[_Dir]:
        rel_dir = "/".join(d.parts)
        try:
            with os.scandir(d.path) as it:
                names = sorted((e.name for e in it), key=_nfc)
        except OSError as exc:
            if d.parts:
                self._unsafe(
                    UnsafeEntry(
                        rel_dir, "unreadable", exc.strerror or type(exc).__name__, d.material
                    )
                )
                return []
            raise
        subdirs: list[_Dir] = []
        seen: set[str] = set()
        for name in names:
            if is_ignored(name, at_root=not d.parts):
                continue
            path = d.path / name
            why = bad_name(name)
            if why is not None:
                shown = "/".join((*d.parts, escape_name(name)))
                self._unsafe(UnsafeEntry(shown, "bad-name", why, d.material))
                continue
            rel = "/".join((*d.parts, _nfc(name)))
            if _nfc(name) in seen:
                self._unsafe(
                    UnsafeEntry(
                        "/".join((*d.parts, escape_name(name))),
                        "name-clash",
                        "another entry has the same name after Unicode normalisation",
                        d.material,
                    )
                )
                continue
            seen.add(_nfc(name))
            try:
                st = os.lstat(path)
            except OSError as exc:
                self._unsafe(UnsafeEntry(rel, "unreadable", exc.strerror or "", d.material))
                continue
            mode = st.st_mode
            if stat.S_ISLNK(mode):
                self._unsafe(_link_entry(path, rel, self.root_real, d.material))
            elif stat.S_ISDIR(mode):
                if st.st_ino and (st.st_dev, st.st_ino) in self.seen_dirs:  # a bind mount loop
                    self._unsafe(UnsafeEntry(rel, "link-loop", "folder seen before", d.material))
                    continue
                self.seen_dirs.add((st.st_dev, st.st_ino))
                subdirs.append(self._child_dir(d, name, path))
            elif stat.S_ISREG(mode):
                self.files[rel] = DossierFile(rel, path, d.material, st.st_size)
            else:
                self._unsafe(UnsafeEntry(rel, "special-file", _special_kind(mode), d.material))
        return subdirs


def scan_dossier(
    root: Path, config: DossierConfig, checklist: Checklist, display: str | None = None
) -> Dossier:
    """Walk ``root`` and assign its files to the materials of ``checklist``.

    Nothing is opened: ``DossierFile.info`` is None until ``inspect.inspect_dossier``.
    """
    walk = _Walk(root, FolderIndex.of(checklist))
    walk.run()
    return Dossier(
        root=root,
        display=display if display is not None else str(root),
        config=config,
        files=tuple(walk.files[k] for k in sorted(walk.files)),
        unsafe=tuple(walk.unsafe[k] for k in sorted(walk.unsafe)),
        folders=dict(sorted(walk.folders.items())),
    )
