"""PDFs for the page-tree walk's differential test: odd trees, object streams, scans.

Hand-written files use :func:`corpus.raw_pdf` (a correct cross-reference table);
``objstreams.py`` writes them with cross-reference and object streams.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping

import corpus

import factory

#: which way decided for a file: the walk, or pypdf's own way after the walk gave up
FAST, PYPDF = "walk", "pypdf"
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
MEDIABOX = b"[0 0 595 842]"
#: an image dictionary the size of an A4 scan at 150 dpi (1240 × 1754 px), a few data bytes
SCAN = b"<< /Type /XObject /Subtype /Image /Width 1240 /Height 1754 /BitsPerComponent 8 "
SCAN += b"/ColorSpace /DeviceGray /Length 4 >>\nstream\n\x00\x00\x00\x00\nendstream"
#: a 300 dpi one
SCAN_300 = SCAN.replace(b"1240", b"2480").replace(b"1754", b"3508")


def image(width: int, height: int) -> bytes:
    """An image XObject of ``width`` × ``height`` pixels (four bytes of data)."""
    return (
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent 8 "
        b"/ColorSpace /DeviceGray /Length 4 >>\nstream\n\x00\x00\x00\x00\nendstream"
        % (width, height)
    )


def resources(*images: int) -> bytes:
    """A resource dictionary naming the image objects ``images``."""
    names = b" ".join(b"/Im%d %d 0 R" % (i, num) for i, num in enumerate(images))
    return b"<< /XObject << " + names + b" >> >>"


def tree(objects: Mapping[int, bytes]) -> bytes:
    """A file whose catalog is object 1 pointing at the page tree in object 2."""
    return corpus.raw_pdf({1: CATALOG, **objects})


def hand_made() -> Iterator[tuple[str, bytes]]:
    """Page trees a producer rarely writes, each odd in one way."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s >>"
    scan_page = page % resources(9)
    yield (
        "three levels, inherited box and resources",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 4 /MediaBox %s /Resources %s >>"
                % (MEDIABOX, resources(9)),
                3: b"<< /Type /Pages /Parent 2 0 R /Kids [5 0 R 6 0 R] /Count 2 >>",
                4: b"<< /Type /Pages /Parent 2 0 R /Kids [7 0 R 8 0 R] /Count 2 "
                b"/MediaBox [0 0 842 595] /Resources %s >>" % resources(10),
                5: b"<< /Type /Page /Parent 3 0 R >>",
                6: b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 1190 1684] >>",
                7: b"<< /Type /Page /Parent 4 0 R >>",
                8: b"<< /Type /Page /Parent 4 0 R /Resources << >> >>",
                9: SCAN,
                10: image(1754, 1240),
            }
        ),
    )
    yield (
        "inherited values by reference",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox 4 0 R /Resources 5 0 R >>",
                3: b"<< /Type /Page /Parent 2 0 R >>",
                4: MEDIABOX,
                5: resources(6),
                6: SCAN_300,
            }
        ),
    )
    yield (
        "an inline page in /Kids",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R << /Type /Page /MediaBox [0 0 595 842] "
                b"/Resources << /XObject << /A 4 0 R >> >> >>] /Count 2 >>",
                3: scan_page,
                4: image(620, 877),
                9: SCAN,
            }
        ),
    )
    yield (
        "an inline /Pages node",
        tree(
            {
                2: b"<< /Type /Pages /MediaBox [0 0 595 842] /Kids [<< /Type /Pages /Kids "
                b"[3 0 R 4 0 R] /Resources %s >>] /Count 2 >>" % resources(9),
                3: b"<< /Type /Page >>",
                4: b"<< /Type /Page >>",
                9: SCAN,
            }
        ),
    )
    yield (
        "a kid that is its parent",
        tree({2: b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>", 3: scan_page, 9: SCAN}),
    )
    yield (
        "a kid that is the root",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
                3: scan_page,
                4: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
                9: SCAN,
            }
        ),
    )
    yield (
        "a page listed twice",
        tree({2: b"<< /Type /Pages /Kids [3 0 R 3 0 R] /Count 2 >>", 3: scan_page, 9: SCAN}),
    )
    yield (
        "a /Pages node listed twice",
        tree(
            {
                2: b"<< /Type /Pages /Kids [4 0 R 4 0 R] /Count 2 >>",
                4: b"<< /Type /Pages /Parent 2 0 R /Kids [3 0 R] /Count 1 >>",
                3: scan_page,
                9: SCAN,
            }
        ),
    )
    for label, kids in (
        ("a number", b"7"),
        ("a name", b"/Kids"),
        ("a dictionary", b"<< /Type /Page >>"),
        ("null", b"null"),
        ("a reference to an array", b"5 0 R"),
        ("a reference to a number", b"6 0 R"),
        ("a reference to nothing", b"40 0 R"),
    ):
        yield (
            f"/Kids is {label}",
            tree(
                {
                    2: b"<< /Type /Pages /Kids %s /Count 1 >>" % kids,
                    3: scan_page,
                    5: b"[3 0 R]",
                    6: b"3",
                    9: SCAN,
                }
            ),
        )
    yield (
        "a /Pages node without /Kids",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
                3: scan_page,
                4: b"<< /Type /Pages /Parent 2 0 R /Count 5 >>",
                9: SCAN,
            }
        ),
    )
    yield (
        "pages without /Type",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
                3: scan_page.replace(b"/Type /Page ", b""),
                4: b"<< /Parent 2 0 R /Kids [6 0 R] >>",
                5: b"<< /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                6: b"<< /MediaBox [0 0 595 842] /Resources %s >>" % resources(9),
                9: SCAN,
            }
        ),
    )
    yield "a root without /Type", tree({2: b"<< /Kids [3 0 R] /Count 1 >>", 3: scan_page, 9: SCAN})
    yield (
        "odd /Type values",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R 6 0 R 7 0 R] /Count 5 >>",
                3: scan_page.replace(b"/Type /Page", b"/Type 8 0 R"),
                4: scan_page.replace(b"/Type /Page", b"/Type /Pagex"),
                5: scan_page.replace(b"/Type /Page", b"/Type (/Page)"),
                6: scan_page.replace(b"/Type /Page", b"/Type 12"),
                7: scan_page.replace(b"/Type /Page", b"/Type /Catalog"),
                8: b"/Page",
                9: SCAN,
            }
        ),
    )
    yield "the root is a page", tree({2: scan_page.replace(b"/Parent 2 0 R ", b""), 9: SCAN})
    yield "the root is not a dictionary", tree({2: b"[3 0 R]", 3: scan_page, 9: SCAN})
    yield (
        "no /Pages in the catalog",
        corpus.raw_pdf({1: b"<< /Type /Catalog >>", 3: scan_page, 9: SCAN}),
    )
    for label, count in (("high", 200), ("low", 1), ("negative", -3), ("not a number", "/X")):
        yield (
            f"/Count lies {label}",
            tree(
                {
                    2: b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count %s >>"
                    % str(count).encode(),
                    3: scan_page,
                    4: scan_page,
                    5: scan_page,
                    9: SCAN,
                }
            ),
        )
    yield (
        "kids that are not pages",
        tree(
            {
                2: b"<< /Type /Pages /Kids [null 5 << >> (text) 3 0 R 6 0 R 7 0 R 40 0 R] /Count 9 >>",
                3: scan_page,
                6: b"<< >>",
                7: b"null",
                9: SCAN,
            }
        ),
    )
    yield (
        "a kid that is a stream",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R 9 0 R 4 0 R] /Count 3 >>",
                3: scan_page,
                4: b"<< /Length 0 >>\nstream\n\nendstream",
                9: SCAN,
            }
        ),
    )
    yield (
        "a page longer than the copy",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                3: scan_page[:-2] + b"/Annots [" + b" ".join([b"0 0 0"] * 2000) + b"] >>",
                9: SCAN,
            }
        ),
    )
    yield (
        "a comment before endobj",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                3: scan_page + b"\n% a comment",
                9: SCAN,
            }
        ),
    )
    yield (
        "endobj inside a string",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                3: scan_page[:-2] + b"/X (endobj stream) >>",
                9: SCAN,
            }
        ),
    )
    # "endobj" early in a string, and a value that runs past the 4 KB copy: its parse
    # from the copy is cut short, so the object is pypdf's to read
    for label, long in (
        ("a string", b"(" + b"x" * 5000 + b")"),
        ("a hex string", b"<" + b"41" * 3000 + b">"),
        ("a dictionary", b"<< /A [" + b"1 " * 3000 + b"] >>"),
    ):
        yield (
            f"endobj in a string, then {label} past the copy",
            tree(
                {
                    2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    3: b"<< /Type /Page /X (a >>endobj) /Parent 2 0 R /Resources %s /T %s "
                    b"/MediaBox [0 0 595 842] >>" % (resources(9), long),
                    9: SCAN,
                }
            ),
        )
    yield (
        "a damaged page dictionary",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                3: b"<< /Type /Page /MediaBox [0 0 5",
                9: SCAN,
            }
        ),
    )
    yield (
        "no /MediaBox anywhere",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                3: b"<< /Type /Page /Resources %s >>" % resources(9),
                9: SCAN,
            }
        ),
    )
    yield (
        "a /MediaBox of two numbers",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0] >>",
                3: b"<< /Type /Page /Resources %s >>" % resources(9),
                9: SCAN,
            }
        ),
    )
    yield (
        "a /MediaBox that is the catalog",
        tree(
            {
                2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox 1 0 R >>",
                3: b"<< /Type /Page /Parent 2 0 R /Resources %s >>" % resources(9),
                9: SCAN,
            }
        ),
    )
    depth = 120  # beyond pypdf's page-tree depth limit (100)
    chain = {2 + i: b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (3 + i) for i in range(depth)}
    yield "a tree deeper than pypdf's limit", tree({**chain, 2 + depth: scan_page, 500: SCAN})
    good = tree({2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", 3: scan_page, 9: SCAN})
    yield "a wrong startxref", _shift_startxref(good, 7)
    yield "a wrong offset for the page", _shift_entry(good, 3, 5)
    yield "a wrong offset for the page tree", _shift_entry(good, 2, -4)
    looped = tree(
        {
            2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            3: scan_page,
            9: SCAN.replace(b"/Length 4", b"/Length 9 0 R"),
        }
    )
    yield "an image whose /Length is itself", _shift_entry(looped, 9, 3)
    for cut, data in corpus.truncations(good, count=6):
        yield f"truncated at {cut}", data


def way(data: bytes) -> str | None:
    """Which way decides for this file: the walk, pypdf's, or neither (not opened)."""
    from pypdf import PdfReader

    from icp_renew.inspect.common import quiet
    from icp_renew.inspect.pagetree import walk
    from icp_renew.inspect.pdf import DPI_PAGES

    with quiet():
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                return None
        except Exception:
            return None
        return FAST if walk(reader, DPI_PAGES) is not None else PYPDF


def _shift_startxref(pdf: bytes, delta: int) -> bytes:
    at = pdf.rindex(b"startxref\n") + len(b"startxref\n")
    end = pdf.index(b"\n", at)
    return pdf[:at] + b"%d" % (int(pdf[at:end]) + delta) + pdf[end:]


def _shift_entry(pdf: bytes, num: int, delta: int) -> bytes:
    """The cross-reference entry of object ``num`` off by ``delta`` bytes."""
    table = pdf.rindex(b"\nxref\n") + 1
    line = pdf.index(b"\n", table + len(b"xref\n")) + 1 + 20 * num  # entries of 20 bytes
    offset = int(pdf[line : line + 10]) + delta
    return pdf[:line] + b"%010d" % offset + pdf[line + 10 :]


def scans(pages: int, sizes: list[tuple[int, int]], *, text: bool = False) -> bytes:
    """A reportlab PDF whose page i shows an image of ``sizes[i % len(sizes)]`` pixels over
    the whole page, and every third page a small logo too (born-digital when ``sizes`` is
    empty)."""
    factory.need("reportlab")
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=factory.A4, invariant=1)
    for i in range(pages):
        landscape = i % 4 == 3
        width, height = factory.A4[::-1] if landscape else factory.A4
        c.setPageSize((width, height))
        if sizes:
            w, h = sizes[i % len(sizes)]
            if landscape:
                w, h = h, w
            c.drawImage(ImageReader(factory._pil_image(w, h)), 0, 0, width, height)
        if i % 3 == 0:
            c.drawImage(ImageReader(factory._pil_image(60, 20)), 40, 40, 60, 20)
        if text or not sizes:
            c.drawString(72, height - 72, f"page {i + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()
