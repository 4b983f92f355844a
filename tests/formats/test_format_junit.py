"""``--format junit``: valid against junit-10.xsd; one suite per dossier, a case per material."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from report_samples import ID_NUMBER, MOBILE, broken_dossier, make_report, warning_dossier

from icp_renew.findings import DossierReport
from icp_renew.formats.check_junit import render


def _parse(text: str) -> ET.Element:
    return ET.fromstring(text.encode("utf-8"))


def test_validates(report, junit_schema):
    for strict in (False, True):
        for lang in ("en", "zh"):
            junit_schema.validate(render(report, lang=lang, strict=strict))  # type: ignore[attr-defined]


def test_structure(report):
    root = _parse(render(report))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["clients/acme", "clients/b.cn"]
    acme = suites[0]
    cases = acme.findall("testcase")
    assert [c.get("name").split(":")[0] for c in cases] == [
        "dossier",
        "business-license",
        "legal-rep-id",
        "hosting-agreement",
        "business-plan",
    ]
    assert [c.get("classname") for c in cases] == [
        "clients/acme.dossier",
        "clients/acme.qualification",
        "clients/acme.qualification",
        "clients/acme.technical",
        "clients/acme.operations",
    ]
    assert acme.get("tests") == "5"
    assert acme.get("failures") == "3"  # dossier (ID number), legal-rep-id, business-plan
    assert acme.get("errors") == "0"
    assert root.get("tests") == "10"
    assert root.get("failures") == "3"
    failing = {c.get("name").split(":")[0] for c in cases if c.find("failure") is not None}
    assert failing == {"dossier", "legal-rep-id", "business-plan"}
    legal = cases[2].find("failure")
    assert legal is not None
    assert legal.get("type") == "too-few-pages invalid-phone"
    assert legal.text is not None and "invalid-phone" in legal.text
    assert "Add all pages" in legal.text  # the hint
    # warnings and infos are not failures: they are in system-out
    hosting = cases[3]
    assert hosting.find("failure") is None
    out = hosting.find("system-out")
    assert out is not None and out.text is not None and "expires-soon" in out.text
    props = {p.get("name"): p.get("value") for p in acme.iter("property")}
    assert props["authority"] == "beijing"
    assert props["materials_present"] == "3"
    assert props["materials_required"] == "4"
    assert props["rules_version"] == "2026.11"
    assert all(c.find("failure") is None for c in suites[1].findall("testcase"))


def test_strict_makes_warnings_failures():
    report = make_report(warning_dossier())
    assert _parse(render(report)).get("failures") == "0"
    root = _parse(render(report, strict=True))
    assert root.get("failures") == "1"
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("type") == "expires-soon"


def test_no_clock(report):
    text = render(report)
    assert "timestamp" not in text
    assert " time=" not in text
    assert text == render(report)


def test_pii_and_hostile_names(report, junit_schema):
    text = render(report)
    assert ID_NUMBER not in text and MOBILE not in text
    assert "\x1b" not in text and "\u202e" not in text and "\r" not in text
    assert "\\x1b[31m" in text
    assert ID_NUMBER in render(report, show_pii=True)


def test_forbidden_xml_characters(junit_schema):
    d = broken_dossier(path="bad\x00\x01name\udcd3")
    text = render(make_report(d))
    junit_schema.validate(text)  # type: ignore[attr-defined]
    assert _parse(text).find("testsuite").get("name") == "bad\\x00\\x01name\\xd3"


def test_without_checklist_cases_come_from_findings(junit_schema):
    d = broken_dossier()
    bare = DossierReport(d.path, d.authority, d.findings, 4, 3)
    root = _parse(render(make_report(bare)))
    names = [c.get("name") for c in root.iter("testcase")]
    assert names == [
        "dossier: dossier",
        "business-license",
        "legal-rep-id",
        "hosting-agreement",
        "business-plan",
    ]
    junit_schema.validate(render(make_report(bare)))  # type: ignore[attr-defined]


def test_current_folder_as_dossier():
    root = _parse(render(make_report(broken_dossier(path="."))))
    assert root.find("testsuite").get("name") == "."
    classes = {c.get("classname") for c in root.iter("testcase")}
    assert classes == {
        "dossier.dossier",
        "dossier.qualification",
        "dossier.technical",
        "dossier.operations",
    }
