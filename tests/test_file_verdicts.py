"""File-level verdicts of #12: a size warning by default (the tool's policy, overridable in the
rules), a misnamed file whose content is accepted is a warning, sizes with the usual suffixes."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import factory
from icp_renew.rulebook.models import parse_size

SCAN = "legal-rep-id/正面.jpg"


def findings(cli, root: Path, *args: str) -> list[dict]:
    result = cli("check", str(root), "--format", "json", "--today", factory.TODAY, *args)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["dossiers"][0]["findings"]


def about(found: list[dict], path: str) -> list[tuple[str, str]]:
    return [(f["code"], f["severity"]) for f in found if f["path"] == path]


def grow(path: Path, size: int) -> None:
    """Make ``path`` ``size`` bytes long without writing them (a sparse file: the checks read
    headers only, like a real 400 MB photo's)."""
    with path.open("r+b") as fh:
        fh.truncate(size)


def test_a_huge_scan_gets_a_warning_by_default(cli, make_dossier):
    root = make_dossier()
    grow(root / SCAN, 400 * 1000**2)
    found = findings(cli, root, "--lang", "en")
    assert about(found, SCAN) == [("file-too-large", "warning")]
    message = next(f["message"] for f in found if f["path"] == SCAN)
    assert message.startswith("the file is 400 MB, more than 20 MB: the upload may fail")
    assert "no official per-file limit is published" in message
    result = cli("check", str(root), "--today", factory.TODAY)
    assert result.exit_code == 0  # a warning: the dossier still passes


def test_at_the_policy_size_there_is_no_warning(cli, make_dossier):
    root = make_dossier()
    grow(root / SCAN, 20 * 1000**2)
    assert about(findings(cli, root), SCAN) == []


def overlay(tmp_path: Path, body: str) -> Path:
    rules = tmp_path / "rules"
    rules.mkdir(exist_ok=True)
    text = "kind: overlay\nname: test\nsource: 'agency practice: test'\n" + body
    (rules / "agency.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return rules


def test_the_rules_change_or_switch_off_the_warning(cli, make_dossier, tmp_path):
    root = make_dossier()
    grow(root / SCAN, 3 * 1000**2)
    smaller = overlay(tmp_path, "settings:\n  warn_file_size: 2M\n")
    assert about(findings(cli, root, "--rules", str(smaller)), SCAN) == [
        ("file-too-large", "warning")
    ]
    per_material = overlay(
        tmp_path,
        "materials:\n  - id: legal-rep-id\n    warn_file_size: 1MiB\n    source: 'agency practice'\n",
    )
    assert about(findings(cli, root, "--rules", str(per_material)), SCAN) == [
        ("file-too-large", "warning")
    ]
    grow(root / SCAN, 30 * 1000**2)
    off = overlay(tmp_path, "settings:\n  warn_file_size: 0\n")
    assert about(findings(cli, root, "--rules", str(off)), SCAN) == []
    hard = overlay(tmp_path, "settings:\n  max_file_size: 25MB\n")
    assert about(findings(cli, root, "--rules", str(hard)), SCAN) == [("file-too-large", "error")]


def test_an_invalid_size_in_the_rules_is_exit_2(cli, make_dossier, tmp_path):
    root = make_dossier()
    bad = overlay(tmp_path, "settings:\n  warn_file_size: huge\n")
    result = cli("check", str(root), "--rules", str(bad))
    assert result.exit_code == 2
    assert "settings.warn_file_size: invalid size 'huge'" in result.stderr


def test_rules_show_gives_the_warning_size(cli):
    result = cli("rules", "show", "-p", "beijing", "--format", "json")
    materials = json.loads(result.stdout)["materials"]
    assert {m["warn_file_size"] for m in materials} == {20_000_000}


@pytest.mark.parametrize(
    ("name", "spec", "expected"),
    [
        ("filing-query/备案查询.jpg", "png", [("unsupported-format", "warning")]),  # PNG as .jpg
        ("filing-query/备案查询", "png", [("unsupported-format", "warning")]),  # no extension
        ("filing-query/备案查询.png", "png", []),
        ("filing-query/备案查询.pdf", "docx", [("unsupported-format", "error")]),
    ],
)
def test_a_misnamed_file_is_an_error_only_when_its_content_is_not_accepted(
    cli, make_dossier, name, spec, expected
):
    files = {k: v for k, v in factory.COMPLETE_FILES.items() if not k.startswith("filing-query/")}
    data = factory.content(spec) if spec != "docx" else b"PK\x03\x04" + b"\0" * 60
    root = make_dossier(files={**files, name: data})
    assert about(findings(cli, root), name) == expected


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("20M", 20_000_000),
        ("20m", 20_000_000),
        ("20MB", 20_000_000),
        ("20MiB", 20 * 1024**2),
        ("512K", 512_000),
        ("1G", 1_000_000_000),
        ("1.5GB", 1_500_000_000),
        ("2GiB", 2 * 1024**3),
        ("1048576", 1_048_576),
    ],
)
def test_size_suffixes(text, size):
    assert parse_size(text) == size


def test_split_size_accepts_a_bare_m(cli, tmp_path):
    root = factory.make_dossier(tmp_path / "d")
    out = tmp_path / "b.zip"
    result = cli("pack", str(root), "-o", str(out), "--today", factory.TODAY, "--split-size", "20M")
    assert result.exit_code == 0, result.stderr
    bad = cli("pack", str(root), "-o", str(out), "--split-size", "20X")
    assert bad.exit_code == 2
    assert "--split-size: invalid size '20X'" in bad.stderr


def test_an_overlay_without_kind_names_the_missing_field(cli, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "agency.yaml").write_text(
        "name: ours\nsource: 'agency practice'\nmaterials: []\n", encoding="utf-8"
    )
    result = cli("rules", "show", "-p", "beijing", "--rules", str(rules))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"icp-renew: error: {rules / 'agency.yaml'}:1: kind: the 'kind' field is missing: a rule "
        "file says what it is (kind: one of base, authority, industry, overlay)"
    ]
    lint = cli("rules", "lint", str(rules))
    assert lint.exit_code == 1
    assert "the 'kind' field is missing" in lint.stdout
    assert "None" not in lint.stdout
