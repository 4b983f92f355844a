"""Release hygiene: one version, and an sdist and a wheel that both carry the rules.

Built offline (`--no-isolation`, hatchling from the test extras), installed into a fresh
target folder, and run from another directory.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import icp_renew

ROOT = Path(__file__).parents[1]


def test_one_version_source():
    assert re.fullmatch(r"\d+\.\d+\.\d+", icp_renew.__version__)
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'path = "src/icp_renew/__init__.py"' in pyproject
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert "## [Unreleased]" in changelog or f"## [{icp_renew.__version__}]" in changelog


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    return out


@pytest.mark.slow  # builds the sdist and the wheel
def test_wheel_and_sdist_contain_the_rules(dist):
    wheel = next(dist.glob("*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert "icp_renew/rules/base.yaml" in names
    assert sum(1 for n in names if n.startswith("icp_renew/rules/authorities/")) == 32
    assert "icp_renew/rules/industries/news.yaml" in names
    assert "icp_renew/py.typed" in names
    sdist = next(dist.glob("*.tar.gz"))
    with tarfile.open(sdist) as tar:
        members = tar.getnames()
    assert any(m.endswith("/rules/base.yaml") for m in members)
    assert any(m.endswith("/rules/authorities/miit.yaml") for m in members)


@pytest.mark.slow  # and installs the wheel into a fresh environment
def test_installed_wheel_checks_the_example_from_elsewhere(dist, tmp_path):
    wheel = next(dist.glob("*.whl"))
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "NO_COLOR": "1"}
    probe = subprocess.run(
        [sys.executable, "-c", "import icp_renew.rulebook.paths as p; print(p.rules_root())"],
        env=env,
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(probe.stdout.strip()).is_relative_to(target)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "icp_renew",
            "check",
            str(ROOT / "examples" / "beijing-complete"),
            "--today",
            "2026-01-15",
            "--format",
            "json",
        ],
        env=env,
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["dossiers"][0]["ok"] is True
    assert report["rules_version"] == "2026.11"
