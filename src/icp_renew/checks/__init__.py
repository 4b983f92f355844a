"""The checks: one module per concern, each yielding findings (each read and tested alone).

A check module has a docstring (its user documentation), ``CODES`` (the finding
codes it may produce) and ``check(ctx) -> Iterator[Finding]``. It never prints
and never decides the exit code. The registry below is explicit, in the order
the checks run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import ModuleType

from icp_renew.dossier.model import Dossier
from icp_renew.rulebook.book import Rulebook
from icp_renew.rulebook.resolve import Checklist


@dataclass(frozen=True)
class Context:
    """Everything a check may look at; nothing else (no clock, no environment)."""

    book: Rulebook
    checklist: Checklist
    dossier: Dossier
    today: dt.date
    filing_date: dt.date  # --filing-date, else today


def registry() -> list[ModuleType]:
    """The check modules in the order they run."""
    from icp_renew.checks import (
        contacts,
        dates,
        domains,
        files,
        identifiers,
        license_state,
        numbers,
        pdf_content,
        presence,
        safety,
        years,
    )

    return [
        safety,
        presence,
        files,
        pdf_content,
        years,
        domains,
        dates,
        license_state,
        identifiers,
        contacts,
        numbers,
    ]
