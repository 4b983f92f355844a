"""missing-text and text-unverifiable: the business licence must name 增值电信业务."""

from __future__ import annotations

import factory
from checks import scan_support as s
from icp_renew.checks import pdf_content
from icp_renew.checks.pdf_content import normalise
from icp_renew.findings import Severity

SCOPE = "经营范围：第二类增值电信业务"


def found(tmp_path, files):
    base = {k: v for k, v in factory.COMPLETE_FILES.items() if not k.startswith("business-license")}
    root = factory.make_dossier(tmp_path / "d", None, {**base, **files})
    return s.run(pdf_content, root)


def test_phrase_present(tmp_path):
    assert found(tmp_path, {"business-license/a.pdf": s.pdf(1, SCOPE)}) == []


def test_spaced_and_full_width_text_matches(tmp_path):
    assert found(tmp_path, {"business-license/a.pdf": s.pdf(1, "增 值 电 信\n业 务")}) == []
    assert normalise("Ｂ２ 增值\u200b电信") == "b2增值电信"


def test_phrase_missing_from_text_layer(tmp_path):
    result = found(tmp_path, {"business-license/a.pdf": s.pdf(1, "经营范围：软件开发")})
    assert s.codes(result) == [("missing-text", "business-license/a.pdf")]
    (f,) = result
    assert (f.severity, f.material) == (Severity.ERROR, "business-license")
    assert f.message("en") == "the text layer does not contain “增值电信业务”"
    assert f.message("zh") == "文字层中没有“增值电信业务”"


def test_scan_without_text_is_unverifiable(tmp_path):
    result = found(
        tmp_path,
        {
            "business-license/scan.pdf": s.pdf(1, None, image_dpi=72),
            "business-license/p.jpg": s.image(),
        },
    )
    assert s.codes(result) == [
        ("text-unverifiable", "business-license/p.jpg"),
        ("text-unverifiable", "business-license/scan.pdf"),
    ]
    assert {f.severity for f in result} == {Severity.INFO}


def test_text_file_without_phrase_and_a_scan(tmp_path):
    # the phrase may be on the scanned page: only the scan is flagged, for a human to read
    result = found(
        tmp_path,
        {"business-license/p1.jpg": s.image(), "business-license/p2.pdf": s.pdf(1, "其他内容")},
    )
    assert s.codes(result) == [("text-unverifiable", "business-license/p1.jpg")]


def test_phrase_in_any_file_is_enough(tmp_path):
    files = {
        "business-license/p1.pdf": s.pdf(1, "第一页"),
        "business-license/p2.pdf": s.pdf(1, SCOPE),
        "business-license/p3.jpg": s.image(),
    }
    assert found(tmp_path, files) == []


def test_unreadable_files_are_left_to_files_check(tmp_path):
    files = {
        "business-license/enc.pdf": s.pdf(1, "软件", encrypt=""),
        "business-license/bad.pdf": s.truncated(s.pdf(1, "软件")),
        "business-license/empty.pdf": b"",
        "business-license/wrong.jpg": s.pdf(1, "软件"),
    }
    assert found(tmp_path, files) == []


def test_materials_without_must_contain_are_not_read(tmp_path):
    root = factory.make_dossier(tmp_path / "d")
    ctx = s.context(root)
    assert all(f.info.text is None for f in ctx.dossier.files if f.material != "business-license")


def test_codes_declared():
    assert pdf_content.CODES == ("missing-text", "text-unverifiable")
