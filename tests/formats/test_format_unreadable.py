"""A dossier that could not be checked at all stays in every report (docs/reports.md), and the
summary table shows company and days left, most urgent first."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from report_samples import broken_dossier, clean_dossier, make_report

from icp_renew.findings import DossierReport, Report, redact_report
from icp_renew.formats import registry

REASON = "clients/typo/dossier.yaml:3: license.number: expected a string"
BROKEN = DossierReport.unreadable("clients/typo", REASON, "clients/typo/dossier.yaml", 3)


def _report() -> Report:
    return make_report(clean_dossier(), BROKEN)


def test_json_entry_and_top_level_ok():
    data = json.loads(registry.get("json")(_report()))
    assert data["ok"] is False
    assert data["dossiers"][1] == {
        "path": "clients/typo",
        "ok": False,
        "error": REASON,
        "findings": [],
    }
    assert data["dossiers"][0]["ok"] is True


def test_json_deadline_fields():
    d = replace(clean_dossier(), expires=None)
    entry = json.loads(registry.get("json")(make_report(d)))["dossiers"][0]
    assert (entry["expires"], entry["filing_deadline"], entry["days_left"]) == (None, None, None)
    import datetime as dt

    d = replace(
        clean_dossier(),
        expires=dt.date(2026, 5, 31),
        filing_deadline=dt.date(2026, 3, 2),
        days_left=46,
    )
    entry = json.loads(registry.get("json")(make_report(d)))["dossiers"][0]
    assert (entry["expires"], entry["filing_deadline"], entry["days_left"]) == (
        "2026-05-31",
        "2026-03-02",
        46,
    )


def test_junit_error():
    root = ET.fromstring(registry.get("junit")(_report()))
    assert root.get("errors") == "1"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["clients/b.cn", "clients/typo"]
    assert suites[1].get("errors") == "1"
    [case] = suites[1].findall("testcase")
    error = case.find("error")
    assert error is not None and error.get("message") == REASON


def test_sarif_notification():
    run = json.loads(registry.get("sarif")(_report()))["runs"][0]
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"] == REASON
    location = note["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "clients/typo/dossier.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {"startLine": 3}
    clean = json.loads(registry.get("sarif")(make_report(clean_dossier())))["runs"][0]
    assert clean["invocations"][0] == {
        "executionSuccessful": True,
        "toolExecutionNotifications": [],
    }


def test_github_error_line():
    out = registry.get("github")(_report())
    assert (
        "::error file=clients/typo/dossier.yaml,line=3,title=icp-renew%3A cannot check::"
        + REASON
        + "\n"
    ) in out


def test_markdown_row_and_reason():
    out = registry.get("markdown")(_report(), lang="en")
    assert "| clients/typo |  | 0/0 | 0 | 0 | 0 | ❌ cannot check |" in out
    assert "❌ clients/typo: cannot check: " in out
    assert "1 failed" in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_table_lists_it(lang):
    out = registry.get("text")(_report(), lang=lang, width=100)
    assert "clients/typo" in out
    assert ("× cannot check" if lang == "en" else "× 无法检查") in out


def test_text_table_company_days_left_and_urgency():
    late = replace(broken_dossier(), days_left=-3)
    soon = replace(clean_dossier("clients/soon"), days_left=12, company="丙公司")
    far = replace(clean_dossier("clients/far"), days_left=400, company="丁公司")
    unknown = replace(clean_dossier("clients/unknown"), days_left=None)
    out = registry.get("text")(make_report(far, unknown, soon, late), quiet=True, width=100)
    rows = [line for line in out.splitlines() if "clients/" in line]
    assert [r.split()[1] for r in rows] == [
        "clients/acme",
        "clients/soon",
        "clients/far",
        "clients/unknown",
    ]
    assert "丙公司" in rows[1] and " 12 " in rows[1]
    assert " -3 " in rows[0]
    assert "days left" in out


def test_reason_is_masked():
    d = DossierReport.unreadable("c/110105199001010029", "c/110105199001010029/dossier.yaml: x")
    masked = redact_report(make_report(d)).dossiers[0]
    assert "110105199001010029" not in (masked.error or "") + masked.path
