"""missing-material and unassigned-file."""

from __future__ import annotations

import factory
from checks.scan_support import codes, config, pdf, run
from icp_renew.checks import presence
from icp_renew.findings import Severity

RECOMMENDED = ["application-form", "compliance-undertaking", "credit-publicity", "user-agreements"]


def by_material(found):
    return {f.material: f for f in found if f.code == "missing-material"}


def test_complete_dossier_misses_only_recommended(tmp_path):
    root = factory.make_dossier(tmp_path / "d")
    found = run(presence, root)
    missing = by_material(found)
    assert sorted(missing) == sorted(RECOMMENDED)
    assert {f.severity for f in missing.values()} == {Severity.WARNING}
    assert [f for f in found if f.code == "unassigned-file"] == []


def test_required_material_missing_is_error(tmp_path):
    files = dict(factory.COMPLETE_FILES)
    del files["icp-license/许可证.pdf"]
    root = factory.make_dossier(tmp_path / "d", None, files)
    f = by_material(run(presence, root))["icp-license"]
    assert (f.code, f.severity, f.path) == ("missing-material", Severity.ERROR, None)
    assert f.message("en") == (
        "Missing material: Current licence, complete set "
        "(put it in a folder named icp-license or “原许可证全套”)"
    )
    assert f.message("zh") == "缺少“原许可证全套”：请放入名为 icp-license 或“原许可证全套”的文件夹"


def test_empty_folder_and_only_unsafe_files(tmp_path):
    files = dict(factory.COMPLETE_FILES)
    del files["icp-license/许可证.pdf"]
    del files["business-plan/2026年业务发展规划.pdf"]
    root = factory.make_dossier(tmp_path / "d", None, files)
    (root / "1.2-原许可证全套").mkdir()
    (root / "business-plan").mkdir()
    (root / "business-plan" / "plan.pdf").symlink_to(tmp_path)
    (root / "business-plan" / ".DS_Store").write_bytes(b"x")
    missing = by_material(run(presence, root))
    assert (
        missing["icp-license"]
        .message("en")
        .endswith("(the folder 1.2-原许可证全套 has no usable file)")
    )
    assert missing["business-plan"].severity is Severity.ERROR
    assert "business-plan" in missing["business-plan"].message("zh")


def test_empty_dossier(tmp_path):
    root = factory.make_dossier(tmp_path / "d", None, {})
    found = run(presence, root)
    errors = [f for f in found if f.severity is Severity.ERROR]
    assert len(errors) == 12
    assert {f.code for f in found} == {"missing-material"}


def test_industry_permit(tmp_path):
    root = factory.make_dossier(tmp_path / "d", config(industries=["news"]))
    missing = by_material(run(presence, root))
    assert missing["permit-news"].severity is Severity.ERROR
    (root / "permit-news").mkdir()
    (root / "permit-news" / "许可证.pdf").write_bytes(pdf())
    assert "permit-news" not in by_material(run(presence, root))


def test_unassigned_files(tmp_path):
    root = factory.make_dossier(
        tmp_path / "d",
        None,
        {
            **factory.COMPLETE_FILES,
            "readme.txt": "text:hello",
            "1-基础资质文件/loose.pdf": "pdf:1",
            "1-基础资质文件/杂项/x.pdf": "pdf:1",
            "其他/y.pdf": "pdf:1",
            "4-特殊行业要求/4.1-互联网新闻信息服务许可证/news.pdf": "pdf:1",
        },
    )
    found = [f for f in run(presence, root) if f.code == "unassigned-file"]
    assert codes(found) == [
        ("unassigned-file", "1-基础资质文件/loose.pdf"),
        ("unassigned-file", "1-基础资质文件/杂项/x.pdf"),
        ("unassigned-file", "4-特殊行业要求/4.1-互联网新闻信息服务许可证/news.pdf"),
        ("unassigned-file", "readme.txt"),
        ("unassigned-file", "其他/y.pdf"),
    ]
    assert {f.severity for f in found} == {Severity.WARNING}
    assert {f.material for f in found} == {None}
    msg = {f.path: f.message("en") for f in found}
    assert (
        msg["readme.txt"] == "the file is in no material folder (it is at the top of the dossier)"
    )
    assert msg["1-基础资质文件/loose.pdf"] == (
        "the file is directly in the category folder 1-基础资质文件, in no material"
    )
    assert msg["其他/y.pdf"] == "the folder 其他 is not the name of any material"
    assert msg["1-基础资质文件/杂项/x.pdf"] == "the folder 杂项 is not the name of any material"
    assert "is for permit-news" in msg["4-特殊行业要求/4.1-互联网新闻信息服务许可证/news.pdf"]


def test_codes_declared():
    assert presence.CODES == ("missing-material", "unassigned-file")
