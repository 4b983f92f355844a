"""Scanned pages and PDFs for the benchmark dossiers (Pillow, reportlab).

A few distinct A4 pages are rendered once per resolution (paper grain, lines of
text-like strokes, a red seal) and kept as JPEG files; each page of a PDF gets its
own copy of those bytes with a JPEG comment naming the page, since reportlab stores
an image file once per document. reportlab embeds a JPEG file as it is
(DCTDecode, no re-encoding), so writing a gigabyte of PDFs runs at disk speed.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

A4_MM = (210.0, 297.0)
A4_PT = (595.2756, 841.8898)
BASE_PAGES = 4  # distinct page pictures per resolution


@dataclass(frozen=True)
class Doc:
    """One PDF to write: where, how many pages, whether it has a text layer (an OCR'd scan)."""

    path: str
    pages: int
    text: str | None = None


def page_picture(width: int, height: int, seed: int, grain: bool = True) -> Any:
    """A scanned page: paper grain (a scanner's noise, which is what makes scans large), lines
    of text-like strokes, a heading, a red seal."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    paper = Image.new("L", (width, height), 242)
    if grain:
        paper = Image.blend(paper, Image.effect_noise((width, height), 18), 0.25)
    img = Image.merge("RGB", (paper, paper, paper))
    draw = ImageDraw.Draw(img)
    unit = width / 2480  # strokes scale with the resolution
    margin = int(250 * unit)
    draw.rectangle([width // 3, margin, width * 2 // 3, margin + int(70 * unit)], fill=(25, 25, 30))
    y = margin + int(200 * unit)
    while y < height - margin:
        x = margin
        while x < width - margin - int(160 * unit):
            w = int(rng.randint(30, 160) * unit)
            draw.rectangle([x, y, x + w, y + int(38 * unit)], fill=(40, 40, 45))
            x += w + int(rng.randint(18, 40) * unit)
        y += int(rng.randint(70, 110) * unit)
    r = int(300 * unit)
    cx, cy = width - margin - r - int(rng.randint(0, 200) * unit), height - margin - r
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(200, 30, 30), width=int(18 * unit))
    return img


def jpeg_bytes(img: Any, dpi: int, quality: int = 75) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=quality, dpi=(dpi, dpi))
    return buf.getvalue()


def with_comment(jpeg: bytes, comment: str) -> bytes:
    """The same JPEG with a COM segment after its APP0 (JFIF) header: other bytes, same image."""
    assert jpeg[:2] == b"\xff\xd8"
    at = 2
    if jpeg[2:4] == b"\xff\xe0":  # keep JFIF's APP0 first
        at = 4 + int.from_bytes(jpeg[4:6], "big")
    text = comment.encode("utf-8")
    segment = b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text
    return jpeg[:at] + segment + jpeg[at:]


class Pages:
    """A few rendered A4 pages at one resolution, and per-page copies on disk for reportlab."""

    def __init__(self, cache: Path, dpi: int, grain: bool = True) -> None:
        self.cache = cache / f"pages-{dpi}dpi{'' if grain else '-clean'}"
        self.dpi = dpi
        self.cache.mkdir(parents=True, exist_ok=True)
        w = round(A4_MM[0] / 25.4 * dpi)
        h = round(A4_MM[1] / 25.4 * dpi)
        self.base: list[bytes] = []
        for k in range(BASE_PAGES):
            stored = self.cache / f"base-{k}.jpg"
            if not stored.exists():
                stored.write_bytes(jpeg_bytes(page_picture(w, h, k, grain), dpi))
            self.base.append(stored.read_bytes())
        self.mean_bytes = sum(len(b) for b in self.base) // len(self.base)

    def path(self, page: int) -> str:
        """The JPEG for page ``page`` (0-based) of a PDF: distinct for every page of one PDF
        (reportlab stores an image file once per document, so a shared file would shrink it)."""
        path = self.cache / f"page-{page:04d}.jpg"
        if not path.exists():
            base = self.base[page % len(self.base)]
            path.write_bytes(with_comment(base, f"icp-renew benchmark scan, page {page + 1}"))
        return str(path)


def id_card_jpeg(dpi: int, seed: int) -> bytes:
    """One side of an ID card (85.6 × 54 mm) at ``dpi``."""
    from PIL import Image, ImageDraw

    w, h = round(85.6 / 25.4 * dpi), round(54 / 25.4 * dpi)
    rng = random.Random(seed)
    img = Image.new("RGB", (w, h), (222, 232, 240))
    draw = ImageDraw.Draw(img)
    for row in range(6):
        y = h // 8 + row * h // 9
        draw.rectangle([w // 12, y, w // 12 + rng.randint(w // 6, w // 2), y + h // 30], fill=40)
    draw.rectangle([w * 2 // 3, h // 8, w * 11 // 12, h * 3 // 4], outline=(90, 90, 90), width=4)
    return jpeg_bytes(img, dpi, quality=85)


# --- writing PDFs -----------------------------------------------------------------------------

_FONT = "STSong-Light"


def write_pdf(path: Path, doc: Doc, pages: Pages | None) -> None:
    """A PDF of ``doc.pages`` A4 pages: full-page scans (``pages``) or plain text pages; a
    text layer on the first page when ``doc.text`` (or when there are no scans)."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    rl_config.useA85 = 0  # embed the JPEG bytes as they are, not ASCII85-inflated
    pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    c = canvas.Canvas(str(path), pagesize=A4_PT, invariant=1)
    c.setTitle(Path(doc.path).stem)
    c.setAuthor("icp-renew benchmark (fictitious)")
    for i in range(doc.pages):
        if pages is not None:
            c.drawImage(pages.path(i), 0, 0, A4_PT[0], A4_PT[1])
        if pages is None or (doc.text and i == 0):
            c.setFont(_FONT, 14)
            heading = Path(doc.path).stem
            c.drawString(72, A4_PT[1] - 72, f"{heading}（样例 SAMPLE）")
            if doc.text:
                c.drawString(72, A4_PT[1] - 100, doc.text)
            c.drawString(72, 48, f"第 {i + 1} 页 / 共 {doc.pages} 页")
        c.showPage()
    c.save()
