"""``--format json``: exactly the contract shape, masked personal data, stable output."""

from __future__ import annotations

import json

from report_samples import HOSTILE, ID_NUMBER, MOBILE, broken_dossier, make_report, warning_dossier

from icp_renew.formats.check_json import render


def test_contract_shape(report):
    data = json.loads(render(report))
    assert list(data)[:4] == ["tool", "version", "rules_version", "dossiers"]
    assert data["tool"] == "icp-renew"
    assert data["version"] == "0.1.0"
    assert data["rules_version"] == "2026.11"
    first, second = data["dossiers"]
    assert list(first)[:5] == ["path", "authority", "ok", "summary", "findings"]
    assert first["path"] == "clients/acme"
    assert first["authority"] == "beijing"
    assert first["ok"] is False
    assert first["summary"] == {
        "errors": 4,
        "warnings": 2,
        "infos": 1,
        "materials_required": 4,
        "materials_present": 3,
    }
    assert [f["code"] for f in first["findings"]] == [
        "invalid-id-number",
        "unassigned-file",
        "text-unverifiable",
        "too-few-pages",
        "invalid-phone",
        "expires-soon",
        "missing-material",
    ]
    for f in first["findings"]:
        assert list(f)[:5] == ["code", "severity", "material", "path", "message"]
    missing = first["findings"][-1]
    assert missing == {
        "code": "missing-material",
        "severity": "error",
        "material": "business-plan",
        "path": None,
        "message": "business-plan is missing",
        "hint": "Add the material in a folder named after its id or Chinese title.",
    }
    assert second["ok"] is True
    assert second["findings"] == []
    assert data["ok"] is False


def test_pii_masked_unless_show_pii(report):
    masked = render(report)
    assert ID_NUMBER not in masked
    assert MOBILE not in masked
    assert "110105********002X" in masked
    assert "138****8000" in masked
    shown = render(report, show_pii=True)
    assert ID_NUMBER in shown
    assert MOBILE in shown


def test_chinese_unescaped_and_language(report):
    out = render(report, lang="zh")
    assert "北京示例科技有限公司" in out
    assert "\\u" not in out.replace("\\u001b", "").replace("\\u202e", "")
    data = json.loads(out)
    assert data["dossiers"][0]["findings"][-1]["message"] == "缺少 新一年业务发展规划"


def test_stable(report):
    assert render(report) == render(report)


def test_raw_path_kept_as_data(report):
    data = json.loads(render(report))
    assert data["dossiers"][0]["findings"][1]["path"] == HOSTILE


def test_undecodable_name_still_utf8():
    d = broken_dossier(path="gbk-\udcd3\udcaa")
    out = render(make_report(d))
    out.encode("utf-8")
    assert json.loads(out)["dossiers"][0]["path"] == "gbk-\\xd3\\xaa"


def test_strict_ok():
    report = make_report(warning_dossier())
    assert json.loads(render(report))["dossiers"][0]["ok"] is True
    assert json.loads(render(report, strict=True))["dossiers"][0]["ok"] is False
