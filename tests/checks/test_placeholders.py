"""A field that still holds init's placeholder is reported as not filled in, in either
language, rather than as an invalid value (``待填写 的备案号 待填写 无效``)."""

from __future__ import annotations

import pytest
from facts_support import config, make_context, merged, run

from icp_renew.checks import contacts, domains, identifiers, numbers


@pytest.mark.parametrize(
    ("module", "cfg", "code", "field", "value"),
    [
        (
            domains,
            config(domains=[{"name": "待填写"}]),
            "invalid-domain",
            "domains[0].name",
            "待填写",
        ),
        (
            numbers,
            config(domains=[{"name": "example.com", "filing_number": "待填写"}]),
            "invalid-filing-number",
            "domains[0].filing_number",
            "待填写",
        ),
        (
            numbers,
            merged("license", number="京B2-XXXXXXXX"),
            "invalid-license-number",
            "license.number",
            "京B2-XXXXXXXX",
        ),
        (identifiers, merged("company", uscc="待填写"), "invalid-uscc", "company.uscc", "待填写"),
        (
            identifiers,
            merged("legal_representative", id_number="待填写"),
            "invalid-id-number",
            "legal_representative.id_number",
            "待填写",
        ),
        (
            contacts,
            merged("legal_representative", mobile="待填写"),
            "invalid-phone",
            "legal_representative.mobile",
            "待填写",
        ),
    ],
)
def test_placeholder_is_not_filled_in(module, cfg, code, field, value) -> None:
    found = [f for f in run(module, make_context(cfg)) if f.code == code]
    assert len(found) == 1, found
    assert found[0].message("zh") == f"dossier.yaml 的 {field} 尚未填写（仍是占位符“{value}”）"
    assert found[0].message("en") == (
        f"{field} in dossier.yaml is not filled in yet (it still reads “{value}”)"
    )
