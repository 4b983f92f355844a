"""Inspecting a file's bytes: format, PDF structure, image headers, bounded and quiet."""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path

import pytest

from checks import scan_support as s
from icp_renew.dossier.model import FileInfo
from icp_renew.inspect import extension_of, image_dpi, inspect_file, sniff, sniff_format


def put(tmp_path: Path, data: bytes, name: str = "f.bin") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def info(tmp_path: Path, data: bytes, **kw) -> FileInfo:
    return inspect_file(put(tmp_path, data), **kw)


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\xef\xbb\xbf junk %PDF-1.4", "pdf"),  # a header after some junk is still a PDF
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00", "png"),
        (b"II*\x00\x08\x00", "tiff"),
        (b"MM\x00*\x00\x00", "tiff"),
        (b"PK\x03\x04", "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
        (b"GIF89a", "gif"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00", "heic"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"),
        (b"hello, world", None),
        (b"", None),
    ],
)
def test_sniff(head, fmt):
    assert sniff(head) == fmt


def test_extension_of():
    assert extension_of("a/b/营业执照.PDF") == "pdf"
    assert extension_of("a.b/noext") == ""
    assert extension_of(".hidden") == ""
    assert extension_of("x.tar.gz") == "gz"


def test_empty_file(tmp_path):
    assert info(tmp_path, b"") == FileInfo(format=None, size=0)


def test_pdf_pages_and_no_text_unless_asked(tmp_path):
    i = info(tmp_path, s.pdf(3, "经营范围：第二类增值电信业务"))
    assert (i.format, i.pages, i.encrypted, i.corrupt) == ("pdf", 3, False, None)
    assert i.text is None and i.has_text is None and i.min_dpi is None
    j = info(tmp_path, s.pdf(3, "经营范围：第二类增值电信业务"), want_text=True)
    assert j.has_text is True
    assert "增值电信业务" in (j.text or "")


def test_scan_only_pdf_has_no_text(tmp_path):
    i = info(tmp_path, s.pdf(1, None, image_dpi=72), want_text=True)
    assert i.has_text is False
    assert i.min_dpi == pytest.approx(72, abs=0.5)


@pytest.mark.parametrize("dpi", [72, 150])
def test_pdf_page_image_resolution(tmp_path, dpi):
    assert info(tmp_path, s.pdf(2, None, image_dpi=dpi)).min_dpi == pytest.approx(dpi, abs=0.5)


def test_pdf_logo_is_not_a_scan(tmp_path):
    assert info(tmp_path, s.pdf_with_logo()).min_dpi is None


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99])
def test_truncated_pdf_is_corrupt(tmp_path, keep):
    i = info(tmp_path, s.truncated(s.pdf(2), keep))
    assert i.format == "pdf"
    assert i.corrupt is not None and i.corrupt.startswith("truncated")
    assert i.pages is None


def test_unparseable_pdf_is_corrupt(tmp_path):
    data = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage\nstartxref\n999\n%%EOF\n"
    i = info(tmp_path, data)
    assert i.format == "pdf" and i.corrupt and i.pages is None


def test_hostile_page_tree_does_not_escape(tmp_path):
    i = info(tmp_path, s.pdf_with_page_loop(), want_text=True)
    assert i.format == "pdf"
    assert i.corrupt is not None or i.pages is not None  # a finding either way, no exception


@pytest.mark.parametrize("password", ["", "secret"])
def test_encrypted_pdf(tmp_path, password):
    i = info(tmp_path, s.pdf(2, encrypt=password), want_text=True)
    assert (i.format, i.encrypted, i.text) == ("pdf", True, None)


def test_pypdf_noise_is_suppressed(tmp_path, capfd, caplog):
    data = s.pdf(1)
    start = data.rindex(b"startxref\n") + len(b"startxref\n")
    end = data.index(b"\n", start)
    wrong = data[:start] + b"7" + data[end:]  # a wrong xref offset: pypdf repairs and complains
    with caplog.at_level(logging.DEBUG):
        i = info(tmp_path, wrong)
    assert i.pages == 1 and i.corrupt is None
    assert capfd.readouterr().err == ""
    assert logging.getLogger("pypdf").level == logging.NOTSET  # restored


def test_png_with_and_without_phys(tmp_path):
    with_phys = info(tmp_path, s.image("png", dpi=300))
    assert (with_phys.format, with_phys.pages, with_phys.width, with_phys.height) == (
        "png",
        1,
        1240,
        1754,
    )
    assert with_phys.min_dpi == pytest.approx(300, abs=0.5)
    assert with_phys.notes == ()
    without = info(tmp_path, s.image("png", dpi=None))
    assert without.min_dpi == pytest.approx(150, abs=0.5)  # A4 estimate
    assert "estimated" in without.notes[0]


def test_jpeg_header_dpi(tmp_path):
    i = info(tmp_path, s.image("jpeg", size=(620, 877), dpi=75))
    assert (i.format, i.min_dpi, i.notes) == ("jpeg", 75, ())


@pytest.mark.parametrize(
    ("size", "header", "expected"),
    [
        ((1240, 1754), (150, 150), (150, False)),
        ((1011, 638), (300, 300), (300, False)),  # an ID card at 300 dpi: its header is right
        ((4000, 3000), (72, 72), (342.1, True)),  # a camera's nominal 72 dpi: estimated
        ((1754, 1240), None, (150.0, True)),  # landscape A4
        ((1011, 638), None, (None, False)),  # not A4-shaped, no header: not judged
        ((1240, 1754), (0, 0), (150.0, True)),
        ((0, 0), None, (None, False)),
    ],
)
def test_image_dpi(size, header, expected):
    dpi, estimated = image_dpi(*size, header)
    assert (dpi if dpi is None else pytest.approx(expected[0], abs=0.2), estimated) == expected


def test_truncated_and_bogus_images(tmp_path):
    png = info(tmp_path, s.truncated(s.image("png"), 0.6))
    assert png.format == "png" and png.corrupt and "IEND" in png.corrupt
    jpeg = info(tmp_path, b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    assert jpeg.format == "jpeg" and jpeg.corrupt


def test_decompression_bomb_is_a_value(tmp_path):
    big = info(tmp_path, s.png_header_only(10_000, 10_000))  # warning size: header read
    assert (big.width, big.height, big.corrupt) == (10_000, 10_000, None)
    bomb = info(tmp_path, s.png_header_only(100_000, 100_000))
    assert bomb.format == "png" and bomb.corrupt and "too many pixels" in bomb.corrupt


@pytest.mark.parametrize(
    ("data", "name", "fmt"),
    [
        (s.zip_with(["OFD.xml", "Doc_0/Document.xml"]), "a.ofd", "ofd"),
        (s.zip_with(["[Content_Types].xml", "word/document.xml"]), "a.docx", "docx"),
        (s.zip_with(["[Content_Types].xml", "xl/workbook.xml"]), "a.xlsx", "xlsx"),
        (s.zip_with(["readme.txt"]), "a.zip", "zip"),
        (b"PK\x03\x04 not really a zip", "a.zip", "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "a.doc", "doc"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "a.xls", "xls"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "a.bin", "ole"),
        (b"just some text", "a.pdf", None),
    ],
)
def test_other_formats(tmp_path, data, name, fmt):
    i = inspect_file(put(tmp_path, data, name))
    assert (i.format, i.size, i.pages) == (fmt, len(data), None)
    assert sniff_format(tmp_path / name) == fmt  # what pack names the file by, early


def test_sniffed_format_is_the_inspected_one(tmp_path):
    """``pack`` names files by ``sniff_format`` before the check ends: the same as inspection
    gives for every kind of file, broken ones included."""
    import factory

    specs = ["pdf:3", "jpeg", "png", "text:说明", b"", b"%PDF-1.7\n" + b"\x00" * 50]
    specs.append(factory.content("pdf:2")[:300])  # truncated
    specs.append(factory.pdf_bytes(1, encrypt=""))
    for i, spec in enumerate(specs):
        path = put(tmp_path, factory.content(spec), f"f{i}.pdf")
        assert sniff_format(path) == inspect_file(path).format, spec
    assert sniff_format(tmp_path / "missing.pdf") is None


def test_fifo_and_link_are_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    signal.alarm(20)  # fail rather than hang if it ever blocks
    try:
        with pytest.raises(OSError):
            inspect_file(fifo)
    finally:
        signal.alarm(0)
    target = put(tmp_path, s.pdf(1), "t.pdf")
    link = tmp_path / "l.pdf"
    link.symlink_to(target)
    with pytest.raises(OSError):
        inspect_file(link)


def test_unreadable_file_becomes_unsafe(tmp_path, monkeypatch):
    root = s.factory.make_dossier(
        tmp_path / "d", None, {"business-license/a.pdf": s.pdf(1), "icp-license/b.pdf": s.pdf(4)}
    )
    real = os.open
    locked = root / "icp-license" / "b.pdf"

    def fake_open(path, flags, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    ctx = s.context(root)
    assert [f.path for f in ctx.dossier.files] == ["business-license/a.pdf"]
    assert [(u.path, u.reason, u.detail, u.material) for u in ctx.dossier.unsafe] == [
        ("icp-license/b.pdf", "unreadable", "Permission denied", "icp-license")
    ]
