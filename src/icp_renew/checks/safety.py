"""Entries that are reported and skipped: never followed, never opened, never packed.

``unsafe-file`` (warning) for each of these in the dossier folder:

- a symbolic link, wherever it points: out of the dossier, back into it, nowhere
  (broken) or to itself (a loop). Links are never followed, so what is checked
  and packed is exactly what the folder holds; replace the link by a copy of
  the file;
- a FIFO, a socket or a device file (never opened: opening a FIFO blocks);
- a file or folder that cannot be read (permission denied);
- a name that is not valid UTF-8 (e.g. GBK bytes from an old Windows archive;
  reported with the bytes escaped as ``\\xNN``) or that contains control
  characters (a newline, a bidirectional override);
- two names that are the same after Unicode normalisation (one spelled in NFC,
  one in NFD): only the first is used.

Hidden entries (``.git/``), system litter (``.DS_Store``, ``Thumbs.db``,
``desktop.ini``) and Office lock files (``~$…``) are ignored silently.
"""

from __future__ import annotations

from collections.abc import Iterator

from icp_renew.checks import Context
from icp_renew.findings import Finding, finding
from icp_renew.messages import Message

CODES: tuple[str, ...] = ("unsafe-file",)

#: the reasons the scanner gives (each has a message ``findings.unsafe-file.<reason>``)
_REASONS = frozenset(
    {
        "link-outside",
        "link-inside",
        "link-broken",
        "link-loop",
        "special-file",
        "unreadable",
        "bad-name",
        "name-clash",
    }
)


def check(ctx: Context) -> Iterator[Finding]:
    for entry in ctx.dossier.unsafe:
        reason = entry.reason if entry.reason in _REASONS else "other"
        yield finding(
            "unsafe-file",
            "findings.unsafe-file.skipped",
            material=entry.material,
            path=entry.path,
            why=Message.of(f"findings.unsafe-file.{reason}", detail=entry.detail or entry.reason),
            reason=entry.reason,
        )
