"""checks/numbers.py and icp_renew/numbers.py: licence and filing numbers, province prefixes."""

from __future__ import annotations

import datetime as dt

import pytest
from facts_support import codes, config, make_context, merged, run

from icp_renew import numbers as parse
from icp_renew.checks import numbers

# --- parsing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "prefix", "classes", "year", "variant"),
    [
        ("京B2-20212732", "京", ("B2",), 2021, "standard"),
        ("川B2-20100027", "川", ("B2",), 2010, "standard"),
        ("B2-20090237", None, ("B2",), 2009, "standard"),
        ("B1-20190001", None, ("B1",), 2019, "standard"),
        ("皖B1.B2-20070020", "皖", ("B1", "B2"), 2007, "two-classes"),
        ("黔B2-20010020-102", "黔", ("B2",), 2001, "suffix"),
        ("粤A2-20044005", "粤", ("A2",), 2004, "basic-telecom"),
        ("辽B-2-4-20080009", "辽", ("B-2-4",), 2008, "old-form"),
        ("京ICP证030173号", "京", ("ICP",), None, "old-icp-certificate"),
        ("京Ｂ２－２０２１０００１", "京", ("B2",), 2021, "standard"),  # full-width
        ("京B2—20210001", "京", ("B2",), 2021, "standard"),  # em dash from a word processor
        (" 京 b2-20210001 ", "京", ("B2",), 2021, "standard"),
    ],
)
def test_parse_license(
    number: str, prefix: str | None, classes: tuple[str, ...], year: int | None, variant: str
) -> None:
    parsed = parse.parse_license(number)
    assert parsed is not None
    assert (parsed.prefix, parsed.classes, parsed.year, parsed.variant) == (
        prefix,
        classes,
        year,
        variant,
    )


@pytest.mark.parametrize(
    "number",
    [
        "",
        "京B220210001",
        "京B2-2021001",
        "京B2-202100011",
        "京B3-20210001",
        "京B2-18990001",
        "京ICP备12345678号",
        "北京B2-20210001",
        "京B2-20210001号",
        "B2 20090237",
        "licence",
    ],
)
def test_parse_license_rejects(number: str) -> None:
    assert parse.parse_license(number) is None


@pytest.mark.parametrize(
    ("number", "prefix", "serial", "site", "variant"),
    [
        ("京ICP备11041704号", "京", "11041704", None, "standard"),
        ("陇ICP备2021003158号-1", "陇", "2021003158", 1, "standard"),
        ("京ICP备12345678号-12", "京", "12345678", 12, "standard"),
        ("蜀ICP备12345678号", "蜀", "12345678", None, "standard"),
        ("京icp备１２３４５６７８号－１", "京", "12345678", 1, "standard"),
        ("京ICP证030173号", "京", "030173", None, "old-icp-certificate"),
    ],
)
def test_parse_filing(
    number: str, prefix: str, serial: str, site: int | None, variant: str
) -> None:
    parsed = parse.parse_filing(number)
    assert parsed is not None
    assert (parsed.prefix, parsed.serial, parsed.site, parsed.variant) == (
        prefix,
        serial,
        site,
        variant,
    )


@pytest.mark.parametrize(
    "number",
    [
        "京ICP备1234567号",
        "京ICP备123456789号",
        "京ICP备12345678",
        "京ICP备12345678号-",
        "ICP备12345678号",
        "京B2-20210001",
        "京ICP备12345678号-1-2",
        "京公网安备11010502030143号",
    ],
)
def test_parse_filing_rejects(number: str) -> None:
    assert parse.parse_filing(number) is None


# --- the check ------------------------------------------------------------------------------


def _no_filings(number: str) -> dict[str, object]:
    cfg = merged("license", number=number)
    cfg["domains"] = [{"name": "example.com"}]
    return cfg


def _lic(number: str, **kw: object) -> list[tuple[str, str, str | None]]:
    kw.setdefault("province", "beijing" if "ICP" in number else None)
    found = run(numbers, make_context(_no_filings(number), **kw))  # type: ignore[arg-type]
    return codes(found)


def test_valid_dossier_passes() -> None:
    assert run(numbers, make_context()) == []


@pytest.mark.parametrize(
    ("number", "province"),
    [
        ("京B2-20212732", None),
        ("川B2-20100027", None),
        ("滇B2-20160043", None),
        ("云B2-20160043", "yunnan"),  # alias prefix
        ("陇B2-20160043", "gansu"),
        ("B2-20090237", None),  # cross-regional: authority miit from the missing prefix
        ("B2-20191904", "miit"),
    ],
)
def test_standard_licence_numbers(number: str, province: str | None) -> None:
    assert _lic(number, province=province) == []


@pytest.mark.parametrize(
    "number",
    [
        "皖B1.B2-20070020",
        "黔B2-20010020-102",
        "粤A2-20044005",
        "辽B-2-4-20080009",
        "京ICP证030173号",
    ],
)
def test_unusual_real_licence_numbers_are_warnings(number: str) -> None:
    assert _lic(number) == [("invalid-license-number", "warning", None)]


def test_unusual_number_message() -> None:
    found = run(numbers, make_context(merged("license", number="黔B2-20010020-102")))
    assert found[0].message("en") == (
        "license.number: the licence number 黔B2-20010020-102 has an unusual form (a -N suffix); "
        "check it against the licence"
    )
    assert found[0].message("zh") == (
        "license.number 许可证编号 黔B2-20010020-102 格式少见（带 -N 后缀），请与许可证正本核对"
    )


@pytest.mark.parametrize(
    "number",
    ["京B220210001", "京B2-2021001", "B2", "licence", "京B2-20210001号", "京B9-20210001"],
)
def test_garbage_licence_numbers_are_errors(number: str) -> None:
    assert _lic(number, province="beijing") == [("invalid-license-number", "error", None)]


def test_unknown_prefix_is_an_error() -> None:
    found = run(
        numbers, make_context(merged("license", number="港B2-20210001"), province="beijing")
    )
    assert codes(found) == [("invalid-license-number", "error", None)]
    assert "the prefix “港” is not a licence prefix of any authority" in found[0].message("en")


def test_year_after_this_year_is_an_error() -> None:
    assert _lic("京B2-20270001") == [("invalid-license-number", "error", None)]
    assert _lic("京B2-20270001", today=dt.date(2027, 1, 1)) == []


def test_licence_prefix_of_another_authority() -> None:
    cfg = merged("license", number="沪B2-20210001")
    found = run(numbers, make_context(cfg, province="beijing"))
    assert codes(found) == [("province-mismatch", "error", None)]
    assert found[0].message("en") == (
        "The licence number 沪B2-20210001 belongs to Shanghai Communications Administration, not to "
        "the selected authority, Beijing Communications Administration (check --province and "
        "authority in dossier.yaml)"
    )
    assert found[0].message("zh") == (
        "许可证编号 沪B2-20210001 属于上海市通信管理局，与所选发证机关北京市通信管理局不一致"
        "（请检查 --province 与 dossier.yaml 的 authority）"
    )


def test_authority_in_dossier_yaml_disagrees_with_licence() -> None:
    cfg = config(authority="shanghai")
    assert codes(run(numbers, make_context(cfg))) == [
        ("province-mismatch", "error", None),
        # the domain's 京 filing is now outside the selected (Shanghai) province
        ("province-mismatch", "warning", None),
    ]


def test_cross_regional_licence_with_provincial_authority() -> None:
    cfg = merged("license", number="B2-20090237")
    found = run(numbers, make_context(cfg, province="beijing"))
    assert codes(found) == [("province-mismatch", "error", None)]
    assert "工业和信息化部" in found[0].message("zh")


def test_provincial_licence_with_miit_selected() -> None:
    found = run(numbers, make_context(province="miit"))
    assert codes(found) == [("province-mismatch", "error", None)]


def test_province_option_overrides_declared_authority() -> None:
    """--province shanghai, authority: beijing, licence 沪: the declared authority disagrees."""
    cfg = config(authority="beijing")
    cfg["license"] = {**cfg["license"], "number": "沪B2-20210001"}
    cfg["domains"] = [{"name": "example.com", "filing_number": "沪ICP备12345678号"}]
    found = run(numbers, make_context(cfg, province="shanghai"))
    assert codes(found) == [("province-mismatch", "error", None)]
    assert found[0].message("en") == (
        "authority in dossier.yaml is Beijing Communications Administration, but the selected "
        "authority is Shanghai Communications Administration (--province)"
    )


# --- filing numbers -------------------------------------------------------------------------


def _filings(*filing: str) -> list[tuple[str, str, str | None]]:
    domains = [{"name": f"d{i}.example.com", "filing_number": n} for i, n in enumerate(filing)]
    return codes(run(numbers, make_context(config(domains=domains))))


@pytest.mark.parametrize(
    "filing",
    ["京ICP备11041704号", "京ICP备2021003158号-1", "京ICP备12345678号-12", "京ＩＣＰ备12345678号"],
)
def test_valid_filing_numbers(filing: str) -> None:
    assert _filings(filing) == []


@pytest.mark.parametrize(
    "filing",
    ["京ICP备1234567号", "京ICP备12345678", "ICP备12345678号", "京ICP备12345678号-1-2", "12345678"],
)
def test_invalid_filing_numbers(filing: str) -> None:
    assert _filings(filing) == [("invalid-filing-number", "error", None)]


def test_invalid_filing_message() -> None:
    cfg = config(domains=[{"name": "example.com", "filing_number": "京ICP备1234号"}])
    found = run(numbers, make_context(cfg))
    assert found[0].message("en") == (
        "domains[0].filing_number: the filing number 京ICP备1234号 of example.com is invalid "
        "(expected e.g. “京ICP备12345678号-1”, with 8 or 10 digits)"
    )
    assert found[0].path is None


def test_unknown_filing_prefix() -> None:
    cfg = config(domains=[{"name": "example.com", "filing_number": "港ICP备12345678号"}])
    found = run(numbers, make_context(cfg))
    assert codes(found) == [("invalid-filing-number", "error", None)]
    assert "“港” is not the filing prefix of any province" in found[0].message("en")


def test_old_icp_certificate_as_filing_is_a_warning() -> None:
    assert _filings("京ICP证030173号") == [("invalid-filing-number", "warning", None)]


def test_filing_of_another_province_is_a_warning() -> None:
    assert _filings("京ICP备12345678号", "沪ICP备12345678号-2") == [
        ("province-mismatch", "warning", None)
    ]
    cfg = config(domains=[{"name": "example.com", "filing_number": "沪ICP备12345678号"}])
    found = run(numbers, make_context(cfg))
    assert found[0].message("en") == (
        "The filing number 沪ICP备12345678号 of example.com is from Shanghai Communications "
        "Administration, while the licence is under Beijing Communications Administration; "
        "check that the site's operator is the licensee"
    )


def test_sichuan_filing_prefixes() -> None:
    """Sichuan licences are 川B2-, filings 蜀ICP备 (川 accepted as an alias)."""
    cfg = merged("license", number="川B2-20100027")
    cfg["domains"] = [
        {"name": "a.example.com", "filing_number": "蜀ICP备12345678号"},
        {"name": "b.example.com", "filing_number": "川ICP备2021003158号-1"},
    ]
    assert run(numbers, make_context(cfg)) == []


def test_cross_regional_licensee_files_anywhere() -> None:
    cfg = merged("license", number="B2-20090237")
    cfg["domains"] = [
        {"name": "a.example.com", "filing_number": "粤ICP备12345678号"},
        {"name": "b.example.com", "filing_number": "陇ICP备2021003158号-1"},
    ]
    assert run(numbers, make_context(cfg)) == []


def test_domain_without_filing_number_is_not_checked() -> None:
    assert run(numbers, make_context(config(domains=[{"name": "example.com"}]))) == []
