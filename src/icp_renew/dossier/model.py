"""The scanned dossier: which file is where, and what its bytes turned out to be.

Scanning (``dossier/scan.py``) walks the folder and assigns files to materials;
inspection (the package ``icp_renew.inspect``) reads each file's header once. Checks and ``pack``
only read these values: nothing is parsed twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the values only: a worker that inspects files never needs pydantic
    from icp_renew.dossier.config import DossierConfig


@dataclass(frozen=True)
class ScanRead:
    """How ``check --ocr`` read a file: ``source`` "layer" (its text layer) or "ocr" (its
    page image recognised); ``problem``: why it could not be read (a key of the ``ocr``
    messages, with its parameters), else None."""

    source: str
    problem: str | None = None
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FileInfo:
    """What the bytes of one file are (from headers; images are never decoded)."""

    format: str | None  # "pdf", "jpeg", "png", … by signature; None if unknown
    size: int
    pages: int | None = None  # PDF page count; 1 for an image; None if unknown
    encrypted: bool = False
    corrupt: str | None = None  # why a PDF/image could not be read
    has_text: bool | None = None  # None: not a PDF, or not determined
    text: str | None = None  # extracted text (bounded), for must_contain checks
    min_dpi: float | None = None  # lowest resolution found (images, PDF page images)
    width: int | None = None
    height: int | None = None
    limit: str | None = None  # why inspection stopped early (time or memory guard), if it did
    notes: tuple[str, ...] = ()
    scan: ScanRead | None = None  # set by `check --ocr` (icp_renew.ocr) only


@dataclass(frozen=True)
class DossierFile:
    """A regular file inside the dossier."""

    path: str  # dossier-relative, "/"-separated, NFC-normalised
    abspath: Path
    material: str | None  # the material id its folder names, or None (unassigned)
    size: int
    info: FileInfo | None = None


@dataclass(frozen=True)
class UnsafeEntry:
    """Something that is reported and skipped: a link out, a FIFO, an unreadable file."""

    path: str
    reason: str  # "link-outside", "link-loop", "special-file", "unreadable", "bad-name", …
    detail: str = ""
    material: str | None = None  # the material folder it is in, if any


@dataclass(frozen=True)
class Dossier:
    root: Path
    display: str  # how the user named it (for reports)
    config: DossierConfig
    files: tuple[DossierFile, ...]  # sorted by path
    unsafe: tuple[UnsafeEntry, ...] = ()
    folders: dict[str, str] = field(default_factory=dict)  # material id → folder path found

    def files_of(self, material: str) -> tuple[DossierFile, ...]:
        return tuple(f for f in self.files if f.material == material)
