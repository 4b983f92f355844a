"""Wrapping by display cells (Chinese counts double) and painting with SGR codes."""

from __future__ import annotations

import pytest

pytest.importorskip("hypothesis")  # test-only: skipped on a plain install (.ci/run)
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from icp_renew.formats.terminal import Page, sgr, wrap


def _plain(rows):
    return ["".join(t for t, _ in row) for row in rows]


def test_short_line_untouched():
    segs = [("× error", "bold red"), (" ok", "")]
    assert wrap(segs, 80) == [segs]


def test_wraps_at_spaces():
    assert _plain(wrap([("alpha beta gamma delta", "")], 11)) == ["alpha beta", "gamma delta"]


def test_chinese_counts_double_and_breaks_anywhere():
    rows = _plain(wrap([("按清单补齐该材料放入文件夹", "")], 10))
    assert rows == ["按清单补齐", "该材料放入", "文件夹"]
    assert all(cell_len(r) <= 10 for r in rows)


def test_styles_survive_wrapping():
    rows = wrap([("aaaaaa ", "bold"), ("bbbbbb", "dim")], 10)
    assert rows == [[("aaaaaa", "bold")], [("bbbbbb", "dim")]]


def test_page_indents_wrapped_lines_and_paints():
    page = Page(14, color=False)
    page.add("one two three four five", 4)
    assert str(page) == "    one two\n    three four\n    five\n"
    coloured = Page(40, color=True)
    coloured.add([("×", "bold red"), (" x", "")])
    assert str(coloured) == "\x1b[1;31m×\x1b[0m x\n"
    assert sgr("") == "" and sgr("nonsense") == ""


@given(st.text(alphabet=st.sampled_from("ab 中文\u3000x-/"), max_size=80), st.integers(10, 40))
def test_wrap_never_exceeds_width_and_loses_only_spaces(text, width):
    rows = _plain(wrap([(text, "")], width))
    assert all(cell_len(r) <= width for r in rows)
    assert "".join(rows).replace(" ", "") == text.replace(" ", "")


def test_closing_punctuation_stays_with_its_word():
    rows = _plain(wrap([("放在名为 用户服务协议）的文件夹", "")], 21))
    assert len(rows) > 1
    assert not any(r.startswith(("）", ")", "，")) for r in rows)
