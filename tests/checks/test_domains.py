"""checks/domains.py: valid domain names, one certificate per domain."""

from __future__ import annotations

import pytest
from facts_support import codes, config, make_context, run, without

from icp_renew.checks import domains

CERT = "domain-certificates"


def _ctx(names: list[str], certs: list[str]) -> object:
    cfg = config(domains=[{"name": n} for n in names])
    files = [*without(CERT), *[(f"{CERT}/{c}", CERT) for c in certs]]
    return make_context(cfg, files)


def test_complete_dossier_passes() -> None:
    assert run(domains, make_context()) == []


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("example.com", ("example.com", "example.com")),
        ("EXAMPLE.com", ("example.com", "example.com")),
        ("a.b.example.com.cn", ("a.b.example.com.cn", "a.b.example.com.cn")),
        ("示例.中国", ("示例.中国", "xn--fsq092h.xn--fiqs8s")),
        ("xn--fsq092h.xn--fiqs8s", ("示例.中国", "xn--fsq092h.xn--fiqs8s")),
        ("example.com.", ("example.com", "example.com")),
        ("ｅｘａｍｐｌｅ．ｃｏｍ", ("example.com", "example.com")),
        ("例子.公司", ("例子.公司", "xn--fsqu00a.xn--55qx5d")),
        ("my-site.cn", ("my-site.cn", "my-site.cn")),
    ],
)
def test_valid_domains(name: str, forms: tuple[str, str]) -> None:
    """Lower-case, full-width folded, the root dot dropped; both forms of an IDN."""
    assert domains.domain_forms(name) == forms


@pytest.mark.parametrize(
    "name",
    [
        "http://example.com",
        "example.com/path",
        "example.com:8080",
        "exa mple.com",
        "localhost",
        "中国",
        "example..com",
        "-example.com",
        "a_b.com",
        "1.2.3.4",
        "xn--abc.com",
        "zhang@example.com",
        "a" * 64 + ".com",
    ],
)
def test_invalid_domains(name: str) -> None:
    with pytest.raises(domains.DomainError):
        domains.domain_forms(name)


def test_forms_of_idn() -> None:
    assert domains.domain_forms("示例.中国") == ("示例.中国", "xn--fsq092h.xn--fiqs8s")
    assert domains.domain_forms("XN--FSQ092H.xn--fiqs8s") == ("示例.中国", "xn--fsq092h.xn--fiqs8s")


def test_invalid_domain_finding() -> None:
    found = run(domains, _ctx(["http://example.com"], ["example.com.pdf"]))
    assert codes(found) == [("invalid-domain", "error", None)]
    assert found[0].path is None
    assert (
        found[0]
        .message("en")
        .startswith(
            "domains[0].name in dossier.yaml is not a valid domain name: http://example.com ("
        )
    )
    assert found[0].message("zh").startswith("dossier.yaml 的 domains[0].name 不是有效域名")


def test_missing_certificate_one_per_domain() -> None:
    found = run(domains, _ctx(["example.com", "example.net", "示例.中国"], ["example.com.pdf"]))
    assert codes(found) == [("missing-domain-certificate", "error", CERT)] * 2
    assert [dict(f.params)["domain"] for f in found] == ["example.net", "示例.中国"]
    assert found[0].message("en") == (
        "No certificate for the domain example.net: add a file with the domain in its name to "
        "Domain name certificates, e.g. example.net.pdf"
    )
    assert found[1].message("zh") == (
        "域名 示例.中国 没有证书：在“域名证书”中放入文件名含该域名的文件，如 示例.中国.pdf"
    )


@pytest.mark.parametrize(
    ("domain", "cert"),
    [
        ("example.com", "example.com.pdf"),
        ("example.com", "EXAMPLE.COM.PDF"),
        ("Example.COM", "example.com.jpg"),
        ("example.com", "域名证书-example.com.pdf"),
        ("example.com", "example.com域名证书.png"),
        ("example.com", "example.com"),
        ("example.com", "ｅｘａｍｐｌｅ.ｃｏｍ.pdf"),
        ("示例.中国", "示例.中国.pdf"),
        ("示例.中国", "xn--fsq092h.xn--fiqs8s.pdf"),
        ("xn--fsq092h.xn--fiqs8s", "示例.中国证书.pdf"),
        ("example.com", "example.com+example.net.pdf"),
        ("example.com", "cert_example.com_2024.pdf"),
        ("example.com", "example.com-证书.pdf"),
    ],
)
def test_certificate_matches(domain: str, cert: str) -> None:
    assert run(domains, _ctx([domain], [cert])) == []


@pytest.mark.parametrize(
    ("domain", "cert"),
    [
        ("example.com", "myexample.com.pdf"),
        ("example.com", "example.com.cn.pdf"),
        ("example.com", "www.example.com.pdf"),
        ("example.co", "example.com.pdf"),
        ("example.com", "example.pdf"),
    ],
)
def test_certificate_does_not_match(domain: str, cert: str) -> None:
    assert codes(run(domains, _ctx([domain], [cert]))) == [
        ("missing-domain-certificate", "error", CERT)
    ]


def test_nfd_file_name_matches_nfc_domain() -> None:
    import unicodedata

    name = unicodedata.normalize("NFD", "café.fr.pdf")
    assert run(domains, _ctx(["café.fr"], [name])) == []


def test_no_certificate_files_no_findings() -> None:
    """Absence of the whole material is presence's finding."""
    assert run(domains, _ctx(["example.com", "example.net"], [])) == []


def test_invalid_domain_is_not_also_missing_certificate() -> None:
    found = run(domains, _ctx(["example.com:80"], ["other.com.pdf"]))
    assert codes(found) == [("invalid-domain", "error", None)]
