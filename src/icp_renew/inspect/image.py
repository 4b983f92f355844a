"""Images: pixel size and resolution from the header (Pillow); never decoded."""

from __future__ import annotations

from typing import IO, Any

from icp_renew.dossier.model import FileInfo
from icp_renew.inspect.common import A4_INCHES, quiet, scan_dpi
from icp_renew.inspect.signature import FORMAT_NAMES

MAX_PAGE_INCHES = 17.0  # a header resolution that makes the long side larger than A3 is nominal
PIL_FORMATS = {"jpeg": "JPEG", "png": "PNG", "tiff": "TIFF"}
_PNG_IEND = b"\x00\x00\x00\x00IEND\xaeB`\x82"


def inspect_image(fh: IO[bytes], fmt: str, size: int) -> FileInfo:
    """Size, frames and resolution from the header; a bad header becomes ``corrupt``."""
    if fmt == "png":
        fh.seek(max(0, size - len(_PNG_IEND)))
        if fh.read() != _PNG_IEND:
            return FileInfo(format=fmt, size=size, corrupt="truncated: no IEND chunk at the end")
    fh.seek(0)
    from PIL import Image

    with quiet():
        try:
            with Image.open(fh, formats=[PIL_FORMATS[fmt]]) as im:
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
    estimate = scan_dpi(width, height, *A4_INCHES)
    # not A4-shaped (an ID card, a screenshot): its printed size is unknown, so no judgement
    return estimate, estimate is not None
