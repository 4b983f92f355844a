"""The message catalogue: every entry in both languages, never mixed in one sentence."""

from __future__ import annotations

import pkgutil
import re
import string

import pytest

import icp_renew.messages as messages
from icp_renew.messages import Message, t, table

DOMAINS = sorted(m.name for m in pkgutil.iter_modules(messages.__path__))
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
#: Chinese allowed inside an English text only where it is quoted as a value or an example:
#: between backticks or quotes (a file name such as `2023年度业务经营报告.pdf`)
QUOTED = re.compile(r"`[^`]*`|'[^']*'|\"[^\"]*\"|“[^”]*”")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _entries() -> list[tuple[str, str, str]]:
    return [(f"{d}.{k}", zh, en) for d in DOMAINS for k, (zh, en) in table(d).items()]


def test_there_are_domains() -> None:
    assert "core" in DOMAINS


@pytest.mark.parametrize(("key", "zh", "en"), _entries())
def test_each_message_has_both_languages_with_the_same_placeholders(
    key: str, zh: str, en: str
) -> None:
    assert zh.strip(), f"{key}: no Chinese text"
    assert en.strip(), f"{key}: no English text"
    assert _fields(zh) == _fields(en), f"{key}: placeholders differ"
    assert not CJK.search(QUOTED.sub("", en)), f"{key}: Chinese in the English text: {en!r}"


def test_t_fills_placeholders_and_message_renders_lazily() -> None:
    assert t("core.lang-zh", "zh") == "中文"
    assert t("core.lang-zh", "en") == "Chinese"
    assert Message.of("core.lang-en").render("zh") == "英文"


def test_unknown_key_is_a_bug_not_a_silent_fallback() -> None:
    with pytest.raises(KeyError):
        t("core.no-such-message", "en")
