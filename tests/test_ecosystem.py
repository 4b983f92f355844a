"""The tool meets users' other tools: help, pre-commit, CI templates, the README's commands."""

from __future__ import annotations

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
