"""Small previews of a dossier's scans for the html report: bounded in pixels, bytes and time.

A preview is a JPEG of at most :data:`THUMB_PX` pixels on its longer side (quality
:data:`QUALITY`), made from the file the check listed, never the full-resolution scan:

- a PDF: the largest image XObject of its first page (a scanned page *is* that image),
  taken from the file with pypdf; pages are never rendered. A JPEG stream (DCTDecode,
  what scanners write) is decoded at 1/2 to 1/8 scale by libjpeg (Pillow's ``draft``),
  so a 300-dpi A4 page costs milliseconds;
- an image file (JPEG, PNG, TIFF, …): scaled down with Pillow, a JPEG again in draft mode.

Only files the check read whole (not corrupt, not encrypted, no inspection guard tripped)
and that no finding calls unsafe, corrupt, encrypted, empty, too large or of a format
their bytes do not match are previewed (:func:`previewable`). The file is opened without
following a link and must still be the regular file of the size the check saw; each
preview runs under the inspection time guard; an image of more than :data:`MAX_PIXELS`
pixels is not decoded. Anything that goes wrong means no preview, never an error: the
check has already said what is wrong with the file. The reports stay within
:data:`BUDGET` bytes of previews in all (:class:`Budget`).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from icp_renew.findings import FileLine, Finding

#: the longer side of a preview, in pixels
THUMB_PX = 240
#: JPEG quality of a preview
QUALITY = 70
#: bytes of preview JPEGs one report may hold in all (then: "preview left out")
BUDGET = 3 * 1024 * 1024
#: an image larger than this is not decoded for a preview (a decompression bomb)
MAX_PIXELS = 120_000_000
#: compressed image bytes one report may decode for previews: decoding costs about 12 ms a
#: megabyte (libjpeg's entropy decoding of the whole scan, even at 1/8 scale), so this keeps
#: the previews of a report to well under a tenth of a second
DECODE_BUDGET = 6 * 1024 * 1024
#: seconds one preview may take
TIME_BUDGET = 5.0
#: image formats Pillow previews
IMAGE_FORMATS = frozenset({"jpeg", "png", "tiff", "bmp", "gif", "webp"})
#: findings after which a file is not opened again for a preview
NO_PREVIEW_CODES = frozenset(
    {
        "unsafe-file",
        "corrupt-pdf",
        "encrypted-pdf",
        "empty-file",
        "unsupported-format",
        "file-too-large",
        "inspection-limit",
    }
)


@dataclass
class Budget:
    """What is left for this report: bytes of previews (:data:`BUDGET`) and compressed image
    bytes to decode (:data:`DECODE_BUDGET`). Once either is spent, no more previews: a later,
    smaller file getting one would make the cut look random."""

    left: int = BUDGET
    decode_left: int = DECODE_BUDGET

    @property
    def spent(self) -> bool:
        return self.left <= 0 or self.decode_left <= 0

    def take(self, data: bytes) -> bool:
        if len(data) > self.left:
            self.left = 0
            return False
        self.left -= len(data)
        return True

    def decode(self, size: int) -> None:
        """Account for decoding ``size`` compressed bytes; :class:`Spent` when over budget."""
        if size > self.decode_left:
            self.decode_left = 0
            raise Spent
        self.decode_left -= size


class Spent(Exception):
    """The report's decoding budget does not cover this image."""


def previewable(file: FileLine, findings: Iterable[Finding]) -> bool:
    """Whether ``file`` may be opened for a preview (see the module's docstring)."""
    if not file.readable or not file.source:
        return False
    if file.format != "pdf" and file.format not in IMAGE_FORMATS:
        return False
    return not any(f.path == file.path and f.code in NO_PREVIEW_CODES for f in findings)


def thumbnail(file: FileLine, budget: Budget | None = None) -> bytes | None:
    """The preview JPEG of ``file``, or None when there is none to show (:class:`Spent`
    when ``budget`` cannot pay for decoding it)."""
    from icp_renew.inspect import _open_regular, guard
    from icp_renew.inspect.common import quiet

    budget = budget if budget is not None else Budget()
    try:
        with _open_regular(Path(file.source)) as fh:
            if os.fstat(fh.fileno()).st_size != file.size:
                return None  # changed since the check read it
            with quiet(), guard.time_budget(TIME_BUDGET):
                if file.format == "pdf":
                    image = _pdf_image(fh, file.size, budget)
                else:
                    image = _image(fh, file.size, budget)
                return _jpeg(image) if image is not None else None
    except Spent:
        raise
    except (Exception, guard.InspectionLimit):
        return None


@dataclass(frozen=True)
class Made:
    """A preview made on its own, without the report's budget (in a worker process, or ahead
    of the report's turn): :func:`spend` then settles it against the report's budget in the
    report's order, with the outcome :func:`thumbnail` with that budget would have had."""

    decoded: tuple[int, ...]  # the compressed sizes it decoded (asked the budget for), in order
    jpeg: bytes | None
    pixels: tuple[int, int] | None  # the preview's width and height


def make(file: FileLine) -> Made:
    """The preview of ``file`` as :func:`thumbnail` makes it, with the decoding it took."""
    recorder = _Recorder()
    try:
        data = thumbnail(file, recorder)
    except Spent:  # more than a whole report's budget: no report pays for it
        return Made(tuple(recorder.asked), None, None)
    return Made(tuple(recorder.asked), data, _pixels(data) if data is not None else None)


#: how previews are made for a report: set by the command around its rendering when workers
#: are at hand (``check`` of a big dossier: :meth:`icp_renew.inspect.prefetch.Prefetch.map`)
maker: ContextVar[Callable[[Sequence[FileLine]], Iterator[Made]] | None] = ContextVar(
    "maker", default=None
)


def made(files: Sequence[FileLine]) -> Iterator[Made]:
    """:func:`make` of each file, in order: by the :data:`maker` if there is one (it may start
    at once and work ahead), else here, each when it is asked for."""
    chosen = maker.get()
    return chosen(files) if chosen is not None else map(make, files)


def spend(result: Made, budget: Budget) -> bytes | None:
    """``result``'s preview if ``budget`` pays for its decoding (:class:`Spent` if not, as
    :func:`thumbnail` raises), None if there is none to show."""
    for size in result.decoded:
        budget.decode(size)
    return result.jpeg


class _Recorder(Budget):
    """A fresh budget that notes every decoding asked of it."""

    def __init__(self) -> None:
        super().__init__(BUDGET, DECODE_BUDGET)
        self.asked: list[int] = []

    def decode(self, size: int) -> None:
        self.asked.append(size)
        super().decode(size)


def _pixels(data: bytes) -> tuple[int, int]:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        width, height = img.size
    return int(width), int(height)


def _image(fh: IO[bytes], size: int, budget: Budget) -> Any:
    from PIL import Image

    img = Image.open(fh)
    if img.width * img.height > MAX_PIXELS:
        return None
    budget.decode(size)
    img.draft("RGB", (THUMB_PX, THUMB_PX))  # JPEG: decode at a fraction of the size
    return img


def _first_page(reader: Any) -> tuple[Any, Any]:
    """The first page and its resources, walking down the page tree's first branch only:
    ``reader.pages[0]`` would flatten the whole tree (tens of ms for a long scan)."""
    node = reader.trailer["/Root"].get_object()["/Pages"].get_object()
    resources = node.get("/Resources")
    for _ in range(64):  # a page tree deeper than this is not a real one
        if "/Resources" in node:
            resources = node["/Resources"]
        if node.get("/Type") != "/Pages":
            return node, resources
        kids = node.get("/Kids")
        if not kids:
            return None, None
        node = kids[0].get_object()
    return None, None


def _pdf_image(fh: IO[bytes], size: int, budget: Budget) -> Any:
    """The largest image of the first page, or None (a born-digital page has none)."""
    from typing import cast

    from pypdf import PdfReader

    from icp_renew.inspect.guard import MAX_READ, BoundedReader

    source = fh if size <= MAX_READ else cast("IO[bytes]", BoundedReader(fh, size))
    reader = PdfReader(source, strict=False)
    if reader.is_encrypted:
        return None
    page, resources = _first_page(reader)
    if page is None:
        return None
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is None:
        return None
    best: Any = None
    best_px = 0
    for ref in xobjects.get_object().values():
        obj = ref.get_object()
        if obj.get("/Subtype") != "/Image":
            continue
        px = int(obj.get("/Width", 0)) * int(obj.get("/Height", 0))
        if best_px < px <= MAX_PIXELS:
            best, best_px = obj, px
    if best is None:
        return None
    budget.decode(len(best._data))  # the stream as stored: what the decoder reads
    filters = best.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, list) else [str(filters)]
    if names in (["/DCTDecode"], ["/JPXDecode"]):
        from PIL import Image

        img = Image.open(io.BytesIO(best.get_data()))  # the JPEG file as it was embedded
        img.draft("RGB", (THUMB_PX, THUMB_PX))
        return img
    return best.decode_as_image()  # Flate, CCITT, …: pypdf decodes (within its limits)


def _jpeg(img: Any) -> bytes:
    from PIL import Image

    if img.mode not in ("RGB", "L"):
        if img.mode in ("1", "I", "I;16", "F"):
            img = img.convert("L")
        elif img.mode in ("RGBA", "LA", "P", "PA"):
            img = img.convert("RGBA")
            back = Image.new("RGB", img.size, "white")
            back.paste(img, mask=img.getchannel("A"))
            img = back
        else:
            img = img.convert("RGB")
    img.thumbnail((THUMB_PX, THUMB_PX))
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=QUALITY, optimize=True)
    return out.getvalue()
