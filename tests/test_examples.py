"""The shipped example dossiers: what `check` says about them, and that they never drift.

``examples/beijing-complete`` passes at the README's ``--today``; ``examples/beijing-incomplete``
has the defects that ``examples/README.md`` lists, one finding code each.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

import factory
from factory import TODAY
from icp_renew.dossier.config import load_config
from icp_renew.rulebook import find_authority, load_rulebook
from icp_renew.rulebook.resolve import resolve
from icp_renew.scaffold import plan

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COMPLETE = EXAMPLES / "beijing-complete"
INCOMPLETE = EXAMPLES / "beijing-incomplete"

#: code → severity of every finding on beijing-incomplete (docs/findings.md)
EXPECTED_INCOMPLETE = {
    "missing-material": "error",  # business-plan: no 3.3-新一年业务发展规划 folder
    "missing-year": "error",  # business-reports: no 2023年度业务经营报告.pdf
    "missing-domain-certificate": "error",  # example.cn has no certificate
    "too-few-pages": "error",  # icp-license: 3 pages, the rules want 4
    "encrypted-pdf": "error",  # security-measures: owner password, empty user password
    "expired": "error",  # hosting-agreement: expires 2025-12-31
    "missing-metadata": "error",  # idc-license: no expires in dossier.yaml
    "invalid-uscc": "error",  # 91110000600037341M: wrong check character
    "low-resolution": "warning",  # legal-rep-id: 身份证国徽面.jpg at 96 dpi
    "unassigned-file": "warning",  # 扫描件0001.jpg at the dossier root
    "filing-deadline-soon": "warning",  # 2026-03-02 is 46 days after 2026-01-15
}


def _findings(cli, dossier: Path) -> tuple[int, list[dict[str, object]], dict[str, object]]:
    result = cli("check", str(dossier), "--today", TODAY, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    [entry] = report["dossiers"]
    return result.exit_code, entry["findings"], entry


def test_complete_example_passes(cli):
    code, findings, entry = _findings(cli, COMPLETE)
    # the filing deadline (2026-03-02, a Monday) is 46 days away: within the 60 days
    assert [(f["code"], f["severity"]) for f in findings] == [("filing-deadline-soon", "warning")]
    assert entry["filing_deadline"] == "2026-03-02"
    assert entry["days_left"] == 46
    assert code == 0
    assert entry["ok"] is True
    assert entry["authority"] == "beijing"
    summary = entry["summary"]
    assert summary["materials_present"] == summary["materials_required"] == 12


def test_complete_example_passes_as_text(cli):
    result = cli("check", str(COMPLETE), "--today", TODAY)
    assert result.exit_code == 0, result.stdout + result.stderr


def test_incomplete_example_has_the_documented_findings(cli):
    code, findings, entry = _findings(cli, INCOMPLETE)
    assert code == 1
    assert entry["ok"] is False
    assert {f["code"]: f["severity"] for f in findings} == EXPECTED_INCOMPLETE
    by_code = {f["code"]: f for f in findings}
    assert by_code["missing-material"]["material"] == "business-plan"
    assert by_code["missing-year"]["material"] == "business-reports"
    assert by_code["too-few-pages"]["material"] == "icp-license"
    assert by_code["encrypted-pdf"]["material"] == "security-measures"
    assert by_code["expired"]["material"] == "hosting-agreement"
    assert by_code["missing-metadata"]["material"] == "idc-license"
    assert by_code["unassigned-file"]["path"] == "扫描件0001.jpg"
    assert sum(f["code"] == "missing-year" for f in findings) == 1
    assert "2023" in str(by_code["missing-year"]["message"])


def test_readme_lists_the_expected_codes():
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z-]+)` \| (error|warning|info) \|", text, re.MULTILINE)
    assert dict(rows) == EXPECTED_INCOMPLETE
    assert len(rows) == len(EXPECTED_INCOMPLETE)
    assert f"--today {TODAY}" in text


# --- the examples themselves, without `check` -------------------------------------------------


def test_example_configs_load_and_identifiers_are_as_intended():
    from stdnum.cn import ric, uscc

    complete = load_config(COMPLETE)
    incomplete = load_config(INCOMPLETE)
    assert complete.company.uscc is not None
    assert uscc.is_valid(complete.company.uscc)
    assert incomplete.company.uscc is not None
    assert not uscc.is_valid(incomplete.company.uscc)
    for cfg in (complete, incomplete):
        assert cfg.legal_representative is not None
        assert cfg.legal_representative.id_number is not None
        assert ric.is_valid(cfg.legal_representative.id_number)
        assert str(cfg.license.expires) == "2026-05-31"
    # the README's --today is before the filing deadline (expiry − 90 days = 2026-03-02)
    assert TODAY < "2026-03-02"


def test_example_layout_is_the_init_layout():
    book = load_rulebook()
    checklist = resolve(book, find_authority(book, "beijing"), [], ["B25"])
    planned = {slot.path for slot in plan(checklist)}
    files = [p for p in COMPLETE.rglob("*") if p.is_file()]
    folders = {p.parent.relative_to(COMPLETE).as_posix() for p in files}
    assert folders - {"."} == planned  # every material has its folder, and nothing else
    assert {p.name for p in COMPLETE.iterdir() if p.is_file()} == {"dossier.yaml"}


def test_examples_are_small_and_every_page_is_marked():
    from PIL import Image
    from pypdf import PdfReader

    files = [p for p in EXAMPLES.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 300_000
    for path in files:
        if path.suffix == ".pdf":
            reader = PdfReader(path)
            if reader.is_encrypted:
                reader.decrypt("")
            for page in reader.pages:
                text = page.extract_text()
                assert "样例" in text and "SAMPLE" in text, path
        elif path.suffix in (".jpg", ".png"):
            with Image.open(path) as img:
                dpi = img.info["dpi"]
            low = path.name == "身份证国徽面.jpg" and INCOMPLETE in path.parents
            assert (min(dpi) < 150) is low, path


def test_business_license_text_layer_has_the_scope():
    from pypdf import PdfReader

    for root in (COMPLETE, INCOMPLETE):
        [path] = root.rglob("营业执照副本.pdf")
        text = PdfReader(path).pages[0].extract_text()
        assert "经营范围" in text and "第二类增值电信业务" in text


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_examples", EXAMPLES / "make_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def _files(root: Path, names: tuple[str, ...]) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for name in names:
        top = root / name
        paths = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        for p in paths:
            out[p.relative_to(root).as_posix()] = p.read_bytes()
    return out


def test_examples_regenerate_byte_for_byte(tmp_path):
    """The committed examples are exactly what make_examples.py writes (no drift)."""
    factory.need("reportlab")
    gen = _load_generator()
    committed = (EXAMPLES / "made-with.txt").read_text(encoding="utf-8")
    if gen.made_with() != committed:
        pytest.skip(
            f"examples were made with {committed!r}; other library versions encode differently"
        )
    gen.build(tmp_path)
    fresh = _files(tmp_path, gen.GENERATED)
    shipped = _files(EXAMPLES, gen.GENERATED)
    assert sorted(fresh) == sorted(shipped)
    changed = [name for name in fresh if fresh[name] != shipped[name]]
    assert changed == [], "run: python examples/make_examples.py"


def test_generator_rejects_a_line_wider_than_the_page():
    factory.need("reportlab")
    gen = _load_generator()
    with pytest.raises(ValueError, match="line too long"):
        gen.render_pdf(gen.doc(("标题", ["很长" * 40])))
