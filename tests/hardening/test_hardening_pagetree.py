"""The page-tree walk (``inspect/pagetree.py``) changes no result: a differential test.

For every PDF of a varied corpus, ``inspect_file`` gives exactly what it gave before the
walk, when pypdf's ``len(reader.pages)`` counted the pages and the resolution was read from
``reader.pages`` (``pdf._inspect_with_pypdf``, kept for this comparison), with and without
text. The corpus: the test factory's PDFs, the committed examples (``test_examples``
proves they are what ``examples/make_examples.py`` writes), reportlab scans of 1, 5 and 40
pages with images of several sizes, born-digital pages, the hostile corpus, hand-made page
trees (``pdftrees.py``), cross-reference and object streams, damaged bytes, and random
trees drawn by hypothesis. Each case also states which way decided (the walk, or pypdf's
way after the walk gave up), so the test cannot pass with the walk never running.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import corpus
import objstreams
import pdftrees
import pytest

import factory
from icp_renew.dossier.model import FileInfo
from icp_renew.inspect import inspect_file
from icp_renew.inspect import pdf as pdf_mod

ROOT = Path(__file__).resolve().parents[2]
FAST, PYPDF, way = pdftrees.FAST, pdftrees.PYPDF, pdftrees.way


def old_inspect_file(path: Path, want_text: bool) -> FileInfo:
    """``inspect_file`` as it was: pypdf's page list for the count and the resolution."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("icp_renew.inspect.inspect_pdf", pdf_mod._inspect_with_pypdf)
        return inspect_file(path, want_text=want_text)


def compare(tmp_path: Path, cases: Iterable[tuple[str, bytes]]) -> dict[str, str | None]:
    """Assert new == old for every case (without and with text); the way each took."""
    ways: dict[str, str | None] = {}
    differ: list[str] = []
    for i, (name, data) in enumerate(cases):
        path = tmp_path / f"{i}.pdf"
        path.write_bytes(data)
        for want_text in (False, True):
            new, old = inspect_file(path, want_text=want_text), old_inspect_file(path, want_text)
            if new != old:
                differ.append(f"{name} (text: {want_text}):\n  new {new}\n  old {old}")
        ways[name] = way(data)
    assert not differ, "\n".join(differ)
    return ways


def test_factory_pdfs_are_unchanged(tmp_path: Path) -> None:
    cases = [
        ("1 page, text", factory.pdf_bytes(1)),
        ("3 pages, no text", factory.pdf_bytes(3, text=None)),
        ("2 pages, 150 dpi", factory.pdf_bytes(2, image_dpi=150)),
        ("4 pages, 72 dpi, no text", factory.pdf_bytes(4, text=None, image_dpi=72)),
        ("12 pages, text", factory.pdf_bytes(12, text="第二类增值电信业务")),
    ]
    cases += [
        (spec, factory.content(spec))
        for spec in sorted(set(map(str, factory.COMPLETE_FILES.values())))
    ]
    cases = [(n, d) for n, d in cases if d.startswith(b"%PDF")]
    ways = compare(tmp_path, cases)
    assert set(ways.values()) == {FAST}, ways
    info = inspect_file(tmp_path / "3.pdf")  # the 4 pages at 72 dpi
    assert (info.pages, info.min_dpi, info.has_text) == (4, 71.9, None)  # 72 dpi, whole pixels


def test_examples_are_unchanged(tmp_path: Path) -> None:
    pdfs = sorted((ROOT / "examples").rglob("*.pdf"))
    assert len(pdfs) >= 20
    ways = compare(tmp_path, [(p.relative_to(ROOT).as_posix(), p.read_bytes()) for p in pdfs])
    assert set(ways.values()) == {FAST, None}, ways  # one example is encrypted
    assert list(ways.values()).count(None) == 1


@pytest.mark.parametrize("pages", [1, 5, 40])
def test_reportlab_scans_are_unchanged(tmp_path: Path, pages: int) -> None:
    sizes = [(413, 585), (620, 877), (827, 1170), (500, 500), (1240, 1754)]  # 50–150 dpi, a square
    cases = [
        (f"{pages} pages of scans", pdftrees.scans(pages, sizes)),
        (f"{pages} pages of one scan size", pdftrees.scans(pages, sizes[1:2], text=True)),
        (f"{pages} born-digital pages", pdftrees.scans(pages, [])),
    ]
    ways = compare(tmp_path, cases)
    assert set(ways.values()) == {FAST}, ways
    scanned, born = inspect_file(tmp_path / "0.pdf"), inspect_file(tmp_path / "2.pdf")
    # page 1 is 50 dpi; page 4 (landscape, its image turned) 100 dpi; the square is no page scan
    assert (scanned.pages, scanned.min_dpi) == (pages, 50.0 if pages else None)
    assert (born.pages, born.min_dpi) == (pages, None)


#: the hand-made trees the walk decides itself; the others it leaves to pypdf
WALKED = {
    "three levels, inherited box and resources",
    "inherited values by reference",
    "an inline page in /Kids",
    "an inline /Pages node",
    "a /Pages node without /Kids",
    "pages without /Type",
    "a root without /Type",
    "odd /Type values",
    "the root is a page",
    "/Kids is null",
    "/Kids is a reference to an array",
    "/Count lies high",
    "/Count lies low",
    "/Count lies negative",
    "/Count lies not a number",
    "kids that are not pages",
    "a kid that is a stream",
    "a page longer than the copy",
    "a comment before endobj",
    "endobj inside a string",
    "a damaged page dictionary",
    "endobj in a string, then a string past the copy",
    "endobj in a string, then a hex string past the copy",
    "endobj in a string, then a dictionary past the copy",
    "no /MediaBox anywhere",
    "a /MediaBox of two numbers",
    "a wrong startxref",
    "a wrong offset for the page",
    "a wrong offset for the page tree",
    "an image whose /Length is itself",
    "a /MediaBox that is the catalog",
}


def test_hand_made_trees_are_unchanged(tmp_path: Path) -> None:
    cases = list(pdftrees.hand_made())
    ways = compare(tmp_path, cases)
    # (a file cut in its last bytes may still open: the check rejects it before pypdf)
    walked = {name for name, w in ways.items() if w == FAST and not name.startswith("truncated")}
    assert walked == WALKED
    left = {name for name, w in ways.items() if w == PYPDF}
    assert left >= {
        "a kid that is its parent",
        "a kid that is the root",
        "a page listed twice",
        "a /Pages node listed twice",
        "/Kids is a number",
        "a tree deeper than pypdf's limit",
    }
    results = {name: inspect_file(tmp_path / f"{i}.pdf") for i, (name, _) in enumerate(cases)}

    def outcome(name: str) -> tuple[int | None, float | None, str | None]:
        info = results[name]
        return info.pages, info.min_dpi, info.corrupt

    # 150 dpi on A4; the same scan on a page twice as large (inherited resources); the landscape
    # node's own image; a page whose own empty resources hide the inherited ones
    assert outcome("three levels, inherited box and resources") == (4, 75.0, None)
    assert outcome("inherited values by reference") == (1, 300.0, None)
    assert outcome("an inline page in /Kids") == (2, 75.0, None)
    assert outcome("an inline /Pages node") == (2, 150.0, None)
    assert outcome("pages without /Type") == (3, 150.0, None)
    assert outcome("/Count lies high") == (3, 150.0, None)
    assert outcome("/Count lies low") == (3, 150.0, None)
    assert outcome("a page listed twice") == (2, 150.0, None)
    assert outcome("a /Pages node without /Kids") == (1, 150.0, None)
    assert outcome("kids that are not pages")[0] == 1
    assert results["no /MediaBox anywhere"].notes[0].startswith("resolution not determined")
    # pypdf names an object with the reader's memory address: not in the notes
    assert results["an image whose /Length is itself"].notes == (
        "resolution not determined (LimitReachedError: "
        "Detected loop with self reference for IndirectObject(9, 0).)",
    )
    assert results["a /MediaBox that is the catalog"].notes == (
        "resolution not determined (ValueError: Expected an array of four values for "
        "/MediaBox, got {'/Type': '/Catalog', '/Pages': IndirectObject(2, 0)})",
    )
    assert outcome("a kid that is its parent") == (None, None, "Detected cyclic page references.")
    assert outcome("/Kids is a number")[2] == "Expected /Kids to be an array, got NumberObject."


def test_object_streams_are_unchanged(tmp_path: Path) -> None:
    cases = list(objstreams.object_streams())
    ways = compare(tmp_path, cases)
    assert set(ways.values()) == {FAST}, ways
    for i in range(len(cases)):
        info = inspect_file(tmp_path / f"{i}.pdf")
        assert (info.pages, info.min_dpi, info.corrupt) == (3, 150.0, None)


def test_hostile_corpus_is_unchanged(tmp_path: Path) -> None:
    cases = [
        ("minimal", corpus.minimal_pdf()),
        ("page-tree loop", corpus.page_tree_loop()),
        ("page-count lie", corpus.page_count_lie()),
        ("reference cycle", corpus.reference_cycle()),
        ("object stream in itself", corpus.self_referring_object_stream()),
        ("xref stream /Prev itself", corpus.xref_stream_self_reference()),
        ("image bomb", corpus.image_bomb_pdf()),
        ("deep nesting", corpus.deep_nesting_pdf()),
        ("3000 pages", corpus.many_pages_pdf()),
        *corpus.broken_xref_tables(),
        *((p.name, p.read_bytes()) for p in sorted((ROOT / "tests/data/encrypted").iterdir())),
    ]
    ways = compare(tmp_path, cases)
    assert ways["3000 pages"] == FAST and ways["page-count lie"] == FAST
    assert ways["page-tree loop"] == PYPDF
    assert inspect_file(tmp_path / "8.pdf").pages == 3000


def test_encrypted_are_unchanged(tmp_path: Path) -> None:
    ways = compare(tmp_path, corpus.encrypted_pdfs())
    assert set(ways.values()) == {None}, ways


def test_damaged_bytes_are_unchanged(tmp_path: Path) -> None:
    tree = pdftrees.tree(
        {
            2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /Resources %s >>"
            % pdftrees.resources(9),
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            9: pdftrees.SCAN,
        }
    )
    cases = [(f"tree flipped {seed}", corpus.flipped(tree, seed, 3)) for seed in range(40)]
    ways = compare(tmp_path, cases)
    assert FAST in ways.values()


def test_damaged_reportlab_bytes_are_unchanged(tmp_path: Path) -> None:
    base = factory.pdf_bytes(3, image_dpi=60)
    cases = [(f"flipped {seed}", corpus.flipped(base, seed)) for seed in range(12)]
    cases += [(f"cut at {cut}", data) for cut, data in corpus.truncations(base, 8)]
    ways = compare(tmp_path, cases)
    assert FAST in ways.values()


def test_files_above_the_read_cap_are_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file larger than the read cap is read through the cap (buffered, by the walk; one
    Python call a read, by pypdf's way): the same results, for every file made large."""
    monkeypatch.setattr(pdf_mod, "MAX_READ", 0)
    cases = [*pdftrees.hand_made(), *objstreams.object_streams()]
    cases += [(p.name, p.read_bytes()) for p in sorted((ROOT / "examples").rglob("*.pdf"))[:6]]
    ways = compare(tmp_path, cases)
    assert FAST in ways.values()


@pytest.mark.parametrize(
    "entries",
    [
        b"/Name /Imstream1",  # a name holding the word
        b"/DecodeParms << /Name /Imstream1 >>",  # …inside a nested dictionary
        b"/ID (stream)",  # a string
        b"/Alt [/streamx]",
    ],
)
def test_image_dictionary_holding_the_word_stream(tmp_path: Path, entries: bytes) -> None:
    """Only the image object's head is parsed, up to its ``stream`` keyword: the keyword
    after the dictionary's ``>>``, not the word inside a name or string before /Width
    (which cut the dictionary short: the scan was not judged)."""
    scan = pdftrees.SCAN.replace(b"/Width", entries + b" /Width")
    page = b"<< /Type /Page /MediaBox [0 0 595 842] /Resources %s >>" % pdftrees.resources(9)
    path = tmp_path / "scan.pdf"
    path.write_bytes(
        pdftrees.tree({2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", 3: page, 9: scan})
    )
    info = inspect_file(path)
    assert (info.pages, info.min_dpi, info.notes) == (1, 150.0, ())


def test_an_older_pypdf_takes_its_own_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk follows the rules of the pypdf it was written against (``MIRRORED``)."""
    from icp_renew.inspect import pagetree

    data = dict(pdftrees.hand_made())["three levels, inherited box and resources"]
    assert way(data) == FAST
    monkeypatch.setattr(pagetree, "MIRRORED", (99, 0))
    assert way(data) == PYPDF
    new = pdf_mod.inspect_pdf(io.BytesIO(data), len(data), False)
    assert (new.pages, new.min_dpi) == (4, 75.0)
