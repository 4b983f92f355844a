"""The message catalogue: every text the tool prints, in Chinese and English.

Messages are looked up by key, ``"<domain>.<name>"``; the domain names the module of this
package that holds them (``"status.stage-preparing"`` lives in
:mod:`icp_renew.messages.status`). Each domain module defines one table::

    MESSAGES: dict[str, tuple[str, str]] = {
        "stage-preparing": ("准备中", "preparing"),
        "days-left": ("剩余 {days} 天", "{days:day|days} left"),
    }

— the Chinese text first, the English second, with the same ``{name}`` placeholders. A
domain module is imported the first time one of its keys is used, so a command loads only
the texts it prints. ``tests/test_messages.py`` fails when an entry lacks a language, when
the two languages name different placeholders, or when one sentence mixes the two.

Parameters are filled in the language of the text: a :class:`Message` parameter is rendered
in it, an :class:`icp_renew.i18n.Text` (a value in both languages, such as a material's
title from the rule files) gives its text in it, and a :class:`icp_renew.pii.Pii` is masked
unless ``show_pii``. English number agreement is written in the template:
``{pages:page|pages}`` gives ``1 page`` and ``3 pages`` (see :func:`plural`).

Write a new text here, never as a literal beside the code that prints it.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from icp_renew.i18n import Lang, Text

Table = dict[str, tuple[str, str]]

_LOADED: dict[str, Table] = {}


def table(domain: str) -> Table:
    """The messages of ``domain`` (its module imported on first use)."""
    loaded = _LOADED.get(domain)
    if loaded is None:
        module = import_module(f"{__name__}.{domain}")
        loaded = _LOADED[domain] = module.MESSAGES
    return loaded


def template(key: str, lang: Lang) -> str:
    """The unfilled text of ``key`` in ``lang`` (KeyError for an unknown key: a bug)."""
    domain, _, name = key.partition(".")
    zh, en = table(domain)[name]
    return zh if lang == "zh" else en


def exists(key: str) -> bool:
    """Whether ``key`` names a message (for keys built from data, such as finding codes)."""
    domain, _, name = key.partition(".")
    try:
        return name in table(domain)
    except ImportError:
        return False


def listing(items: Iterable[object]) -> Text:
    """Values listed in either language: ``甲、乙`` in Chinese, ``a, b`` in English."""
    texts = [str(item) for item in items]
    return Text(
        t("core.list-separator", "zh").join(texts), t("core.list-separator", "en").join(texts)
    )


def plural(n: int, one: str, other: str) -> str:
    """``1 page``, ``3 pages``: English number agreement (Chinese has none)."""
    return f"{n} {one if n == 1 else other}"


class _Formatter(string.Formatter):
    """``str.format`` plus the plural spec ``{n:one|other}``."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, _, other = format_spec.partition("|")
            return plural(int(value), one, other)
        return str(super().format_field(value, format_spec))


_FORMATTER = _Formatter()


def value_text(value: Any, lang: Lang, show_pii: bool = False) -> Any:
    """A parameter as it is shown in ``lang``: messages and bilingual values rendered,
    personal data masked unless ``show_pii``; anything else unchanged."""
    if isinstance(value, Message):
        return value.render(lang, show_pii=show_pii)
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, str) and not show_pii:
        from icp_renew.pii import Pii, mask

        if isinstance(value, Pii):
            return mask(value)
    return value


def fill(text: str, lang: Lang, params: dict[str, Any], show_pii: bool = False) -> str:
    """``text`` with its placeholders filled in ``lang``."""
    if not params and "{" not in text:
        return text
    values = {k: value_text(v, lang, show_pii) for k, v in params.items()}
    return _FORMATTER.vformat(text, (), values)


def t(key: str, lang: Lang, /, **params: Any) -> str:
    """The text of ``key`` in ``lang`` with its ``{name}`` placeholders filled (personal data
    masked: pass it pre-rendered where it must be shown)."""
    return fill(template(key, lang), lang, params)


@dataclass(frozen=True)
class Message:
    """A message not yet rendered: a key and its parameters (findings, alerts, errors keep
    one and render it in the language of the report that prints them)."""

    key: str
    params: tuple[tuple[str, Any], ...] = field(default=())

    @classmethod
    def of(cls, key: str, /, **params: Any) -> Message:
        return cls(key, tuple(sorted(params.items())))

    def render(self, lang: Lang, *, show_pii: bool = False) -> str:
        return fill(template(self.key, lang), lang, dict(self.params), show_pii)

    def param(self, name: str, default: Any = None) -> Any:
        """The raw value of one parameter."""
        return dict(self.params).get(name, default)
