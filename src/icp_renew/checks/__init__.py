"""The checks: one module per concern, each yielding findings (each read and tested alone).

A check module has a docstring (its user documentation), ``CODES`` (the finding
codes it may produce) and ``check(ctx) -> Iterator[Finding]``. It never prints
and never decides the exit code. A module that reads only ``dossier.yaml`` and the
rules, never the files, says ``FILES = False``: the engine may run it before the files
are inspected (while workers read them). The registry below is explicit, in the order
the checks run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING

from icp_renew.dossier.model import Dossier
from icp_renew.rulebook.book import Rulebook
from icp_renew.rulebook.resolve import Checklist

if TYPE_CHECKING:
    from icp_renew.findings import Finding


@dataclass(frozen=True)
class Context:
    """Everything a check may look at; nothing else (no clock, no environment)."""

    book: Rulebook
    checklist: Checklist
    dossier: Dossier
    today: dt.date
    filing_date: dt.date  # --filing-date, else the timeline's submitted event, else today
    submitted: dt.date | None = None  # the timeline's (latest) submitted event
    #: dossier.yaml's line of each field, as parsed once by prepare (for CI annotations)
    yaml_lines: Mapping[tuple[str | int, ...], int] = field(default_factory=dict)


def placeholder(code: str, field: str, value: str | None) -> Finding | None:
    """``code``'s finding for a field of dossier.yaml that still holds init's placeholder."""
    from icp_renew.dossier.config import PLACEHOLDER, SERIAL_PLACEHOLDER
    from icp_renew.findings import finding

    text = (value or "").strip()
    if text != PLACEHOLDER and not text.endswith("-" + SERIAL_PLACEHOLDER):
        return None
    return finding(code, "findings.placeholder", field=field, placeholder=text)


def reads_files(module: ModuleType) -> bool:
    """Whether a check looks at the dossier's files (the default) or only at dossier.yaml."""
    return bool(getattr(module, "FILES", True))


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
        scans,
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
        scans,
    ]
