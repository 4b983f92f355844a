"""``status --format html`` from the command line: the page of real dossiers, sorted, escaped,
masked, byte-identical for the same inputs and ``--today`` (the page itself:
tests/formats/test_format_html.py; in a browser: tests/test_html_browser.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

HEAD = (
    "company: {name: 北京示例科技有限公司}\n"
    "legal_representative: {name: 张三, id_number: '11010519491231002X'}\n"
    "license: {number: 京B2-20210001, issued: 2021-06-01, expires: 2026-05-31, services: [B25]}\n"
)
TODAY = "2026-02-20"


def dossier(tmp_path: Path, name: str, timeline: str = "", head: str = HEAD) -> Path:
    root = tmp_path / name
    root.mkdir()
    (root / "dossier.yaml").write_text(head + timeline, encoding="utf-8")
    return root


def portfolio(tmp_path: Path) -> list[str]:
    a = dossier(tmp_path, "a")
    b = dossier(
        tmp_path,
        "b",
        "timeline:\n  - {event: submitted, date: 2026-02-10}\n"
        "  - {event: correction-requested, date: 2026-02-18, due: 2026-02-25,"
        " note: '<script>alert(1)</script> 请致电 13800138000 \u202e'}\n",
    )
    bad = dossier(tmp_path, "bad", "timeline:\n  - {event: approved, date: 2026-02-10}\n")
    return [str(a), str(b), str(bad)]


def test_status_html_page_of_a_portfolio(cli, tmp_path: Path) -> None:
    paths = portfolio(tmp_path)
    out = tmp_path / "status.html"
    r = cli("status", *paths, "--format", "html", "-o", str(out), "--today", TODAY)
    assert r.exit_code == 2  # the unreadable dossier: its line on the page, its reason on stderr
    assert "needs a submitted event before it" in r.stderr
    page = out.read_text(encoding="utf-8")
    html5lib = pytest.importorskip("html5lib")  # a test-only library: skipped on a plain install
    html5lib.HTMLParser(strict=True).parse(page)
    rows = re.findall(
        r'<tr class="(\w+)" data-stage="\w+"><td class="wrap"><a href="#dossier-\d">([^<]+)</a>',
        page,
    )
    # unreadable first, then the correction due 2026-02-25, then a's filing deadline (2026-03-02)
    assert rows == [("unreadable", paths[2]), ("correction", paths[1]), ("preparing", paths[0])]
    bars = re.findall(r'<g class="bar (\w+)" data-severity="\w+" data-due="([\d-]+)">', page)
    assert ("warning", "2026-02-25") in bars
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\u202e" not in page and "\\u202e" in page
    assert "13800138000" not in page and "138****8000" in page


def test_status_html_is_byte_identical_and_bilingual(cli, tmp_path: Path) -> None:
    paths = portfolio(tmp_path)[:2]
    pages = [
        cli("status", *paths, "-f", "html", "--today", TODAY, "--lang", "zh").stdout
        for _ in range(2)
    ]
    assert pages[0] == pages[1]
    assert '<html lang="zh-CN">' in pages[0] and "续期进度：2 份材料，截至 2026-02-20" in pages[0]
    shown = cli("status", *paths, "-f", "html", "--today", TODAY, "--show-pii").stdout
    assert "13800138000" in shown
    en = cli("status", *paths, "-f", "html", "--today", TODAY, "--lang", "en").stdout
    assert "Renewal status: 2 dossiers as of 2026-02-20" in en


def test_status_html_next_column_names_the_alert_in_the_pages_language(cli, tmp_path) -> None:
    paths = portfolio(tmp_path)[:2]
    out = tmp_path / "status.html"
    r = cli("status", *paths, "-f", "html", "-o", str(out), "--today", TODAY, "--lang", "zh")
    assert r.exit_code == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    badges = re.findall(r'<td><span class="badge \w+" title="([\w-]+)">([^<]+)</span></td>', page)
    assert badges == [("correction-due", "补正答复期限"), ("filing-deadline", "申请截止日")]
