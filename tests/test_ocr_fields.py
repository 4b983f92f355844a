"""``check --ocr`` without the engine: field extraction, the check on text layers, and the
exit-2 line when the extra is missing (docs/ocr.md; the cache: test_ocr_cache.py)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import factory
import scan_pages as scans
from icp_renew.ocr import fields
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
            "icp-renew: 错误：--ocr 需要可选组件：pip install 'icp-renew[ocr]'（本机离线识别，不联网）",
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
