"""checks/license_state.py: expired licence, missed filing deadline (Order 42 Art. 27)."""

from __future__ import annotations

import datetime as dt

import pytest
from facts_support import codes, make_context, merged, run

from icp_renew.checks import license_state

# VALID_CONFIG: expires 2026-05-31 → filing deadline 2026-03-02 (90 calendar days before)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 1, 15), []),
        (dt.date(2026, 3, 2), []),  # the deadline day itself is in time
        (dt.date(2026, 3, 3), [("past-filing-deadline", "error", None)]),
        (dt.date(2026, 5, 31), [("past-filing-deadline", "error", None)]),  # last valid day
        (dt.date(2026, 6, 1), [("license-expired", "error", None)]),
    ],
)
def test_state_by_today(today: dt.date, expected: list[tuple[str, str, None]]) -> None:
    assert codes(run(license_state, make_context(today=today))) == expected


def test_filing_date_does_not_change_the_verdict() -> None:
    ctx = make_context(today=dt.date(2026, 1, 15), filing_date=dt.date(2026, 4, 1))
    assert run(license_state, ctx) == []


def test_messages() -> None:
    late = run(license_state, make_context(today=dt.date(2026, 3, 12)))[0]
    assert late.path is None
    assert late.message("en") == (
        "Licence 京B2-20210001 expires on 2026-05-31; the renewal had to be filed 90 days "
        "before, by 2026-03-02 (Order 42 Art. 27), and is 10 days late"
    )
    assert late.message("zh") == (
        "许可证 京B2-20210001 于 2026-05-31 到期，续期申请最迟应于 2026-03-02（到期前 90 日）提交"
        "（《电信业务经营许可管理办法》第二十七条），已逾期 10 天"
    )
    gone = run(license_state, make_context(today=dt.date(2026, 6, 1)))[0]
    assert gone.message("en") == (
        "Licence 京B2-20210001 expired on 2026-05-31 (today is 2026-06-01) and can no longer be "
        "renewed"
    )
    assert (
        gone.message("zh")
        == "许可证 京B2-20210001 已于 2026-05-31 到期（今天 2026-06-01），已无法续期"
    )


def test_no_expiry_no_finding() -> None:
    cfg = merged("license", expires=None)
    assert run(license_state, make_context(cfg, today=dt.date(2030, 1, 1))) == []
