"""``--format sarif``: valid SARIF 2.1.0, rule ids = finding codes, relative locations."""

from __future__ import annotations

import json
import re

from report_samples import ID_NUMBER, MOBILE, broken_dossier, make_report

from icp_renew.findings import FINDING_CODES
from icp_renew.formats.check_sarif import render

URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*$")


def test_validates(report, sarif_validator):
    for lang in ("en", "zh"):
        sarif_validator.validate(json.loads(render(report, lang=lang)))  # type: ignore[attr-defined]


def test_rules_and_results(report):
    log = json.loads(render(report))
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "icp-renew"
    assert driver["version"] == "0.1.0"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(FINDING_CODES)
    by_id = {r["id"]: r for r in rules}
    assert by_id["missing-material"]["shortDescription"]["text"] == "Material missing"
    assert by_id["missing-material"]["help"]["text"].startswith("Add the material")
    assert by_id["text-unverifiable"]["defaultConfiguration"]["level"] == "note"
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("invalid-id-number", "error"),
        ("unassigned-file", "warning"),
        ("text-unverifiable", "note"),
        ("too-few-pages", "error"),
        ("invalid-phone", "error"),
        ("expires-soon", "warning"),
        ("missing-material", "error"),
    ]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        loc = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert loc["uriBaseId"] == "%SRCROOT%"
        assert URI_CHARS.match(loc["uri"]), loc["uri"]
        assert loc["uri"].startswith("clients/acme/")
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert uris[3] == "clients/acme/legal-rep-id/%E6%AD%A3%E9%9D%A2.jpg"
    assert uris[6] == "clients/acme/dossier.yaml"  # a missing material points at dossier.yaml


def test_fingerprints_stable_and_distinct(report):
    a = json.loads(render(report))["runs"][0]["results"]
    b = json.loads(render(report, lang="zh"))["runs"][0]["results"]
    prints = [r["partialFingerprints"]["icpRenewFinding/v1"] for r in a]
    assert prints == [r["partialFingerprints"]["icpRenewFinding/v1"] for r in b]
    assert len(set(prints)) == len(prints)


def test_pii(report):
    text = render(report)
    assert ID_NUMBER not in text and MOBILE not in text
    assert ID_NUMBER in render(report, show_pii=True)


def test_absolute_dossier_gives_file_uri(sarif_validator):
    log = json.loads(render(make_report(broken_dossier(path="/srv/客户/acme"))))
    sarif_validator.validate(log)  # type: ignore[attr-defined]
    loc = log["runs"][0]["results"][3]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": "file:///srv/%E5%AE%A2%E6%88%B7/acme/legal-rep-id/%E6%AD%A3%E9%9D%A2.jpg"}


def test_hostile_message_visible(report):
    text = render(report)
    assert "\\u001b" not in text  # the raw ESC never reaches a viewer
    assert "\\\\x1b[31m" in text
