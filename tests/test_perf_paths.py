"""The fast paths taken for speed give exactly what the slow ones give (docs/performance.md)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from factory import pdf_bytes
from icp_renew.inspect import inspect_file
from icp_renew.inspect.pdf import _dictionary_of


def _image_refs(data: bytes) -> tuple[object, list[object]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    refs = []
    for page in reader.pages:
        xobjects = page["/Resources"]["/XObject"]
        refs += [r for r in dict.values(xobjects) if r not in refs]
    return reader, refs


def test_image_dictionary_without_its_data_equals_pypdfs(tmp_path: Path) -> None:
    reader, refs = _image_refs(pdf_bytes(3, text=None, image_dpi=100))
    assert refs
    for ref in refs:
        fast = _dictionary_of(ref)
        assert (ref.generation, ref.idnum) not in reader.resolved_objects  # data never read
        full = ref.get_object()
        # pypdf moves /Length into the stream object it builds; every other entry is the same
        assert {k: v for k, v in fast.items() if k != "/Length"} == dict(full.items())
        assert int(fast["/Width"]) == 826  # A4 at 100 dpi


def test_an_object_that_is_not_where_the_table_says_takes_pypdfs_way() -> None:
    data = pdf_bytes(1, text=None, image_dpi=100)
    reader, [ref] = _image_refs(data)
    offset = reader.xref[ref.generation][ref.idnum]
    reader.xref[ref.generation][ref.idnum] = offset + 1  # now points inside the header
    assert int(_dictionary_of(ref)["/Width"]) == 826  # pypdf repairs it


@pytest.mark.parametrize("dpi", [72, 150, 300])
def test_pdf_resolution_unchanged(tmp_path: Path, dpi: int) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes(2, text=None, image_dpi=dpi))
    assert inspect_file(path).min_dpi == pytest.approx(dpi, abs=1)
