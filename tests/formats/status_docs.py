"""Status documents (the contract of ``status --format json``) for the html format's tests."""

from __future__ import annotations

from typing import Any


def alert(
    code: str, severity: str, message: str, due: str | None, days: int | None
) -> dict[str, Any]:
    return {"code": code, "severity": severity, "message": message, "due": due, "days_left": days}


def portfolio() -> dict[str, Any]:
    """Four dossiers in four stages and one that cannot be read, as of 2026-11-30."""
    return {
        "tool": "icp-renew",
        "version": "0.2.0",
        "today": "2026-11-30",
        "dossiers": [
            {
                "path": "clients/gamma",
                "company": "丙公司",
                "license_number": "沪B2-20210003",
                "expires": "2027-06-30",
                "stage": "preparing",
                "next": {"code": "filing-deadline", "due": "2027-03-31", "days_left": 121},
                "alerts": [
                    alert("filing-deadline", "info", "File by 2027-03-31.", "2027-03-31", 121),
                    alert(
                        "annual-report-due",
                        "warning",
                        "Report 2026 by 2027-03-31.",
                        "2027-03-31",
                        121,
                    ),
                ],
                "timeline": [],
            },
            {
                "path": "clients/alpha",
                "company": "甲科技有限公司",
                "license_number": "京B2-20210001",
                "expires": "2026-12-31",
                "stage": "correction",
                "next": {"code": "correction-due", "due": "2026-11-27", "days_left": -3},
                "alerts": [
                    alert(
                        "correction-due", "error", "Answer the correction notice.", "2026-11-27", -3
                    ),
                    alert("decision-pending", "info", "The decision is due.", "2026-12-31", 31),
                ],
                "timeline": [
                    {"event": "submitted", "date": "2026-11-10", "reference": "受理号 2026-0123"},
                    {
                        "event": "correction-requested",
                        "date": "2026-11-20",
                        "due": "2026-11-27",
                        "note": "补充用户服务协议",
                    },
                ],
            },
            {
                "path": "clients/beta",
                "company": "乙网络有限公司",
                "license_number": "粤B2-20210002",
                "expires": "2031-05-31",
                "stage": "archived",
                "next": None,
                "alerts": [],
                "timeline": [
                    {
                        "event": "license-received",
                        "date": "2026-03-20",
                        "number": "粤B2-20210002",
                        "issued": "2026-03-15",
                        "expires": "2031-05-31",
                        "services": ["B25", "B21"],
                    },
                    {"event": "archived", "date": "2026-03-21"},
                ],
            },
            {
                "path": "clients/broken",
                "stage": "unreadable",
                "error": "clients/broken/dossier.yaml: line 3: bad date",
                "company": None,
                "license_number": None,
                "expires": None,
                "next": None,
                "alerts": [],
                "timeline": [],
            },
        ],
    }
