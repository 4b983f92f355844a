"""What each file's bytes are: read once, from its header, images never decoded.

``inspect_file`` opens a file once (without following a link, without blocking
on a FIFO that replaced it) and returns a :class:`FileInfo`:

- the format from the file's signature (PDF, JPEG, PNG, TIFF, OFD, Word,
  Excel, …), never from the extension alone;
- for a PDF: a cheap structural check first (``startxref`` and ``%%EOF`` near
  the end: a truncated file is corrupt without pypdf's slow repair), then pypdf
  from the open handle: encryption (any, even an empty user password), page
  count, the lowest resolution of the page scans, and, only when asked,
  the text of the first pages;
- for an image: pixel size and resolution from the header (Pillow; JPEG
  JFIF/EXIF, PNG pHYs). A header without a resolution, or with one that would
  make the page larger than A3 (a camera's nominal 72 dpi), is replaced by an
  estimate that assumes the image is an A4 page, when it has A4's proportions
  (±10 %); an image of other proportions (a cropped ID card, a screenshot) and
  no usable header has no resolution and is not judged.

The resolution of a PDF page is taken from its largest image when that image
has the page's proportions (±10 %), i.e. a full-page scan: its pixel size
against the page's MediaBox. A logo inside a born-digital PDF is not judged.

Bounds on hostile input (constants in ``inspect/pdf.py``): text is extracted
from at most ``TEXT_PAGES`` (10) pages and kept to ``MAX_TEXT`` characters;
resolution is sampled on at most ``DPI_PAGES`` (32) pages and ``MAX_XOBJECTS``
images per page. pypdf's own decompression limits apply to content streams.
Each file is inspected under the guard of ``inspect/guard.py``: a time budget
per file and a cap on what the parser reads at once; a tripped guard is
``FileInfo.limit`` (the finding ``inspection-limit``), never a hang.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

from icp_renew.dossier.model import Dossier, DossierFile, FileInfo, UnsafeEntry
from icp_renew.inspect import guard
from icp_renew.inspect.image import PIL_FORMATS, image_dpi, inspect_image
from icp_renew.inspect.pdf import inspect_pdf
from icp_renew.inspect.signature import (
    EXTENSION_FORMATS,
    FORMAT_NAMES,
    extension_of,
    format_name,
    sniff,
    zip_kind,
)

if TYPE_CHECKING:
    from icp_renew.inspect.prefetch import Prefetch
    from icp_renew.rulebook.resolve import Checklist

__all__ = [
    "EXTENSION_FORMATS",
    "FORMAT_NAMES",
    "extension_of",
    "format_name",
    "image_dpi",
    "inspect_dossier",
    "inspect_file",
    "sniff",
]

HEAD_BYTES = 4096


def _open_regular(path: Path) -> IO[bytes]:
    """Open for reading without following a link or blocking on a FIFO; only a regular file."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"not a regular file: {path}")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def inspect_file(path: Path, *, want_text: bool = False) -> FileInfo:
    """Read one file's header (and a PDF's structure). ``OSError`` if it cannot be opened."""
    with _open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size == 0:
            return FileInfo(format=None, size=0)
        head = fh.read(HEAD_BYTES)
        fmt = sniff(head)
        try:
            with guard.time_budget(guard.TIME_BUDGET):
                return _inspect_content(fh, path, fmt, size, want_text)
        except guard.InspectionLimit as exc:
            return FileInfo(format=fmt, size=size, limit=str(exc))


def sniff_format(path: Path) -> str | None:
    """The format :func:`inspect_file` gives ``path``, from its signature alone (a zip's and
    an OLE file's kind included), nothing parsed: what ``pack`` needs to name a file in the
    bundle before the check has finished. None for an empty file or one that cannot be
    opened (the check then says why)."""
    try:
        with _open_regular(path) as fh:
            head = fh.read(HEAD_BYTES)
            if not head:
                return None
            with guard.time_budget(guard.TIME_BUDGET):
                return _kind(fh, path, sniff(head))
    except (OSError, guard.InspectionLimit):
        return None


def _kind(fh: IO[bytes], path: Path, fmt: str | None) -> str | None:
    """A zip's kind (docx, xlsx, ofd, …) and an OLE file's (doc, xls) beyond the signature."""
    if fmt == "zip":
        fmt = zip_kind(fh)
    if fmt == "ole":
        ext = extension_of(path.name)
        fmt = ext if ext in ("doc", "xls") else "ole"
    return fmt


def _inspect_content(
    fh: IO[bytes], path: Path, fmt: str | None, size: int, want_text: bool
) -> FileInfo:
    fmt = _kind(fh, path, fmt)
    if fmt == "pdf":
        return inspect_pdf(fh, size, want_text)
    if fmt in PIL_FORMATS:
        return inspect_image(fh, fmt, size)
    return FileInfo(format=fmt, size=size)


def preload() -> None:
    """Import the parsers before the workers are forked: each would import them again
    (about 0.1 s of CPU apiece), where forked workers share the parent's copy."""
    import PIL.Image
    import pypdf  # noqa: F401

    PIL.Image.preinit()  # the JPEG and PNG plugins


def inspect_task(task: tuple[Path, bool]) -> FileInfo | str:
    """One file's :class:`FileInfo`, or why it cannot be opened (a worker's task)."""
    path, want_text = task
    try:
        return inspect_file(path, want_text=want_text)
    except OSError as exc:
        return exc.strerror or str(exc)


def inspect_dossier(
    dossier: Dossier,
    checklist: Checklist,
    jobs: int | None = 1,
    *,
    text_of: Collection[str] = (),
    prefetch: Prefetch | None = None,
) -> Dossier:
    """Inspect every file of a material once; one that cannot be opened becomes unsafe.

    A PDF's text is extracted for the materials with ``must_contain`` and those in
    ``text_of`` (``check --ocr``). Unassigned files are not read (their ``info`` stays None): they are reported as such
    and neither checked nor packed. ``jobs`` spreads the files over worker processes as
    :func:`icp_renew.parallel.workers_for` decides (None: when the dossier is big enough);
    the result is the same as a serial run's, in the same order. ``prefetch`` holds files
    whose inspection started before the scan (``inspect/prefetch.py``): a result it has for
    an unchanged file is taken, the rest are inspected here.
    """
    from icp_renew.parallel import MIN_FILES_PER_WORKER, ordered_map, workers_for

    wants = {m.id for m in checklist.materials if m.must_contain} | set(text_of)
    assigned = [f for f in dossier.files if f.material is not None]
    outcome: dict[int, FileInfo | str] = {}
    rest: list[DossierFile] = []
    for f in assigned:
        early = None if prefetch is None or f.material in wants else prefetch.take(f.abspath)
        if early is None:
            rest.append(f)
        else:
            outcome[id(f)] = early
    tasks = [(f.abspath, f.material in wants) for f in rest]
    if prefetch is not None:  # its workers are there: no pypdf in this process
        results = prefetch.inspect(tasks)
    else:
        workers = workers_for(jobs, len(tasks), MIN_FILES_PER_WORKER)
        if workers > 1:
            preload()
        results = ordered_map(inspect_task, tasks, workers=workers)
    outcome.update(zip(map(id, rest), results, strict=True))
    files: list[DossierFile] = []
    unsafe = list(dossier.unsafe)
    for f in dossier.files:
        result = outcome.get(id(f))
        if result is None:
            files.append(f)
        elif isinstance(result, str):
            unsafe.append(UnsafeEntry(f.path, "unreadable", result, f.material))
        else:
            files.append(replace(f, info=result))
    unsafe.sort(key=lambda u: u.path)
    return replace(dossier, files=tuple(files), unsafe=tuple(unsafe))
