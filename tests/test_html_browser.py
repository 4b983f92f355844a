"""The html reports in a real browser: headless Chromium opens each page from a file:// URL.

Asserted on what the browser shows: the DOM after rendering (material rows and their
marks, finding texts, the chart's bars), no console error and no request but the page
itself (and its own ``data:`` images), the page fits a phone's width, a screenshot's size,
and the page printed on A4. Driven over the DevTools protocol on a pipe (``tests/browser.py``,
standard library only). Skipped only where no Chromium is installed (``.ci/run`` installs
Debian's ``chromium``). ``ICP_RENEW_SCREENSHOTS=1`` also writes the screenshots of
``docs/html-report.md`` into docs/.
"""

from __future__ import annotations

import io
import os
import struct
from pathlib import Path

import pytest

import factory
from browser import Browser, find_chromium
from icp_renew.formats import status_html

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium found (install Debian's chromium, or set ICP_RENEW_CHROMIUM)",
)
DOCS = Path(__file__).resolve().parents[1] / "docs"
TODAY = factory.TODAY
A4_POINTS = (595, 842)


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM is not None
    with Browser(CHROMIUM) as b:
        yield b


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def assert_quiet(browser: Browser, url: str) -> None:
    """No console message at error or warning level, and no request but the page's own."""
    assert browser.problems() == []
    requests = browser.requests()
    assert requests[0] == url
    assert all(r == url or r.startswith("data:image/jpeg;base64,") for r in requests), [
        r[:80] for r in requests
    ]


def fits_a_phone(browser: Browser, page: Path) -> None:
    browser.open(page, width=390, height=844, mobile=True)
    width, inner = browser.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, (width, inner)


def prints_on_a4(browser: Browser) -> int:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(browser.print_pdf()))
    for p in reader.pages:
        box = p.mediabox
        assert (round(float(box.width)), round(float(box.height))) == A4_POINTS
    return len(reader.pages)


def save_screenshot(browser: Browser, page: Path, name: str, start: str | None = None) -> None:
    """docs/<name>: a small screenshot of the page (from the element ``start`` on), made only
    when asked."""
    if not os.environ.get("ICP_RENEW_SCREENSHOTS"):
        return
    from PIL import Image

    browser.open(page, width=1000, height=760)
    if start:
        browser.evaluate(f"document.querySelector({start!r}).scrollIntoView()")
    shot = Image.open(io.BytesIO(browser.screenshot())).convert("RGB")
    shot = shot.resize((800, 608), Image.Resampling.LANCZOS)
    shot = shot.quantize(colors=128, method=Image.Quantize.FASTOCTREE)
    shot.save(DOCS / name, optimize=True)


def test_check_report_in_chromium(cli, tmp_path: Path, browser: Browser, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # the report names the dossiers as given: clients/…
    files = dict(factory.COMPLETE_FILES)
    files["icp-license/许可证.pdf"] = factory.pdf_bytes(4, text=None, image_dpi=100)
    files["business-plan/broken.pdf"] = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
    files["junk/<img src=x onerror=alert(1)>.pdf"] = "pdf:1"
    factory.make_dossier(tmp_path / "clients" / "one", files=files)
    factory.make_dossier(tmp_path / "clients" / "two")
    page = tmp_path / "report.html"
    result = cli(
        "check", "clients/one", "clients/two", "-f", "html", "-o", str(page), "--today", TODAY
    )
    assert result.exit_code == 1, result.stderr

    url = browser.open(page)
    assert_quiet(browser, url)
    assert browser.evaluate("document.title") == "Dossier check: 2 dossiers, 1 failed"
    rows = browser.evaluate(
        "[...document.querySelectorAll('table.summary tbody tr')].map(r => r.cells[6].innerText)"
    )
    assert rows == ["failed", "passed with notes"]  # the complete dossier: notes only
    marks = browser.evaluate(
        "Object.fromEntries([...document.querySelectorAll('#dossier-1 .material')]"
        ".map(m => [m.dataset.material, m.querySelector('.mark').innerText]))"
    )
    assert marks["business-plan"] == "✗"
    assert marks["icp-license"] == "!"  # a 100-dpi scan: low-resolution
    assert marks["idc-license"] == "✓"
    assert len(marks) >= 12
    texts = browser.evaluate(
        "[...document.querySelectorAll('#dossier-1 li.finding')].map(li => li.innerText)"
    )
    corrupt = [t for t in texts if "corrupt-pdf" in t]
    assert corrupt and "What to do:" in corrupt[0]
    # the hostile name is shown as text and made no element
    assert browser.evaluate("document.querySelectorAll('img[onerror], script').length") == 0
    assert browser.evaluate("document.body.innerText.includes('<img src=x onerror=alert(1)>.pdf')")
    # every preview decoded, and drawn no larger than the layout allows
    sizes = browser.evaluate(
        "[...document.images].map(i => [i.complete, i.naturalWidth, i.getBoundingClientRect().width])"
    )
    assert sizes and all(ok and 0 < natural <= 240 and shown <= 120 for ok, natural, shown in sizes)
    shot = browser.screenshot()
    assert png_size(shot) == (1200, 900) and len(shot) > 10_000  # something was drawn

    fits_a_phone(browser, page)
    assert prints_on_a4(browser) >= 2  # one dossier a page at least
    save_screenshot(browser, page, "html-check.png", start="#dossier-1")


def test_status_report_in_chromium(tmp_path: Path, browser: Browser) -> None:
    from formats.status_docs import portfolio

    page = tmp_path / "status.html"
    page.write_text(status_html.render(portfolio(), lang="zh"), encoding="utf-8")
    url = browser.open(page)
    assert_quiet(browser, url)
    stages = browser.evaluate(
        "[...document.querySelectorAll('table.portfolio tbody tr')].map(r => r.dataset.stage)"
    )
    assert stages == ["unreadable", "correction", "preparing", "archived"]
    bars = browser.evaluate(
        "[...document.querySelectorAll('svg.chart g.bar')].map(g => {"
        " const r = g.querySelector('rect').getBoundingClientRect();"
        " return [g.dataset.severity, getComputedStyle(g.querySelector('rect')).fill,"
        " Math.round(r.width) > 0]; })"
    )
    assert bars == [
        ["error", "rgb(198, 40, 40)", True],
        ["info", "rgb(31, 95, 191)", True],
        ["warning", "rgb(230, 149, 0)", True],
        ["info", "rgb(31, 95, 191)", True],
    ]
    # the bars start at today's line: the overdue one ends there, the others begin there
    today_x = browser.evaluate(
        "document.querySelector('svg.chart line.today').getBoundingClientRect().x"
    )
    edges = browser.evaluate(
        "[...document.querySelectorAll('svg.chart rect')].map(r => {"
        " const b = r.getBoundingClientRect(); return [b.left, b.right]; })"
    )
    assert abs(edges[0][1] - today_x) < 3
    assert all(abs(left - today_x) < 3 for left, _ in edges[1:])
    assert browser.evaluate("document.body.innerText.includes('逾期 3 天')")
    fits_a_phone(browser, page)
    assert prints_on_a4(browser) >= 1
    save_screenshot(browser, page, "html-status.png")
