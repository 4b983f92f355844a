"""The one exception family for a user's mistake.

A :class:`UserError` ends the command with exit code 2 and a single line on
stderr; anything else that escapes is a bug and keeps its traceback
(docs/reports.md, exit codes).

The error carries a message of the catalogue (a key and its parameters), not a sentence: the
CLI renders it in the user's language (``--lang``, ``ICP_RENEW_LANG``, the locale).
``str(error)`` is the English line, for logs and tests.
"""

from __future__ import annotations

from typing import Any

from icp_renew.i18n import Lang
from icp_renew.messages import Message


class UserError(Exception):
    """A mistake in the user's input: exit 2, one line, no traceback.

    ``message`` is a catalogue key (its ``params`` given as keywords) or a :class:`Message`.
    ``source`` names the file (or option) at fault, ``line`` and ``field`` point into it
    where known.
    """

    exit_code = 2

    def __init__(
        self,
        message: str | Message,
        /,
        *,
        source: str | None = None,
        line: int | None = None,
        field: str | None = None,
        **params: Any,
    ) -> None:
        self.text = message if isinstance(message, Message) else Message.of(message, **params)
        self.source = source
        self.line = line
        self.field = field
        super().__init__(self.text.key)

    def __reduce__(self) -> tuple[Any, ...]:
        # rebuilt from its message and location in the parent of a worker process
        return (type(self), (self.text,), self.__dict__)

    @property
    def message(self) -> str:
        """The message alone, in English."""
        return self.text.render("en", show_pii=True)

    def render(self, lang: Lang) -> str:
        """``file:line: field: message`` in ``lang``: the location is the same in both."""
        where = ""
        if self.source:
            where = self.source
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}{self.text.render(lang, show_pii=True)}"

    def __str__(self) -> str:
        return self.render("en")


class MessageError(ValueError):
    """A ``ValueError`` that carries its explanation as a catalogue message: raised by a
    parser or a pydantic validator, turned into a :class:`UserError` by its caller."""

    def __init__(self, message: str | Message, /, **params: Any) -> None:
        self.text = message if isinstance(message, Message) else Message.of(message, **params)
        super().__init__(self.text.render("en", show_pii=True))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.text,), self.__dict__)


def and_more(text: Message, more: int) -> Message:
    """``text`` followed by ``(and N more)`` when ``more`` problems are left unsaid."""
    if more <= 0:
        return text
    return Message.of(
        "errors.with-more", message=text, more=Message.of("errors.schema-more", n=more)
    )


def os_error(exc: OSError, key: str) -> Message:
    """``cannot read`` / ``cannot write`` with the system's reason in the user's language
    where it is a common one (the operating system's words are English)."""
    import errno

    reasons = {
        errno.EACCES: "errors.os-permission",
        errno.EPERM: "errors.os-permission",
        errno.ENOENT: "errors.os-not-found",
        errno.ENOSPC: "errors.os-no-space",
        errno.EROFS: "errors.os-read-only",
        errno.EISDIR: "errors.os-is-directory",
        errno.ENOTDIR: "errors.os-not-directory",
        errno.EEXIST: "errors.os-exists",
        errno.ELOOP: "errors.os-link-loop",
        errno.ENAMETOOLONG: "errors.os-name-too-long",
    }
    from icp_renew.i18n import Text
    from icp_renew.messages import t

    reason = reasons.get(exc.errno or 0)
    why: Message | Text = (
        Message.of(reason) if reason else Text(t("errors.os-other", "zh"), str(exc.strerror or exc))
    )
    return Message.of(key, reason=why)


class RuleError(UserError):
    """A rule file is unreadable or invalid."""


class DossierError(UserError):
    """``dossier.yaml`` is missing, unreadable or invalid."""


class UnknownAuthorityError(UserError):
    """An issuing authority that no rule file describes."""
