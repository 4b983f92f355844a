"""Input help: did you mean, cities to provinces, industries and services by any name, tabs."""

from __future__ import annotations

from pathlib import Path

import pytest

from icp_renew import suggest
from icp_renew.dossier.config import DossierConfig
from icp_renew.rulebook import load_rulebook
from icp_renew.rulebook.models import Authority, BaseRules


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


@pytest.fixture(autouse=True)
def _english():
    from icp_renew import i18n

    i18n.set_current("en")
    yield
    i18n._CURRENT.clear()


def test_closest_is_by_edit_distance_and_case_insensitive():
    assert suggest.closest("expire", ["number", "services", "issued", "expires"]) == ["expires"]
    assert suggest.closest("LICENCE", ["license", "company", "domains"]) == ["license"]
    assert suggest.closest("zzz", ["license", "company"]) == []


@pytest.mark.parametrize(
    ("loc", "names"),
    [
        ((), ["company", "legal_representative", "authority", "license", "industries"]),
        (("license",), ["number", "services", "issued", "expires"]),
        (("domains", 0), ["name", "filing_number"]),
        (("materials", "business-license"), ["expires", "issued", "number", "year"]),
    ],
)
def test_field_names_follow_the_schema(loc, names):
    found = suggest.field_names(DossierConfig, loc)
    assert set(names) <= set(found)


def test_field_names_of_rule_files():
    assert "license_prefixes" in suggest.field_names(Authority, ())
    assert "min_pages" in suggest.field_names(BaseRules, ("materials", 3))
    assert "due_soon_days" in suggest.field_names(BaseRules, ("settings",))


@pytest.mark.parametrize(
    ("query", "province"),
    [
        ("深圳", "广东省"),
        ("深圳市", "广东省"),
        ("苏州", "江苏省"),
        ("浦东新区", "上海市"),
        ("CN-11", "北京市"),
        ("44", "广东省"),
        ("440300", "广东省"),
    ],
)
def test_places_and_area_codes_give_their_province(query, province):
    assert suggest.province_of(query) == [province]


def test_a_name_that_is_no_place_has_no_province():
    assert suggest.province_of("Atlantis") == []
    assert suggest.province_of("CN-99") == []


@pytest.mark.parametrize(
    ("query", "end"),
    [
        ("深圳", "; '深圳' is in Guangdong; did you mean 'guangdong'? (see icp-renew rules list)"),
        ("CN-11", "; 'CN-11' is in Beijing; did you mean 'beijing'? (see icp-renew rules list)"),
        ("guangdon", "; did you mean 'guangdong' or 'guangxi' or 'shandong'? (see "),
    ],
)
def test_unknown_province_messages(cli, query, end):
    result = cli("rules", "show", "--province", query)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"icp-renew: error: --province: unknown province or authority '{query}'"
    )
    assert end in result.stderr
    assert result.stderr.count("\n") == 1


def test_unknown_province_in_chinese(cli):
    result = cli("rules", "show", "-p", "深圳", "--lang", "zh")
    assert result.stderr == (
        "icp-renew: 错误：--province: 未知的省份或发证机关 '深圳'；“深圳”位于广东；"
        "是否要写 'guangdong'？（见 icp-renew rules list）\n"
    )


@pytest.mark.parametrize(
    ("values", "slugs"),
    [
        (["news"], ["news"]),
        (["新闻"], ["news"]),
        (["NEWS"], ["news"]),
        (["药品"], ["drugs"]),  # the one industry whose Chinese name begins so
        (["News", "新闻", "drugs"], ["news", "drugs"]),
    ],
)
def test_industries_by_any_name(book, values, slugs):
    assert suggest.industry_slugs(book, values) == slugs


@pytest.mark.parametrize(
    ("values", "codes"),
    [(["b25"], ["B25"]), ([" B24-1 "], ["B24-1"]), (["信息服务业务"], ["B25"])],
)
def test_services_by_code_in_any_case_or_by_name(book, values, codes):
    assert suggest.service_codes(book, values) == codes


def test_unknown_industry_and_service_suggest(cli):
    result = cli("rules", "show", "-p", "北京", "-i", "nwes")
    assert result.exit_code == 2
    assert result.stderr.endswith("; did you mean 'news'?\n")
    result = cli("rules", "show", "-p", "北京", "-i", "新文", "--lang", "zh")
    assert result.stderr.startswith("icp-renew: 错误：--industry: 未知的行业 '新文'（可选：")
    assert result.stderr.endswith("；是否要写 'news'？\n")
    result = cli("rules", "show", "-p", "北京", "-s", "B2S")
    assert result.stderr.startswith("icp-renew: error: --service: unknown service 'B2S'")
    assert "; did you mean 'B26' or 'B25' or 'B24'?" in result.stderr


def test_init_accepts_chinese_industry_and_lower_case_service(cli, tmp_path: Path):
    result = cli("init", str(tmp_path / "d"), "-p", "北京", "-i", "新闻", "-s", "b25", "-q")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "d" / "dossier.yaml").read_text("utf-8")
    assert "industries: [news]" in text
    assert "services: [B25]" in text


def test_rules_show_accepts_them_too(cli):
    result = cli("rules", "show", "-p", "北京", "-i", "新闻", "-s", "b25", "-f", "json")
    assert result.exit_code == 0, result.output
    assert '"permit-news"' in result.stdout


def _dossier(make_dossier, text: str) -> Path:
    path = make_dossier()
    (path / "dossier.yaml").write_text(text, "utf-8")
    return path


DOSSIER = "company:\n  name: 示例公司\nlicense:\n  number: 京B2-20210001\n  expire: 2026-05-31\n"


def test_unknown_key_names_the_closest(cli, make_dossier):
    path = _dossier(make_dossier, DOSSIER)
    result = cli("check", str(path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"icp-renew: error: {path}/dossier.yaml:5: license.expire: unknown field; "
        "did you mean 'expires'?\n"
    )
    result = cli("check", str(path), "--lang", "zh")
    assert result.stderr == (
        f"icp-renew: 错误：{path}/dossier.yaml:5: license.expire: 未知的字段；是否要写 'expires'？\n"
    )


def test_unknown_key_with_nothing_close_has_no_guess(cli, make_dossier):
    path = _dossier(make_dossier, DOSSIER.replace("expire:", "zzzzzz:"))
    result = cli("check", str(path))
    assert result.stderr.endswith("license.zzzzzz: unknown field\n")


def test_unknown_key_in_a_rule_file(cli, tmp_path: Path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "x.yaml").write_text(
        "kind: overlay\nname: x\nsource: agency practice\nmaterials: []\nmaterial: []\n", "utf-8"
    )
    result = cli("rules", "show", "-p", "北京", "--rules", str(rules))
    assert result.exit_code == 2
    assert result.stderr.endswith("x.yaml:5: material: unknown field; did you mean 'materials'?\n")
    lint = cli("rules", "lint", str(rules))
    assert "material: unknown field; did you mean 'materials'?" in lint.stdout


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("company:\n\tname: x\n", 2, 1),
        ("company:\n  name: x\nlicense:\n  \tnumber: y\n", 4, 3),
    ],
)
def test_a_tab_is_named_as_such(cli, make_dossier, text, line, column):
    path = _dossier(make_dossier, text)
    result = cli("check", str(path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"icp-renew: error: {path}/dossier.yaml:{line}: a tab character at line {line} "
        f"column {column}: YAML indents with spaces\n"
    )
    zh = cli("check", str(path), "--lang", "zh")
    assert f"第 {line} 行第 {column} 列是制表符：YAML 只能用空格缩进" in zh.stderr


def test_a_tab_inside_a_value_is_fine(cli, make_dossier):
    path = _dossier(
        make_dossier, DOSSIER.replace("expire", "expires").replace("示例公司", "示例\t公司")
    )
    result = cli("check", str(path))
    assert "tab character" not in result.stderr
