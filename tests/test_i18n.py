from __future__ import annotations

import pytest

from icp_renew.dates import DateFormatError, add_years, parse_date
from icp_renew.i18n import detect_lang
from icp_renew.pii import Pii, mask, reveal


@pytest.mark.parametrize(
    ("explicit", "env", "lang"),
    [
        ("zh", {}, "zh"),
        ("en", {"ICP_RENEW_LANG": "zh"}, "en"),
        (None, {"ICP_RENEW_LANG": "zh_CN"}, "zh"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {}, "en"),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
    ],
)
def test_detect_lang(explicit, env, lang):
    assert detect_lang(explicit, env) == lang


@pytest.mark.parametrize(
    "text",
    ["2026-05-31", "2026/5/31", "2026.05.31", "2026年5月31日", " 2026年05月31日 ", "20260531"],
)
def test_parse_date_forms(text):
    assert parse_date(text).isoformat() == "2026-05-31"


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "31/05/2026", "soon", ""])
def test_parse_date_rejects(text):
    with pytest.raises(DateFormatError):
        parse_date(text)


def test_add_years_leap_day():
    assert add_years(parse_date("2024-02-29"), 5).isoformat() == "2029-02-28"


def test_masking():
    assert mask("11010519491231002X") == "110105********002X"
    assert mask("13800138000") == "138****8000"
    assert reveal(Pii("13800138000"), show_pii=False) == "138****8000"
    assert reveal(Pii("13800138000"), show_pii=True) == "13800138000"
    assert reveal("plain", show_pii=False) == "plain"


def test_lang_option_through_cli(cli):
    zh = cli("rules", "show", "-p", "京", "--lang", "zh")
    en = cli("rules", "show", "-p", "京", "--lang", "en")
    assert "续期材料清单" in zh.stdout and "Renewal checklist" in en.stdout
    assert cli("rules", "show", "-p", "京", "--lang", "fr").exit_code == 2
    env = cli("rules", "show", "-p", "京", env={"ICP_RENEW_LANG": "zh"})
    assert "续期材料清单" in env.stdout
