"""Wording the issue named (#13): a pass with warnings does not read as a clean pass, the
authority is named in the reader's language, English counts agree with their number."""

from __future__ import annotations

from dataclasses import replace

import pytest
from report_samples import make_report, warning_dossier

from icp_renew.formats import registry


@pytest.mark.parametrize(
    ("lang", "verdict"),
    [("en", "⚠️ passed, with 1 warning"), ("zh", "⚠️ 通过，但有 1 条警告")],
)
def test_markdown_pass_with_warnings(lang: str, verdict: str) -> None:
    text = registry.renderer("check", "markdown")(make_report(warning_dossier()), lang=lang)
    assert f"| {verdict} |" in text
    assert "✅" not in text


@pytest.mark.parametrize(
    ("lang", "name"), [("zh", "北京市通信管理局"), ("en", "Beijing Communications Administration")]
)
def test_the_authority_is_named_in_the_readers_language(lang: str, name: str) -> None:
    d = replace(
        warning_dossier(),
        authority_title=("北京市通信管理局", "Beijing Communications Administration"),
    )
    for fmt in ("text", "markdown"):
        text = registry.renderer("check", fmt)(make_report(d), lang=lang)
        assert name in text
        assert "beijing" not in text.replace(name, "")


def test_english_counts_agree() -> None:
    text = registry.renderer("check", "text")(make_report(warning_dossier()), lang="en")
    assert "0 errors · 1 warning · 0 notes" in text
    assert "infos" not in text and "(s)" not in text
