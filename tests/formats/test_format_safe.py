"""Escaping of file names and messages: visible, encodable, XML-safe; joined paths."""

from __future__ import annotations

import pytest

from icp_renew.formats.safe import dossier_file, encodable, visible, xml_text


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("营业执照.pdf", "营业执照.pdf"),
        ("a b", "a b"),
        ("年度\u3000报告.pdf", "年度\u3000报告.pdf"),  # the ideographic space stays
        ("\x1b[31mred", "\\x1b[31mred"),
        ("a\r\nb", "a\\x0d\\x0ab"),
        ("tab\there", "tab\\x09here"),
        ("evil\u202etxt.pdf", "evil\\u202etxt.pdf"),  # bidi override
        ("zero\u200bwidth", "zero\\u200bwidth"),
        ("gbk-\udcd3\udcaa.pdf", "gbk-\\xd3\\xaa.pdf"),  # undecodable bytes (surrogateescape)
        ("\x9b31m", "\\x9b31m"),  # the 8-bit CSI
    ],
)
def test_visible(raw, shown):
    assert visible(raw) == shown
    visible(raw).encode("utf-8")


def test_encodable_keeps_controls_but_fixes_surrogates():
    assert encodable("a\x1bb") == "a\x1bb"
    assert encodable("x\udcd3") == "x\\xd3"
    assert encodable("营业执照") == "营业执照"


def test_xml_text():
    assert xml_text("a\x00b\x1bc\ufffed\n") == "a\\x00b\\x1bc\\ufffed\n"
    assert xml_text("正常") == "正常"


@pytest.mark.parametrize(
    ("dossier", "path", "joined"),
    [
        ("clients/acme", "a/b.pdf", "clients/acme/a/b.pdf"),
        ("./acme/", "a.pdf", "acme/a.pdf"),
        (".", "a.pdf", "a.pdf"),
        (".", None, "."),
        ("acme", None, "acme"),
        ("/srv/acme", "x.pdf", "/srv/acme/x.pdf"),
    ],
)
def test_dossier_file(dossier, path, joined):
    assert dossier_file(dossier, path) == joined
