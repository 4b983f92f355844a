"""Helpers shared by the PDF and image readers."""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

A4_INCHES = (8.268, 11.693)
#: pypdf names an object ``IndirectObject(num, gen, id(reader))``: a memory address
_ADDRESS = re.compile(r"(IndirectObject\(\d+, \d+), \d+\)")
ASPECT_TOLERANCE = 0.10


@contextmanager
def quiet() -> Iterator[None]:
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


def reason(exc: BaseException) -> str:
    """A short, one-line reason; pypdf's own errors speak for themselves. The memory
    address in pypdf's name of an object is dropped: two runs over one damaged file
    must report the same text."""
    text = _ADDRESS.sub(r"\1)", " ".join(str(exc).split()))
    if len(text) > 120:
        text = text[:117] + "..."
    name = type(exc).__name__
    if name.startswith("Pdf") and text:
        return text
    return f"{name}: {text}" if text else name


def scan_dpi(w_px: int, h_px: int, w_in: float, h_in: float) -> float | None:
    """The resolution of an image that fills a page of w_in × h_in inches, or None if its
    proportions are not the page's (then it is not a page scan). Orientation-agnostic."""
    long_px, short_px = max(w_px, h_px), min(w_px, h_px)
    long_in, short_in = max(w_in, h_in), min(w_in, h_in)
    if abs((long_px / short_px) / (long_in / short_in) - 1) > ASPECT_TOLERANCE:
        return None
    return round(min(long_px / long_in, short_px / short_in), 1)
