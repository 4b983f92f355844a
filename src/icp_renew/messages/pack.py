"""Messages of ``icp-renew pack`` and ``verify``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}

# --- #12 verdicts ------------------------------------------------------------------------------
MESSAGES.update(
    {
        "index-year": ("{year} 年度", "year {year}"),
    }
)
