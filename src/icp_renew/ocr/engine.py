"""The recognition engine: RapidOCR (PP-OCR models in ONNX) on onnxruntime, offline.

Imported only under ``check --ocr``. The models are the ones inside the
``rapidocr`` wheel, given by path: rapidocr's own model resolver (which may fetch
other models from a hub and verify a download) is never reached, so no network
connection is made and nothing is written to site-packages. Settings (measured on
a 2-core machine, see docs/ocr.md): no angle classifier (scans are upright; a
page's ``/Rotate`` and a photo's EXIF orientation are applied before), 2
onnxruntime threads, pages of at most ``pages.LONG_SIDE`` pixels, text detected
on the page at ``DET_SIDE`` pixels.
"""

from __future__ import annotations

import logging
from importlib import metadata
from pathlib import Path
from typing import Any

#: onnxruntime threads per engine (one engine per process; the study's setting)
THREADS = 2
#: a recognised piece of text below this confidence is dropped (rapidocr's default)
MIN_SCORE = 0.5
#: text is detected on the page scaled to this long side (rapidocr's default scales the short
#: side to at least 736 px): a fifth less CPU per page, same readings on the generated scans
#: (benchmarks/ocr.py --accuracy); recognition still reads the crops at full page size
DET_SIDE = 960
DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"


class EngineMissing(Exception):
    """The extra is not installed (``reason``: what failed to import), or is broken."""

    def __init__(self, reason: str, *, installed: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.installed = installed


def available() -> None:
    """Raise :class:`EngineMissing` unless rapidocr and onnxruntime can be found (cheap: the
    packages are located, not imported)."""
    from importlib.util import find_spec

    for name in ("rapidocr", "onnxruntime"):
        if find_spec(name) is None:
            raise EngineMissing(f"no module named {name}", installed=False)


def version() -> str:
    """The engine's identity, part of every cache key: a new engine reads scans again."""
    parts = []
    for dist in ("rapidocr", "onnxruntime"):
        try:
            parts.append(f"{dist}-{metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}-?")
    return " ".join(parts)


class Engine:
    """One loaded engine (about 0.6 GB once it has read a page); build it once per process."""

    def __init__(self) -> None:
        try:
            import rapidocr
            from rapidocr import RapidOCR
        except Exception as exc:  # an extra installed but broken (a missing shared library, …)
            raise EngineMissing(f"{type(exc).__name__}: {exc}", installed=True) from None
        models = Path(rapidocr.__file__).parent / "models"
        for name in (DET_MODEL, REC_MODEL):
            if not (models / name).is_file():  # a model never comes from the network
                raise EngineMissing(f"model {name} not in the rapidocr package", installed=True)
        logging.getLogger("RapidOCR").setLevel(logging.CRITICAL)
        self._ocr = RapidOCR(
            params={
                "Global.use_cls": False,
                "Global.log_level": "critical",
                "Global.text_score": MIN_SCORE,
                "Global.max_side_len": 2000,
                "EngineConfig.onnxruntime.intra_op_num_threads": THREADS,
                "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                "Det.model_path": str(models / DET_MODEL),
                "Det.limit_type": "max",
                "Det.limit_side_len": DET_SIDE,
                "Rec.model_path": str(models / REC_MODEL),
            }
        )

    def read(self, page: Any) -> list[str]:
        """The lines of text on ``page`` (an RGB array), top to bottom; the pieces of one
        line (a label and its value, detected apart) joined by a space."""
        out = self._ocr(page)
        boxes = getattr(out, "boxes", None)
        txts = getattr(out, "txts", None)
        if boxes is None or not txts:
            return []
        pieces = []
        for box, txt in zip(boxes, txts, strict=False):
            ys = [float(p[1]) for p in box]
            xs = [float(p[0]) for p in box]
            pieces.append((min(ys), max(ys), min(xs), str(txt)))
        return rows(pieces)


def rows(pieces: list[tuple[float, float, float, str]]) -> list[str]:
    """Group (top, bottom, left, text) pieces into lines: a piece whose vertical middle lies
    within the current line's band joins it; each line is read left to right."""
    pieces = sorted(pieces)
    lines: list[list[tuple[float, str]]] = []
    band = (0.0, -1.0)
    for top, bottom, left, text in pieces:
        middle = (top + bottom) / 2
        if lines and band[0] <= middle <= band[1]:
            lines[-1].append((left, text))
        else:
            lines.append([(left, text)])
            band = (top, bottom)
    return [" ".join(t for _, t in sorted(line)) for line in lines]
