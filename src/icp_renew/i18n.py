"""Chinese and English: choosing the language of a run.

The texts themselves live in the message catalogue (:mod:`icp_renew.messages`); ``tr``
picks one of two literals for the texts not yet moved there.
"""

from __future__ import annotations

import os
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


#: the language of the running command, once it has read ``--lang`` (see :func:`set_current`)
_CURRENT: list[Lang] = []


def set_current(lang: Lang) -> None:
    """Remember the command's language for texts made far from the command (a loader's error)."""
    _CURRENT[:] = [lang]


def current() -> Lang:
    """The command's language (:func:`set_current`), else :func:`detect_lang`."""
    return _CURRENT[0] if _CURRENT else detect_lang()


def detect_lang(explicit: str | None = None, environ: dict[str, str] | None = None) -> Lang:
    """``--lang``, else ``ICP_RENEW_LANG``, else the locale (``zh_*`` → zh), else en."""
    env = os.environ if environ is None else environ
    for candidate in (explicit, env.get("ICP_RENEW_LANG")):
        if candidate:
            low = candidate.strip().lower()
            if low.startswith("zh"):
                return "zh"
            if low.startswith("en"):
                return "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def tr(lang: Lang, zh: str, en: str) -> str:
    """Pick the text for ``lang``."""
    return zh if lang == "zh" else en
