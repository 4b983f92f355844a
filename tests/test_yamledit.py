"""``icp_renew.yamledit``: the one text edit behind ``init`` and ``record``, in the cases
only one of them used to meet (tests/test_init_update.py and tests/process/ hold the rest)."""

from __future__ import annotations

import datetime as dt

import pytest

from icp_renew.yamledit import YamlEditError, append_to_sequence

EVENT = {"event": "archived", "date": dt.date(2026, 3, 21), "note": None}


@pytest.mark.parametrize("lines", [False, True])
def test_a_byte_order_mark_and_crlf_are_kept(lines):
    text = "\ufeffa:\r\n  - x  # c\r\nb: 1\r\n"
    assert append_to_sequence(text, ("a",), ["y"], lines=lines) == (
        "\ufeffa:\r\n  - x  # c\r\n  - y\r\nb: 1\r\n"
    )


def test_a_missing_final_newline_stays_missing_or_is_begun_by_whole_lines():
    assert append_to_sequence("a:\n- x", ("a",), ["y", "z"]) == "a:\n- x\n- y\n- z"
    assert append_to_sequence("a:\n- x", ("a",), ["y"], lines=True) == "a:\n- x\n- y\n"


def test_an_empty_or_absent_list_is_a_flow_list_or_block_lines():
    assert append_to_sequence("a: ~  # c\n", ("a",), ["y"]) == "a: [y]  # c\n"
    assert append_to_sequence("a: ~  # c\n", ("a",), ["y"], lines=True) == "a:   # c\n  - y\n"
    assert append_to_sequence("b: 1", ("a",), ["y"]) == "b: 1\na: [y]"
    assert append_to_sequence("b: 1", ("a",), ["y"], lines=True) == "b: 1\na:\n  - y\n"


def test_items_line_up_with_the_first_items_text():
    assert append_to_sequence("a:\n  -   x\n", ("a",), ["y"]) == "a:\n  -   x\n  -   y\n"


def test_after_a_block_scalar_item_the_new_item_starts_the_next_line():
    text = "a:\n  - |\n    x\n  # c\n"
    assert append_to_sequence(text, ("a",), ["y"]) == "a:\n  - |\n    x\n  - y\n  # c\n"


def test_mappings_follow_a_block_mapping_list_and_none_values_are_left_out():
    text = "t:\n  - event: submitted\n    date: 2026-02-10  # 受理\n"
    assert append_to_sequence(text, ("t",), [EVENT]) == (
        text + "  - event: archived\n    date: 2026-03-21\n"
    )
    assert append_to_sequence("t: [{event: a}]\n", ("t",), [EVENT]) == (
        "t: [{event: a}, {event: archived, date: 2026-03-21}]\n"
    )


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("a: &t\n  - {event: a}\nb: *t\n", "alias"),  # record appended to an anchored list
        ("a:\n  - - x\n", "not-plain"),  # a nested block list ends where its layout says
        ("a:\n  - b: 1\n", "not-plain"),  # a scalar cannot take a block mapping's style
        ("{b: 1}", "flow-document"),
    ],
)
@pytest.mark.parametrize("lines", [False, True])
def test_refusals_are_the_same_for_both_callers(text, key, lines):
    with pytest.raises(YamlEditError) as info:
        append_to_sequence(text, ("a",), ["y"], lines=lines)
    assert info.value.key == key


def test_record_refuses_an_anchored_timeline_and_changes_nothing(cli, tmp_path):
    """It used to write an item the strict loader then refused as invalid YAML."""
    text = (
        "company: {name: x}\nlicense: {number: 京B2-20210001}\n"
        "timeline: &t\n  - {event: submitted, date: 2026-02-10}\n"
    )
    path = tmp_path / "dossier.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("record", str(path), "accepted", "--date", "2026-02-12")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"icp-renew: error: {path}: could not append the event safely: edit timeline: by hand"
    ]
    assert path.read_text(encoding="utf-8") == text
