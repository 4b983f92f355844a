"""``check --ocr`` with the real engine on scans drawn by ``tests/scan_pages.py`` (docs/ocr.md).

Needs the extra (``pip install '.[ocr]'``, which ``.ci/run`` installs) and a CJK font from
Debian's fonts-noto-cjk or fonts-wqy-zenhei (``.ci/run`` installs them); skipped otherwise.
Each distinct scan is recognised once per session: the dossiers share one cache folder,
so the mismatch tests reuse the scans the agreement tests read.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import factory
import scan_pages as scans
from icp_renew.pipeline import CheckOptions, check_dossier
from icp_renew.rulebook import load_rulebook

if not all(importlib.util.find_spec(m) for m in ("rapidocr", "onnxruntime")):  # not imported
    pytest.skip(
        "the OCR extra is not installed: pip install '.[ocr]' (.ci/run installs it)",
        allow_module_level=True,
    )
if scans.font_path() is None:
    pytest.skip(
        "no CJK font to draw scans with: apt-get install fonts-noto-cjk (or fonts-wqy-zenhei)",
        allow_module_level=True,
    )

TODAY = dt.date(2026, 1, 15)
OPTS = CheckOptions(today=TODAY, ocr=True)
READ = ("scan-mismatch", "scan-unreadable", "missing-text", "text-unverifiable")

#: (material file, kind, how it is saved) per resolution: every kind as a scan-only PDF and
#: as an image across the two resolutions
LAYOUT = {
    150: [
        ("business-license/营业执照.pdf", "business-license", "pdf"),
        ("icp-license/许可证.jpg", "icp-license", "jpeg"),
        ("domain-certificates/example.com.png", "domain-certificates", "png"),
        ("idc-license/IDC许可证.pdf", "idc-license", "pdf"),
        ("legal-rep-id/正面.jpg", "legal-rep-id", "jpeg"),
    ],
    300: [
        ("business-license/营业执照.jpg", "business-license", "jpeg"),
        ("icp-license/许可证.pdf", "icp-license", "pdf"),
        ("domain-certificates/example.com.pdf", "domain-certificates", "pdf"),
        ("idc-license/IDC许可证.jpg", "idc-license", "jpeg"),
        ("legal-rep-id/正面.png", "legal-rep-id", "png"),
    ],
}


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("ocr-cache")


@pytest.fixture(autouse=True)
def _cache(shared_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("ICP_RENEW_OCR_CACHE", str(shared_cache))
    yield


_SCANS: dict[tuple[int, str, str, tuple[tuple[str, str], ...]], bytes] = {}


def scan(dpi: int, kind: str, fmt: str, **values: str) -> bytes:
    """A scan's bytes (drawn once per session: the same bytes hit the cache)."""
    key = (dpi, kind, fmt, tuple(sorted(values.items())))
    if key not in _SCANS:
        page = scans.page(kind, values, dpi=dpi, rotate=0.6 if dpi == 150 else -0.8)
        _SCANS[key] = scans.as_pdf(page) if fmt == "pdf" else scans.as_image(page, fmt, dpi)
    return _SCANS[key]


def dossier(root: Path, dpi: int, config=None, **overrides: bytes) -> Path:
    files = {
        k: v
        for k, v in factory.COMPLETE_FILES.items()
        if k.split("/")[0]
        not in ("business-license", "icp-license", "domain-certificates", "idc-license")
        and k != "legal-rep-id/正面.jpg"
    }
    for path, kind, fmt in LAYOUT[dpi]:
        files[path] = scan(dpi, kind, fmt)
    files.update({k.replace("__", "/"): v for k, v in overrides.items()})
    return factory.make_dossier(root, config, files)


def read_findings(report) -> set[tuple[str, str, str | None, str]]:
    return {
        (f.code, f.severity.value, f.path, f.message("en"))
        for f in report.findings
        if f.code in READ
    }


@pytest.mark.parametrize("dpi", [150, 300])
def test_matching_scans_agree(tmp_path, book, dpi) -> None:
    """Every field of the contract read right (seal, rotation, JPEG noise), no finding; the
    blank back of the ID card does not matter, the front agrees."""
    report = check_dossier(dossier(tmp_path / "d", dpi), book, OPTS)
    assert read_findings(report) == set()


def test_second_run_reads_no_scan(tmp_path, book, monkeypatch) -> None:
    import icp_renew.ocr as ocr

    root = dossier(tmp_path / "d", 150)
    check_dossier(root, book, OPTS)  # cached by the test above, or now

    def no_engine():
        raise AssertionError("a cached scan was read again")

    monkeypatch.setattr(ocr, "loaded_engine", no_engine)
    assert read_findings(check_dossier(root, book, OPTS)) == set()


def _other_config() -> dict:
    import copy

    cfg = copy.deepcopy(factory.VALID_CONFIG)
    cfg["company"] = {"name": "北京别家科技有限公司", "uscc": "91310000MA1FL5TE10"}
    cfg["legal_representative"]["name"] = "李四"
    cfg["legal_representative"]["id_number"] = "110105194912310038"
    cfg["license"]["number"] = "京B2-20219999"
    cfg["license"]["expires"] = "2026-06-30"
    cfg["domains"] = [{"name": "example.cn"}]
    cfg["materials"]["idc-license"]["number"] = "B1-20180002"
    return cfg


@pytest.mark.parametrize("dpi", [150, 300])
def test_each_kind_of_mismatch_with_its_severity(tmp_path, book, dpi) -> None:
    layout = {kind: path for path, kind, _ in LAYOUT[dpi]}
    cert = layout["domain-certificates"]
    cn = cert.replace("example.com", "example.cn")
    root = dossier(tmp_path / "d", dpi, _other_config())
    (root / cert).rename(root / cn)  # the example.com certificate filed as example.cn's
    got = read_findings(check_dossier(root, book, OPTS))
    company = "dossier.yaml says “北京别家科技有限公司”"
    assert got == {
        (
            "scan-mismatch",
            "error",
            layout["business-license"],
            "the scan shows the USCC 91110000600037341L; dossier.yaml says 91310000MA1FL5TE10",
        ),
        (
            "scan-mismatch",
            "warning",
            layout["business-license"],
            f"the scan shows the company name “北京示例科技有限公司”; {company}",
        ),
        (
            "scan-mismatch",
            "warning",
            layout["icp-license"],
            "the scan shows the licence number 京B2-20210001; dossier.yaml says 京B2-20219999",
        ),
        (
            "scan-mismatch",
            "warning",
            layout["icp-license"],
            f"the scan shows the company name “北京示例科技有限公司”; {company}",
        ),
        (
            "scan-mismatch",
            "warning",
            layout["icp-license"],
            "the scan shows the licence valid until 2026-05-31; dossier.yaml says 2026-06-30",
        ),
        (
            "scan-mismatch",
            "warning",
            cn,
            "the scan shows the domain example.com; the file name says example.cn",
        ),
        (
            "scan-mismatch",
            "warning",
            cn,
            "the scan shows the domain holder “北京示例科技有限公司”; the company in dossier.yaml "
            "is “北京别家科技有限公司”",
        ),
        (
            "scan-mismatch",
            "warning",
            layout["idc-license"],
            "the scan shows the IDC licence number B1-20190001; dossier.yaml says B1-20180002",
        ),
        (
            "scan-mismatch",
            "error",
            layout["legal-rep-id"],
            "the scan shows the ID number 110105********002X; dossier.yaml says 110105********0038",
        ),
        (
            "scan-mismatch",
            "warning",
            layout["legal-rep-id"],
            "the scan shows the name 张*; the legal representative in dossier.yaml is 李*",
        ),
    }


def test_recognised_text_is_checked_for_the_required_phrase(tmp_path, book) -> None:
    """must_contain applies to a scan's recognised text (missing-text, error), and a page with
    nothing on it is unreadable, never a mismatch."""
    no_scope = scan(150, "business-license", "pdf", scope="技术开发、技术咨询")
    root = dossier(tmp_path / "d", 150, **{"business-license__营业执照.pdf": no_scope})
    got = read_findings(check_dossier(root, book, OPTS))
    assert got == {
        (
            "missing-text",
            "error",
            "business-license/营业执照.pdf",
            "the text recognised on the scan does not contain “增值电信业务”",
        )
    }
    blank = factory.image_bytes("jpeg")  # the same bytes as the ID card's back: cached
    root = dossier(tmp_path / "e", 150, **{"business-license__营业执照.pdf": blank})
    (root / "business-license/营业执照.pdf").rename(root / "business-license/营业执照.jpg")
    got = read_findings(check_dossier(root, book, OPTS))
    path = "business-license/营业执照.jpg"
    assert got == {
        ("text-unverifiable", "info", path, _unverifiable),
        (
            "scan-unreadable",
            "info",
            path,
            "no valid USCC was read on the scan (not in the recognised text); compare it by eye",
        ),
        (
            "scan-unreadable",
            "info",
            path,
            "the company name was not read on the scan (not in the recognised text); "
            "compare it by eye",
        ),
    }


_unverifiable = "no text layer: cannot verify that it contains “增值电信业务”; check by eye"


def test_a_page_over_its_time_budget_is_unreadable(tmp_path, book, monkeypatch) -> None:
    import icp_renew.ocr as ocr

    monkeypatch.setattr(ocr, "PAGE_BUDGET", 0.001)
    monkeypatch.setenv("ICP_RENEW_OCR_CACHE", str(tmp_path / "empty-cache"))
    root = dossier(tmp_path / "d", 150)
    got = [
        f.message("en")
        for f in check_dossier(root, book, OPTS).findings
        if f.code == "scan-unreadable" and f.material == "idc-license"
    ]
    assert got == [
        "the IDC licence number was not read on the scan (recognition took over 0.001 s); "
        "compare it by eye"
    ]
    assert not list((tmp_path / "empty-cache").glob("*.json"))  # a failure is not cached


def test_cli_with_jobs_and_the_environment_variable(cli, tmp_path) -> None:
    """--jobs runs the dossiers in worker processes (each reads from the shared cache);
    ICP_RENEW_OCR=1 is --ocr; a mismatch at error level is exit 1."""
    good = dossier(tmp_path / "good", 150)
    bad = dossier(tmp_path / "bad", 150, _other_config())
    result = cli(
        "check",
        str(good),
        str(bad),
        "-j",
        "2",
        "--format",
        "json",
        "--today",
        factory.TODAY,
        env={"ICP_RENEW_OCR": "1"},
    )
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    codes = [
        sorted({(f["code"], f["severity"]) for f in d["findings"] if f["code"] in READ})
        for d in report["dossiers"]
    ]
    assert codes == [[], [("scan-mismatch", "error"), ("scan-mismatch", "warning")]]


def test_workers_read_scans_with_an_engine_each(tmp_path) -> None:
    """With an empty cache and --jobs 2, each worker process loads its own engine and reads its
    dossier's scan. (A fresh process, as from the shell: the workers are forked before any
    scan is read, so none inherits a loaded engine.)"""
    files = {k: v for k, v in factory.COMPLETE_FILES.items() if not k.startswith("legal-rep-id")}
    files["legal-rep-id/正反面.pdf"] = "pdf:2"  # a text layer: nothing else to recognise
    files.pop("idc-license/IDC许可证.pdf")
    roots = []
    for name, number in (("a", "B1-20190001"), ("b", "B1-20180002")):
        files["idc-license/IDC许可证.png"] = scan(150, "idc-license", "png", idc=number)
        roots.append(factory.make_dossier(tmp_path / name, None, files))
    argv = [sys.executable, "-m", "icp_renew", "check", *map(str, roots), "-j", "2", "--ocr"]
    argv += ["--format", "json", "--today", factory.TODAY]
    env = {**os.environ, "ICP_RENEW_OCR_CACHE": str(tmp_path / "fresh-cache")}
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=3000)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    got = [
        [f["message"] for f in d["findings"] if f["material"] == "idc-license"]
        for d in json.loads(done.stdout)["dossiers"]
    ]
    assert got == [
        [],
        ["the scan shows the IDC licence number B1-20180002; dossier.yaml says B1-20190001"],
    ]
    assert len(list((tmp_path / "fresh-cache").glob("*.json"))) == 2


def test_a_big_dossier_after_a_recognised_one_is_not_forked(tmp_path) -> None:
    """Two dossiers checked one after the other (auto --jobs): the second is big enough for
    its files to be inspected in worker processes, but this process has run the engine by
    then, and workers forked from such a process were seen to hang: its files are inspected
    in this process instead, and the run ends."""
    files = {k: v for k, v in factory.COMPLETE_FILES.items() if not k.startswith("idc-license")}
    files["idc-license/IDC许可证.png"] = scan(150, "idc-license", "png")
    first = factory.make_dossier(tmp_path / "a", None, files)
    big = dict(files)
    big.update({f"security-measures/附件{i:03}.pdf": "pdf:1" for i in range(120)})
    second = factory.make_dossier(tmp_path / "b", None, big)
    argv = [sys.executable, "-m", "icp_renew", "check", str(first), str(second), "--ocr", "-q"]
    env = {**os.environ, "ICP_RENEW_OCR_CACHE": str(tmp_path / "cache")}
    done = subprocess.run(
        [*argv, "--today", factory.TODAY], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]


def test_the_engine_makes_no_network_request_and_writes_nothing_beside_itself(tmp_path) -> None:
    """In a fresh process with every socket operation refused (an audit hook), the engine
    loads and reads a page; no file is opened for writing inside its package."""
    page = tmp_path / "page.png"
    page.write_bytes(scan(150, "idc-license", "png"))
    code = f"""
import sys
import rapidocr
root = rapidocr.__file__.rsplit("/", 1)[0]
def hook(event, args):
    if event.startswith("socket.") or event in ("urllib.Request", "http.client.connect"):
        raise RuntimeError("network: " + event)
    if event == "open" and isinstance(args[0], str) and args[0].startswith(root):
        mode = args[1] or "r"
        if isinstance(mode, str) and any(c in mode for c in "wax+"):
            raise RuntimeError("write: " + args[0])
from pathlib import Path
def tree():
    return sorted((str(p), p.stat().st_mtime_ns) for p in Path(root).rglob("*") if "__pycache__" not in p.parts)
before = tree()
sys.addaudithook(hook)
from icp_renew.ocr import loaded_engine, pages
lines = loaded_engine().read(pages.prepare(pages.page_image(Path({str(page)!r}), "png")))
assert tree() == before, "the package changed"
print("\\n".join(lines))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "经营许可证编号 B1-20190001" in out.stdout
