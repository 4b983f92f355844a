"""``check --format junit``: JUnit XML, as Jenkins (xunit's junit-10.xsd) and GitLab read it.

One ``testsuite`` per dossier (its properties: authority, rules and tool
versions, materials present of required); one ``testcase`` per material of the
checklist, in checklist order, plus ``dossier`` for findings that belong to no
material. A testcase fails when it has an error-level finding (or a warning,
under ``--strict``): one ``failure`` element listing them all, because Jenkins
and GitLab show only the first. Other findings go to ``system-out``. Nothing
comes from the clock: no ``timestamp``, no ``time``. A dossier that could not be
checked at all is a suite whose one testcase has an ``error`` with the reason.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from icp_renew.findings import DossierReport, Finding, Report, Severity
from icp_renew.formats.safe import dossier_file, visible, xml_text
from icp_renew.i18n import Lang
from icp_renew.messages import t

DOSSIER_CASE = "dossier"


@dataclass
class _Case:
    name: str
    classname: str
    findings: list[Finding] = field(default_factory=list)


def _package(path: str) -> str:
    """The dossier as the first part of a classname (``.`` would give ``..technical``)."""
    norm = dossier_file(path, None)
    return DOSSIER_CASE if norm == "." else norm


def _cases(d: DossierReport, lang: Lang) -> list[_Case]:
    package = _package(d.path)
    general = _Case(f"{DOSSIER_CASE}: {t('report.general', lang)}", f"{package}.{DOSSIER_CASE}")
    cases: dict[str, _Case] = {}
    for m in d.materials:
        title = m.title if lang == "zh" else f"{m.title_en} ({m.title})"
        cases[m.id] = _Case(f"{m.id}: {title}", f"{package}.{m.category}")
    for f in d.findings:
        if f.material is None:
            general.findings.append(f)
            continue
        if f.material not in cases:  # a material outside the checklist (or no checklist given)
            cases[f.material] = _Case(f.material, f"{package}.{DOSSIER_CASE}")
        cases[f.material].findings.append(f)
    return [general, *cases.values()]


def _fails(f: Finding, strict: bool) -> bool:
    return f.severity is Severity.ERROR or (strict and f.severity is Severity.WARNING)


def _line(f: Finding, lang: Lang, show_pii: bool) -> str:
    where = f" {visible(f.path)}" if f.path else ""
    hint = f.hint(lang)
    return f"[{f.severity.value}] {f.code}{where}: {visible(f.message(lang, show_pii))}" + (
        f"\n    {hint}" if hint else ""
    )


def _unreadable_suite(root: ET.Element, d: DossierReport, lang: Lang) -> None:
    """A dossier that could not be checked at all: one testcase in ``error`` (never dropped)."""
    suite = ET.SubElement(
        root,
        "testsuite",
        name=xml_text(visible(d.path)),
        tests="1",
        failures="0",
        errors="1",
        skipped="0",
    )
    case = ET.SubElement(
        suite,
        "testcase",
        name=xml_text(f"{DOSSIER_CASE}: {t('deadline.cannot-check', lang)}"),
        classname=xml_text(visible(f"{_package(d.path)}.{DOSSIER_CASE}")),
    )
    error = ET.SubElement(
        case, "error", type="cannot-check", message=xml_text(visible(d.error or ""))
    )
    error.text = xml_text(visible(d.error or ""))


def _suite(
    root: ET.Element, d: DossierReport, report: Report, lang: Lang, show_pii: bool, strict: bool
) -> tuple[int, int]:
    cases = _cases(d, lang)
    failed = sum(1 for c in cases if any(_fails(f, strict) for f in c.findings))
    suite = ET.SubElement(
        root,
        "testsuite",
        name=xml_text(visible(d.path)),
        tests=str(len(cases)),
        failures=str(failed),
        errors="0",
        skipped="0",
    )
    props = ET.SubElement(suite, "properties")
    values = {
        "tool": f"icp-renew {report.tool_version}",
        "rules_version": report.rules_version,
        "authority": d.authority or "",
        "company": d.company or "",
        "license_number": d.license_number or "",
        "materials_required": str(d.materials_required),
        "materials_present": str(d.materials_present),
        "errors": str(d.count(Severity.ERROR)),
        "warnings": str(d.count(Severity.WARNING)),
        "infos": str(d.count(Severity.INFO)),
        "strict": "true" if strict else "false",
    }
    for name, value in values.items():
        ET.SubElement(props, "property", name=name, value=xml_text(visible(value)))
    for case in cases:
        el = ET.SubElement(
            suite,
            "testcase",
            name=xml_text(visible(case.name)),
            classname=xml_text(visible(case.classname)),
        )
        failing = [f for f in case.findings if _fails(f, strict)]
        other = [f for f in case.findings if not _fails(f, strict)]
        if failing:
            first = visible(failing[0].message(lang, show_pii))
            more = f" (+{len(failing) - 1})" if len(failing) > 1 else ""
            failure = ET.SubElement(
                el,
                "failure",
                type=xml_text(" ".join(dict.fromkeys(f.code for f in failing))),
                message=xml_text(first + more),
            )
            failure.text = xml_text("\n".join(_line(f, lang, show_pii) for f in failing))
        if other:
            out = ET.SubElement(el, "system-out")
            out.text = xml_text("\n".join(_line(f, lang, show_pii) for f in other))
    return len(cases), failed


def render(
    report: Report,
    *,
    lang: Lang = "en",
    show_pii: bool = False,
    strict: bool = False,
    quiet: bool = False,
    color: bool = False,
    width: int = 100,
) -> str:
    root = ET.Element("testsuites", name="icp-renew")
    tests = failures = errors = 0
    for d in report.dossiers:
        if d.error is not None:
            _unreadable_suite(root, d, lang)
            tests += 1
            errors += 1
            continue
        n, f = _suite(root, d, report, lang, show_pii, strict)
        tests += n
        failures += f
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
