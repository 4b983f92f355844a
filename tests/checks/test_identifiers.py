"""checks/identifiers.py: USCC and resident ID number (python-stdnum), PII masked.

Every ID number here is synthetic: the example dossier of examples/, or a body with its check
character computed by ``stdnum.cn.ric.calc_check_digit``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from facts_support import codes, make_context, merged, run
from stdnum.cn import ric

from icp_renew.checks import identifiers


def _id(body17: str) -> str:
    """A synthetic ID number with a correct check character."""
    return body17 + ric.calc_check_digit(body17 + "0")


VALID_ID = "11010519491231002X"  # examples/beijing-complete; checksum, date and area valid
UNKNOWN_AREA = _id("99010519491231002")  # area 990105 is not a division code
FEB_30 = _id("11010519490230002")
BORN_2099 = _id("11010520991231002")


def _ctx_id(number: str, today: dt.date | None = None) -> object:
    cfg = merged("legal_representative", id_number=number)
    return make_context(cfg, today=today) if today else make_context(cfg)


def test_examples_are_what_the_tests_say() -> None:
    assert ric.is_valid(VALID_ID)
    assert not ric.is_valid(UNKNOWN_AREA)
    assert ric.get_birth_date(UNKNOWN_AREA) == dt.date(1949, 12, 31)
    assert ric.calc_check_digit(FEB_30) == FEB_30[-1]


def test_valid_dossier_passes() -> None:
    assert run(identifiers, make_context()) == []


@pytest.mark.parametrize(
    "number",
    [VALID_ID, VALID_ID.lower(), "１１０１０５１９４９１２３１００２Ｘ", "110105 19491231 002X"],
)
def test_valid_id_numbers(number: str) -> None:
    assert run(identifiers, _ctx_id(number)) == []


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("11010519491231002", "it must have 18 characters"),
        ("110105491231002", "it must have 18 characters"),  # first-generation 15 digits
        ("110105194912310021", "the check character does not match"),
        ("1101051949123100AX", "it must be 17 digits and a digit or X"),
        (FEB_30, "the birth date does not exist"),
        (BORN_2099, "the birth date is after today"),
    ],
)
def test_invalid_id_numbers_are_errors(number: str, reason: str) -> None:
    found = run(identifiers, _ctx_id(number))
    assert codes(found) == [("invalid-id-number", "error", None)]
    assert found[0].path is None
    assert found[0].message("en").endswith(f"is invalid: {reason}")


def test_unknown_area_code_is_a_warning() -> None:
    found = run(identifiers, _ctx_id(UNKNOWN_AREA))
    assert codes(found) == [("invalid-id-number", "warning", None)]
    assert found[0].message("en") == (
        "The legal representative's ID number 990105********"
        + UNKNOWN_AREA[-4:]
        + " may be wrong: the area code 990105 is not a known division code (old codes stay "
        "valid: check it against the card)"
    )
    assert "可能有误" in found[0].message("zh")


def test_id_number_is_masked_unless_show_pii() -> None:
    found = run(identifiers, _ctx_id("110105194912310021"))
    for lang in ("zh", "en"):
        masked = found[0].message(lang)  # type: ignore[arg-type]
        assert "110105********0021" in masked
        assert "110105194912310021" not in masked
        shown = found[0].message(lang, show_pii=True)  # type: ignore[arg-type]
        assert "110105194912310021" in shown
    assert found[0].message("zh") == "法定代表人身份证号码 110105********0021 无效：校验码不符"


def test_no_legal_representative_no_finding() -> None:
    ctx = make_context(merged("legal_representative", id_number=None))
    assert run(identifiers, ctx) == []


@pytest.mark.parametrize(
    "number", ["91110000600037341L", "91110000600037341l", "9111 0000 6000 3734 1L"]
)
def test_valid_uscc(number: str) -> None:
    assert run(identifiers, make_context(merged("company", uscc=number))) == []


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("91110000600037341M", "the check character does not match"),
        ("9111000060003734", "it must have 18 characters"),
        ("91110000600037341I", "it has characters that are not allowed"),
        ("A1110000600037341L", "it has characters that are not allowed"),
    ],
)
def test_invalid_uscc(number: str, reason: str) -> None:
    found = run(identifiers, make_context(merged("company", uscc=number)))
    assert codes(found) == [("invalid-uscc", "error", None)]
    msg = found[0].message("en")
    assert msg.startswith(
        f"company.uscc: the unified social credit code {number} is invalid: {reason}"
    )
    assert found[0].message("zh").startswith(f"company.uscc 统一社会信用代码 {number} 无效：")


def test_both_identifiers_reported() -> None:
    cfg = merged("company", uscc="91110000600037341M")
    cfg["legal_representative"] = {**cfg["legal_representative"], "id_number": FEB_30}
    assert codes(run(identifiers, make_context(cfg))) == [
        ("invalid-uscc", "error", None),
        ("invalid-id-number", "error", None),
    ]


def test_retired_area_code_valid_for_its_time() -> None:
    """110103 (崇文区) was merged in 2010: valid for a card issued before, a warning after."""
    assert run(identifiers, _ctx_id(_id("11010319800101001"))) == []
    found = run(identifiers, _ctx_id(_id("11010320150101001")))
    assert codes(found) == [("invalid-id-number", "warning", None)]
