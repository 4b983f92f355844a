"""PDFs with a cross-reference stream and objects inside an object stream (PDF 1.5),
written by hand: pypdf's writer does not write object streams."""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator, Mapping

from pdftrees import CATALOG, SCAN, SCAN_300, resources


def xref_stream_pdf(objects: Mapping[int, bytes], packed: set[int], *, root: int = 1) -> bytes:
    """A PDF 1.5 file: a cross-reference stream, the ``packed`` objects in one object stream
    (ISO 32000-1, 7.5.7 and 7.5.8)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    size = max(objects) + 3
    stm, xref_num = size - 2, size - 1
    entries: dict[int, tuple[int, int, int]] = {}
    for num in sorted(objects):
        if num not in packed:
            entries[num] = (1, out.tell(), 0)
            out.write(b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n")
    heads, bodies = [], b""
    for index, num in enumerate(sorted(packed)):
        heads.append(b"%d %d" % (num, len(bodies)))
        bodies += objects[num] + b"\n"
        entries[num] = (2, stm, index)
    head = b" ".join(heads) + b"\n"
    entries[stm] = (1, out.tell(), 0)
    out.write(
        b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Length %d >>\nstream\n"
        % (stm, len(packed), len(head), len(head) + len(bodies))
        + head
        + bodies
        + b"\nendstream\nendobj\n"
    )
    start = out.tell()
    entries[xref_num] = (1, start, 0)
    rows = b"".join(
        struct.pack(">BIH", *entries.get(num, (0, 0, 65535 if num == 0 else 0)))
        for num in range(size)
    )
    out.write(
        b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Length %d >>\nstream\n"
        % (xref_num, size, root, len(rows))
        + rows
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % start
    )
    return out.getvalue()


def object_streams() -> Iterator[tuple[str, bytes]]:
    """Cross-reference streams, with the page tree partly inside an object stream."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s >>"
    objects = {
        1: CATALOG,
        2: b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
        3: page % resources(9),
        4: page % resources(10),
        5: b"<< /Type /Pages /Parent 2 0 R /Kids [6 0 R] /Count 1 /Resources 7 0 R >>",
        6: b"<< /Type /Page /Parent 5 0 R /MediaBox [0 0 842 595] >>",
        7: resources(9),
        9: SCAN,
        10: SCAN_300,
    }
    yield "xref stream, nothing packed", xref_stream_pdf(objects, set())
    yield "xref stream, pages packed", xref_stream_pdf(objects, {2, 3, 5})
    yield "xref stream, all but the images packed", xref_stream_pdf(objects, {1, 2, 3, 4, 5, 6, 7})
