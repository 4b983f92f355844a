"""checks/license_state.py: expired licence, missed or near filing deadline (Order 42 Art. 27),
no expiry at all."""

from __future__ import annotations

import datetime as dt

import pytest
from facts_support import codes, make_context, merged, run

from icp_renew.checks import license_state

# VALID_CONFIG: expires 2026-05-31 → filing deadline 2026-03-02 (90 calendar days before)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2025, 12, 31), []),  # 61 days before the last working day 2026-03-02
        (dt.date(2026, 1, 1), [("filing-deadline-soon", "warning", None)]),  # 60 days
        (dt.date(2026, 1, 15), [("filing-deadline-soon", "warning", None)]),
        (dt.date(2026, 3, 2), [("filing-deadline-soon", "warning", None)]),  # still in time
        (dt.date(2026, 3, 3), [("past-filing-deadline", "error", None)]),
        (dt.date(2026, 5, 31), [("past-filing-deadline", "error", None)]),  # last valid day
        (dt.date(2026, 6, 1), [("license-expired", "error", None)]),
    ],
)
def test_state_by_today(today: dt.date, expected: list[tuple[str, str, None]]) -> None:
    assert codes(run(license_state, make_context(today=today))) == expected


def test_the_deadline_findings_judge_the_filing_date() -> None:
    # --filing-date (later the timeline's submission) is the one date judged: a filing on
    # 2026-04-01 is late, whatever today is; the licence's expiry is still judged on today
    ctx = make_context(today=dt.date(2025, 12, 1), filing_date=dt.date(2026, 4, 1))
    [late] = run(license_state, ctx)
    assert (late.code, late.severity.value) == ("past-filing-deadline", "error")
    assert late.message("en").endswith("the filing date 2026-04-01 is 30 days late")
    assert late.message("zh").endswith("申请日 2026-04-01 已晚 30 天")
    ctx = make_context(today=dt.date(2026, 4, 1), filing_date=dt.date(2025, 12, 1))
    assert run(license_state, ctx) == []  # filed in time, 91 days before the last working day
    ctx = make_context(today=dt.date(2025, 12, 1), filing_date=dt.date(2026, 3, 3))
    assert run(license_state, ctx)[0].message("en").endswith("is 1 day late")


def test_soon_messages_and_a_deadline_on_a_day_off() -> None:
    soon = run(license_state, make_context(today=dt.date(2026, 3, 1)))[0]
    assert soon.message("en") == (
        "Licence 京B2-20210001 expires on 2026-05-31; the renewal must be filed 90 days before, "
        "by 2026-03-02 (Order 42 Art. 27); the last working day before it is 2026-03-02, "
        "1 day from 2026-03-01"
    )
    assert soon.message("zh") == (
        "许可证 京B2-20210001 于 2026-05-31 到期，续期申请最迟应于 2026-03-02（到期前 90 日）提交"
        "（《电信业务经营许可管理办法》第二十七条）；此前最后一个工作日为 2026-03-02，"
        "自 2026-03-01 起仅剩 1 天"
    )
    # expires 2026-06-06: the deadline is Sunday 2026-03-08, the last working day Friday 03-06
    cfg = merged("license", expires="2026-06-06")
    [passed] = run(license_state, make_context(cfg, today=dt.date(2026, 3, 7)))
    assert passed.code == "filing-deadline-soon"
    assert passed.message("en").endswith(
        "the last working day before it, 2026-03-06, has passed (filing date 2026-03-07)"
    )


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


def test_no_expiry_is_a_warning() -> None:
    cfg = merged("license", expires=None)
    [missing] = run(license_state, make_context(cfg, today=dt.date(2030, 1, 1)))
    assert (missing.code, missing.severity.value, missing.path) == (
        "missing-expiry",
        "warning",
        None,
    )
    assert "license.expires" in missing.message("zh")
    assert missing.message("en").startswith("dossier.yaml gives no license.expires")


def test_an_estimated_last_working_day_is_said_to_be_estimated() -> None:
    # expires 2027-05-09: the deadline Monday 2027-02-08 is the 3rd day of the lunar new year
    # (estimated: 2027 has no official schedule); the last working day is Thursday 02-04
    cfg = merged("license", expires="2027-05-09")
    [soon] = run(license_state, make_context(cfg, today=dt.date(2026, 12, 30)))
    assert soon.code == "filing-deadline-soon"
    assert soon.message("en").endswith(
        "the last working day before it is 2027-02-04, 36 days from 2026-12-30 "
        "(estimated: 2027 has no official holiday schedule yet)"
    )
    assert soon.message("zh").endswith(
        "（2027 年尚无官方节假日安排，最后工作日为按法定节假日的估算）"
    )
    [plain] = run(license_state, make_context(today=dt.date(2026, 1, 15)))
    assert "estimated" not in plain.message("en")
