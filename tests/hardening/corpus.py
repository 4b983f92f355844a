"""Broken and hostile files, built by code: PDFs, images, archives.

Every builder returns bytes (or writes a file) deterministically; nothing is downloaded and
nothing is checked in. Hand-written PDFs use :func:`raw_pdf`, which lays out numbered objects
and a correct cross-reference table (or, on request, a broken one) so that each file breaks in
exactly one way.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from collections.abc import Iterator, Mapping

import factory

#: synthetic personal data (a valid checksum and birth date, but nobody's number)
ID_NUMBER = "11010519491231002X"
MOBILE = "13800138000"


def raw_pdf(
    objects: Mapping[int, bytes],
    *,
    root: int = 1,
    xref: bool = True,
    xref_offset_shift: int = 0,
    trailer_extra: bytes = b"",
) -> bytes:
    """A PDF from ``{number: body}`` (body without ``obj``/``endobj``)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = out.tell()
        out.write(b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n")
    size = max(objects) + 1
    start = out.tell()
    if xref:
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        for num in range(1, size):
            if num in offsets:
                out.write(b"%010d 00000 n \n" % offsets[num])
            else:
                out.write(b"0000000000 65535 f \n")
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\n" % (size, root, trailer_extra))
    out.write(b"startxref\n%d\n%%%%EOF\n" % (start + xref_offset_shift))
    return out.getvalue()


def _page(parent: int = 2, contents: int | None = None, resources: bytes = b"<< >>") -> bytes:
    body = b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources " % parent
    body += resources
    if contents is not None:
        body += b" /Contents %d 0 R" % contents
    return body + b" >>"


def minimal_pdf() -> bytes:
    """One empty page, hand-written (the base the structural breakages start from)."""
    return raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: _page(),
        }
    )


def page_tree_loop() -> bytes:
    """A /Pages node that lists itself (and its parent) among its kids."""
    return raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [4 0 R 3 0 R] /Count 2 >>",
            3: _page(),
            4: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 1 >>",
        }
    )


def page_count_lie() -> bytes:
    """A page tree that claims two billion pages."""
    return raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>",
            3: _page(),
        }
    )


def reference_cycle() -> bytes:
    """Indirect objects that refer to each other: /Pages → 5 → 6 → 5."""
    return raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 5 0 R >>",
            5: b"6 0 R",
            6: b"5 0 R",
        }
    )


def self_referring_object_stream() -> bytes:
    """An object stream whose objects live in itself (and whose /Extends is itself)."""
    inner = b"7 0 << /Type /Catalog /Pages 7 0 R >>"
    stream = (
        b"<< /Type /ObjStm /N 1 /First 4 /Extends 7 0 R /Length %d >>\nstream\n" % len(inner)
        + inner
        + b"\nendstream"
    )
    # a cross-reference stream would be needed to put object 7 inside the stream; instead the
    # table claims object 1 is compressed in stream 7 and stream 7 is compressed in itself
    body = {1: b"<< /Type /Catalog /Pages 7 0 R >>", 7: stream}
    return raw_pdf(body)


def xref_stream_self_reference() -> bytes:
    """A cross-reference *stream* whose /Prev points at itself."""
    head = b"%PDF-1.7\n"
    obj1 = b"1 0 obj\n<< /Type /Catalog /Pages 1 0 R >>\nendobj\n"
    offset = len(head) + len(obj1)
    data = b"\x01" + struct.pack(">I", len(head)) + b"\x00"
    xs = (
        b"2 0 obj\n<< /Type /XRef /Size 3 /W [1 4 1] /Index [1 1] /Root 1 0 R /Prev %d "
        b"/Length %d >>\nstream\n" % (offset, len(data)) + data + b"\nendstream\nendobj\n"
    )
    return head + obj1 + xs + b"startxref\n%d\n%%%%EOF\n" % offset


def broken_xref_tables() -> Iterator[tuple[str, bytes]]:
    """Cross-reference tables that lie in different ways."""
    good = minimal_pdf()
    yield "startxref-past-end", raw_pdf(_three(), xref_offset_shift=10_000_000)
    yield "startxref-negative", good.replace(b"startxref\n", b"startxref\n-")
    yield "startxref-into-object", raw_pdf(_three(), xref_offset_shift=-60)
    yield "xref-garbage", good.replace(b"xref\n0 4", b"xref\n0 9999999999")
    offsets = good.replace(b" 00000 n ", b" 99999 n ")
    yield "xref-bad-generations", offsets
    yield "xref-offsets-zeroed", _zero_offsets(good)
    yield "no-xref-keyword", good.replace(b"xref\n", b"xxxx\n")
    yield "trailer-no-root", good.replace(b"/Root 1 0 R", b"")
    yield "root-not-dict", raw_pdf({1: b"(a string)", 2: b"<< >>"})
    yield "prev-loop", raw_pdf(_three(), trailer_extra=b"/Prev 9 ")


def _three() -> dict[int, bytes]:
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: _page(),
    }


def _zero_offsets(pdf: bytes) -> bytes:
    head, sep, tail = pdf.partition(b"xref\n")
    lines = tail.split(b"\n")
    lines = [b"0000000000 00000 n " if ln.endswith(b" n ") else ln for ln in lines]
    return head + sep + b"\n".join(lines)


def image_bomb_pdf(width: int = 2_000_000_000, height: int = 2_000_000_000) -> bytes:
    """A page whose image XObject declares absurd dimensions (its data is tiny)."""
    data = zlib.compress(b"\x00" * 64)
    image = (
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % (width, height, len(data))
        + data
        + b"\nendstream"
    )
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    return raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: _page(contents=4, resources=b"<< /XObject << /Im0 5 0 R >> >>"),
            4: b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            5: image,
        }
    )


def flate_bomb_pdf(megabytes: int = 200) -> bytes:
    """A content stream that inflates to ``megabytes`` MB of text operators (zip-bomb style)."""
    chunk = b"BT /F1 12 Tf (A) Tj ET\n" * 4096
    comp = zlib.compressobj(9)
    parts = []
    total = 0
    while total < megabytes * 1_000_000:
        parts.append(comp.compress(chunk))
        total += len(chunk)
    parts.append(comp.flush())
    data = b"".join(parts)
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    return raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: _page(contents=4, resources=b"<< /Font << /F1 5 0 R >> >>"),
            4: b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data)
            + data
            + b"\nendstream",
            5: font,
        }
    )


def deep_nesting_pdf(depth: int = 100_000) -> bytes:
    """An object nested ``depth`` arrays deep (a recursion bomb for a parser)."""
    return raw_pdf(
        {
            1: b"<< /Type /Catalog /Pages 2 0 R /X " + b"[" * depth + b"]" * depth + b" >>",
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: _page(),
        }
    )


def many_pages_pdf(pages: int = 3000) -> bytes:
    """A valid PDF with many (empty) pages, hand-written so it is quick to build."""
    objects: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)
    for i in range(pages):
        objects[3 + i] = _page()
    return raw_pdf(objects)


def encrypted_pdfs() -> Iterator[tuple[str, bytes]]:
    """One PDF per encryption pypdf's writer supports, with and without a user password.

    AES needs the ``cryptography`` package; without it only RC4 is produced (pypdf's RC4 is
    pure Python). reportlab's own (RC4-40/128) encryption is included as a second writer.
    """
    from pypdf import PdfReader, PdfWriter

    base = factory.pdf_bytes(2, text="ENCRYPTED")
    algorithms = ["RC4-40", "RC4-128"]
    if _has_cryptography():
        algorithms += ["AES-128", "AES-256-R5", "AES-256"]
    for algorithm in algorithms:
        for user in ("", "secret"):
            writer = PdfWriter(clone_from=PdfReader(io.BytesIO(base)))
            writer.encrypt(user_password=user, owner_password="owner", algorithm=algorithm)
            buf = io.BytesIO()
            writer.write(buf)
            label = f"{algorithm}-{'empty-user' if not user else 'user-password'}"
            yield label, buf.getvalue()
    yield "reportlab-empty-user", factory.pdf_bytes(1, encrypt="")
    yield "reportlab-user-password", factory.pdf_bytes(1, encrypt="secret")


def _has_cryptography() -> bool:
    try:
        import cryptography  # noqa: F401
    except ImportError:
        return False
    return True


def flipped(data: bytes, seed: int, count: int = 8) -> bytes:
    """``data`` with ``count`` bytes at random places replaced by random values."""
    rng = random.Random(seed)
    buf = bytearray(data)
    for _ in range(count if buf else 0):
        buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def truncations(data: bytes, count: int = 24) -> Iterator[tuple[int, bytes]]:
    """``data`` cut at ``count`` offsets spread over the file (and near both ends)."""
    n = len(data)
    cuts = sorted(
        {1, 2, 5, 8, 9, 64, n // 2, n - 1, n - 2, n - 7, n - 20}
        | {n * k // count for k in range(1, count)}
    )
    for cut in cuts:
        if 0 < cut < n:
            yield cut, data[:cut]


# --- images -----------------------------------------------------------------------------------


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
    )


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG whose header declares ``width`` × ``height`` pixels (10 gigapixels by default)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def jpeg_bomb(width: int = 65_500, height: int = 65_500) -> bytes:
    """A JPEG whose SOF0 declares 65,500 × 65,500 pixels."""
    real = factory.image_bytes("jpeg", size=(16, 16), dpi=150)
    i = real.index(b"\xff\xc0")
    sof = bytearray(real[i : i + 9])
    sof[5:7] = struct.pack(">H", height)
    sof[7:9] = struct.pack(">H", width)
    return real[:i] + bytes(sof) + real[i + 9 :]


def bad_images() -> Iterator[tuple[str, str, bytes]]:
    """(label, extension, bytes) of images with broken headers."""
    jpeg = factory.image_bytes("jpeg", size=(64, 90), dpi=150)
    png = factory.image_bytes("png", size=(64, 90), dpi=150)
    yield "jpeg-magic-only", "jpg", b"\xff\xd8\xff"
    yield "jpeg-no-sof", "jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9"
    yield "jpeg-truncated", "jpg", jpeg[: len(jpeg) // 3]
    yield "jpeg-flipped", "jpg", flipped(jpeg, 1, 40)
    yield "jpeg-zero-size", "jpg", _jpeg_with_size(jpeg, 0, 0)
    yield "jpeg-bomb", "jpg", jpeg_bomb()
    yield "png-magic-only", "png", b"\x89PNG\r\n\x1a\n"
    yield "png-bad-crc", "png", png[:29] + b"\x00\x00\x00\x00" + png[33:]
    yield "png-truncated", "png", png[: len(png) // 2]
    yield "png-bomb", "png", png_bomb()
    yield "png-zero-size", "png", png_bomb(0, 0)
    yield "png-flipped", "png", flipped(png, 2, 40)
    yield (
        "png-ihdr-short",
        "png",
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", b"\x00") + png_chunk(b"IEND", b""),
    )


def _jpeg_with_size(jpeg: bytes, width: int, height: int) -> bytes:
    i = jpeg.index(b"\xff\xc0")
    sof = bytearray(jpeg[i : i + 9])
    sof[5:7] = struct.pack(">H", height)
    sof[7:9] = struct.pack(">H", width)
    return jpeg[:i] + bytes(sof) + jpeg[i + 9 :]
