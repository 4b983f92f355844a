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

import re
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


#: the scanner's fixed words for a detail (dossier/scan.py), in the catalogue: a Chinese
#: report must not quote them in English
_DETAILS = {
    "contains control characters": "findings.unsafe-file.detail-control",
    "not valid UTF-8": "findings.unsafe-file.detail-not-utf8",
    "FIFO": "findings.unsafe-file.detail-fifo",
    "socket": "findings.unsafe-file.detail-socket",
    "device": "findings.unsafe-file.detail-device",
    "special file": "findings.unsafe-file.detail-special",
    "folder seen before": "findings.unsafe-file.detail-folder-seen",
}
_GBK = re.compile(r"not valid UTF-8 \(as GBK it reads (.*)\)", re.DOTALL)


def _detail(text: str) -> str | Message:
    if text in _DETAILS:
        return Message.of(_DETAILS[text])
    gbk = _GBK.fullmatch(text)
    if gbk:
        return Message.of("findings.unsafe-file.detail-gbk", name=gbk.group(1))
    return text


def check(ctx: Context) -> Iterator[Finding]:
    for entry in ctx.dossier.unsafe:
        reason = entry.reason if entry.reason in _REASONS else "other"
        detail = _detail(entry.detail or entry.reason)
        yield finding(
            "unsafe-file",
            "findings.unsafe-file.skipped",
            material=entry.material,
            path=entry.path,
            why=Message.of(f"findings.unsafe-file.{reason}", detail=detail),
            reason=entry.reason,
        )
