"""The finding-code registry: every code and its default severity.

Codes are part of the public contract (docs/findings.md): a code never changes meaning. Each
code's title and hint on how to fix it live in the message catalogue, as
``findings.<code>.title`` and ``findings.<code>.hint`` (:mod:`icp_renew.messages.findings`).
``docs/findings.md`` is generated from this registry (``python -m icp_renew.docgen``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from icp_renew.i18n import Lang


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Code:
    """A registered finding code: its default severity; its title and hint are messages."""

    code: str
    severity: Severity

    def title(self, lang: Lang) -> str:
        from icp_renew.messages import t

        return t(f"findings.{self.code}.title", lang)

    def hint(self, lang: Lang) -> str:
        from icp_renew.messages import t

        return t(f"findings.{self.code}.hint", lang)


FINDING_CODES: dict[str, Code] = {}


def register(code: str, severity: Severity) -> Code:
    """Register a finding code (idempotent for identical definitions); its title and hint
    must be in the catalogue (``findings.<code>.title``, ``findings.<code>.hint``)."""
    entry = Code(code, severity)
    existing = FINDING_CODES.get(code)
    if existing is not None and existing != entry:
        raise ValueError(f"finding code {code!r} registered twice with different meanings")
    FINDING_CODES[code] = entry
    return entry


# --- the contract codes (docs/findings.md) -------------------------------------------------------
E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
_CONTRACT: list[tuple[str, Severity]] = [
    ("missing-material", E),
    ("missing-year", E),
    ("missing-domain-certificate", E),
    ("license-expired", E),
    ("past-filing-deadline", E),
    ("missing-metadata", E),
    ("empty-file", E),
    ("unsupported-format", E),
    ("file-too-large", E),
    ("corrupt-pdf", E),
    ("encrypted-pdf", E),
    ("too-few-pages", E),
    ("missing-text", E),
    ("expired", E),
    ("invalid-uscc", E),
    ("invalid-id-number", E),
    ("invalid-phone", E),
    ("invalid-email", E),
    ("invalid-domain", E),
    ("invalid-license-number", E),
    ("invalid-filing-number", E),
    ("province-mismatch", E),
    ("unassigned-file", W),
    ("unsafe-file", W),
    ("low-resolution", W),
    ("expires-soon", W),
    ("text-unverifiable", INFO),
]
for _c, _s in _CONTRACT:
    register(_c, _s)

register("inspection-limit", E)

# --- added in the second release (#16): check --ocr (checks/scans.py) ----------------------------
register("scan-mismatch", W)  # an error for a USCC or ID number read with a valid check character
register("scan-unreadable", INFO)

# --- added in the second release (#12): verdicts about time ------------------------------------
register("filing-deadline-soon", W)
register("missing-expiry", W)
