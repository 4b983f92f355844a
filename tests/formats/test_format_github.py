"""``--format github``: workflow commands, escaped; the Markdown job summary."""

from __future__ import annotations

from report_samples import ID_NUMBER, MOBILE, broken_dossier, clean_dossier, make_report

from icp_renew.formats.check_github import render
from icp_renew.formats.check_markdown import md
from icp_renew.formats.check_markdown import render as markdown
from icp_renew.formats.github import command, escape_data, escape_property


def test_escaping():
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert command("error", "m", file="a,b.pdf", line=None) == "::error file=a%2Cb.pdf::m"


def test_lines(report):
    lines = render(report).splitlines()
    assert lines[0] == (
        "::error file=clients/acme/dossier.yaml,title=Invalid ID number [invalid-id-number]::"
        "ID number 110105********002X has a wrong check character"
        "%0ACopy the 18-character number from the legal representative's ID card."
    )
    assert lines[2].startswith(
        "::notice file=clients/acme/business-license/营业执照.pdf,title=Text not verifiable"
    )
    # a finding about the dossier as a whole points at its dossier.yaml (#12)
    assert lines[4].startswith(
        "::error file=clients/acme/dossier.yaml,title=Invalid phone number [invalid-phone]::"
        "clients/acme: "
    )
    assert lines[6].startswith(
        "::error file=clients/acme/dossier.yaml,title=Material missing [missing-material]::"
        "clients/acme: "
    )
    assert lines[7] == (
        "icp-renew: clients/acme: failed: 3/4 required materials, 4 errors, 2 warnings, 1 note"
    )
    assert lines[8].startswith("icp-renew: clients/b.cn: passed")
    assert len(lines) == 9


def test_hostile_file_name_cannot_inject(report):
    out = render(report)
    for line in out.splitlines():
        assert line.startswith(("::error ", "::warning ", "::notice ", "icp-renew: "))
    warning = out.splitlines()[1]
    assert warning.startswith(
        "::warning file=clients/acme/misc/a%2Cb%3Ac%25d\\x0d\\x0a%3A%3Aerror%3A%3Ax\\x1b[31m"
    )
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out


def test_pii(report):
    out = render(report)
    assert ID_NUMBER not in out and MOBILE not in out
    assert ID_NUMBER in render(report, show_pii=True)


def test_quiet_leaves_out_clean_dossiers():
    out = render(make_report(broken_dossier(), clean_dossier()), quiet=True)
    assert "clients/b.cn" not in out


def test_markdown_summary(report):
    text = markdown(report)
    assert text.startswith("## icp-renew check: 2 dossiers, 1 failed\n")
    assert "| clients/acme | beijing | 3/4 | 4 | 2 | 1 | ❌ failed |" in text
    assert "| clients/b.cn | beijing | 4/4 | 0 | 0 | 0 | ✅ passed |" in text
    assert "<summary>clients/acme: 7 findings</summary>" in text
    assert "<b>" not in text  # HTML in a file name stays text
    assert "\\|&lt;b&gt;\\*\\_.txt" in text
    assert ID_NUMBER not in text and MOBILE not in text
    zh = markdown(report, lang="zh")
    assert "未通过" in zh


def test_md_escape():
    assert md("a|b") == "a\\|b"
    assert md("<script>") == "&lt;script&gt;"
    assert md("[x](y)") == "\\[x\\](y)"
