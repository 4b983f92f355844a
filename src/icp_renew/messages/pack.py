"""Messages of ``icp-renew pack`` and ``verify``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}

# --- #12 verdicts ------------------------------------------------------------------------------
MESSAGES.update(
    {
        "index-year": ("{year} 年度", "year {year}"),
        "report-in-dossier": (
            "位于正在检查的材料目录 {dossier} 之内；请把报告写到其他位置",
            "is inside the dossier {dossier} being checked; write the report somewhere else",
        ),
    }
)
