"""Stages and alerts of the renewal (docs/process.md), with dossiers built in code."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from icp_renew.dossier.config import DossierConfig
from icp_renew.process.assess import DossierStatus, Settings, assess, unreadable
from icp_renew.process.document import document, sort_portfolio

D = dt.date.fromisoformat
BASE: dict[str, Any] = {
    "company": {"name": "北京示例科技有限公司"},
    "legal_representative": {"name": "张三"},
    "license": {
        "number": "京B2-20210001",
        "services": ["B25"],
        "issued": "2021-06-01",
        "expires": "2026-05-31",
    },
}
SUBMITTED = {"event": "submitted", "date": "2026-02-10"}
APPROVED = {"event": "approved", "date": "2026-03-15"}
RECEIVED = {
    "event": "license-received",
    "date": "2026-03-20",
    "number": "京B2-20210001",
    "issued": "2026-06-01",
    "expires": "2031-05-31",
    "services": ["B25"],
}


def config(*events: dict[str, Any], **license: Any) -> DossierConfig:
    data = {**BASE, "license": {**BASE["license"], **license}, "timeline": list(events)}
    data["license"] = {k: v for k, v in data["license"].items() if v is not None}
    return DossierConfig.model_validate(data)


def status(cfg: DossierConfig, today: str, **kw: Any) -> DossierStatus:
    return assess(cfg, D(today), path="d", **kw)


def alerts(
    st: DossierStatus, code: str | None = None
) -> list[tuple[str, str, str | None, int | None]]:
    return [
        (a.code, a.severity, a.due.isoformat() if a.due else None, a.days_left)
        for a in st.alerts
        if code is None or a.code == code
    ]


# --- stages -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "stage"),
    [
        ((), "preparing"),
        ((SUBMITTED,), "submitted"),
        ((SUBMITTED, {"event": "accepted", "date": "2026-02-11"}), "submitted"),
        ((SUBMITTED, {"event": "correction-requested", "date": "2026-02-20"}), "correction"),
        (
            (
                SUBMITTED,
                {"event": "correction-requested", "date": "2026-02-20"},
                {"event": "correction-submitted", "date": "2026-02-21"},
            ),
            "submitted",
        ),
        ((SUBMITTED, APPROVED), "approved"),
        ((SUBMITTED, {"event": "rejected", "date": "2026-03-15"}), "rejected"),
        ((SUBMITTED, APPROVED, RECEIVED), "licensed"),
        ((SUBMITTED, APPROVED, RECEIVED, {"event": "archived", "date": "2026-03-21"}), "archived"),
        (
            (
                SUBMITTED,
                APPROVED,
                {"event": "annual-report-filed", "date": "2026-03-16", "year": 2025},
                {"event": "change-filed", "date": "2026-03-17"},
            ),
            "approved",
        ),
    ],
)
def test_stage_from_the_timeline(events: tuple[dict[str, Any], ...], stage: str) -> None:
    assert status(config(*events), "2026-03-25").stage == stage


# --- filing-deadline ---------------------------------------------------------------------------
# expires 2026-05-31 → filing deadline 2026-03-02 (a Monday, a working day)


@pytest.mark.parametrize(
    ("today", "severity", "days"),
    [
        ("2025-12-01", "info", 91),  # more than 60 days before
        ("2026-01-01", "warning", 60),  # the due-soon threshold itself
        ("2025-12-31", "info", 61),
        ("2026-03-02", "warning", 0),  # the due day itself: still in time
        ("2026-03-03", "error", -1),  # the first day after
        ("2026-06-01", "error", -91),  # expired
    ],
)
def test_filing_deadline(today: str, severity: str, days: int) -> None:
    st = status(config(), today)
    assert alerts(st, "filing-deadline") == [("filing-deadline", severity, "2026-03-02", days)]


def test_filing_deadline_moves_to_the_latest_working_day() -> None:
    # expires 2026-05-22 → filing deadline Saturday 2026-02-21, inside the Spring Festival
    # holiday (2026-02-15…23 off); the latest working day is Saturday 2026-02-14 (调休, worked)
    st = status(config(expires="2026-05-22", issued=None), "2026-01-10")
    assert alerts(st, "filing-deadline")[0][2] == "2026-02-14"


def test_no_filing_deadline_once_submitted() -> None:
    st = status(config(SUBMITTED), "2026-03-10")
    assert alerts(st, "filing-deadline") == []


def test_due_soon_threshold_from_the_settings() -> None:
    st = status(config(), "2025-12-01", settings=Settings(due_soon_days=100))
    assert alerts(st, "filing-deadline")[0][1] == "warning"


# --- missing-expiry ----------------------------------------------------------------------------


def test_missing_expiry() -> None:
    st = status(config(expires=None), "2026-01-15")
    assert alerts(st, "missing-expiry") == [("missing-expiry", "warning", None, None)]
    assert alerts(st, "filing-deadline") == []


# --- correction-due ----------------------------------------------------------------------------


def test_correction_due_from_the_notice() -> None:
    cfg = config(
        SUBMITTED, {"event": "correction-requested", "date": "2026-02-20", "due": "2026-02-27"}
    )
    assert alerts(status(cfg, "2026-02-27"), "correction-due") == [
        ("correction-due", "warning", "2026-02-27", 0)
    ]
    assert alerts(status(cfg, "2026-02-28"), "correction-due") == [
        ("correction-due", "error", "2026-02-27", -1)
    ]


def test_correction_due_by_practice_is_labelled_as_practice() -> None:
    cfg = config(SUBMITTED, {"event": "correction-requested", "date": "2026-02-20"})
    st = status(cfg, "2026-02-21")
    assert alerts(st, "correction-due") == [("correction-due", "warning", "2026-02-21", 0)]
    message = next(a for a in st.alerts if a.code == "correction-due").message
    assert "practice, not a legal limit" in message.render("en")
    assert "非法定期限" in message.render("zh")
    # not moved off days off: 2026-02-21 is a Saturday
    assert alerts(status(cfg, "2026-02-22"), "correction-due")[0][1] == "error"


def test_correction_days_from_the_rules() -> None:
    cfg = config(SUBMITTED, {"event": "correction-requested", "date": "2026-02-20"})
    st = status(
        cfg,
        "2026-02-21",
        settings=Settings(correction_response_days=5, correction_days_from_rules=True),
    )
    assert alerts(st, "correction-due") == [("correction-due", "warning", "2026-02-25", 4)]
    assert "as the rules say" in st.alerts[0].message.render("en") or any(
        "as the rules say" in a.message.render("en") for a in st.alerts
    )


# --- decision-pending --------------------------------------------------------------------------


def test_decision_pending_cites_article_50() -> None:
    st = status(config(SUBMITTED), "2026-03-01")
    assert alerts(st, "decision-pending") == [("decision-pending", "info", "2026-05-31", 91)]
    text = next(a for a in st.alerts if a.code == "decision-pending").message.render("zh")
    assert "视为准予延续" in text and "第五十条" in text
    cfg = config(
        SUBMITTED, {"event": "correction-requested", "date": "2026-02-20", "due": "2026-03-20"}
    )
    assert alerts(status(cfg, "2026-03-01"), "decision-pending")[0][1] == "info"
    assert alerts(status(config(SUBMITTED, APPROVED), "2026-03-20"), "decision-pending") == []


# --- new-license-mismatch ----------------------------------------------------------------------


def test_a_matching_new_licence_has_no_mismatch() -> None:
    st = status(config(SUBMITTED, APPROVED, RECEIVED), "2026-03-21")
    assert alerts(st, "new-license-mismatch") == []


@pytest.mark.parametrize(
    ("change", "severity", "words"),
    [
        ({"expires": "2026-05-31", "issued": "2021-06-01"}, "error", "not later than the old one"),
        ({"number": "京B2-20269999"}, "warning", "update the number"),
        ({"services": ["B21"]}, "warning", "only services in operation are renewed"),
        ({"expires": "2031-12-31"}, "warning", "not five years on"),
    ],
)
def test_new_licence_mismatch(change: dict[str, Any], severity: str, words: str) -> None:
    received = {**RECEIVED, **change}
    for stage_events in ((), ({"event": "archived", "date": "2026-03-25"},)):
        st = status(config(SUBMITTED, APPROVED, received, *stage_events), "2026-03-26")
        found = [a for a in st.alerts if a.code == "new-license-mismatch"]
        assert [a.severity for a in found] == [severity]
        assert words in found[0].message.render("en")


def test_new_term_from_the_old_expiry_when_no_issue_date() -> None:
    received = {k: v for k, v in RECEIVED.items() if k != "issued"}
    assert (
        alerts(status(config(SUBMITTED, APPROVED, received), "2026-03-21"), "new-license-mismatch")
        == []
    )


# --- archive-pending ---------------------------------------------------------------------------


def test_archive_pending() -> None:
    cfg = config(SUBMITTED, APPROVED, RECEIVED)
    assert alerts(status(cfg, "2026-04-19"), "archive-pending") == [
        ("archive-pending", "info", "2026-04-19", 0)
    ]
    assert alerts(status(cfg, "2026-04-20"), "archive-pending") == [
        ("archive-pending", "warning", "2026-04-19", -1)
    ]
    archived = config(SUBMITTED, APPROVED, RECEIVED, {"event": "archived", "date": "2026-04-20"})
    assert alerts(status(archived, "2026-04-21"), "archive-pending") == []


# --- annual-report-due -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2027-01-01", [("annual-report-due", "warning", "2027-03-31", 89)]),
        ("2027-03-31", [("annual-report-due", "warning", "2027-03-31", 0)]),
        ("2027-04-01", [("annual-report-due", "error", "2027-03-31", -1)]),
    ],
)
def test_annual_report_edge_days(today: str, expected: list[Any]) -> None:
    cfg = config(SUBMITTED, APPROVED, RECEIVED, {"event": "archived", "date": "2026-03-21"})
    assert alerts(status(cfg, today), "annual-report-due") == expected


def test_annual_report_filed_silences_it_and_only_last_year_counts() -> None:
    cfg = config(
        SUBMITTED,
        APPROVED,
        RECEIVED,
        {"event": "archived", "date": "2026-03-21"},
        {"event": "annual-report-filed", "date": "2027-02-01", "year": 2026},
    )
    assert alerts(status(cfg, "2027-04-01"), "annual-report-due") == []
    assert alerts(status(cfg, "2028-04-01"), "annual-report-due")[0][:2] == (
        "annual-report-due",
        "error",
    )


def test_no_annual_report_for_a_year_without_licence() -> None:
    cfg = config(issued="2026-03-01", expires="2031-02-28")
    assert alerts(status(cfg, "2026-03-02"), "annual-report-due") == []
    assert alerts(status(cfg, "2027-03-02"), "annual-report-due")[0][1] == "warning"


# --- change-filing-due -------------------------------------------------------------------------


def test_change_filing_due_for_a_new_name_or_representative() -> None:
    cfg = config(holder="北京旧名科技有限公司")
    found = alerts(status(cfg, "2026-01-15"), "change-filing-due")
    assert found == [("change-filing-due", "error", None, None)]
    cfg = config(legal_representative="李四")
    assert alerts(status(cfg, "2026-01-15"), "change-filing-due")[0][1] == "error"
    same = config(holder="北京示例科技有限公司", legal_representative="张三")
    assert alerts(status(same, "2026-01-15"), "change-filing-due") == []


def test_a_change_filed_after_the_issue_date_answers_it() -> None:
    filed = config({"event": "change-filed", "date": "2025-06-01"}, holder="旧名")
    assert alerts(status(filed, "2026-01-15"), "change-filing-due") == []
    before = config({"event": "change-filed", "date": "2021-05-01"}, holder="旧名")
    assert alerts(status(before, "2026-01-15"), "change-filing-due")[0][1] == "error"


# --- rejected ----------------------------------------------------------------------------------


def test_rejected_is_an_error() -> None:
    st = status(config(SUBMITTED, {"event": "rejected", "date": "2026-03-15"}), "2026-03-16")
    assert alerts(st, "rejected") == [("rejected", "error", None, None)]
    assert st.worst == "error"


# --- the document and the portfolio ------------------------------------------------------------


def test_document_has_the_contract_fields() -> None:
    st = status(config(SUBMITTED), "2026-03-01")
    doc = document([st], D("2026-03-01"), "en")
    assert set(doc) == {"tool", "version", "today", "dossiers"}
    entry = doc["dossiers"][0]
    assert list(entry)[:6] == ["path", "company", "license_number", "expires", "stage", "next"]
    assert entry["next"] == {"code": "annual-report-due", "due": "2026-03-31", "days_left": 30}
    assert entry["timeline"] == [{"event": "submitted", "date": "2026-02-10"}]
    assert set(entry["alerts"][0]) == {"code", "severity", "message", "due", "days_left"}


def test_portfolio_sorted_by_nearest_due_unreadable_first_none_dropped() -> None:
    late = status(config(), "2026-02-01")  # filing 2026-03-02
    soon = status(config(expires="2026-04-30", issued=None), "2026-01-20")
    twin = assess(config(), D("2026-02-01"), path="e")  # the same licence number
    bad = unreadable("x", "x/dossier.yaml:3: license: required field is missing")
    order = sort_portfolio([late, twin, bad, soon])
    assert order == [bad, soon, late, twin]  # the twin keeps its own line
    doc = document(order, D("2026-02-01"), "en")
    assert doc["dossiers"][0]["stage"] == "unreadable" and "error" in doc["dossiers"][0]
