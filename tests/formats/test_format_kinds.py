"""Every command's output goes through a registered format: each kind's modules load and
render; hostile names are escaped by the one escaper (formats/safe.py), wide spaces are not."""

from __future__ import annotations

import json

import pytest

from icp_renew.bundle.structure import Verdict
from icp_renew.errors import UserError
from icp_renew.formats import registry
from icp_renew.rulebook.book import RuleProblem

HOSTILE = "续期\u3000材料\x1b[31m.zip"  # a full-width space, then a terminal escape


@pytest.mark.parametrize(
    ("kind", "name"), [(k, n) for k, formats in registry.KINDS.items() for n in formats]
)
def test_every_registered_format_has_a_render(kind: str, name: str) -> None:
    assert callable(registry.renderer(kind, name))
    assert registry.KINDS[kind][name][0] == f"icp_renew.formats.{kind.replace('-', '_')}_{name}"


def test_verify_text_escapes_controls_and_keeps_a_wide_space() -> None:
    bad = Verdict(HOSTILE, entries=3)
    bad.add("unsafe-name", "a\u202eb.pdf", "名称不安全", "unsafe name")
    good = Verdict("好.zip", entries=2, verified=2)
    text = registry.renderer("verify", "text")([bad, good], lang="en")
    assert text.splitlines() == [
        "续期\u3000材料\\x1b[31m.zip: unsafe-name: a\\u202eb.pdf: unsafe name",
        "续期\u3000材料\\x1b[31m.zip: 1 problem",
        "好.zip: ok: 2 entries, 2 verified by sha256",
    ]
    assert registry.renderer("verify", "text")([good], lang="en", quiet=True) == ""
    doc = json.loads(registry.renderer("verify", "json")([bad, good], lang="zh"))
    assert (doc["tool"], doc["ok"]) == ("icp-renew", False)
    assert doc["bundles"][0]["problems"][0]["message"] == "名称不安全"


def test_rules_lint_formats() -> None:
    problems = [RuleProblem("missing-source", "my\x07rules/a.yaml", 3, "materials[0]", "x")]
    render = registry.renderer("rules-lint", "text")
    assert (
        render(problems) == "my\\x07rules/a.yaml:3: materials[0]: x [missing-source]\n1 problem(s)"
    )
    assert render([], quiet=True) == "" and render([]) == "rules: ok"
    data = json.loads(registry.renderer("rules-lint", "json")(problems))
    assert data == {"ok": False, "problems": [problems[0].to_json()]}
    github = registry.renderer("rules-lint", "github")(problems)
    assert github.startswith("::error file=my")
    assert github.endswith("::x [missing-source]")


def test_one_error_line_keeps_a_wide_space() -> None:
    from icp_renew.cli.common import error_line

    line = error_line(UserError("bad\tvalue\u3000here\x1b[2J", source="材料\u3000表.yaml"))
    assert line == "icp-renew: error: 材料\u3000表.yaml: bad\\x09value\u3000here\\x1b[2J"


def test_no_format_imports_the_cli_library() -> None:
    """Formats return text; colour is plain SGR (formats/terminal.py), never typer's."""
    from pathlib import Path

    import icp_renew.formats

    folder = Path(icp_renew.formats.__file__).parent
    users = [p.name for p in folder.glob("*.py") if "typer" in p.read_text("utf-8")]
    assert users == []
