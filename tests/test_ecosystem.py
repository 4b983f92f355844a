"""The tool meets users' other tools: help, pre-commit, CI templates, the README's commands."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml

from factory import TODAY

ROOT = Path(__file__).parents[1]
COMMANDS = [
    ["check"],
    ["deadline"],
    ["pack"],
    ["verify"],
    ["init"],
    ["rules", "list"],
    ["rules", "show"],
    ["rules", "lint"],
    ["schema"],
]
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_has_an_example_in_each_language(cli, command):
    """One language per screen (tests/test_help.py checks them in depth)."""
    english = cli(*command, "--help")
    assert english.exit_code == 0
    assert "Example" in english.stdout
    assert "icp-renew " + command[0] in english.stdout
    chinese = cli(*command, "--help", env={"ICP_RENEW_LANG": "zh"})
    assert "示例" in chinese.stdout
    assert CJK.search(chinese.stdout)
    assert "icp-renew " + command[0] in chinese.stdout


def _hooks() -> list[dict[str, object]]:
    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))


def test_pre_commit_hooks_definitions():
    hooks = {h["id"]: h for h in _hooks()}
    assert set(hooks) == {"icp-renew-check", "icp-renew-rules-lint"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["pass_filenames"] is False
        assert str(hook["entry"]).startswith("icp-renew ")


def test_pre_commit_hooks_run(cli, tmp_path):
    """Each hook's entry with its default args, as pre-commit runs it from the repository root."""
    import shutil

    hooks = {h["id"]: h for h in _hooks()}
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "examples" / "beijing-complete", repo)
    (repo / "rules").mkdir()
    (repo / "rules" / "agency.yaml").write_text(
        "kind: overlay\nname: x\nsource: agency practice\nmaterials: []\n", "utf-8"
    )
    import os

    old = Path.cwd()
    os.chdir(repo)
    try:
        check = hooks["icp-renew-check"]
        argv = shlex.split(str(check["entry"]))[1:] + list(check["args"]) + ["--today", TODAY]
        assert cli(*argv).exit_code == 0
        lint = hooks["icp-renew-rules-lint"]
        argv = shlex.split(str(lint["entry"]))[1:] + list(lint["args"])
        result = cli(*argv)
        assert result.exit_code == 0, result.stdout
    finally:
        os.chdir(old)


def _template_commands(path: Path) -> list[str]:
    """Every `icp-renew …` command line of a CI template."""
    lines = []
    for raw in path.read_text("utf-8").splitlines():
        line = raw.strip().removeprefix("- ").removeprefix("run: ").strip()
        if line.startswith("icp-renew "):
            lines.append(line.split(" || ")[0])
    return lines


@pytest.mark.parametrize("template", ["github-workflow.yml", "gitlab-ci.yml"])
def test_ci_templates_commands_run_on_the_example(cli, tmp_path, template, monkeypatch):
    path = ROOT / "examples" / "ci" / template
    yaml.safe_load(path.read_text("utf-8"))  # valid YAML
    commands = _template_commands(path)
    assert any(c.startswith("icp-renew check") for c in commands)
    assert any("--fail-within 30" in c for c in commands)
    assert any(c.startswith("icp-renew pack") for c in commands)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    dossier = str(ROOT / "examples" / "beijing-complete")
    for command in commands:
        argv = shlex.split(command.replace('"$DOSSIER"', dossier))[1:]
        if argv[0] in ("check", "pack"):
            argv += ["--today", TODAY]
        if argv[0] == "deadline":
            argv += ["--today", "2025-11-01"]  # 121 days before the filing deadline: green
        result = cli(*argv)
        assert result.exit_code == 0, (command, result.output)
    assert (tmp_path / "bundle.zip").is_file()


def test_deadline_job_turns_red_in_time(cli):
    dossier = str(ROOT / "examples" / "beijing-complete")
    # the filing deadline is 2026-03-02: 30 days before is 2026-01-31
    assert cli("deadline", dossier, "--fail-within", "30", "--today", "2026-01-30").exit_code == 0
    assert cli("deadline", dossier, "--fail-within", "30", "--today", "2026-01-31").exit_code == 1


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    return re.findall(r"^(python3 -m venv \.venv && .*)$", text, flags=re.M)


def test_readme_has_the_two_setup_commands_and_ci_runs_the_test_one():
    commands = set(_readme_commands())
    assert len(commands) == 2
    main_job = next(c for c in commands if "icp-renew check" in c)
    test_cmd = next(c for c in commands if "pytest" in c)
    assert "examples/beijing-complete" in main_job
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    # .ci/run runs the README's test command verbatim, as a line of its own
    assert test_cmd in ci.splitlines()


def test_readme_main_job_passes(cli):
    main_job = next(c for c in _readme_commands() if "icp-renew check" in c)
    argv = shlex.split(main_job.split(" && ")[-1])[1:]
    result = cli(*argv)
    assert result.exit_code == 0, result.output


# --- installing without PyPI (#12) -------------------------------------------------------

#: `icp-renew @ git+<url>@<40-hex commit>`: a git URL pinned to a commit (PEP 508 direct reference)
PINNED = re.compile(r"^icp-renew @ git\+(?P<url>https://\S+\.git)@(?P<rev>[0-9a-f]{40})$")
RELEASE_0_1_0 = "4f325df08c3c894429fe899c69036b9c375305a9"


def _pip_requirement(path: Path) -> str:
    """The requirement a template installs: its ICP_RENEW_PIP variable, used by every pip line."""
    data = yaml.safe_load(path.read_text("utf-8"))
    variables = data.get("env") or data.get("variables")
    text = path.read_text("utf-8")
    installs = re.findall(r"pip install (.+)$", text, flags=re.M)
    assert installs and set(installs) == {'"$ICP_RENEW_PIP"'}, installs  # never from PyPI
    return str(variables["ICP_RENEW_PIP"])


@pytest.mark.parametrize("template", ["github-workflow.yml", "gitlab-ci.yml"])
def test_ci_templates_install_from_a_pinned_commit(template):
    requirement = _pip_requirement(ROOT / "examples" / "ci" / template)
    match = PINNED.match(requirement)
    assert match, requirement
    assert match["rev"] == RELEASE_0_1_0
    assert "example.invalid" in match["url"]  # a placeholder the user is told to replace


def test_docs_and_pre_commit_pin_the_same_commit():
    ci = (ROOT / "docs" / "ci.md").read_text("utf-8")
    assert (
        f'pip install "icp-renew @ git+https://git.example.invalid/YOUR-ORG/icp-renew.git@{RELEASE_0_1_0}"'
        in ci
    )
    assert f"rev: {RELEASE_0_1_0}" in ci
    assert f"rev: {RELEASE_0_1_0}" in (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert not re.search(r"^\s*(- run: )?pip install icp-renew\b", ci, flags=re.M)


def _git(*args: str) -> str | None:
    import subprocess

    done = subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() if done.returncode == 0 else None


def test_the_pinned_commit_is_release_0_1_0():
    if _git("cat-file", "-e", f"{RELEASE_0_1_0}^{{commit}}") is None:
        pytest.skip("not a git checkout with the release commit (an sdist, a shallow clone)")
    init = _git("show", f"{RELEASE_0_1_0}:src/icp_renew/__init__.py") or ""
    assert '__version__ = "0.1.0"' in init
    changelog = _git("show", f"{RELEASE_0_1_0}:CHANGELOG.md") or ""
    assert "## [0.1.0] - 2026-11-29" in changelog


@pytest.mark.slow
def test_the_install_line_installs_from_a_git_repository(tmp_path):
    """The templates' requirement, with the placeholder URL replaced by this repository: pip
    clones it at the pinned commit and builds icp-renew (no index: --no-deps, and the build
    backend of this environment)."""
    import subprocess
    import sys

    pytest.importorskip("hatchling")  # a test-only library: not on a plain install
    if _git("cat-file", "-e", f"{RELEASE_0_1_0}^{{commit}}") is None:
        pytest.skip("not a git checkout with the release commit (an sdist, a shallow clone)")
    requirement = _pip_requirement(ROOT / "examples" / "ci" / "github-workflow.yml")
    match = PINNED.match(requirement)
    assert match
    # file://localhost/…: a PEP 508 URL needs a host
    local = requirement.replace(match["url"], "file://localhost" + ROOT.resolve().as_posix())
    target = tmp_path / "site"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--disable-pip-version-check",
            "--target",
            str(target),
            local,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    installed = (target / "icp_renew" / "__init__.py").read_text("utf-8")
    assert '__version__ = "0.1.0"' in installed
    dist = [p.name for p in target.glob("icp_renew-*.dist-info")]
    assert dist == ["icp_renew-0.1.0.dist-info"]
    direct = json.loads((target / dist[0] / "direct_url.json").read_text("utf-8"))
    assert direct["vcs_info"]["commit_id"] == RELEASE_0_1_0
