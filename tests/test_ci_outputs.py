"""CI output fixes of #12: annotations at dossier.yaml's line, GITHUB_WORKSPACE, ``-o -``,
``-o`` into a new folder, ``-o`` inside a dossier refused, ``check .`` named by its folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factory

BAD_USCC = dict(factory.VALID_CONFIG, company={"name": "北京示例科技有限公司", "uscc": "123"})


def yaml_line(root: Path, text: str) -> int:
    lines = (root / "dossier.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_github_annotation_of_a_dossier_finding_points_at_its_line(cli, tmp_path, monkeypatch):
    root = factory.make_dossier(tmp_path / "d", BAD_USCC)
    monkeypatch.chdir(tmp_path)
    result = cli("check", "d", "--format", "github", "--today", factory.TODAY)
    line = yaml_line(root, "uscc:")
    uscc = [x for x in result.stdout.splitlines() if "[invalid-uscc]" in x]
    assert uscc and uscc[0].startswith(f"::error file=d/dossier.yaml,line={line},title=")


def test_sarif_gives_the_same_line(cli, tmp_path, monkeypatch):
    root = factory.make_dossier(tmp_path / "d", BAD_USCC)
    monkeypatch.chdir(tmp_path)
    result = cli("check", "d", "--format", "sarif", "--today", factory.TODAY)
    results = json.loads(result.stdout)["runs"][0]["results"]
    uscc = next(r for r in results if r["ruleId"] == "invalid-uscc")
    assert uscc["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "d/dossier.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": yaml_line(root, "uscc:")},
    }


def test_paths_are_relative_to_github_workspace(cli, tmp_path):
    root = factory.make_dossier(tmp_path / "repo" / "clients" / "acme", BAD_USCC)
    (root / "notes.txt").write_text("x", encoding="utf-8")
    env = {"GITHUB_WORKSPACE": str(tmp_path / "repo")}
    result = cli("check", str(root), "--format", "github", "--today", factory.TODAY, env=env)
    lines = result.stdout.splitlines()
    assert any(x.startswith("::warning file=clients/acme/notes.txt,") for x in lines), lines
    assert any(x.startswith("::error file=clients/acme/dossier.yaml,line=") for x in lines)
    sarif = cli("check", str(root), "--format", "sarif", "--today", factory.TODAY, env=env)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(sarif.stdout)["runs"][0]["results"]
    }
    assert uris == {"clients/acme/notes.txt", "clients/acme/dossier.yaml"}
    # outside the workspace: as given
    outside = cli(
        "check",
        str(root),
        "--format",
        "github",
        "--today",
        factory.TODAY,
        env={"GITHUB_WORKSPACE": str(tmp_path / "elsewhere")},
    )
    assert f"::warning file={root.as_posix()}/notes.txt," in outside.stdout


def test_dash_is_standard_output(cli, tmp_path, monkeypatch):
    root = factory.make_dossier(tmp_path / "d")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "d", "--format", "json", "-o", "-", "--today", factory.TODAY)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["ok"] is True
    assert not (tmp_path / "-").exists()
    assert root.is_dir()


def test_output_into_a_new_folder(cli, tmp_path):
    factory.make_dossier(tmp_path / "d")
    out = tmp_path / "reports" / "2026" / "check.json"
    result = cli(
        "check", str(tmp_path / "d"), "-f", "json", "-o", str(out), "--today", "2026-01-15"
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["ok"] is True


@pytest.mark.parametrize("inside", ["report.json", "1-基础资质文件/report.json"])
def test_output_inside_a_dossier_is_refused(cli, tmp_path, inside):
    root = factory.make_dossier(tmp_path / "d")
    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    result = cli("check", str(root), "-f", "json", "-o", str(root / inside))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"icp-renew: error: {root / inside}: is inside the dossier {root} being checked; "
        "write the report somewhere else"
    ]
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == before


def test_check_dot_shows_the_folders_name(cli, tmp_path, monkeypatch):
    factory.make_dossier(tmp_path / "北京客户")
    monkeypatch.chdir(tmp_path / "北京客户")
    result = cli("check", ".", "--today", factory.TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("北京客户 · 北京示例科技有限公司")
    as_json = cli("check", ".", "--format", "json", "--today", factory.TODAY)
    assert json.loads(as_json.stdout)["dossiers"][0]["path"] == "."  # the path stays a path
