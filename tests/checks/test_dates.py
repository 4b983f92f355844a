"""checks/dates.py: metadata a material needs, expired and soon-expiring documents."""

from __future__ import annotations

import datetime as dt

from facts_support import COMPLETE, codes, config, make_context, run, without

from icp_renew.checks import dates


def _materials(**facts: dict[str, object]) -> dict[str, object]:
    cfg = config()
    cfg["materials"] = {k.replace("_", "-"): v for k, v in facts.items()}
    return cfg


def test_complete_dossier_passes() -> None:
    assert run(dates, make_context()) == []


def test_missing_expires_for_material_with_files() -> None:
    cfg = _materials(idc_license={"number": "B1-20190001"}, financial_report={"year": 2025})
    found = run(dates, make_context(cfg))
    assert codes(found) == [
        ("missing-metadata", "error", "hosting-agreement"),
        ("missing-metadata", "error", "idc-license"),
    ]
    assert found[0].path is None
    assert found[0].message("en") == (
        "Server hosting agreement: give materials.hosting-agreement.expires in dossier.yaml "
        "(e.g. 2027-12-31)"
    )
    assert found[1].message("zh") == (
        "“托管商IDC资质证书”：请在 dossier.yaml 中填写 materials.idc-license.expires（如 2027-12-31）"
    )


def test_missing_expires_without_files_is_presences_business() -> None:
    cfg = _materials()
    files = without("hosting-agreement", without("idc-license"))
    assert run(dates, make_context(cfg, files)) == []


def test_expired_is_judged_against_today() -> None:
    cfg = _materials(
        hosting_agreement={"expires": "2026-01-14"}, idc_license={"expires": "2026-01-15"}
    )
    found = run(dates, make_context(cfg))
    # the last day of validity is still valid; it expires "soon" (today)
    assert codes(found) == [
        ("expired", "error", "hosting-agreement"),
        ("expires-soon", "warning", "idc-license"),
    ]
    assert found[0].message("en") == (
        "Server hosting agreement: expired on 2026-01-14 (today is 2026-01-15); provide a valid one"
    )
    assert found[0].message("zh") == (
        "“服务器托管协议”已于 2026-01-14 过期（今天 2026-01-15），请提供在有效期内的材料"
    )
    assert found[1].message("en") == (
        "Hosting provider's IDC licence: expires on 2026-01-15, in 0 days; it may lapse during "
        "the review"
    )


def test_expires_soon_window_from_rules() -> None:
    # default window 60 days: 2026-03-16 is day 60, 2026-03-17 day 61
    cfg = _materials(
        hosting_agreement={"expires": "2026-03-16"}, idc_license={"expires": "2026-03-17"}
    )
    found = run(dates, make_context(cfg))
    assert codes(found) == [("expires-soon", "warning", "hosting-agreement")]
    assert dict(found[0].params)["days"] == 60


def test_drug_permit_window_is_180_days() -> None:
    cfg = _materials(
        hosting_agreement={"expires": "2027-12-31"},
        idc_license={"expires": "2029-01-01"},
        permit_drugs={"expires": "2026-06-30"},
    )
    cfg["industries"] = ["drugs"]
    files = [*COMPLETE, ("permit-drugs/资格证书.pdf", "permit-drugs")]
    found = run(dates, make_context(cfg, files))
    assert codes(found) == [("expires-soon", "warning", "permit-drugs")]
    assert dict(found[0].params)["days"] == 166


def test_permit_needs_expires() -> None:
    cfg = config(industries=["drugs"])
    files = [*COMPLETE, ("permit-drugs/资格证书.pdf", "permit-drugs")]
    found = run(dates, make_context(cfg, files))
    assert codes(found) == [("missing-metadata", "error", "permit-drugs")]


def test_any_expires_in_dossier_yaml_is_checked() -> None:
    cfg = config()
    cfg["materials"]["business-license"] = {"expires": "2025-12-31"}
    cfg["materials"]["some-other-paper"] = {"expires": "2026-02-01"}
    found = run(dates, make_context(cfg))
    assert codes(found) == [
        ("expired", "error", "business-license"),
        ("expires-soon", "warning", "some-other-paper"),
    ]
    assert found[1].message("en").startswith("some-other-paper: expires on 2026-02-01, in 17 days")


def test_expiry_before_the_filing_date_is_a_warning() -> None:
    cfg = _materials(
        hosting_agreement={"expires": "2026-06-30"}, idc_license={"expires": "2029-01-01"}
    )
    ctx = make_context(cfg, filing_date=dt.date(2026, 9, 1))
    found = run(dates, ctx)
    assert codes(found) == [("expires-soon", "warning", "hosting-agreement")]
    assert found[0].message("en") == (
        "Server hosting agreement: expires on 2026-06-30, before the filing date 2026-09-01"
    )
    assert found[0].message("zh") == "“服务器托管协议”将于 2026-06-30 到期，早于申请日 2026-09-01"
