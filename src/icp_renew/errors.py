"""The one exception family for a user's mistake.

A :class:`UserError` ends the command with exit code 2 and a single line on
stderr; anything else that escapes is a bug and keeps its traceback
(docs/reports.md, exit codes).
"""

from __future__ import annotations


class UserError(Exception):
    """A mistake in the user's input: exit 2, one line, no traceback.

    ``source`` names the file (or option) at fault, ``line`` and ``field``
    point into it where known.
    """

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.field = field

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = self.source
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}{self.message}"


class RuleError(UserError):
    """A rule file is unreadable or invalid."""


class DossierError(UserError):
    """``dossier.yaml`` is missing, unreadable or invalid."""


class UnknownAuthorityError(UserError):
    """An issuing authority that no rule file describes."""
