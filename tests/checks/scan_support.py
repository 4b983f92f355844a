"""Helpers for the scan, inspect and file-check tests: contexts, findings and odd files.

Every file here is real (reportlab, Pillow) or a real file cut short; hand-made bytes are
used only where the point is a header that lies (a decompression bomb, a page-tree loop).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import os
import struct
import sys
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import factory
from icp_renew.checks import Context
from icp_renew.findings import Finding
from icp_renew.pipeline import CheckOptions, prepare
from icp_renew.rulebook import load_rulebook
from icp_renew.rulebook.book import Rulebook

TODAY = dt.date(2026, 1, 15)

#: byte names that are not UTF-8, and NFC/NFD twins in one folder, exist only where the file
#: system stores names as bytes (Linux); macOS and Windows refuse or merge them
bytes_names = pytest.mark.skipif(sys.platform != "linux", reason="needs byte file names (Linux)")


@functools.cache
def book(rules: str | None = None) -> Rulebook:
    return load_rulebook([Path(rules)] if rules else [])


def config(**changes: Any) -> dict[str, Any]:
    cfg = copy.deepcopy(factory.VALID_CONFIG)
    cfg.update(changes)
    return cfg


def context(root: Path, rules: Path | None = None, **opts: Any) -> Context:
    return prepare(root, book(str(rules) if rules else None), CheckOptions(today=TODAY, **opts))


def run(module: ModuleType, root: Path, rules: Path | None = None) -> list[Finding]:
    """The findings of one check module over the dossier at ``root``."""
    return list(module.check(context(root, rules)))


def codes(findings: Iterable[Finding]) -> list[tuple[str, str | None]]:
    """(code, path) pairs, sorted: what tests compare exactly."""
    return sorted((f.code, f.path) for f in findings)


def overlay(tmp_path: Path, body: str) -> Path:
    """A ``--rules`` folder with one overlay file."""
    folder = tmp_path / "rules-overlay"
    folder.mkdir(exist_ok=True)
    (folder / "overlay.yaml").write_text(
        "kind: overlay\nname: test\nsource: test overlay for the scan tests\n" + body,
        encoding="utf-8",
    )
    return folder


# --- files ------------------------------------------------------------------------------------


@functools.cache
def pdf(pages: int = 1, text: str | None = "样例 SAMPLE", **kwargs: Any) -> bytes:
    return factory.pdf_bytes(pages, text, **kwargs)


@functools.cache
def image(fmt: str = "jpeg", size: tuple[int, int] = (1240, 1754), dpi: int | None = 150) -> bytes:
    return factory.image_bytes(fmt, size, dpi)


def truncated(data: bytes, keep: float = 0.5) -> bytes:
    return data[: int(len(data) * keep)]


@functools.cache
def pdf_with_logo() -> bytes:
    """A born-digital page with a small logo: the logo is not a page scan."""
    factory.need("reportlab")
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=factory.A4, invariant=1)
    c.drawImage(ImageReader(factory._pil_image(120, 40)), 72, 700, 120, 40)
    c.drawString(72, 600, "letter")
    c.showPage()
    c.save()
    return buf.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` (never decoded, so the data is a stub)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(b"\x00"))
        + _chunk(b"IEND", b"")
    )


def zip_with(names: Iterable[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in names:
            zf.writestr(name, "<x/>")
    return buf.getvalue()


def pdf_with_page_loop() -> bytes:
    """A complete PDF whose page tree points back at itself."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def write(root: Path, files: Mapping[str, bytes]) -> None:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def raw_entry(folder: Path, raw_name: bytes, data: bytes | None = b"x") -> bytes:
    """Create a file (or, with ``data=None``, a folder) whose name is raw bytes (e.g. GBK).

    pathlib cannot name a file by bytes, hence os and open here."""
    path = os.path.join(os.fsencode(folder), raw_name)  # noqa: PTH118
    if data is None:
        os.mkdir(path)  # noqa: PTH102
    else:
        with open(path, "wb") as fh:  # noqa: PTH123
            fh.write(data)
    return path
