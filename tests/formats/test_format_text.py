"""``--format text``: grouped by category, hints, summaries, colour only when asked, no injection."""

from __future__ import annotations

from report_samples import (
    ID_NUMBER,
    MOBILE,
    broken_dossier,
    clean_dossier,
    make_report,
    warning_dossier,
)

from icp_renew.findings import DossierReport
from icp_renew.formats.check_text import render


def test_grouped_in_checklist_order(report):
    out = render(report)
    order = [
        "clients/acme · 北京示例科技有限公司 · 京B2-20210001 · beijing",
        "Dossier",
        "invalid-id-number",
        "Qualification documents (基础资质文件)",
        "× Legal representative's ID card (法定代表人身份证正反面)  legal-rep-id  1 file",
        "too-few-pages · legal-rep-id/正面.jpg",
        "Technical compliance (技术合规文件)",
        "Operating capacity (经营能力证明)",
        "missing-material",
        "× FAILED — 3 of 4 required materials present · 4 errors · 2 warnings · 1 note",
        "√ PASSED — 4 of 4 required materials present · 0 errors · 0 warnings · 0 notes",
        "2 dossiers checked: 1 failed, 1 passed",
    ]
    positions = [out.index(s) for s in order]
    assert positions == sorted(positions)


def test_hints(report):
    out = render(report)
    assert "→ Add all pages (both sides, annexes)." in out
    assert "→ Add the material in a folder named after its id or Chinese title." in out


def test_chinese():
    out = render(make_report(broken_dossier()), lang="zh")
    assert "基础资质文件\n" in out
    assert "× 法定代表人身份证正反面  legal-rep-id  1 个文件" in out
    assert "→ 补齐全部页面（如正反面、附页）。" in out
    assert "× 未通过 — 必需材料 3/4 项齐全 · 错误 4 · 警告 2 · 提示 1" in out


def test_no_colour_unless_asked(report):
    assert "\x1b" not in render(report)
    coloured = render(report, color=True)
    assert "\x1b[" in coloured


def test_no_terminal_injection(report):
    for color in (False, True):
        out = render(report, color=color)
        assert "\x1b[31m" not in out  # the file name's escape sequence, made visible
        assert "\\x1b[31m" in out
        assert "\u202e" not in out and "\r" not in out


def test_markup_in_file_names_is_text():
    d = broken_dossier(path="[bold red]acme[/]")
    out = render(make_report(d), color=True)
    assert "[bold red]acme[/]" in out


def test_pii(report):
    out = render(report)
    assert ID_NUMBER not in out and MOBILE not in out
    assert "110105********002X" in out
    assert ID_NUMBER in render(report, show_pii=True)


def test_quiet_keeps_the_summary_and_drops_the_detail(report):
    out = render(report, quiet=True)
    assert out.startswith("Summary\n")
    assert "clients/acme" in out and "clients/b.cn" in out  # one row each
    assert "business-license" not in out and "→" not in out  # no detail, no hints
    assert out.rstrip().endswith(
        "2 dossiers checked: 1 failed, 1 passed; 4 errors · 2 warnings · 1 note"
    )
    single = render(make_report(clean_dossier()), quiet=True)
    assert single.startswith("Summary\n") and "√ passed" in single
    assert single.rstrip().endswith(
        "1 dossier checked: 0 failed, 1 passed; 0 errors · 0 warnings · 0 notes"
    )


def test_strict_verdict():
    report = make_report(warning_dossier())
    assert "! PASSED with warnings" in render(report)
    assert "× FAILED" in render(report, strict=True)


def test_no_trailing_spaces_and_width(report):
    out = render(report, width=60)
    for line in out.splitlines():
        assert line == line.rstrip()


def test_without_checklist():
    d = broken_dossier()
    bare = DossierReport(d.path, d.authority, d.findings, 4, 3)
    out = render(make_report(bare))
    assert "Materials" in out
    assert "too-few-pages" in out
