"""empty-file, unsupported-format, file-too-large, corrupt-pdf, encrypted-pdf, too-few-pages,
low-resolution: each from real files."""

from __future__ import annotations

import pytest

import factory
from checks import scan_support as s
from icp_renew.checks import files
from icp_renew.findings import Severity


def dossier(tmp_path, extra, drop=(), cfg=None):
    base = {k: v for k, v in factory.COMPLETE_FILES.items() if k.split("/")[0] not in drop}
    return factory.make_dossier(tmp_path / "d", cfg, {**base, **extra})


def found(tmp_path, extra, drop=(), rules=None):
    return s.run(files, dossier(tmp_path, extra, drop), rules)


def test_complete_dossier_passes(tmp_path):
    assert s.run(files, factory.make_dossier(tmp_path / "d")) == []


def test_empty_file(tmp_path):
    result = found(tmp_path, {"business-plan/empty.pdf": b""})
    assert s.codes(result) == [("empty-file", "business-plan/empty.pdf")]
    assert result[0].severity is Severity.ERROR
    assert result[0].material == "business-plan"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("scan.jpg", s.pdf(2), "the content is PDF but the extension is .jpg"),
        ("scan", s.pdf(2), "the file has no extension (its content is PDF)"),
        ("scan.pdf", s.image("png"), "the content is PNG but the extension is .pdf"),
        (
            "scan.txt",
            b"plain text",
            "the content is not a recognised format (accepted: PDF, JPEG, PNG)",
        ),
        (
            "scan.pdf",
            b"plain text",
            "the content is not a recognised format (accepted: PDF, JPEG, PNG)",
        ),
        (
            "plan.docx",
            s.zip_with(["word/document.xml"]),
            "Word (DOCX) is not accepted for this material (accepted: PDF, JPEG, PNG)",
        ),
        (
            "plan.ofd",
            s.zip_with(["OFD.xml"]),
            "OFD is not accepted for this material (accepted: PDF, JPEG, PNG)",
        ),
        (
            "plan.tif",
            b"II*\x00" + b"\x00" * 64,
            "TIFF is not accepted for this material (accepted: PDF, JPEG, PNG)",
        ),
        (
            "plan.png",
            s.truncated(s.image("png"), 0.5),
            "the PNG image cannot be read: truncated: no IEND chunk at the end",
        ),
    ],
)
def test_unsupported_format(tmp_path, name, data, message):
    result = found(tmp_path, {f"business-plan/{name}": data}, drop=["business-plan"])
    assert s.codes(result) == [("unsupported-format", f"business-plan/{name}")]
    assert result[0].message("en") == message


def test_uppercase_extension_is_fine(tmp_path):
    assert (
        found(tmp_path, {"business-plan/PLAN.PDF": s.pdf(2), "filing-query/Q.JPEG": s.image()})
        == []
    )


def test_file_too_large(tmp_path):
    rules = s.overlay(
        tmp_path,
        "materials:\n  - id: business-plan\n    max_file_size: 2KB\n    source: test limit\n",
    )
    result = found(tmp_path, {"business-plan/big.pdf": s.pdf(1, None, image_dpi=72)}, rules=rules)
    assert s.codes(result) == [
        ("file-too-large", "business-plan/2026年业务发展规划.pdf"),
        ("file-too-large", "business-plan/big.pdf"),
        ("low-resolution", "business-plan/big.pdf"),
    ]
    big = next(f for f in result if f.path == "business-plan/big.pdf")
    assert big.message("en").endswith("more than the limit of 2 KB")


def test_corrupt_pdf(tmp_path):
    result = found(
        tmp_path,
        {"icp-license/licence.pdf": s.truncated(s.pdf(4))},
        drop=["icp-license"],
    )
    assert s.codes(result) == [("corrupt-pdf", "icp-license/licence.pdf")]  # pages not judged
    assert result[0].message("en") == (
        "the PDF cannot be read: truncated: no %%EOF marker at the end"
    )


def test_encrypted_pdf_even_without_password(tmp_path):
    result = found(
        tmp_path,
        {
            "business-plan/a.pdf": s.pdf(2, encrypt=""),
            "business-plan/b.pdf": s.pdf(2, encrypt="pw"),
        },
        drop=["business-plan"],
    )
    assert s.codes(result) == [
        ("encrypted-pdf", "business-plan/a.pdf"),
        ("encrypted-pdf", "business-plan/b.pdf"),
    ]


def test_too_few_pages_sums_files_and_counts_images(tmp_path):
    result = found(
        tmp_path,
        {"icp-license/正页.pdf": s.pdf(1), "icp-license/附页.pdf": s.pdf(2)},
        drop=["icp-license"],
    )
    assert s.codes(result) == [("too-few-pages", None)]
    assert result[0].material == "icp-license"
    assert result[0].message("en").startswith("3 pages in all, at least 4 needed")
    # one more image makes four
    ok = found(
        tmp_path,
        {
            "icp-license/正页.pdf": s.pdf(1),
            "icp-license/附页.pdf": s.pdf(2),
            "icp-license/p.jpg": s.image(),
        },
        drop=["icp-license"],
    )
    assert ok == []


def test_one_image_for_two_sided_id(tmp_path):
    result = found(tmp_path, {"legal-rep-id/正反面.jpg": s.image()}, drop=["legal-rep-id"])
    assert s.codes(result) == [("too-few-pages", "legal-rep-id/正反面.jpg")]


def test_low_resolution(tmp_path):
    result = found(
        tmp_path,
        {
            "legal-rep-id/正面.png": s.image("png", size=(595, 842), dpi=72),
            # a nominal 72 dpi on enough pixels for A4 at 150 dpi: the header is not believed
            "legal-rep-id/大.png": s.image("png", dpi=72),
            "legal-rep-id/反面.png": s.image("png", size=(620, 877), dpi=None),
            "security-measures/scan.pdf": s.pdf(2, None, image_dpi=72),
            "business-plan/fine.pdf": s.pdf(1, None, image_dpi=150),
        },
        drop=["legal-rep-id"],
    )
    assert s.codes(result) == [
        ("low-resolution", "legal-rep-id/反面.png"),
        ("low-resolution", "legal-rep-id/正面.png"),
        ("low-resolution", "security-measures/scan.pdf"),
    ]
    assert {f.severity for f in result} == {Severity.WARNING}
    msgs = {f.path: f.message("en") for f in result}
    assert (
        msgs["legal-rep-id/正面.png"]
        == "the resolution is about 72 dpi, below the required 150 dpi"
    )
    assert msgs["legal-rep-id/反面.png"] == (
        "the resolution is about 75 dpi, below the required 150 dpi (estimated for an A4 page)"
    )


def test_min_dpi_from_rules(tmp_path):
    rules = s.overlay(tmp_path, "settings:\n  min_dpi: 300\n")
    result = found(tmp_path, {}, rules=rules)
    assert {f.code for f in result} == {"low-resolution"}
    assert {f.path for f in result} == {
        "filing-query/备案查询.png",
        "legal-rep-id/反面.jpg",
        "legal-rep-id/正面.jpg",
        "operation-proof/网站截图.png",
    }


def test_accepted_formats_from_rules(tmp_path):
    rules = s.overlay(
        tmp_path,
        "materials:\n  - id: business-plan\n    formats: [pdf, docx]\n    source: test formats\n",
    )
    extra = {"business-plan/plan.docx": s.zip_with(["word/document.xml"])}
    assert found(tmp_path, extra, rules=rules) == []


def test_unassigned_files_are_not_inspected_for_findings(tmp_path):
    assert found(tmp_path, {"junk/empty.pdf": b"", "x.jpg": s.pdf(1)}) == []


def test_codes_declared():
    assert set(files.CODES) == {
        "empty-file",
        "unsupported-format",
        "file-too-large",
        "corrupt-pdf",
        "encrypted-pdf",
        "inspection-limit",
        "too-few-pages",
        "low-resolution",
    }
