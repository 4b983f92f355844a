"""Every exit-2 path prints one line in the user's language: Chinese with ``--lang zh`` (or
``ICP_RENEW_LANG=zh``), English with ``--lang en``, never a sentence mixing the two."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import factory

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
#: what a line may quote in any language: 'values', “values”, `code`, paths of the test
QUOTED = re.compile(r"'[^']*'|“[^”]*”|`[^`]*`|\"[^\"]*\"")
#: three English words in a row: a sentence, not an identifier
ENGLISH_RUN = re.compile(r"(?<![\w.-])[A-Za-z]{2,}(?: +[A-Za-z]{2,}){2,}(?![\w.-])")

PREFIX = {"zh": "icp-renew: 错误：", "en": "icp-renew: error: "}

Case = Callable[[Path], list[str]]


def _dossier(tmp: Path, text: str) -> list[str]:
    root = factory.make_dossier(tmp / "d", text, files={})
    return ["check", str(root), "--today", factory.TODAY]


def _valid_yaml(**changes: str) -> str:
    import yaml

    config = {k: (dict(v) if isinstance(v, dict) else v) for k, v in factory.VALID_CONFIG.items()}
    for dotted, value in changes.items():
        top, _, sub = dotted.partition(".")
        if sub:
            config[top] = {**config[top], sub: value}
        else:
            config[top] = value
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def _csv(tmp: Path, data: bytes) -> list[str]:
    path = tmp / "licences.csv"
    path.write_bytes(data)
    return ["deadline", "--csv", str(path), "--today", factory.TODAY]


CASES: dict[str, Case] = {
    # usage errors (tests/test_cli_errors.py)
    "unknown-option": lambda tmp: ["check", "--bogus"],
    "missing-argument": lambda tmp: ["check"],
    "bad-int": lambda tmp: ["check", ".", "--jobs", "abc"],
    "option-needs-value": lambda tmp: ["rules", "show", "--format"],
    "unknown-command": lambda tmp: ["frobnicate"],
    "unknown-schema": lambda tmp: ["schema", "nothing"],
    "impossible-date": lambda tmp: ["deadline", "--expires", "2026-02-30"],
    "date-out-of-range": lambda tmp: ["deadline", "--expires", "0001-01-01"],
    "invalid-date": lambda tmp: ["deadline", "--expires", "soon"],
    "unknown-format": lambda tmp: ["deadline", "--expires", "2026-05-31", "-f", "pdf"],
    "nothing-to-compute": lambda tmp: ["deadline"],
    # dossier.yaml (tests/hardening)
    "unknown-field": lambda tmp: _dossier(
        tmp, _valid_yaml().replace("  expires: '2026-05-31'", "  expire: '2026-05-31'")
    ),
    "impossible-date-in-yaml": lambda tmp: _dossier(
        tmp, _valid_yaml(**{"license.expires": "2026-02-30"})
    ),
    "missing-field": lambda tmp: _dossier(tmp, "company:\n  name: 甲公司\n"),
    "wrong-type": lambda tmp: _dossier(tmp, _valid_yaml(**{"license.services": "B25"})),
    "yaml-tab": lambda tmp: _dossier(tmp, "company:\n\tname: 甲公司\n"),
    "yaml-syntax": lambda tmp: _dossier(tmp, "company: name: 甲公司\n"),
    "yaml-duplicate-key": lambda tmp: _dossier(tmp, "company: {}\ncompany: {}\n"),
    "not-a-mapping": lambda tmp: _dossier(tmp, "- a\n- b\n"),
    "unknown-industry": lambda tmp: _dossier(tmp, _valid_yaml(industries=["nonsense"])),  # type: ignore[arg-type]
    "no-dossier-yaml": lambda tmp: ["check", str(tmp)],
    "no-such-folder": lambda tmp: ["check", str(tmp / "nowhere")],
    "unknown-province": lambda tmp: [
        *_dossier(tmp, _valid_yaml()),
        "--province",
        "atlantis",
    ],
    # the portfolio CSV
    "csv-missing-column": lambda tmp: _csv(tmp, b"name,number\nA,1\n"),
    "csv-gbk": lambda tmp: _csv(
        tmp, "license_number,expires\n京B2-20210001,2026-05-31\n".encode("gbk")
    ),
    # pack, verify, init, rules
    "verify-not-zip": lambda tmp: ["verify", str(factory.make_dossier(tmp / "d") / "dossier.yaml")],
    "verify-missing": lambda tmp: ["verify", str(tmp / "nothing.zip")],
    "init-unknown-service": lambda tmp: ["init", str(tmp / "new"), "-p", "beijing", "-s", "Z9"],
    "lint-not-a-folder": lambda tmp: ["rules", "lint", str(tmp / "nowhere")],
}


def _english_runs(text: str) -> list[str]:
    return ENGLISH_RUN.findall(QUOTED.sub("", text))


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_exit_2_is_one_line_in_the_chosen_language(
    cli, tmp_path: Path, case: str, lang: str
) -> None:
    args = CASES[case](tmp_path)
    result = cli(*args, env={"ICP_RENEW_LANG": lang})
    assert result.exit_code == 2, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith(PREFIX[lang]), line
    shown = line.replace(str(tmp_path), "TMP")
    if lang == "zh":
        assert CJK.search(shown.removeprefix(PREFIX["zh"])), line
        assert not _english_runs(shown), (line, _english_runs(shown))
    else:
        assert not CJK.search(QUOTED.sub("", shown)), line


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        (["check", "--lang", "zh", "--bogus"], "zh"),
        (["--lang=zh", "frobnicate"], "zh"),
        (["deadline", "--expires", "2026-02-30", "--lang", "zh"], "zh"),
        (["deadline", "--lang", "en", "--expires", "2026-02-30"], "en"),
    ],
)
def test_lang_on_the_command_line_wins(cli, args: list[str], lang: str) -> None:
    result = cli(*args, env={"ICP_RENEW_LANG": "en" if lang == "zh" else "zh"})
    assert result.exit_code == 2
    assert result.stderr.startswith(PREFIX[lang]), result.stderr


def test_the_locale_chooses_when_nothing_else_does(cli) -> None:
    result = cli("deadline", "--expires", "2026-02-30", env={"LANG": "zh_CN.UTF-8"})
    assert result.stderr == (
        "icp-renew: 错误：--expires: 日期 '2026-02-30' 不存在：没有 2026-02-30 这一天\n"
    )


def test_issue_13_examples_in_chinese(cli, tmp_path: Path) -> None:
    """The two lines the issue quotes, now in Chinese with --lang zh."""
    args = CASES["unknown-field"](tmp_path)
    line = cli(*args, "--lang", "zh").stderr
    assert re.match(
        r"icp-renew: 错误：\S*dossier\.yaml:\d+: license\.expire: 未知的字段；是否要写 'expires'？$",
        line,
    ), line
