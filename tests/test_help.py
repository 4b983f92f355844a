"""Every help screen, in both languages and at two widths: metavars, widths, translations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from rich.cells import cell_len

from icp_renew.cli import helpscreen
from icp_renew.cli.app import app
from icp_renew.formats.wrap import NO_LINE_END, NO_LINE_START, wrap
from icp_renew.messages import t, table
from icp_renew.messages.cli_help import EXAMPLES


def _paths() -> list[list[str]]:
    """Every command and sub-command, as the words that name it (the program: [])."""
    root = typer.main.get_command(app)
    ctx = typer.Context(root)
    found: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        found.append(path)
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):  # type: ignore[attr-defined]
                walk(command.get_command(ctx, name), [*path, name])  # type: ignore[attr-defined]

    walk(root, [])
    return found


PATHS = _paths()
TYPE_NAME = re.compile(r"<[a-zA-Z][\w\[\]|, ]*>")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
QUOTED = re.compile(r"'[^']*'")
#: three English words in a row: a sentence, not a name such as JUnit XML
WORDS = re.compile(r"\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}\b")
#: what a Chinese screen may show in Latin letters: options, metavars, env vars, values
NAMES = re.compile(r"--?[\w-]+|\b[A-Z][A-Z0-9_]+(?:\.\.\.)?\b|[\w.-]+\.(?:yaml|json|zip)\b")


def _help(cli, path: list[str], lang: str, width: int) -> str:
    env = {"COLUMNS": str(width), "ICP_RENEW_LANG": lang}
    result = cli(*path, "--help", env=env)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def _prose(text: str, lang: str) -> list[str]:
    """The lines of ``text`` that are sentences: not the usage line, not the example (last)."""
    lines = []
    for line in text.splitlines():
        body = line.strip(" │╭╮╰╯─")
        if body == t("cli_help.ui.example", lang):
            break
        if not body.startswith(t("cli_help.ui.usage", lang).strip()):
            lines.append(body)
    return lines


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "icp-renew")
def test_help_screen(cli, path, lang, width):
    text = _help(cli, path, lang, width)
    assert not TYPE_NAME.search(text), TYPE_NAME.search(text)
    assert "{" not in text and "...]..." not in text
    for line in text.splitlines():
        assert cell_len(line) <= width, f"{cell_len(line)} > {width}: {line!r}"
    for var in set(re.findall(r"ICP_RENEW_\w+", text)):
        assert text.count(var) == 1, f"{var} named {text.count(var)} times"
    key = ".".join(path) or "icp-renew"
    assert EXAMPLES[key][0 if lang == "zh" else 1] in text.replace("\n   ", " ")
    prose = _prose(text, lang)
    if lang == "zh":
        for line in prose:
            rest = NAMES.sub("", line)
            assert not WORDS.search(rest), f"English in the Chinese help: {line!r}"
        assert CJK.search(text)
    else:
        for line in prose:
            assert not CJK.search(QUOTED.sub("", line)), f"Chinese in the English help: {line!r}"


def test_every_command_and_parameter_has_help_in_both_languages():
    root = typer.main.get_command(app)
    assert helpscreen.missing(root, typer.Context(root)) == []


def test_no_help_text_without_its_command_or_parameter():
    root = typer.main.get_command(app)
    ctx = typer.Context(root)
    used: set[str] = set()

    def walk(command: object, path: list[str]) -> None:
        key = ".".join(path) or "icp-renew"
        used.update({key, f"{key}.about"})
        for param in command.get_params(ctx):  # type: ignore[attr-defined]
            used.add(helpscreen.help_key(key, param).removeprefix("cli_help."))
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):  # type: ignore[attr-defined]
                walk(command.get_command(ctx, name), [*path, name])  # type: ignore[attr-defined]

    walk(root, [])
    keys = {k for k in table("cli_help") if not k.startswith(("ui.", "format."))}
    assert keys - used == set()
    assert set(EXAMPLES) == {".".join(p) or "icp-renew" for p in PATHS}


def test_every_check_format_is_described_in_both_languages():
    from icp_renew.formats.registry import KINDS

    for name in KINDS["check"]:
        assert f"format.check.{name}" in table("cli_help"), name


@pytest.mark.parametrize(
    ("path", "usage"),
    [
        ([], "icp-renew [OPTIONS] COMMAND [ARGS]..."),
        (["check"], "icp-renew check [OPTIONS] DOSSIER..."),
        (["deadline"], "icp-renew deadline [OPTIONS] [DOSSIER...]"),
        (["pack"], "icp-renew pack [OPTIONS] DOSSIER"),
        (["verify"], "icp-renew verify [OPTIONS] BUNDLE..."),
        (["init"], "icp-renew init [OPTIONS] DOSSIER"),
        (["rules", "lint"], "icp-renew rules lint [OPTIONS] [DIR]"),
        (["schema"], "icp-renew schema [OPTIONS] SCHEMA"),
    ],
)
def test_usage_lines(cli, path, usage):
    assert f"Usage: {usage}\n" in _help(cli, path, "en", 80)


def test_chinese_usage_line_and_option_value_names(cli):
    text = _help(cli, ["check"], "zh", 80)
    assert "用法：icp-renew check [选项] DOSSIER...\n" in text
    for label in ("-o, --output FILE", "--today DATE", "--rules DIR", "-j, --jobs N"):
        assert label in text


def test_lang_on_the_command_line_wins_over_the_environment(cli):
    result = cli("deadline", "--lang", "zh", "--help", env={"ICP_RENEW_LANG": "en"})
    assert "计算续期申请截止日" in result.stdout
    result = cli("deadline", "--help", "--lang=en", env={"ICP_RENEW_LANG": "zh"})
    assert "Compute renewal filing deadlines" in result.stdout


def test_locale_chooses_the_language(cli):
    result = cli("--help", env={"LANG": "zh_CN.UTF-8"})
    assert "用法：icp-renew" in result.stdout


def test_no_arguments_shows_the_help(cli):
    result = cli("rules", env={"ICP_RENEW_LANG": "zh"})
    assert result.exit_code == 2
    assert "用法：icp-renew rules [选项] 命令 [参数]..." in result.output


def test_wrap_never_starts_a_line_with_closing_punctuation():
    text = "报告格式：text（供人阅读，按类别分组，附提示）、json（机器可读的报告）。"
    for width in range(8, 40):
        lines = wrap(text, width)
        assert "".join(lines) == text
        for line in lines:
            assert cell_len(line) <= width
            assert line[0] not in NO_LINE_START
            assert line[-1] not in NO_LINE_END


@pytest.mark.parametrize(
    ("shell", "written", "not_written"),
    [
        ("zsh", ".zfunc/_icp-renew", ".bash_completions"),
        ("bash", ".bash_completions/icp-renew.sh", ".zfunc"),
        ("fish", ".config/fish/completions/icp-renew.fish", ".zfunc"),
    ],
)
def test_install_completion_honours_the_shell_given(
    cli, tmp_path: Path, shell: str, written: str, not_written: str
):
    env = {"HOME": str(tmp_path), "SHELL": "/bin/bash"}
    result = cli("--install-completion", shell, env=env)
    assert result.exit_code == 0, result.output
    script = (tmp_path / written).read_text("utf-8")
    assert "_ICP_RENEW_COMPLETE" in script
    assert f"complete_{shell}" in script
    assert not (tmp_path / not_written).exists()
    assert f"{shell} completion installed in {tmp_path / written}" in result.stdout


def test_install_completion_for_an_unknown_shell_is_one_line(cli, tmp_path: Path):
    result = cli("--install-completion", "tcsh", env={"HOME": str(tmp_path)})
    assert result.exit_code == 2
    assert result.stderr == (
        "icp-renew: error: unsupported shell 'tcsh': expected one of "
        "bash, zsh, fish, powershell, pwsh\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_show_completion_prints_the_script_of_the_shell_given(cli):
    result = cli("--show-completion", "fish")
    assert result.exit_code == 0
    assert result.stdout.startswith("complete --command icp-renew")
