"""`icp-renew check` through the CLI: exit codes, every format, options, bad input.

Most tests replace the check registry with one small check (``FakeCheck``) so that
the findings are known exactly, whatever the real checks report; the tests marked
"real checks" run the full registry and assert only what holds for any correct set
of checks (a complete dossier passes).
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import factory
from icp_renew.checks import Context
from icp_renew.cli import check_cmd
from icp_renew.findings import Finding
from icp_renew.pii import Pii

TODAY = "2026-01-15"
ID_NUMBER = "11010519491231002X"
BAD_ID = "110105194912310021"
SCHEMAS = Path(__file__).resolve().parent / "schemas"  # vendored, see tests/schemas/README.md


def _fake_check(ctx: Context) -> Iterator[Finding]:
    """missing-material per absent required material, unassigned-file, invalid-id-number."""
    present = {f.material for f in ctx.dossier.files if f.material}
    for m in ctx.checklist.materials:
        if m.required and m.id not in present:
            yield factory.text_finding(
                "missing-material",
                zh="缺少 {title}",
                en="{title} is missing",
                material=m.id,
                title=m.title,
            )
    for f in ctx.dossier.files:
        if f.material is None:
            yield factory.text_finding(
                "unassigned-file",
                zh="{name} 不属于任何材料",
                en="{name} belongs to no material",
                path=f.path,
                name=f.path,
            )
    number = ctx.dossier.config.legal_representative.id_number
    if number and number != ID_NUMBER:
        yield factory.text_finding(
            "invalid-id-number",
            zh="身份证号码 {id} 无效",
            en="ID number {id} is not valid",
            material="legal-rep-id",
            path="dossier.yaml",
            id=Pii(number),
        )


SEEN: list[Context] = []


def _recording_check(ctx: Context) -> Iterator[Finding]:
    SEEN.append(ctx)
    return iter(())


@pytest.fixture
def fake_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = SimpleNamespace(
        CODES=("missing-material", "unassigned-file", "invalid-id-number"), check=_fake_check
    )
    monkeypatch.setattr("icp_renew.engine.registry", lambda: [fake])


@pytest.fixture
def recording_check(monkeypatch: pytest.MonkeyPatch) -> list[Context]:
    SEEN.clear()
    fake = SimpleNamespace(CODES=(), check=_recording_check)
    monkeypatch.setattr("icp_renew.engine.registry", lambda: [fake])
    return SEEN


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in tmp_path, so that dossiers are named by short relative paths."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def config(**changes: Any) -> dict[str, Any]:
    cfg = copy.deepcopy(factory.VALID_CONFIG)
    cfg.update(changes)
    return cfg


def incomplete_files() -> dict[str, bytes | str]:
    files = dict(factory.COMPLETE_FILES)
    del files["business-plan/2026年业务发展规划.pdf"]
    return files


def with_stray_file() -> dict[str, bytes | str]:
    return {**factory.COMPLETE_FILES, "notes/readme.txt": "text:hello"}


def check(cli: Any, *args: str, env: dict[str, Any] | None = None) -> Any:
    return cli("check", *args, "--today", TODAY, env=env)


def one_error_line(result: Any) -> str:
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("icp-renew: error: ")
    return str(lines[0])


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(root)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


# --- exit codes ----------------------------------------------------------------------------------


def test_complete_dossier_passes_with_real_checks(cli, make_dossier, here):
    make_dossier(name="acme")
    result = check(cli, "acme")
    assert result.exit_code == 0, result.output
    # passes (exit 0), but its warnings (the filing deadline is near) are not waved through
    assert "! PASSED with warnings" in result.stdout and "√" not in result.stdout.splitlines()[-1]
    assert result.stderr == ""


def test_every_format_valid_with_real_checks(cli, make_dossier, here):
    make_dossier(name="acme")
    for fmt in ("text", "json", "junit", "sarif", "github", "markdown", "html"):
        result = check(cli, "acme", "--format", fmt)
        assert result.exit_code == 0, (fmt, result.output)
    data = json.loads(check(cli, "acme", "-f", "json").stdout)
    assert data["dossiers"][0]["ok"] is True
    assert data["dossiers"][0]["summary"]["materials_required"] == 12
    assert data["dossiers"][0]["summary"]["materials_present"] == 12


def test_real_checks_missing_material_and_unassigned_file(cli, make_dossier, here):
    """With the shipped checks: a missing required material is an error (exit 1)."""
    files = {**incomplete_files(), "notes/readme.txt": "text:hello"}
    make_dossier(files=files, name="acme")
    result = check(cli, "acme", "-f", "json")
    assert result.exit_code == 1
    found = {
        (f["code"], f["severity"], f["material"], f["path"])
        for f in json.loads(result.stdout)["dossiers"][0]["findings"]
    }
    assert ("missing-material", "error", "business-plan", None) in found
    assert ("unassigned-file", "warning", None, "notes/readme.txt") in found
    text = check(cli, "acme").stdout
    assert "× error missing-material" in text
    assert "! warning unassigned-file · notes/readme.txt" in text


def test_real_checks_warnings_only_pass_unless_strict(cli, make_dossier, here):
    make_dossier(files=with_stray_file(), name="acme")
    assert check(cli, "acme").exit_code == 0
    assert check(cli, "acme", "--strict").exit_code == 1


def test_errors_exit_1(cli, make_dossier, here, fake_checks):
    make_dossier(files=incomplete_files(), name="acme")
    result = check(cli, "acme", "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    (d,) = data["dossiers"]
    assert d["path"] == "acme"
    assert d["authority"] == "beijing"
    assert d["ok"] is False
    assert d["summary"] == {
        "errors": 1,
        "warnings": 0,
        "infos": 0,
        "materials_required": 12,
        "materials_present": 11,
    }
    assert [(f["code"], f["material"], f["path"]) for f in d["findings"]] == [
        ("missing-material", "business-plan", None)
    ]


def test_warnings_pass_unless_strict(cli, make_dossier, here, fake_checks):
    make_dossier(files=with_stray_file(), name="acme")
    result = check(cli, "acme")
    assert result.exit_code == 0
    assert "unassigned-file · notes/readme.txt" in result.stdout
    assert "! PASSED with warnings" in result.stdout
    strict = check(cli, "acme", "--strict")
    assert strict.exit_code == 1
    assert "× FAILED" in strict.stdout
    data = json.loads(check(cli, "acme", "--strict", "-f", "json").stdout)
    assert data["dossiers"][0]["ok"] is False


# --- formats -------------------------------------------------------------------------------------


def test_text_grouped_with_hints(cli, make_dossier, here, fake_checks):
    make_dossier(files=incomplete_files(), name="acme")
    out = check(cli, "acme").stdout
    assert "× Business development plan for the coming year (新一年业务发展规划)" in out
    assert "→ Add the material in a folder named after its id or Chinese title." in out
    assert "× FAILED — 11 of 12 required materials present · 1 error · 0 warnings · 0 notes" in out
    assert "\x1b" not in out
    zh = check(cli, "acme", "--lang", "zh").stdout
    assert "缺少 新一年业务发展规划" in zh
    assert "× 未通过 — 必需材料 11/12 项齐全 · 错误 1 · 警告 0 · 提示 0" in zh


def test_colour_only_when_forced_and_allowed(cli, make_dossier, here, fake_checks):
    make_dossier(files=incomplete_files(), name="acme")
    forced = {"FORCE_COLOR": "1", "NO_COLOR": None, "TERM": "xterm-256color"}
    assert "\x1b[" in check(cli, "acme", env=forced).stdout
    assert "\x1b" not in check(cli, "acme", env={**forced, "NO_COLOR": "1"}).stdout
    assert "\x1b" not in check(cli, "acme", env={**forced, "TERM": "dumb"}).stdout


def test_junit(cli, make_dossier, here, fake_checks):
    make_dossier(files=incomplete_files(), name="acme")
    make_dossier(files=with_stray_file(), name="beta")
    result = check(cli, "acme", "beta", "--format", "junit")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout.encode("utf-8"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["acme", "beta"]
    assert [s.get("failures") for s in suites] == ["1", "0"]
    assert suites[0].get("tests") == str(1 + 16)  # dossier + every material of the checklist
    failed = [c.get("name") for c in root.iter("testcase") if c.find("failure") is not None]
    assert failed == [
        "business-plan: Business development plan for the coming year (新一年业务发展规划)"
    ]
    strict = ET.fromstring(check(cli, "acme", "beta", "-f", "junit", "--strict").stdout)
    assert [s.get("failures") for s in strict.findall("testsuite")] == ["1", "1"]
    xsd = SCHEMAS / "junit-10.xsd"
    xmlschema = pytest.importorskip("xmlschema")

    xmlschema.XMLSchema(str(xsd)).validate(result.stdout)


def test_sarif(cli, make_dossier, here, fake_checks):
    make_dossier(files=incomplete_files(), name="acme")
    make_dossier(files=with_stray_file(), name="beta")
    result = check(cli, "acme", "beta", "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("missing-material", "error"),
        ("unassigned-file", "warning"),
    ]
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in results]
    assert locations == [
        {"uri": "acme/dossier.yaml", "uriBaseId": "%SRCROOT%"},
        {"uri": "beta/notes/readme.txt", "uriBaseId": "%SRCROOT%"},
    ]
    schema_file = SCHEMAS / "sarif-schema-2.1.0.json"
    jsonschema = pytest.importorskip("jsonschema")

    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)


def test_github_and_step_summary(cli, make_dossier, here, fake_checks):
    make_dossier(files=incomplete_files(), name="acme")
    make_dossier(files=with_stray_file(), name="beta")
    summary = here / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = check(
        cli, "acme", "beta", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "::error file=acme/dossier.yaml,title=Material missing [missing-material]::"
        "acme: 新一年业务发展规划 is missing"
        "%0AAdd the material in a folder named after its id or Chinese title."
    )
    assert lines[2].startswith(
        "::warning file=beta/notes/readme.txt,title=Unassigned file [unassigned-file]::"
    )
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## icp-renew check: 2 dossiers, 1 failed\n")
    assert (
        "| acme | Beijing Communications Administration | 11/12 | 1 | 0 | 0 | ❌ failed |" in text
    )


def test_step_summary_only_for_github_format(cli, make_dossier, here, fake_checks):
    make_dossier(name="acme")
    summary = here / "summary.md"
    check(cli, "acme", "-f", "json", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert not summary.exists()


def test_format_from_environment(cli, make_dossier, here, fake_checks):
    make_dossier(name="acme")
    result = check(cli, "acme", env={"ICP_RENEW_FORMAT": "json"})
    assert json.loads(result.stdout)["tool"] == "icp-renew"
    explicit = check(cli, "acme", "-f", "text", env={"ICP_RENEW_FORMAT": "json"})
    assert explicit.stdout.startswith("acme · ")


# --- options -------------------------------------------------------------------------------------


def test_pii_masked_unless_show_pii(cli, make_dossier, here, fake_checks):
    cfg = config(
        legal_representative={**factory.VALID_CONFIG["legal_representative"], "id_number": BAD_ID}
    )
    make_dossier(cfg, name="acme")
    for fmt in ("text", "json", "junit", "sarif", "github", "markdown", "html"):
        masked = check(cli, "acme", "-f", fmt)
        assert masked.exit_code == 1
        assert BAD_ID not in masked.stdout, fmt
        assert "110105********0021" in masked.stdout.replace("\\*", "*"), fmt  # md escapes *
        shown = check(cli, "acme", "-f", fmt, "--show-pii")
        assert BAD_ID in shown.stdout, fmt


def test_output_file(cli, make_dossier, here, fake_checks):
    make_dossier(files=incomplete_files(), name="acme")
    result = check(cli, "acme", "-f", "json", "-o", "out/report.json")  # out/ is created (#12)
    assert result.exit_code == 1
    assert result.stdout == ""
    data = json.loads((here / "out" / "report.json").read_text(encoding="utf-8"))
    assert data["dossiers"][0]["summary"]["errors"] == 1
    assert sorted(p.name for p in (here / "out").iterdir()) == ["report.json"]  # no temp file left
    text = check(cli, "acme", "-o", "out/report.txt", env={"FORCE_COLOR": "1", "NO_COLOR": None})
    assert "\x1b" not in (here / "out" / "report.txt").read_text(encoding="utf-8")
    assert text.exit_code == 1


def test_output_never_overwrites_dossier_yaml(cli, make_dossier, here):
    root = make_dossier(name="acme")
    before = (root / "dossier.yaml").read_bytes()
    result = check(cli, "acme", "-f", "json", "-o", "acme/dossier.yaml")
    assert result.exit_code == 2
    assert "dossier.yaml" in one_error_line(result)
    assert (root / "dossier.yaml").read_bytes() == before


def test_report_never_changes_the_dossier(cli, make_dossier, here, fake_checks):
    root = make_dossier(files=with_stray_file(), name="acme")
    before = snapshot(root)
    for fmt in ("text", "json", "junit", "sarif", "github", "html"):
        check(cli, "acme", "-f", fmt, "-o", f"report.{fmt}")
        check(cli, "acme", "-f", fmt)
    assert snapshot(root) == before


def test_dates_and_province_reach_the_checks(cli, make_dossier, here, recording_check):
    make_dossier(name="acme")
    assert check(cli, "acme").exit_code == 0
    assert str(recording_check[-1].today) == TODAY
    assert recording_check[-1].filing_date == recording_check[-1].today
    result = check(cli, "acme", "--filing-date", "2026年3月1日", "--province", "CN-SH")
    assert result.exit_code == 0, result.output
    ctx = recording_check[-1]
    assert str(ctx.filing_date) == "2026-03-01"
    assert ctx.checklist.authority.slug == "shanghai"


def test_quiet(cli, make_dossier, here, fake_checks):
    make_dossier(name="acme")
    make_dossier(files=incomplete_files(), name="beta")
    out = check(cli, "acme", "beta", "--quiet").stdout
    # the summary table stays, the detail goes
    assert out.startswith("Summary\n")
    assert "│ acme " in out and "│ beta " in out
    assert "missing-material" not in out
    assert "Business licence" not in out
    assert check(cli, "acme", "-q").stdout.startswith("Summary\n")


def test_several_dossiers_in_order_and_parallel(cli, make_dossier, here):
    for name in ("c", "a", "b"):
        make_dossier(name=name)
    serial = check(cli, "c", "a", "b", "-f", "json")
    assert serial.exit_code == 0
    assert [d["path"] for d in json.loads(serial.stdout)["dossiers"]] == ["c", "a", "b"]
    parallel = check(cli, "c", "a", "b", "-f", "json", "--jobs", "2")
    assert parallel.exit_code == 0, parallel.output
    assert parallel.stdout == serial.stdout
    text = check(cli, "c", "a", "b").stdout
    assert "3 dossiers checked: 0 failed, 3 passed" in text


# --- could not do the job: exit 2, one line, no traceback ---------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("company: [\n", "acme/dossier.yaml:2: invalid YAML"),
        (b"\x00\x01\x02binary\xff", "acme/dossier.yaml: not a text file"),
        (b"\xff\xfe\xfa not utf-8: \xc3\x28", "acme/dossier.yaml: not valid UTF-8"),
    ],
)
def test_broken_dossier_yaml(cli, make_dossier, here, content, expected):
    root = make_dossier(name="acme")
    path = root / "dossier.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = check(cli, "acme")
    assert result.exit_code == 2
    assert expected in one_error_line(result)


def test_impossible_date_names_line_and_field(cli, make_dossier, here):
    cfg = config(license={**factory.VALID_CONFIG["license"], "expires": "2026-02-30"})
    make_dossier(cfg, name="acme")
    result = check(cli, "acme")
    assert result.exit_code == 2
    line = one_error_line(result)
    assert re.search(r"acme/dossier\.yaml:\d+: license\.expires: .*2026-02-30", line), line
    assert line.endswith(
        "license.expires: impossible date '2026-02-30': 2026-02-30 does not exist"
    ), line


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"unexpected": "1"}, "unexpected"),
        (
            {"license": {**factory.VALID_CONFIG["license"], "expiry": "2026-05-31"}},
            "license.expiry",
        ),
    ],
)
def test_unknown_field_names_line_and_field(cli, make_dossier, here, changes, field):
    make_dossier(config(**changes), name="acme")
    result = check(cli, "acme")
    assert result.exit_code == 2
    line = one_error_line(result)
    assert re.search(rf"acme/dossier\.yaml:\d+: {re.escape(field)}: unknown field", line), line


def test_missing_dossier_yaml_and_folder(cli, here):
    (here / "empty").mkdir()
    result = check(cli, "empty")
    assert result.exit_code == 2
    assert "empty/dossier.yaml" in one_error_line(result)
    result = check(cli, "nowhere")
    assert result.exit_code == 2
    assert "nowhere" in one_error_line(result)


def test_one_bad_dossier_does_not_stop_the_others(cli, make_dossier, here, fake_checks):
    make_dossier(name="good")
    bad = make_dossier(name="bad")
    (bad / "dossier.yaml").write_text("company: [\n", encoding="utf-8")
    make_dossier(files=incomplete_files(), name="incomplete")
    result = check(cli, "good", "bad", "incomplete", "-f", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [d["path"] for d in data["dossiers"]] == ["good", "bad", "incomplete"]
    assert data["dossiers"][1]["ok"] is False and data["dossiers"][1]["findings"] == []
    assert data["dossiers"][1]["error"].startswith("bad/dossier.yaml:2: ")
    assert data["dossiers"][2]["summary"]["errors"] == 1
    assert "bad/dossier.yaml:2" in one_error_line(result)
    github = check(cli, "good", "bad", "-f", "github")
    assert github.exit_code == 2
    assert "::error file=bad/dossier.yaml,line=2,title=icp-renew%3A cannot check::" in github.stdout


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (("--format", "xml"), "--format"),
        (("--lang", "fr"), "--lang"),
        (("--today", "2026-13-01"), "--today"),
        (("--filing-date", "soon"), "--filing-date"),
        (("--province", "atlantis"), "--province"),
        (("--jobs", "-1"), "--jobs"),
    ],
)
def test_bad_options(cli, make_dossier, here, args, names):
    make_dossier(name="acme")
    result = cli("check", "acme", *args)
    assert result.exit_code == 2
    assert names in one_error_line(result)
    assert result.stdout == ""


def test_unknown_province_only_once(cli, make_dossier, here):
    make_dossier(name="a")
    make_dossier(name="b")
    result = check(cli, "a", "b", "--province", "atlantis")
    assert result.exit_code == 2
    assert "atlantis" in one_error_line(result)


def test_invalid_rule_file(cli, make_dossier, here):
    make_dossier(name="acme")
    rules = here / "my-rules"
    rules.mkdir()
    (rules / "overlay.yaml").write_text("materials: [\n", encoding="utf-8")
    result = check(cli, "acme", "--rules", str(rules))
    assert result.exit_code == 2
    assert "overlay.yaml" in one_error_line(result)


# --- progress bar --------------------------------------------------------------------------------


def test_progress_only_on_a_terminal_outside_ci(monkeypatch):
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("CI", raising=False)
    assert check_cmd._progress_wanted(quiet=False, total=5)
    assert not check_cmd._progress_wanted(quiet=True, total=5)
    assert not check_cmd._progress_wanted(quiet=False, total=1)
    monkeypatch.setenv("CI", "true")
    assert not check_cmd._progress_wanted(quiet=False, total=5)


def test_progress_bar_appears_only_for_long_work():
    short = check_cmd.Progress(5, enabled=True)
    for done in range(1, 6):
        short(done, 5)  # fast and few: no bar
    assert short._bar is None
    many = check_cmd.Progress(50, enabled=True)
    many(1, 50)
    assert many._bar is not None
    many.close()
    assert many._bar is None
    off = check_cmd.Progress(50, enabled=False)
    off(1, 50)
    assert off._bar is None


def test_help_lists_formats_from_registry(cli):
    result = cli("check", "--help")
    assert result.exit_code == 0
    for name in ("text", "json", "junit", "sarif", "github"):
        assert name in result.stdout
