"""``check --format html`` and ``status --format html``: content, escaping, privacy, previews,
determinism and HTML validity (html5lib's strict parser). The same pages in a real browser:
``tests/test_html_browser.py``."""

from __future__ import annotations

import base64
import copy
import io
import re
from pathlib import Path

import pytest
from PIL import Image
from status_docs import alert, portfolio

import factory
from icp_renew.formats import check_html, preview, registry, status_html

TODAY = "2026-01-15"
ID_NUMBER = "11010519491231002X"


def valid(page: str) -> None:
    """One well-formed HTML5 document: html5lib raises on any parse error in strict mode."""
    html5lib = pytest.importorskip("html5lib")  # a test-only library: skipped on a plain install
    html5lib.HTMLParser(strict=True).parse(page)


def previews(page: str) -> list[tuple[int, int]]:
    """The pixel size of every inline preview of ``page``."""
    out = []
    for data in re.findall(r'src="data:image/jpeg;base64,([A-Za-z0-9+/=]+)"', page):
        with Image.open(io.BytesIO(base64.b64decode(data))) as img:
            assert img.format == "JPEG"
            out.append(img.size)
    return out


@pytest.fixture
def scanned(tmp_path: Path) -> Path:
    """The complete dossier with a 150-dpi page scan, a corrupt PDF and an ID in a file name."""
    files = dict(factory.COMPLETE_FILES)
    files["icp-license/许可证.pdf"] = factory.pdf_bytes(4, text=None, image_dpi=100)
    files["business-plan/broken.pdf"] = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
    files[f"security-measures/{ID_NUMBER}.png"] = "png"
    # a scan that pypdf could read with the empty password: encrypted all the same, no preview
    files["business-plan/locked.pdf"] = factory.pdf_bytes(1, text=None, image_dpi=100, encrypt="")
    return factory.make_dossier(tmp_path / "d", files=files)


def test_html_is_a_registered_check_and_status_format() -> None:
    assert "html" in registry.names("check")
    assert registry.get("html") is check_html.render
    assert "html" in registry.names("status")
    assert registry.renderer("status", "html") is status_html.render


def test_check_page_lists_materials_marks_findings_and_previews(cli, scanned: Path) -> None:
    result = cli("check", str(scanned), "-f", "html", "--today", TODAY)
    assert result.exit_code == 1  # the corrupt PDF is an error
    page = result.stdout
    valid(page)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert 'data-material="business-license"' in page
    assert re.search(
        r'class="material ok" data-material="idc-license">\s*<div class="mhead"><span class="mark" title="complete">✓<',
        page,
    )
    assert re.search(
        r'class="material error" data-material="business-plan">\s*<div class="mhead"><span class="mark" title="has errors">✗<',
        page,
    )
    assert 'data-code="corrupt-pdf"' in page
    assert "What to do: " in page
    # previews: the scanned licence (from its embedded image) and the PNGs; never the corrupt
    # PDF, never the ID card (personal data), never a born-digital page without an image
    sizes = previews(page)
    assert sizes and all(max(w, h) <= preview.THUMB_PX for w, h in sizes)
    for name in ("broken.pdf", "locked.pdf"):
        assert re.search(
            rf'<figure class="file noimg"><figcaption>business-plan/{name}<br><span class="note">'
            "no preview: the check found a problem with this file</span>",
            page,
        ), name
    assert 'data-code="encrypted-pdf"' in page
    assert "personal data: no preview (--show-pii shows it)" in page
    assert "no scanned image on the first page" in page
    assert ID_NUMBER not in page and "110105********002X" in page
    shown = cli("check", str(scanned), "-f", "html", "--today", TODAY, "--show-pii").stdout
    assert ID_NUMBER in shown and len(previews(shown)) == len(sizes) + 2  # both sides of the ID


def test_two_files_masked_alike_keep_their_own_previews(cli, tmp_path: Path) -> None:
    files = dict(factory.COMPLETE_FILES)
    files["security-measures/13800138000.png"] = "png"
    files["security-measures/13811118000.jpg"] = factory.image_bytes("jpeg", size=(800, 400))
    root = factory.make_dossier(tmp_path / "d", files=files)
    page = cli("check", str(root), "-f", "html", "--today", TODAY).stdout
    assert page.count("<figcaption>security-measures/138****8000.") == 2
    section = page[page.index('data-material="security-measures"') :]
    section = section[: section.index('<div class="material')]
    assert sorted(previews(section)) == [(170, 240), (240, 120)]  # a page and a wide image


def test_check_page_is_byte_identical_for_the_same_input(
    cli, scanned: Path, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    for out in (a, b):
        assert (
            cli("check", str(scanned), "-f", "html", "-o", str(out), "--today", TODAY).exit_code
            == 1
        )
    assert a.read_bytes() == b.read_bytes()


def test_check_page_in_chinese(cli, scanned: Path) -> None:
    page = cli("check", str(scanned), "-f", "html", "--lang", "zh", "--today", TODAY).stdout
    valid(page)
    assert '<html lang="zh-CN">' in page
    assert "材料检查：北京示例科技有限公司" in page and "处理办法：" in page and "营业执照" in page
    assert "<dd>北京市通信管理局</dd>" in page  # the authority by its name, not its slug


def test_check_page_names_the_authority_in_english(cli, scanned: Path) -> None:
    page = cli("check", str(scanned), "-f", "html", "--lang", "en", "--today", TODAY).stdout
    assert "<dd>beijing</dd>" not in page
    assert "Communications Administration</dd>" in page


def test_several_dossiers_get_a_summary_table_first(cli, tmp_path: Path) -> None:
    one = factory.make_dossier(tmp_path / "one")
    two = factory.make_dossier(tmp_path / "two", files={"business-license/x.pdf": "pdf:1"})
    page = cli("check", str(one), str(two), "-f", "html", "--today", TODAY).stdout
    valid(page)
    assert "Dossier check: 2 dossiers, 1 failed" in page
    assert (
        page.index('<table class="summary">')
        < page.index('id="dossier-1"')
        < page.index('id="dossier-2"')
    )
    assert page.count('<a href="#dossier-') == 2


def test_a_dossier_that_cannot_be_checked_keeps_its_line(cli, tmp_path: Path) -> None:
    good = factory.make_dossier(tmp_path / "good")
    bad = factory.make_dossier(tmp_path / "bad", "company: [not, a, mapping]\n", files={})
    r = cli("check", str(good), str(bad), "-f", "html", "--today", TODAY)
    assert r.exit_code == 2
    page = r.stdout
    valid(page)
    assert page.count('<a href="#dossier-') == 2
    row = re.search(r'<tr class="cannot-check">.*?</tr>', page, re.S)
    assert row and str(bad) in row.group() and "cannot check" in row.group()
    section = page[page.index('id="dossier-2"') :]
    assert '<dd class="cannot-check">cannot check: ' in section and "dossier.yaml:1" in section
    assert 'class="material' not in section  # no checklist for a dossier never read
    assert "Filing deadline</dt><dd>2026-03-02 (46 days left)" in page  # the good one


def test_previews_stop_at_the_limit_and_are_given_in_rounds(
    cli, scanned: Path, monkeypatch
) -> None:
    monkeypatch.setattr(check_html, "MAX_PREVIEWS", 1)
    page = cli("check", str(scanned), "-f", "html", "--today", TODAY).stdout
    assert len(previews(page)) == 1
    assert "no preview: this report&#39;s budget for previews is spent" in page


def test_previews_stop_when_the_decoding_budget_is_spent(cli, scanned: Path, monkeypatch) -> None:
    # the PNGs are about 10 kB, the scanned licence's page image more: only the small ones fit
    monkeypatch.setattr(preview, "DECODE_BUDGET", 30_000)
    page = cli("check", str(scanned), "-f", "html", "--today", TODAY).stdout
    assert 1 <= len(previews(page)) < 4
    assert "no preview: this report&#39;s budget for previews is spent" in page


def test_preview_is_never_made_from_a_file_that_changed_since_the_check(scanned: Path) -> None:
    from icp_renew.findings import FileLine

    path = scanned / "filing-query" / "备案查询.png"
    line = FileLine(
        "filing-query/备案查询.png", "filing-query", "png", path.stat().st_size, str(path), True
    )
    assert preview.thumbnail(line) is not None
    path.write_bytes(path.read_bytes() + b"\0")
    assert preview.thumbnail(line) is None
    path.unlink()
    path.symlink_to(scanned / "operation-proof" / "网站截图.png")
    assert preview.thumbnail(line) is None  # a link is not followed


def test_hostile_company_name_and_paths_stay_text(cli, tmp_path: Path) -> None:
    config = copy.deepcopy(factory.VALID_CONFIG)
    config["company"]["name"] = '</title><script>alert("x")</script>\u202eevil'
    root = factory.make_dossier(tmp_path / "d", config)
    page = cli("check", str(root), "-f", "html", "--today", TODAY).stdout
    valid(page)
    assert "<script>" not in page and "\u202e" not in page
    assert "&lt;/title&gt;&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;\\u202eevil" in page


# --- status --------------------------------------------------------------------------------


def test_status_page_sorts_by_what_is_due_first_and_draws_the_bars() -> None:
    page = status_html.render(portfolio(), lang="en")
    valid(page)
    order = [
        page.index(f'<a href="#dossier-{i}">clients/{n}</a>')
        for i, n in enumerate(["broken", "alpha", "gamma", "beta"], 1)
    ]
    assert order == sorted(order)
    bars = re.findall(r'<g class="bar (\w+)" data-severity="\w+" data-due="([\d-]+)">', page)
    assert bars == [
        ("error", "2026-11-27"),
        ("info", "2026-12-31"),
        ("warning", "2027-03-31"),
        ("info", "2027-03-31"),
    ]
    assert page.count("<rect ") == 4 and 'class="today"' in page
    assert "3 days overdue" in page and "121 days left" in page
    assert "clients/broken/dossier.yaml: line 3: bad date" in page
    assert "note: 补充用户服务协议" in page and "services: B25, B21" in page


def test_status_chart_labels_tell_dossiers_of_one_company_apart() -> None:
    doc = portfolio()
    doc["dossiers"][0]["company"] = doc["dossiers"][1]["company"]  # gamma and alpha: one company
    doc["dossiers"][0]["path"] = "/srv/agency/clients/2026/甲科技有限公司-第二个许可证"
    page = status_html.render(doc, lang="en")
    labels = re.findall(r'<text x="4" y="\d+">([^<]+)</text>', page)
    assert labels == [
        "clients/alpha · correction-due",
        "clients/alpha · decision-pending",
        "…26/甲科技有限公司-第二个许可证 · annual-report-due",
        "…26/甲科技有限公司-第二个许可证 · filing-deadline",
    ]


def test_the_validity_check_bites() -> None:
    html5lib = pytest.importorskip("html5lib")
    page = status_html.render(portfolio(), lang="en")
    valid(page)
    with pytest.raises(html5lib.html5parser.ParseError):
        valid(page.replace("</table>", "</span></table>", 1))
    with pytest.raises(html5lib.html5parser.ParseError):
        valid(page.replace('<tr class="', '<tr class="x" class="', 1))


def test_status_page_is_deterministic_and_bilingual() -> None:
    doc = portfolio()
    assert status_html.render(doc, lang="zh") == status_html.render(copy.deepcopy(doc), lang="zh")
    zh = status_html.render(doc, lang="zh")
    valid(zh)
    assert "续期进度：4 份材料，截至 2026-11-30" in zh and "逾期 3 天" in zh and "待补正" in zh


def test_status_chart_keeps_to_the_nearest_rows(monkeypatch) -> None:
    monkeypatch.setattr(status_html, "MAX_ROWS", 2)
    page = status_html.render(portfolio(), lang="en")
    assert page.count("<rect ") == 2
    assert "2 later due dates are not drawn; see the table." in page


def test_status_page_escapes_and_masks_what_comes_from_the_dossier() -> None:
    doc = portfolio()
    d = doc["dossiers"][1]
    d["company"] = "<script>alert(1)</script>"
    d["timeline"][1]["note"] = 'call 13800138000 "now" javascript:alert(1) \u202e\x07'
    d["alerts"].append(alert("rejected", "error", "<b>no</b>", None, None))
    page = status_html.render(doc, lang="en")
    valid(page)
    assert (
        "<script>" not in page and "<b>" not in page and "\u202e" not in page and "\x07" not in page
    )
    assert "13800138000" not in page and "138****8000" in page
    assert "javascript:alert(1)" in page and 'href="javascript' not in page
    assert "13800138000" in status_html.render(doc, lang="en", show_pii=True)


def test_status_page_without_dossiers_or_dates() -> None:
    page = status_html.render(
        {"tool": "icp-renew", "version": "0.2.0", "today": "2026-11-30", "dossiers": []}, lang="en"
    )
    valid(page)
    assert "Renewal status: 0 dossiers as of 2026-11-30" in page and "No alert has a date." in page


@pytest.fixture
def big_scanned(scanned: Path) -> Path:
    """``scanned`` with 60 more scans (PDFs of page images, PNGs): its files go to workers."""
    for i in range(30):
        (scanned / "operation-proof" / f"扫描-{i:02d}.pdf").write_bytes(
            factory.pdf_bytes(1 + i % 3, text=None, image_dpi=100 + i)
        )
        (scanned / "operation-proof" / f"截图-{i:02d}.png").write_bytes(factory.content("png"))
    return scanned


@pytest.mark.usefixtures("no_worker_left")
@pytest.mark.parametrize(("limit", "decode"), [(40, None), (3, None), (40, 60_000), (40, 1)])
def test_previews_made_by_the_workers_give_the_page_made_here(
    cli, big_scanned: Path, monkeypatch, limit: int, decode: int | None
) -> None:
    monkeypatch.setattr(check_html, "MAX_PREVIEWS", limit)
    if decode is not None:  # the budget spent early, half-way, or at the first file
        monkeypatch.setattr(preview, "DECODE_BUDGET", decode)
    made: list[str] = []
    real = preview.thumbnail

    def counted(file, budget=None):  # a worker appends to its own copy of the list
        made.append(file.path)
        return real(file, budget)

    monkeypatch.setattr(preview, "thumbnail", counted)
    pages = {}
    for jobs in ("1", "2"):
        args = ["check", str(big_scanned), "-f", "html", "--today", TODAY, "--jobs", jobs]
        pages[jobs] = cli(*args).stdout
        assert (made == []) == (jobs == "2")  # with workers, every preview is made there
        made.clear()
    assert pages["1"] == pages["2"]
    valid(pages["2"])
    shown = len(previews(pages["2"]))
    assert shown == (0 if decode == 1 else min(limit, 40) if decode is None else shown)
    assert shown <= limit
