"""Annual reports and change filings reach the calendar: one event per licence and year."""

from __future__ import annotations

from pathlib import Path

HEAD = "company: {name: 北京示例科技有限公司}\nlegal_representative: {name: 张三}\n"


def dossier(tmp_path: Path, name: str, license: str, timeline: str = "") -> Path:
    root = tmp_path / name
    root.mkdir()
    (root / "dossier.yaml").write_text(HEAD + license + timeline, encoding="utf-8")
    return root


def events(ics: bytes) -> list[tuple[str, str]]:
    from icalendar import Calendar

    cal = Calendar.from_ical(ics)
    return [(str(e["uid"]), e["dtstart"].dt.isoformat()) for e in cal.walk("VEVENT")]


RENEWED = (
    "timeline:\n  - {event: submitted, date: 2026-02-10}\n  - {event: approved, date: 2026-03-15}\n"
    "  - {event: license-received, date: 2026-03-20, number: 京B2-20210001, expires: 2031-05-31}\n"
)


def test_one_annual_event_per_licence_and_year(cli, tmp_path) -> None:
    # the renewed dossier and its successor (init --next) name the same licence
    old = dossier(
        tmp_path, "2021", "license: {number: 京B2-20210001, expires: 2026-05-31}\n", RENEWED
    )
    new = dossier(tmp_path, "2026", "license: {number: 京B2-20210001, expires: 2031-05-31}\n")
    r = cli("deadline", str(old), str(new), "-f", "ics", "--today", "2027-01-10")
    assert r.exit_code == 0, r.stderr
    found = events(r.stdout_bytes)
    annual = [e for e in found if e[0].startswith("annual-report-")]
    assert len(annual) == 1 and annual[0][1] == "2027-03-31"
    # a renewed dossier stands for its new licence: one licence, one filing event, no warning
    assert [d for u, d in found if u.startswith("filing-")] == ["2031-02-28"]
    assert "given twice" not in r.stderr
    again = cli("deadline", str(new), "-f", "ics", "--today", "2027-01-10")
    assert annual[0] in events(again.stdout_bytes)  # the same UID from either dossier


def test_a_filed_report_has_no_event_and_a_change_has_one(cli, tmp_path) -> None:
    root = dossier(
        tmp_path,
        "d",
        "license: {number: 京B2-20210001, issued: 2021-06-01, expires: 2026-05-31, "
        "holder: 北京旧名科技有限公司}\n",
        "timeline:\n  - {event: annual-report-filed, date: 2026-01-05, year: 2025}\n",
    )
    r = cli("deadline", str(root), "-f", "ics", "--today", "2026-01-10")
    assert r.exit_code == 0, r.stderr
    uids = [u for u, _ in events(r.stdout_bytes)]
    assert not any(u.startswith("annual-report-") for u in uids)
    change = [e for e in events(r.stdout_bytes) if e[0].startswith("change-filing-")]
    assert [d for _, d in change] == ["2026-01-10"]
    assert (
        r.stdout_bytes
        == cli("deadline", str(root), "-f", "ics", "--today", "2026-01-10").stdout_bytes
    )


def test_deadline_of_a_renewed_dossier_is_its_new_licence(cli, tmp_path) -> None:
    import json

    root = dossier(
        tmp_path, "d", "license: {number: 京B2-20210001, expires: 2026-05-31}\n", RENEWED
    )
    r = cli("deadline", str(root), "-f", "json", "--today", "2026-04-01")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["expires"] == "2031-05-31"
