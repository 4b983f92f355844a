"""``pack --archive``: the bundle plus the records and the timeline, after the new licence."""

from __future__ import annotations

import json
import zipfile

import factory

EVENTS = [
    {"event": "submitted", "date": "2026-02-10", "reference": "受理号 2026-0123"},
    {"event": "approved", "date": "2026-03-15"},
    {
        "event": "license-received",
        "date": "2026-03-20",
        "number": "京B2-20210001",
        "issued": "2026-06-01",
        "expires": "2031-05-31",
    },
]
RECORDS = {
    "5-申报与审批记录/受理通知书/受理.pdf": "pdf:1",
    "新许可证/电子证照.pdf": "pdf:1",
    "approval-decision/决定.pdf": "pdf:1",
}


def archived(make_dossier, events=EVENTS, records=RECORDS):
    return make_dossier(
        {**factory.VALID_CONFIG, "timeline": events}, {**factory.COMPLETE_FILES, **records}
    )


def test_archive_has_the_records_and_the_timeline(cli, make_dossier, tmp_path) -> None:
    root = archived(make_dossier)
    out = tmp_path / "a.zip"
    r = cli("pack", str(root), "--archive", "-o", str(out), "--today", "2026-03-22")
    assert r.exit_code == 0, r.stderr
    with zipfile.ZipFile(out) as z:
        manifest = json.loads(z.read("manifest.json"))
        names = z.namelist()
    assert manifest["timeline"] == [
        {"event": "submitted", "date": "2026-02-10", "reference": "受理号 2026-0123"},
        {"event": "approved", "date": "2026-03-15"},
        {
            "event": "license-received",
            "date": "2026-03-20",
            "number": "京B2-20210001",
            "issued": "2026-06-01",
            "expires": "2031-05-31",
        },
    ]
    materials = {f["material"] for f in manifest["files"]}
    assert {"submission-receipt", "approval-decision", "new-license"} <= materials
    records = [n for n in names if n.startswith("05-申报与审批记录/")]
    assert len(records) == 3 and any(n.endswith("新许可证.pdf") for n in records)
    assert cli("verify", str(out)).exit_code == 0
    again = tmp_path / "b.zip"
    cli("pack", str(root), "--archive", "-o", str(again), "--today", "2026-03-22")
    assert again.read_bytes() == out.read_bytes()  # deterministic


def test_archive_refused_before_the_new_licence(cli, make_dossier, tmp_path) -> None:
    root = archived(make_dossier, EVENTS[:2])
    out = tmp_path / "a.zip"
    r = cli("pack", str(root), "--archive", "-o", str(out), "--today", "2026-03-22")
    assert r.exit_code == 1 and "no new licence yet (stage: approved)" in r.stderr
    assert not out.exists()


def test_archive_needs_the_new_licence_file(cli, make_dossier, tmp_path) -> None:
    root = archived(make_dossier, records={})
    out = tmp_path / "a.zip"
    r = cli("pack", str(root), "--archive", "-o", str(out), "--today", "2026-03-22")
    assert r.exit_code == 1 and not out.exists()
    assert "new-license" in r.stderr or "新许可证" in r.stderr or "New licence" in r.stderr


def test_check_neither_asks_for_records_nor_reports_their_files(cli, make_dossier) -> None:
    root = archived(make_dossier)
    r = cli("check", str(root), "-f", "json", "--today", "2026-03-22")
    findings = json.loads(r.stdout)["dossiers"][0]["findings"]
    assert [f for f in findings if f["code"] == "unassigned-file"] == []
    assert not any(f["material"] in ("new-license", "submission-receipt") for f in findings)
    plain = make_dossier(name="plain")
    r = cli("check", str(plain), "-f", "json", "--today", "2026-01-15")
    assert "new-license" not in r.stdout


def test_rules_show_lists_the_records(cli) -> None:
    r = cli("rules", "show", "--province", "beijing", "-f", "json")
    records = [m for m in json.loads(r.stdout)["materials"] if m["category"] == "records"]
    assert [(m["id"], m["requirement"]) for m in records] == [
        ("submission-receipt", "recommended"),
        ("correction-notice", "recommended"),
        ("approval-decision", "recommended"),
        ("new-license", "required"),
    ]
    assert all(m["source"] for m in records)
