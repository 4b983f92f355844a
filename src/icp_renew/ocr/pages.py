"""The page image of a scan, taken from the file itself, ready for the engine.

A scan inside a PDF is an embedded image: the largest image XObject of the first
page (one level of forms), decoded by pypdf — pages are never rendered, so a PDF
cannot make us run a content stream. A JPEG, PNG or TIFF is opened with Pillow
(first frame; EXIF orientation applied, as phone photos need).

Bounds: an image of more than :data:`MAX_PIXELS` is refused before it is decoded
(its size is in its dictionary or header), and the page handed to the engine has
its long side scaled to at most :data:`LONG_SIDE` pixels — which bounds the time
one page can take. The red channel is read as grey and the lightest tones are
lifted to white: red seal ink, stamped over the name and the scope, disappears
while black print stays black.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: the largest image decoded: an A4 page at 600 dpi has 35 million pixels
MAX_PIXELS = 60_000_000
#: the long side of the page the engine reads (the feasibility study's setting)
LONG_SIDE = 1280
#: grey levels at or above this are paper (and red ink in the red channel)
PAPER = 190
#: how many image XObjects of a page are looked at
MAX_XOBJECTS = 64


class PageProblem(Exception):
    """No page image could be had; ``key`` names the reason in the ``ocr`` messages."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def page_image(path: Path, fmt: str) -> Any:
    """The first page of ``path`` (a PDF, JPEG, PNG or TIFF) as a Pillow image."""
    from icp_renew.inspect.common import quiet

    with quiet():
        if fmt == "pdf":
            return _pdf_image(path)
        return _file_image(path)


def _file_image(path: Path) -> Any:
    from PIL import Image, ImageOps

    try:
        with Image.open(path) as im:
            _bounded(im.width * im.height)
            if im.format == "JPEG":  # decode at a reduced scale straight away: much faster
                scale = max(im.size) // LONG_SIDE
                if scale >= 2:
                    im.draft("RGB", (im.width // scale, im.height // scale))
            im.seek(0)
            return ImageOps.exif_transpose(im).copy()
    except PageProblem:
        raise
    except Exception:  # Pillow raises OSError, SyntaxError, ValueError, DecompressionBombError
        raise PageProblem("why-undecodable") from None


def _pdf_image(path: Path) -> Any:
    from pypdf import PdfReader

    try:
        # from a file handle: given a path, pypdf reads the whole file into memory
        with path.open("rb") as fh:
            reader = PdfReader(fh, strict=False)
            page = reader.pages[0]
            best = _largest(page.get("/Resources"))
            if best is None:
                raise PageProblem("why-no-image")
            _bounded(int(best.get("/Width", 0)) * int(best.get("/Height", 0)))
            image = best.decode_as_image()
            rotate = int(page.get("/Rotate", 0) or 0) % 360
    except PageProblem:
        raise
    except Exception:  # pypdf raises many kinds on a damaged stream
        raise PageProblem("why-undecodable") from None
    if image is None:
        raise PageProblem("why-undecodable")
    return image.rotate(-rotate, expand=True) if rotate else image


def _largest(resources: Any, depth: int = 0) -> Any:
    """The image XObject with the most pixels (forms searched one level deep)."""
    if resources is None:
        return None
    xobjects = resources.get_object().get("/XObject")
    if xobjects is None:
        return None
    best, most = None, 0
    for count, ref in enumerate(xobjects.get_object().values()):
        if count >= MAX_XOBJECTS:
            break
        obj = ref.get_object()
        subtype = obj.get("/Subtype")
        if subtype == "/Form" and depth < 1:
            candidate = _largest(obj.get("/Resources"), depth + 1)
        elif subtype == "/Image":
            candidate = obj
        else:
            continue
        if candidate is None:
            continue
        pixels = int(candidate.get("/Width", 0)) * int(candidate.get("/Height", 0))
        if pixels > most:
            best, most = candidate, pixels
    return best


def _bounded(pixels: int) -> None:
    if pixels > MAX_PIXELS:
        raise PageProblem("why-too-large", pixels=f"{pixels:,}")
    if pixels <= 0:
        raise PageProblem("why-undecodable")


def prepare(image: Any) -> Any:
    """The page for the engine: red channel as grey, long side ≤ LONG_SIDE, paper white,
    as an RGB array (what the engine takes)."""
    import numpy as np
    from PIL import Image

    if image.mode in ("RGB", "RGBA", "P", "CMYK", "YCbCr", "LAB", "HSV"):
        grey = image.convert("RGB").getchannel("R")
    else:
        grey = image.convert("L")
    scale = LONG_SIDE / max(grey.size)
    if scale < 1:
        size = (max(1, round(grey.width * scale)), max(1, round(grey.height * scale)))
        grey = grey.resize(size, Image.Resampling.LANCZOS)
    # a linear stretch, not a threshold: faint print stays readable, paper and seal go white
    grey = grey.point([min(255, v * 255 // PAPER) for v in range(256)])
    return np.asarray(grey.convert("RGB"))
