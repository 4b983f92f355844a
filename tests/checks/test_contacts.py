"""checks/contacts.py: mobile, landline (phonenumbers, CN) and e-mail (email-validator)."""

from __future__ import annotations

import pytest
from facts_support import codes, make_context, merged, run

from icp_renew.checks import contacts


def _rep(**fields: object) -> list[tuple[str, str, None]]:
    found = run(contacts, make_context(merged("legal_representative", **fields)))
    assert all(f.path is None for f in found)
    return codes(found)  # type: ignore[return-value]


def test_valid_dossier_passes() -> None:
    assert run(contacts, make_context()) == []


@pytest.mark.parametrize(
    "mobile",
    ["13800138000", "+86 138 0013 8000", "138-0013-8000", "１３８００１３８０００", "19912345678"],
)
def test_valid_mobiles(mobile: str) -> None:
    assert _rep(mobile=mobile) == []


@pytest.mark.parametrize(
    "mobile", ["1380013800", "138001380001", "12345678901", "010-62345678", "mobile", "4008108888"]
)
def test_invalid_mobiles(mobile: str) -> None:
    assert _rep(mobile=mobile) == [("invalid-phone", "error", None)]


@pytest.mark.parametrize(
    "landline",
    [
        "010-62345678",
        "(010)62345678",
        "+86 10 6234 5678",
        "0755-86013388",
        "010-62345678转8001",
        "010-62345678 分机 8001",
        "010-62345678 ext. 8001",
    ],
)
def test_valid_landlines(landline: str) -> None:
    assert _rep(landline=landline) == []


@pytest.mark.parametrize(
    "landline", ["62345678", "0755-8888888", "13800138000", "400-810-8888", "010-6234"]
)
def test_invalid_landlines(landline: str) -> None:
    assert _rep(landline=landline) == [("invalid-phone", "error", None)]


def test_mobile_masked_unless_show_pii() -> None:
    found = run(contacts, make_context(merged("legal_representative", mobile="23800138000")))
    assert found[0].message("en") == (
        "legal_representative.mobile: the mobile number 238****8000 is invalid: it is not a valid "
        "mobile number (11 digits)"
    )
    assert found[0].message("zh") == (
        "legal_representative.mobile 手机号码 238****8000 无效：不是有效的手机号码（11 位）"
    )
    assert "23800138000" in found[0].message("en", show_pii=True)
    assert "23800138000" in found[0].message("zh", show_pii=True)


def test_mobile_in_landline_field_is_masked() -> None:
    found = run(contacts, make_context(merged("legal_representative", landline="13800138000")))
    assert found[0].message("en") == (
        "legal_representative.landline: the landline number 138****8000 is invalid: it is not a "
        "landline number (a mobile number goes under mobile)"
    )
    assert "13800138000" in found[0].message("en", show_pii=True)


@pytest.mark.parametrize("email", ["zhang@example.com", "张三@示例.中国", "a.b+c@mail.example.cn"])
def test_valid_emails(email: str) -> None:
    assert _rep(email=email) == []


@pytest.mark.parametrize(
    "email", ["zhang@", "zhang.example.com", "a@b", "a b@example.com", "a@@b.com"]
)
def test_invalid_emails(email: str) -> None:
    assert _rep(email=email) == [("invalid-email", "error", None)]


def test_email_message() -> None:
    found = run(contacts, make_context(merged("legal_representative", email="zhang@")))
    assert found[0].message("en") == (
        "legal_representative.email: the e-mail address zhang@ is invalid: there must be a "
        "domain after the @"
    )
    assert found[0].message("zh").startswith("legal_representative.email 电子邮箱 zhang@ 无效：")
    assert found[0].message("zh").endswith("@ 后面缺少域名")


def test_all_three_reported() -> None:
    assert _rep(mobile="123", landline="456", email="x") == [
        ("invalid-phone", "error", None),
        ("invalid-phone", "error", None),
        ("invalid-email", "error", None),
    ]


def test_absent_fields_are_not_checked() -> None:
    assert _rep(mobile=None, landline=None, email=None) == []
    cfg = merged("legal_representative")
    del cfg["legal_representative"]
    assert run(contacts, make_context(cfg)) == []
