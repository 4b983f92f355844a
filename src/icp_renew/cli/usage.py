"""Usage errors (an unknown option, a missing argument, a bad value) as one line in the
user's language. Click explains them in English: the English line keeps click's words, the
Chinese line says the same from the catalogue (``errors.usage-…``)."""

from __future__ import annotations

import re
from typing import Any

from icp_renew.i18n import Lang, Text
from icp_renew.messages import Message, t

_NO_SUCH_COMMAND = re.compile(r"No such command '(?P<name>[^']*)'")


def _names(exc: Any) -> str:
    """The option or argument an error is about, as click names it (``'--jobs'``)."""
    param = getattr(exc, "param", None)
    hint = getattr(exc, "param_hint", None)
    if hint is None and param is not None:
        hint = param.get_error_hint()
    if isinstance(hint, (list, tuple)):
        hint = " / ".join(hint)
    return str(hint or "")


def usage_message(exc: Any) -> Message:
    """What a click usage error says, as a catalogue message."""
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        possible = list(getattr(exc, "possibilities", None) or ())
        if possible:
            return Message.of(
                "errors.usage-no-such-option-suggest",
                name=exc.option_name,
                suggestions=", ".join(sorted(possible)),
            )
        return Message.of("errors.usage-no-such-option", name=exc.option_name)
    if kind == "MissingParameter":
        param = getattr(exc, "param", None)
        what = getattr(param, "param_type_name", None) or getattr(exc, "param_type", None)
        case = "argument" if what == "argument" else "option"
        return Message.of(f"errors.usage-missing-{case}", name=_names(exc))
    if kind == "BadOptionUsage" and "requires an argument" in exc.message:
        return Message.of("errors.usage-needs-value", name=exc.option_name)
    if kind == "BadParameter":
        return Message.of("errors.usage-bad-value", name=_names(exc))
    if "unexpected extra argument" in exc.format_message():
        return Message.of("errors.usage-extra-argument")
    match = _NO_SUCH_COMMAND.search(exc.format_message())
    if match:
        return Message.of("errors.usage-no-such-command", name=match["name"])
    return Message.of("errors.usage-other")


def usage_line(exc: Any, lang: Lang, prog_name: str | None = None) -> str:
    """The one stderr line of a usage error: what is wrong and where help is."""
    ctx = getattr(exc, "ctx", None)
    path = ctx.command_path if ctx is not None else (prog_name or "icp-renew")
    english = " ".join(exc.format_message().split())  # click's own words, unchanged
    message = Text(usage_message(exc).render("zh"), english)
    return t("errors.usage-line", lang, message=message, path=path)
