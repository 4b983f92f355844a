"""checks/years.py: one report per year before the filing year."""

from __future__ import annotations

import datetime as dt

import pytest
from facts_support import codes, config, make_context, run, without

from icp_renew.checks import years


def test_complete_dossier_passes() -> None:
    assert run(years, make_context()) == []


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("2023年度业务经营报告.pdf", {2023}),
        ("2023.pdf", {2023}),
        ("report-2023.pdf", {2023}),
        ("业务经营报告（２０２３）.pdf", {2023}),  # full-width digits
        ("20230101.pdf", set()),  # part of a longer number
        ("v12023.pdf", set()),
        ("scan-1899.pdf", set()),
        ("2021-2022.pdf", {2021, 2022}),
    ],
)
def test_years_in_name(name: str, found: set[int]) -> None:
    assert years.years_in_name(name) == found


def test_each_missing_business_year_is_one_error() -> None:
    files = [
        *without("business-reports"),
        ("business-reports/2021年度业务经营报告.pdf", "business-reports"),
        ("business-reports/report-2023.pdf", "business-reports"),
        ("business-reports/20240101.pdf", "business-reports"),
    ]
    found = run(years, make_context(files=files))
    assert codes(found) == [("missing-year", "error", "business-reports")] * 3
    assert [dict(f.params)["year"] for f in found] == [2022, 2024, 2025]
    assert all(f.path is None for f in found)
    msg = found[0].message("en")
    assert "2022" in msg and "2026" in msg and "materials.business-reports.years" in msg
    assert "2022 年度" in found[0].message("zh")


def test_years_counted_from_filing_date_not_today() -> None:
    ctx = make_context(filing_date=dt.date(2027, 1, 10))
    found = run(years, ctx)
    # filing in 2027: business reports 2022..2026 (2026 missing), financial report for 2026
    assert [(f.code, f.material, dict(f.params)["year"]) for f in found] == [
        ("missing-year", "financial-report", 2026),
        ("missing-year", "business-reports", 2026),
    ]


def test_metadata_years_count() -> None:
    files = [*without("business-reports"), ("business-reports/经营报告.pdf", "business-reports")]
    cfg = config()
    cfg["materials"]["business-reports"] = {"years": [2021, 2022, 2023], "year": 2024}
    found = run(years, make_context(cfg, files))
    assert [dict(f.params)["year"] for f in found] == [2025]


def test_year_from_subfolder_below_material_folder() -> None:
    files = [
        *without("business-reports"),
        *[(f"business-reports/{y}/报告.pdf", "business-reports") for y in range(2021, 2026)],
    ]
    assert run(years, make_context(files=files)) == []


def test_years_before_licence_issued_are_still_asked_for() -> None:
    """docs/checks-facts.md: five years before the filing year, whatever the licence's issue date."""
    cfg = config()
    cfg["license"] = {**cfg["license"], "issued": "2023-03-01"}
    files = [
        *without("business-reports"),
        ("business-reports/2023.pdf", "business-reports"),
        ("business-reports/2024.pdf", "business-reports"),
        ("business-reports/2025.pdf", "business-reports"),
    ]
    found = run(years, make_context(cfg, files))
    assert [dict(f.params)["year"] for f in found] == [2021, 2022]


def test_no_files_no_findings() -> None:
    """Absence of the material is presence's finding, not one per year."""
    files = without("financial-report", without("business-reports"))
    assert run(years, make_context(files=files)) == []


def test_financial_report_wrong_year_names_expected_year() -> None:
    files = [
        *without("financial-report"),
        ("financial-report/2024年度财务报告.pdf", "financial-report"),
    ]
    cfg = config()
    del cfg["materials"]["financial-report"]
    found = run(years, make_context(cfg, files))
    assert codes(found) == [("missing-year", "error", "financial-report")]
    assert found[0].message("en") == (
        "Financial statements of the renewal year must be for 2025, the year before the filing "
        "year 2026; the file is for 2024"
    )
    assert found[0].message("zh") == (
        "“续期年度财务会计报告”应为 2025 年度（申请年度 2026 的上一年），现有文件为 2024 年度"
    )


def test_financial_report_year_from_metadata() -> None:
    files = [*without("financial-report"), ("financial-report/财务报告.pdf", "financial-report")]
    assert run(years, make_context(files=files)) == []  # VALID_CONFIG has year: 2025
    cfg = config()
    cfg["materials"]["financial-report"] = {"year": 2023}
    found = run(years, make_context(cfg, files))
    assert codes(found) == [("missing-year", "error", "financial-report")]
    assert dict(found[0].params)["year"] == 2025


def test_financial_report_audit_year_in_name_with_metadata_year() -> None:
    """An audit report dated 2026 for the 2025 statements: the metadata year counts."""
    files = [
        *without("financial-report"),
        ("financial-report/审计报告-2026.pdf", "financial-report"),
    ]
    assert run(years, make_context(files=files)) == []


def test_financial_report_without_any_year_is_missing_metadata() -> None:
    files = [*without("financial-report"), ("financial-report/财务报告.pdf", "financial-report")]
    cfg = config()
    del cfg["materials"]["financial-report"]
    found = run(years, make_context(cfg, files))
    assert codes(found) == [("missing-metadata", "error", "financial-report")]
    assert "materials.financial-report.year" in found[0].message("en")
    assert "materials.financial-report.year" in found[0].message("zh")
