"""What each file's bytes are: read once, from its header, images never decoded.

``inspect_file`` opens a file once (without following a link, without blocking
on a FIFO that replaced it) and returns a :class:`FileInfo`:

- the format from the file's signature (PDF, JPEG, PNG, TIFF, OFD, Word,
  Excel, …), never from the extension alone;
- for a PDF: a cheap structural check first (``startxref`` and ``%%EOF`` near
  the end: a truncated file is corrupt without pypdf's slow repair), then pypdf
  from the open handle: encryption (any, even an empty user password), page
  count, title, the lowest resolution of the page scans, and, only when asked,
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

Bounds on hostile input: text is extracted from at most :data:`TEXT_PAGES`
pages and kept to :data:`MAX_TEXT` characters; resolution is sampled on at most
:data:`DPI_PAGES` pages and :data:`MAX_XOBJECTS` images per page. pypdf's own
decompression limits apply to content streams. Not bounded: the time pypdf
spends parsing the page tree of a pathological (but complete) file.
"""

from __future__ import annotations

import logging
import os
import stat
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from icp_renew.dossier.model import Dossier, DossierFile, FileInfo, UnsafeEntry
from icp_renew.rulebook.resolve import Checklist

HEAD_BYTES = 4096
TAIL_BYTES = 16 * 1024
TEXT_PAGES = 10
MAX_TEXT = 256 * 1024
DPI_PAGES = 32
MAX_XOBJECTS = 64
A4_INCHES = (8.268, 11.693)
MAX_PAGE_INCHES = 17.0  # a header resolution that makes the long side larger than A3 is nominal
ASPECT_TOLERANCE = 0.10

#: file extension → the format its bytes should have
EXTENSION_FORMATS: dict[str, str] = {
    "pdf": "pdf",
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "jpe": "jpeg",
    "jfif": "jpeg",
    "png": "png",
    "tif": "tiff",
    "tiff": "tiff",
    "ofd": "ofd",
    "doc": "doc",
    "docx": "docx",
    "xls": "xls",
    "xlsx": "xlsx",
    "gif": "gif",
    "bmp": "bmp",
    "webp": "webp",
    "heic": "heic",
    "heif": "heic",
    "zip": "zip",
}

#: how a format is named in messages
FORMAT_NAMES: dict[str, str] = {
    "pdf": "PDF",
    "jpeg": "JPEG",
    "png": "PNG",
    "tiff": "TIFF",
    "ofd": "OFD",
    "doc": "Word (DOC)",
    "docx": "Word (DOCX)",
    "xls": "Excel (XLS)",
    "xlsx": "Excel (XLSX)",
    "ole": "Office (DOC/XLS)",
    "gif": "GIF",
    "bmp": "BMP",
    "webp": "WebP",
    "heic": "HEIC",
    "zip": "ZIP",
}

_PIL_FORMATS = {"jpeg": "JPEG", "png": "PNG", "tiff": "TIFF"}
_PNG_IEND = b"\x00\x00\x00\x00IEND\xaeB`\x82"


def format_name(fmt: str | None) -> str:
    return FORMAT_NAMES.get(fmt or "", fmt or "unknown")


def extension_of(path: str) -> str:
    """The lower-case extension without the dot (``""`` if none)."""
    name = path.rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def sniff(head: bytes) -> str | None:
    """The format of a file from its first bytes (``"zip"`` still needs :func:`_zip_kind`)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if b"%PDF-" in head[:1024]:  # the header may follow some junk (PDF 32000-1, 7.5.2 note)
        return "pdf"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"BM") and len(head) > 14:
        return "bmp"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif"):
        return "heic"
    return None


def _zip_kind(fh: IO[bytes]) -> str:
    """OFD, DOCX, XLSX or a plain ZIP, from the archive's central directory."""
    import zipfile

    try:
        with zipfile.ZipFile(fh) as zf:
            names = zf.namelist()
    except Exception:
        return "zip"
    if any(n.casefold() == "ofd.xml" for n in names):
        return "ofd"
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    return "zip"


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
        if fmt == "zip":
            fmt = _zip_kind(fh)
        if fmt == "ole":
            ext = extension_of(path.name)
            fmt = ext if ext in ("doc", "xls") else "ole"
        if fmt == "pdf":
            return _inspect_pdf(fh, size, want_text)
        if fmt in _PIL_FORMATS:
            return _inspect_image(fh, fmt, size)
        return FileInfo(format=fmt, size=size)


def inspect_dossier(dossier: Dossier, checklist: Checklist) -> Dossier:
    """Inspect every file once; a file that cannot be opened becomes an unsafe entry."""
    wants = {m.id for m in checklist.materials if m.must_contain}
    files: list[DossierFile] = []
    unsafe = list(dossier.unsafe)
    for f in dossier.files:
        try:
            info = inspect_file(f.abspath, want_text=f.material in wants)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            unsafe.append(UnsafeEntry(f.path, "unreadable", reason, f.material))
            continue
        files.append(replace(f, info=info))
    unsafe.sort(key=lambda u: u.path)
    return replace(dossier, files=tuple(files), unsafe=tuple(unsafe))


# --- PDF ----------------------------------------------------------------------------------------


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf and Pillow report oddities through logging and warnings: not for our users."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _reason(exc: BaseException) -> str:
    """A short, one-line reason; pypdf's own errors speak for themselves."""
    text = " ".join(str(exc).split())
    if len(text) > 120:
        text = text[:117] + "..."
    name = type(exc).__name__
    if name.startswith("Pdf") and text:
        return text
    return f"{name}: {text}" if text else name


def _structure_problem(fh: IO[bytes], size: int) -> str | None:
    """A truncated PDF lacks its trailer: caught here, without pypdf's slow repair."""
    fh.seek(max(0, size - TAIL_BYTES))
    tail = fh.read()
    if b"%%EOF" not in tail:
        return "truncated: no %%EOF marker at the end"
    if b"startxref" not in tail:
        return "truncated: no startxref near the end"
    return None


def _inspect_pdf(fh: IO[bytes], size: int, want_text: bool) -> FileInfo:
    problem = _structure_problem(fh, size)
    if problem:
        return FileInfo(format="pdf", size=size, corrupt=problem)
    fh.seek(0)
    with _quiet():
        from pypdf import PdfReader

        try:
            reader = PdfReader(fh, strict=False)
            if reader.is_encrypted:
                return FileInfo(format="pdf", size=size, encrypted=True)
            pages = len(reader.pages)
        except Exception as exc:  # pypdf raises many kinds (PdfReadError, KeyError, ValueError, …)
            return FileInfo(format="pdf", size=size, corrupt=_reason(exc))
        notes: list[str] = []
        try:
            dpi = _pdf_min_dpi(reader, pages)
        except Exception as exc:
            dpi = None
            notes.append(f"resolution not determined ({_reason(exc)})")
        text: str | None = None
        has_text: bool | None = None
        if want_text:
            try:
                text = _pdf_text(reader, pages)
                has_text = any(not ch.isspace() for ch in text)
            except Exception as exc:
                notes.append(f"text not extracted ({_reason(exc)})")
            if pages > TEXT_PAGES:
                notes.append(f"text read from the first {TEXT_PAGES} pages only")
        return FileInfo(
            format="pdf",
            size=size,
            pages=pages,
            has_text=has_text,
            text=text,
            min_dpi=dpi,
            title=_pdf_title(reader),
            notes=tuple(notes),
        )


def _pdf_title(reader: Any) -> str | None:
    try:
        meta = reader.metadata
        title = meta.title if meta is not None else None
    except Exception:
        return None
    return str(title)[:200] if title else None


def _pdf_text(reader: Any, pages: int) -> str:
    parts: list[str] = []
    total = 0
    for i in range(min(pages, TEXT_PAGES)):
        chunk = reader.pages[i].extract_text() or ""
        parts.append(chunk)
        total += len(chunk)
        if total >= MAX_TEXT:
            break
    return "\n".join(parts)[:MAX_TEXT]


def _images(resources: Any, depth: int = 0) -> Iterator[tuple[int, int]]:
    """(width, height) of the image XObjects of a resource dictionary (one level of forms)."""
    if resources is None:
        return
    xobjects = resources.get_object().get("/XObject")
    if xobjects is None:
        return
    xobjects = xobjects.get_object()
    for count, ref in enumerate(xobjects.values()):
        if count >= MAX_XOBJECTS:
            return
        obj = ref.get_object()
        subtype = obj.get("/Subtype")
        if subtype == "/Image":
            yield int(obj.get("/Width", 0)), int(obj.get("/Height", 0))
        elif subtype == "/Form" and depth < 1:
            yield from _images(obj.get("/Resources"), depth + 1)


def _pdf_min_dpi(reader: Any, pages: int) -> float | None:
    lowest: float | None = None
    for i in range(min(pages, DPI_PAGES)):
        page = reader.pages[i]
        box = page.mediabox
        width_pt, height_pt = abs(float(box.width)), abs(float(box.height))
        sizes = [(w, h) for w, h in _images(page.get("/Resources")) if w > 0 and h > 0]
        if not sizes or width_pt <= 0 or height_pt <= 0:
            continue
        w, h = max(sizes, key=lambda s: s[0] * s[1])
        dpi = _scan_dpi(w, h, width_pt / 72, height_pt / 72)
        if dpi is not None and (lowest is None or dpi < lowest):
            lowest = dpi
    return lowest


def _scan_dpi(w_px: int, h_px: int, w_in: float, h_in: float) -> float | None:
    """The resolution of an image that fills a page of w_in × h_in inches, or None if its
    proportions are not the page's (then it is not a page scan). Orientation-agnostic."""
    long_px, short_px = max(w_px, h_px), min(w_px, h_px)
    long_in, short_in = max(w_in, h_in), min(w_in, h_in)
    if abs((long_px / short_px) / (long_in / short_in) - 1) > ASPECT_TOLERANCE:
        return None
    return round(min(long_px / long_in, short_px / short_in), 1)


# --- images -------------------------------------------------------------------------------------


def _inspect_image(fh: IO[bytes], fmt: str, size: int) -> FileInfo:
    if fmt == "png":
        fh.seek(max(0, size - len(_PNG_IEND)))
        if fh.read() != _PNG_IEND:
            return FileInfo(format=fmt, size=size, corrupt="truncated: no IEND chunk at the end")
    fh.seek(0)
    from PIL import Image

    with _quiet():
        try:
            with Image.open(fh, formats=[_PIL_FORMATS[fmt]]) as im:
                width, height = im.size
                header_dpi = im.info.get("dpi")
                frames = int(getattr(im, "n_frames", 1)) if fmt == "tiff" else 1
        except Image.DecompressionBombError:
            limit = 2 * (Image.MAX_IMAGE_PIXELS or 0)
            why = f"the header claims too many pixels to handle (more than {limit:,})"
            return FileInfo(format=fmt, size=size, corrupt=why)
        except Exception:  # Pillow raises OSError, SyntaxError, ValueError, …
            why = f"not a valid {FORMAT_NAMES[fmt]} header"
            return FileInfo(format=fmt, size=size, corrupt=why)
    dpi, estimated = image_dpi(width, height, header_dpi)
    return FileInfo(
        format=fmt,
        size=size,
        pages=frames,
        width=width,
        height=height,
        min_dpi=dpi,
        notes=("resolution estimated from the pixel size, assuming an A4 page",)
        if estimated
        else (),
    )


def image_dpi(width: int, height: int, header: Any) -> tuple[float | None, bool]:
    """(dpi, estimated): the header's resolution when plausible, else an A4 estimate."""
    if width <= 0 or height <= 0:
        return None, False
    try:
        dpi = min(float(header[0]), float(header[1])) if header else 0.0
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if dpi > 1 and max(width, height) / dpi <= MAX_PAGE_INCHES:
        return round(dpi, 1), False
    estimate = _scan_dpi(width, height, *A4_INCHES)
    # not A4-shaped (an ID card, a screenshot): its printed size is unknown, so no judgement
    return estimate, estimate is not None
