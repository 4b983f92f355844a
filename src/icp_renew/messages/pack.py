"""Messages of ``icp-renew pack`` and ``verify``."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}

# --- #12 verdicts ------------------------------------------------------------------------------
MESSAGES.update(
    {
        "index-year": ("{year} 年度", "year {year}"),
        "verify-ok": (
            "：完好：所列 {verified} 个文件的 sha256 全部一致",
            ": ok: all {verified} listed files match their sha256",
        ),
        "verify-ok-sums": (
            "（共 {entries} 个条目，含 SHA256SUMS 本身）",
            " ({entries} entries, SHA256SUMS included)",
        ),
        "report-in-dossier": (
            "位于正在检查的材料目录 {dossier} 之内；请把报告写到其他位置",
            "is inside the dossier {dossier} being checked; write the report somewhere else",
        ),
    }
)
