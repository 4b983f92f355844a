"""The message catalogue: every text the tool prints, in Chinese and English.

Messages are looked up by key, ``"<domain>.<name>"``; the domain names the module of this
package that holds them (``"status.stage-preparing"`` lives in
:mod:`icp_renew.messages.status`). Each domain module defines one table::

    MESSAGES: dict[str, tuple[str, str]] = {
        "stage-preparing": ("准备中", "preparing"),
        "days-left": ("剩余 {days} 天", "{days} days left"),
    }

— the Chinese text first, the English second, with the same ``{name}`` placeholders. A
domain module is imported the first time one of its keys is used, so a command loads only
the texts it prints. ``tests/test_messages.py`` fails when an entry lacks a language, when
the two languages name different placeholders, or when one sentence mixes the two.

Write a new text here, never as a literal beside the code that prints it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from icp_renew.i18n import Lang

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


def t(key: str, lang: Lang, /, **params: Any) -> str:
    """The text of ``key`` in ``lang`` with its ``{name}`` placeholders filled."""
    text = template(key, lang)
    return text.format(**params) if params else text


@dataclass(frozen=True)
class Message:
    """A message not yet rendered: a key and its parameters (findings, alerts, errors keep
    one and render it in the language of the report that prints them)."""

    key: str
    params: tuple[tuple[str, Any], ...] = field(default=())

    @classmethod
    def of(cls, key: str, /, **params: Any) -> Message:
        return cls(key, tuple(sorted(params.items())))

    def render(self, lang: Lang) -> str:
        return t(self.key, lang, **dict(self.params))
