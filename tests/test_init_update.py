"""`icp-renew init` on an existing dossier: dossier.yaml and the folders never disagree.

An --industry (or --service) the dossier.yaml lacks is appended to its list in place, every
other byte kept (comments, quoting, order, line endings); what cannot be edited safely is a
one-line refusal that changes nothing. A --province other than the licence's is refused
unless --force.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from icp_renew.yamledit import YamlEditError, append_to_sequence

PERMIT = "4-特殊行业要求/4.1-互联网新闻信息服务许可证"

BLOCK = """\
# 我的注释，保留
company:
  name: '北京示例科技有限公司'   # quoted on purpose
license:
  number: 京B2-20210001
  services:
    - B25   # 信息服务
  expires: 2026年5月31日
industries:
  - drugs  # 药品
# 结尾注释
domains: [example.com]
"""


def dossier(tmp_path: Path, text: str | bytes) -> Path:
    root = tmp_path / "d"
    root.mkdir()
    data = text.encode("utf-8") if isinstance(text, str) else text
    (root / "dossier.yaml").write_bytes(data)
    return root


def test_industry_is_added_to_a_flow_list_and_its_folder_created(cli, tmp_path):
    text = "company: {name: 示例}\nlicense: {number: 京B2-20210001}\nindustries: []  # 无\n"
    root = dossier(tmp_path, text)
    result = cli("init", str(root), "--industry", "news")
    assert result.exit_code == 0, result.stderr
    assert (root / "dossier.yaml").read_text(encoding="utf-8") == text.replace(
        "industries: []", "industries: [news]"
    )
    assert (root / PERMIT).is_dir()
    assert "updated  dossier.yaml: news added to industries" in result.stdout
    # and check now asks for the permit: the folder and dossier.yaml agree
    checked = cli("check", str(root), "--format", "json", "--today", "2026-01-10")
    assert '"material": "permit-news"' in checked.stdout


def test_block_list_keeps_every_other_byte(cli, tmp_path):
    root = dossier(tmp_path, BLOCK)
    result = cli("init", str(root), "-i", "news", "-s", "B21")
    assert result.exit_code == 0, result.stderr
    expected = BLOCK.replace("    - B25   # 信息服务\n", "    - B25   # 信息服务\n    - B21\n")
    expected = expected.replace("  - drugs  # 药品\n", "  - drugs  # 药品\n  - news\n")
    assert (root / "dossier.yaml").read_text(encoding="utf-8") == expected


def test_crlf_and_no_final_newline_and_bom_are_kept(cli, tmp_path):
    text = "company: {name: x}\r\nlicense: {number: 京B2-20210001}\r\nindustries:\r\n- drugs"
    root = dossier(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert cli("init", str(root), "-i", "news").exit_code == 0
    assert (root / "dossier.yaml").read_bytes() == b"\xef\xbb\xbf" + (text + "\r\n- news").encode(
        "utf-8"
    )


def test_absent_industries_key_is_added_at_the_end(cli, tmp_path):
    text = "company: {name: x}\nlicense: {number: 京B2-20210001}\n"
    root = dossier(tmp_path, text)
    assert cli("init", str(root), "-i", "news").exit_code == 0
    assert (root / "dossier.yaml").read_text(encoding="utf-8") == text + "industries: [news]\n"


def test_nothing_new_leaves_the_file_untouched(cli, tmp_path):
    root = dossier(tmp_path, BLOCK)
    before = (root / "dossier.yaml").stat().st_mtime_ns
    result = cli("init", str(root), "-i", "drugs", "-s", "B25")
    assert result.exit_code == 0, result.stderr
    assert (root / "dossier.yaml").read_text(encoding="utf-8") == BLOCK
    assert (root / "dossier.yaml").stat().st_mtime_ns == before
    assert "updated" not in result.stdout


def test_an_edit_that_is_not_safe_is_refused_and_nothing_changes(cli, tmp_path):
    text = "company: {name: x}\nlicense: {number: 京B2-20210001}\nindustries: &i [drugs]\n"
    root = dossier(tmp_path, text)
    result = cli("init", str(root), "-i", "news")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"icp-renew: error: {root / 'dossier.yaml'}: cannot add news to industries (the value "
        "is an anchor or an alias); add it by hand and run init again; nothing was changed"
    ]
    assert (root / "dossier.yaml").read_text(encoding="utf-8") == text
    assert not (root / "4-特殊行业要求").exists()


def test_other_province_is_refused_unless_forced(cli, tmp_path):
    text = "company: {name: x}\nlicense: {number: 京B2-20210001}\n"
    root = dossier(tmp_path, text)
    result = cli("init", str(root), "--province", "上海")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "icp-renew: error: --province: the dossier's licence is issued by Beijing "
        "Communications Administration, not by --province Shanghai Communications "
        "Administration; add --force to create the folders of Shanghai Communications "
        "Administration's checklist anyway"
    ]
    assert sorted(p.name for p in root.iterdir()) == ["dossier.yaml"]
    assert cli("init", str(root), "--province", "京").exit_code == 0  # the same authority
    forced = cli("init", str(root), "--province", "上海", "--force")
    assert forced.exit_code == 0, forced.stderr
    assert "(shanghai)" in forced.stdout
    assert (root / "dossier.yaml").read_text(encoding="utf-8") == text


def test_province_refusal_in_chinese(cli, tmp_path):
    root = dossier(tmp_path, "company: {name: x}\nlicense: {number: 京B2-20210001}\n")
    result = cli("init", str(root), "-p", "shanghai", "--lang", "zh")
    assert result.exit_code == 2
    assert "许可证属于北京市通信管理局，而 --province 为上海市通信管理局" in result.stderr


@pytest.mark.parametrize(
    ("text", "keys", "expected"),
    [
        ("a: [x]\n", ("a",), "a: [x, y]\n"),
        ("a: [x,]  # c\n", ("a",), "a: [x, y,]  # c\n"),
        ("a: [\n  x\n]\n", ("a",), "a: [\n  x, y\n]\n"),
        ("a:\n  - x  # c\n  # tail\nb: 1\n", ("a",), "a:\n  - x  # c\n  - y\n  # tail\nb: 1\n"),
        ("a:\n", ("a",), "a: [y]\n"),
        ("a: ~  # none\n", ("a",), "a: [y]  # none\n"),
        ("b: 1", ("a",), "b: 1\na: [y]"),
        ("{a: [x]}", ("a",), "{a: [x, y]}"),
        ("l:\n  s: [x]\n", ("l", "s"), "l:\n  s: [x, y]\n"),
    ],
)
def test_append_to_sequence(text, keys, expected):
    assert append_to_sequence(text, keys, ["y"]) == expected


@pytest.mark.parametrize(
    ("text", "keys", "reason"),
    [
        ("a: x\n", ("a",), "the value is not a list"),
        ("a: 'x'\n", ("a",), "the value is not a list"),
        (
            "a:\n  - b: 1\n    c: 2\n",
            ("a",),
            "the list's last item is a mapping or list over several lines",
        ),
        ("l: {}\n", ("l", "s"), "l.s is missing"),
        ("- 1\n", ("a",), "the document is not a mapping"),
        ("a: [x\n", ("a",), "the file is not valid YAML"),
        ("a: &x [1]\nb: *x\n", ("a",), "the value is an anchor or an alias"),
    ],
)
def test_append_refusals(text, keys, reason):
    with pytest.raises(YamlEditError) as info:
        append_to_sequence(text, keys, ["y"])
    assert info.value.reason.render("en") == reason


def test_values_that_need_quotes_are_quoted():
    assert append_to_sequence("a: []\n", ("a",), ["yes: no", "#x"]) == 'a: ["yes: no", "#x"]\n'


def test_absent_key_in_a_flow_document_is_refused_in_words():
    with pytest.raises(YamlEditError) as info:
        append_to_sequence("{company: {name: x}}", ("industries",), ["news"])
    assert info.value.reason.render("en") == "the whole document is one flow mapping (in braces)"
    assert info.value.reason.render("zh") == "整个文件写成了一个流式映射（花括号形式）"


def test_mappings_are_appended_as_one_line_each():
    """What `record` needs for timeline events: a mapping item, in the list's own style."""
    block = "timeline:\n  - {event: submitted, date: 2026-02-10}  # 受理\nx: 1\n"
    event = {"event": "accepted", "date": "2026-02-12", "note": "a: b"}
    assert append_to_sequence(block, ("timeline",), [event]) == (
        "timeline:\n  - {event: submitted, date: 2026-02-10}  # 受理\n"
        '  - {event: accepted, date: 2026-02-12, note: "a: b"}\nx: 1\n'
    )
    assert append_to_sequence("timeline: []\n", ("timeline",), [{"event": "x"}]) == (
        "timeline: [{event: x}]\n"
    )


# QA: dossier.yaml may name an industry or a service as check does (新闻, b25, 信息服务业务)


def test_chinese_industry_in_the_file_is_the_same_industry(cli, tmp_path):
    text = "company: {name: x}\nlicense: {number: 京B2-20210001, services: [b25]}\nindustries: [新闻]\n"
    root = dossier(tmp_path, text)
    result = cli("init", str(root), "--industry", "news", "--service", "B25")
    assert result.exit_code == 0, result.stderr
    assert (root / "dossier.yaml").read_text(encoding="utf-8") == text  # nothing appended
    assert "updated" not in result.stdout
    assert (root / PERMIT).is_dir()


def test_chinese_industry_in_the_file_without_options(cli, tmp_path):
    text = "company: {name: x}\nlicense: {number: 京B2-20210001}\nindustries: [新闻]\n"
    root = dossier(tmp_path, text)
    result = cli("init", str(root))
    assert result.exit_code == 0, result.stderr
    assert (root / PERMIT).is_dir()
    assert (root / "dossier.yaml").read_text(encoding="utf-8") == text


def test_another_spelling_on_the_command_line_is_not_appended(cli, tmp_path):
    text = "company: {name: x}\nlicense: {number: 京B2-20210001}\nindustries: [news]\n"
    root = dossier(tmp_path, text)
    result = cli("init", str(root), "-i", "新闻", "-i", "药品")
    assert result.exit_code == 0, result.stderr
    assert (root / "dossier.yaml").read_text(encoding="utf-8") == text.replace(
        "[news]", "[news, drugs]"
    )


def test_unknown_industry_in_the_file_names_the_file_and_line(cli, tmp_path):
    text = "company: {name: x}\nlicense: {number: 京B2-20210001}\nindustries: [新文]\n"
    root = dossier(tmp_path, text)
    result = cli("init", str(root), "-i", "news")
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"icp-renew: error: {root / 'dossier.yaml'}:3: ")
    assert "'新文'" in line
    assert (root / "dossier.yaml").read_text(encoding="utf-8") == text
