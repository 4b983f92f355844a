"""``check --ocr`` without the engine: field extraction, the check on given text, the cache,
page images, and the exit-2 line when the extra is missing (docs/ocr.md)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

import factory
import scan_pages as scans
from icp_renew.ocr import cache, fields, pages
from icp_renew.pipeline import CheckOptions, check_dossier, prepare
from icp_renew.rulebook import load_rulebook

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("ICP_RENEW_OCR_CACHE", raising=False)
    return folder / "icp-renew" / "ocr"


# --- fields ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("统一社会信用代码 91110000600037341L", ["91110000600037341L"]),
        (
            "统一社会信用代码９１１１００００６０００３７３４１Ｌ",
            ["91110000600037341L"],
        ),  # full width
        ("代码 9111 0000 6000 3734 1L", ["91110000600037341L"]),
        ("代码 91110000600037341M", []),  # one character misread: its check fails, not read
        ("代码 91110000600O37341L", []),  # O for 0
        ("", []),
    ],
)
def test_uscc_counts_only_with_a_valid_check_character(text: str, want: list[str]) -> None:
    assert fields.usccs(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("公民身份号码 11010519491231002X", ["11010519491231002X"]),
        ("公民身份号码 11010519491231002x", ["11010519491231002X"]),
        ("公民身份号码 110105194912310021", []),  # wrong check digit
        ("公民身份号码 11010519491331002X", []),  # month 13
        ("电话 13800138000", []),
    ],
)
def test_id_number_counts_only_with_a_valid_check_character(text: str, want: list[str]) -> None:
    assert fields.id_numbers(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "有效期至 2026年5月31日",
        "有效期至：2026年05月31日",
        "有效期至 2026-05-31",
        "有效期至 2026.05.31",
        "有效期至 2026/5/31",
        "至 2026年5月31日",
        "到期日期 2026－05－31",
        "有效期至 二〇二六年五月三十一日",
        "有效期：2021年6月1日至2026年5月31日",
        "有效期限 2021.06.01-2026.05.31",
    ],
)
def test_expiry_in_every_printed_form(text: str) -> None:
    found = fields.dates(text)
    assert [d for d, expiry in found if expiry] == [dt.date(2026, 5, 31)]


def test_dates_that_are_not_expiries_and_impossible_dates() -> None:
    assert fields.dates("发证日期 2021年6月1日") == [(dt.date(2021, 6, 1), False)]
    assert fields.dates("有效期至 2026年2月30日") == []
    assert fields.dates("二〇二一年十月一日") == [(dt.date(2021, 10, 1), False)]


def test_licence_numbers_and_domains() -> None:
    text = "经营许可证编号：京Ｂ２－２０２１０００１\n编号 B1-20190001 跨地区 B1.B2-20180001"
    assert fields.licence_numbers(text) == ["京B2-20210001", "B1-20190001", "B1.B2-20180001"]
    assert fields.licence_number("京b2 - 20210001") == "京B2-20210001"
    text = "域名 Example.COM 注册服务机构网站 www.registrar.cn 日期 2026.05.31 mail。example。net"
    assert fields.domains(text) == ["example.com", "www.registrar.cn", "mail.example.net"]


def test_names_compared_after_nfkc_without_spaces() -> None:
    assert fields.same_name("北京示例科技有限公司（分公司）", "北京 示例科技有限公司(分公司)")
    assert not fields.same_name("北京示例科技有限公司", "北京示列科技有限公司")
    assert fields.labelled("名  称：北京示例科技有限公司   类型 有限责任公司", ["名称"]) == (
        "北京示例科技有限公司"
    )
    assert fields.labelled("名称\n北京示例科技有限公司", ["名称"]) == "北京示例科技有限公司"
    text = "域名持有者 北京示例科技有限公司\n域名 example.com"
    assert fields.labelled(text, ["域名"], ["域名持有"]) == "example.com"
    assert fields.labelled("名称", ["名称"]) is None


# --- the check on text (a text-layer PDF: no engine) -------------------------------------------


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def _layer_dossier(root: Path, config: dict | None = None, **docs: dict[str, str]) -> Path:
    files = dict(factory.COMPLETE_FILES)
    for path in (
        "business-license/营业执照.pdf",
        "icp-license/许可证.pdf",
        "idc-license/IDC许可证.pdf",
        "domain-certificates/example.com.pdf",
        "legal-rep-id/正面.jpg",
        "legal-rep-id/反面.jpg",
    ):
        files.pop(path)
    files["legal-rep-id/反面.pdf"] = scans.text_pdf(
        ["签发机关 北京市公安局", "有效期限 2016.01.01-2036.01.01"]
    )
    kinds = {
        "business-license": "business-license/营业执照.pdf",
        "icp-license": "icp-license/许可证.pdf",
        "idc-license": "idc-license/IDC许可证.pdf",
        "domain-certificates": "domain-certificates/example.com.pdf",
        "legal-rep-id": "legal-rep-id/正面.pdf",
    }
    for kind, path in kinds.items():
        files[path] = scans.text_pdf(scans.document(kind, docs.get(kind.replace("-", "_"))))
    return factory.make_dossier(root, config, files)


def _scan_findings(report) -> list[tuple[str, str, str | None, str]]:
    return [
        (f.code, f.severity.value, f.path, f.message("en"))
        for f in report.findings
        if f.code.startswith("scan-") or f.code in ("missing-text", "text-unverifiable")
    ]


def test_text_layers_agree_without_the_engine(tmp_path, book, monkeypatch) -> None:
    import icp_renew.ocr as ocr

    monkeypatch.setattr(ocr, "loaded_engine", _no_engine)
    root = _layer_dossier(tmp_path / "d")
    report = check_dossier(root, book, CheckOptions(today=TODAY, ocr=True))
    assert _scan_findings(report) == []
    ctx = prepare(root, book, CheckOptions(today=TODAY, ocr=True))
    sources = {f.path: f.info.scan.source for f in ctx.dossier.files if f.info and f.info.scan}
    assert len(sources) == 6
    assert set(sources.values()) == {"layer"}


def _no_engine():
    raise AssertionError("the engine must not be loaded")


def test_text_layer_mismatches_with_their_severities(tmp_path, book, monkeypatch) -> None:
    import icp_renew.ocr as ocr

    monkeypatch.setattr(ocr, "loaded_engine", _no_engine)
    root = _layer_dossier(
        tmp_path / "d",
        business_license={"uscc": "91310000MA1FL5TE10", "name": "上海别家科技有限公司"},
        icp_license={"license": "京B2-20219999", "expires": "2025年5月31日"},
        domain_certificates={"domain": "example.org", "name": "别家科技有限公司"},
        idc_license={"idc": "B1-20180002"},
        legal_rep_id={"id": "110105194912310038", "rep": "李四"},
    )
    got = {(c, s, p, m) for c, s, p, m in _scan_findings(check_dossier(root, book, _ocr()))}
    assert got == {
        (
            "scan-mismatch",
            "error",
            "business-license/营业执照.pdf",
            "the scan shows the USCC 91310000MA1FL5TE10; dossier.yaml says 91110000600037341L",
        ),
        (
            "scan-mismatch",
            "warning",
            "business-license/营业执照.pdf",
            "the scan shows the company name “上海别家科技有限公司”; dossier.yaml says “北京示例科技有限公司”",
        ),
        (
            "scan-mismatch",
            "warning",
            "icp-license/许可证.pdf",
            "the scan shows the licence number 京B2-20219999; dossier.yaml says 京B2-20210001",
        ),
        (
            "scan-mismatch",
            "warning",
            "icp-license/许可证.pdf",
            "the scan shows the licence valid until 2025-05-31; dossier.yaml says 2026-05-31",
        ),
        (
            "scan-mismatch",
            "warning",
            "domain-certificates/example.com.pdf",
            "the scan shows the domain example.org; the file name says example.com",
        ),
        (
            "scan-mismatch",
            "warning",
            "domain-certificates/example.com.pdf",
            "the scan shows the domain holder “别家科技有限公司”; the company in dossier.yaml is "
            "“北京示例科技有限公司”",
        ),
        (
            "scan-mismatch",
            "warning",
            "idc-license/IDC许可证.pdf",
            "the scan shows the IDC licence number B1-20180002; dossier.yaml says B1-20190001",
        ),
        (
            "scan-mismatch",
            "error",
            "legal-rep-id/正面.pdf",
            "the scan shows the ID number 110105********0038; dossier.yaml says 110105********002X",
        ),
        (
            "scan-mismatch",
            "warning",
            "legal-rep-id/正面.pdf",
            "the scan shows the name 李*; the legal representative in dossier.yaml is 张*",
        ),
    }


def _ocr() -> CheckOptions:
    return CheckOptions(today=TODAY, ocr=True)


def test_personal_data_shown_only_with_show_pii(tmp_path, book, monkeypatch) -> None:
    import icp_renew.ocr as ocr

    monkeypatch.setattr(ocr, "loaded_engine", _no_engine)
    root = _layer_dossier(tmp_path / "d", legal_rep_id={"id": "110105194912310038"})
    [f] = [f for f in check_dossier(root, book, _ocr()).findings if f.code == "scan-mismatch"]
    assert "110105194912310038" in f.message("zh", show_pii=True)
    assert (
        f.message("zh")
        == "扫描件上的身份证号码是 110105********0038，dossier.yaml 中是 110105********002X"
    )


def test_a_field_not_found_is_unreadable_never_a_mismatch(tmp_path, book, monkeypatch) -> None:
    import icp_renew.ocr as ocr

    monkeypatch.setattr(ocr, "loaded_engine", _no_engine)
    root = _layer_dossier(tmp_path / "d")
    (root / "icp-license/许可证.pdf").write_bytes(
        scans.text_pdf(["增值电信业务经营许可证", "（第2页）"])
    )
    ctx_findings = {
        (f.code, f.severity.value, f.message("en"))
        for f in check_dossier(root, book, _ocr()).findings
        if f.material == "icp-license" and f.code.startswith("scan-")
    }
    assert ctx_findings == {
        (
            "scan-unreadable",
            "info",
            "the licence number was not read on the scan (not in the text layer); compare it by eye",
        ),
        (
            "scan-unreadable",
            "info",
            "the company name was not read on the scan (not in the text layer); compare it by eye",
        ),
        (
            "scan-unreadable",
            "info",
            "the expiry date was not read on the scan (not in the text layer); compare it by eye",
        ),
    }


def test_without_ocr_nothing_is_compared(tmp_path, book) -> None:
    root = _layer_dossier(tmp_path / "d", business_license={"uscc": "91310000MA1FL5TE10"})
    report = check_dossier(root, book, CheckOptions(today=TODAY))
    assert not [f for f in report.findings if f.code.startswith("scan-")]


# --- the CLI without the extra -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "en",
            "icp-renew: error: --ocr needs the optional extra: pip install 'icp-renew[ocr]' "
            "(offline recognition)",
        ),
        (
            "zh",
            "icp-renew: error: --ocr 需要可选组件：pip install 'icp-renew[ocr]'（本机离线识别，不联网）",
        ),
    ],
)
def test_ocr_without_the_extra_is_exit_2_saying_how_to_install(
    cli, tmp_path, monkeypatch, lang, line
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda n, *a: None if n == "rapidocr" else real(n, *a)
    )
    root = factory.make_dossier(tmp_path / "d")
    result = cli("check", str(root), "--ocr", "--lang", lang, "--today", factory.TODAY)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [line]
    env = cli("check", str(root), "--today", factory.TODAY, env={"ICP_RENEW_OCR": "1"})
    assert env.exit_code == 2


def test_check_without_ocr_never_imports_the_engine(tmp_path) -> None:
    root = factory.make_dossier(tmp_path / "d")
    code = (
        "import sys\n"
        "from icp_renew.cli.app import main\n"
        f"sys.argv = ['icp-renew', 'check', {str(root)!r}, '--today', {factory.TODAY!r}, '-q']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "bad = [m for m in ('rapidocr', 'onnxruntime', 'numpy', 'icp_renew.ocr.engine',"
        " 'icp_renew.ocr.pages') if m in sys.modules]\n"
        "print('IMPORTED', bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.splitlines()[-1] == "IMPORTED []"


# --- the cache ------------------------------------------------------------------------------------


def test_cache_round_trip_key_prune_and_clear(_private_cache: Path) -> None:
    digest = "ab" * 32
    name = cache.key(digest, "engine-1")
    assert name != cache.key(digest, "engine-2")  # a new engine reads scans again
    assert cache.get(name) is None
    cache.put(name, ["营业执照", "名称 北京示例科技有限公司"], "engine-1")
    assert cache.get(name) == ["营业执照", "名称 北京示例科技有限公司"]
    assert _private_cache.stat().st_mode & 0o777 == 0o700
    entry = json.loads((_private_cache / f"{name}.json").read_text(encoding="utf-8"))
    assert entry == {
        "format": 1,
        "engine": "engine-1",
        "lines": ["营业执照", "名称 北京示例科技有限公司"],
    }
    for i in range(5):
        cache.put(cache.key(f"{i:064x}", "e"), [str(i)], "e")
        os.utime(_private_cache / f"{cache.key(f'{i:064x}', 'e')}.json", (i + 10, i + 10))
    assert cache.prune(_private_cache, keep=3) == 3  # the oldest three of six
    assert cache.get(cache.key(f"{4:064x}", "e")) == ["4"]
    assert cache.clear() == 3
    assert cache.get(name) is None


def test_a_damaged_entry_is_read_again(_private_cache: Path) -> None:
    name = cache.key("cd" * 32, "e")
    _private_cache.mkdir(parents=True)
    (_private_cache / f"{name}.json").write_text('{"lines": [1, 2', encoding="utf-8")
    assert cache.get(name) is None
    (_private_cache / f"{name}.json").write_text('{"lines": [1, 2]}', encoding="utf-8")
    assert cache.get(name) is None


def test_parallel_writers_leave_one_whole_entry(_private_cache: Path) -> None:
    name = cache.key("ef" * 32, "e")
    lines = [f"第{i}行 " * 20 for i in range(200)]
    threads = [threading.Thread(target=cache.put, args=(name, lines, "e")) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert cache.get(name) == lines
    assert [p.name for p in _private_cache.iterdir()] == [f"{name}.json"]


def test_cache_folder_follows_xdg_and_home(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache.folder() == tmp_path / "x" / "icp-renew" / "ocr"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "icp-renew" / "ocr"


def test_clear_cache_option(cli, tmp_path, _private_cache) -> None:
    cache.put(cache.key("01" * 32, "e"), ["x"], "e")
    root = factory.make_dossier(tmp_path / "d")
    result = cli("check", str(root), "--today", factory.TODAY, "--ocr-clear-cache", "-q")
    assert result.exit_code == 0
    assert list(_private_cache.iterdir()) == []


# --- page images (no engine) ----------------------------------------------------------------------


def test_pdf_page_image_is_its_largest_embedded_image(tmp_path) -> None:
    from PIL import Image

    path = tmp_path / "scan.pdf"
    path.write_bytes(factory.pdf_bytes(2, text=None, image_dpi=100))
    image = pages.page_image(path, "pdf")
    assert image.size == (826, 1169)  # A4 at 100 dpi
    path.write_bytes(factory.pdf_bytes(1, text="样例"))
    with pytest.raises(pages.PageProblem) as info:
        pages.page_image(path, "pdf")
    assert info.value.key == "why-no-image"
    big = tmp_path / "big.png"
    Image.new("L", (8000, 8000), 255).save(big)
    with pytest.raises(pages.PageProblem) as info:
        pages.page_image(big, "png")
    assert (info.value.key, info.value.params) == ("why-too-large", {"pixels": "64,000,000"})


def test_photo_orientation_applied(tmp_path) -> None:
    from PIL import Image

    img = Image.new("RGB", (300, 200), (255, 255, 255))
    exif = img.getexif()
    exif[0x0112] = 6  # rotated 90° clockwise
    path = tmp_path / "photo.jpg"
    img.save(path, exif=exif)
    assert pages.page_image(path, "jpeg").size == (200, 300)


def test_unreadable_reason_for_a_pdf_without_a_page_image(tmp_path, book, monkeypatch) -> None:
    import icp_renew.ocr as ocr

    monkeypatch.setattr(ocr, "loaded_engine", lambda: object())  # never asked to read
    files = dict(factory.COMPLETE_FILES)
    files["idc-license/IDC许可证.pdf"] = factory.pdf_bytes(1, text=None)
    root = factory.make_dossier(tmp_path / "d", None, files)
    got = [
        (f.code, f.message("en"))
        for f in check_dossier(root, book, _ocr()).findings
        if f.material == "idc-license" and f.code.startswith("scan-")
    ]
    assert got == [
        (
            "scan-unreadable",
            "the IDC licence number was not read on the scan (no scanned image on the PDF's "
            "first page); compare it by eye",
        )
    ]
    ctx = prepare(root, book, _ocr())
    [info] = [f.info for f in ctx.dossier.files_of("idc-license")]
    assert info is not None and replace(info.scan, params=()) == info.scan


def test_pieces_of_one_line_are_joined_left_to_right() -> None:
    from icp_renew.ocr.engine import rows

    pieces = [
        (100.0, 130.0, 400.0, "北京示例科技有限公司"),
        (102.0, 128.0, 80.0, "名称"),
        (40.0, 70.0, 80.0, "营业执照"),
        (160.0, 190.0, 80.0, "类型"),
    ]
    assert rows(pieces) == ["营业执照", "名称 北京示例科技有限公司", "类型"]
    assert rows([]) == []


def test_a_rotated_pdf_page_gives_its_image_upright(tmp_path) -> None:
    import io

    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(842, 595), invariant=1)  # landscape, shown rotated
    c.setPageRotation(90)
    c.drawImage(ImageReader(Image.new("RGB", (300, 200), "white")), 0, 0, 842, 595)
    c.showPage()
    c.save()
    path = tmp_path / "rotated.pdf"
    path.write_bytes(buf.getvalue())
    assert pages.page_image(path, "pdf").size == (200, 300)
