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

CODES: tuple[str, ...] = ("unsafe-file",)

#: reason → (zh, en) explanation
_WHY: dict[str, tuple[str, str]] = {
    "link-outside": (
        "指向资料夹以外的链接（→ {detail}），未跟随",
        "link out of the dossier (→ {detail}), not followed",
    ),
    "link-inside": (
        "符号链接（→ {detail}），未跟随；请放入文件本身",
        "symbolic link (→ {detail}), not followed; put the file itself here",
    ),
    "link-broken": ("失效的链接（→ {detail}）", "broken link (→ {detail})"),
    "link-loop": ("循环链接（→ {detail}）", "link loop (→ {detail})"),
    "special-file": ("特殊文件（{detail}），未读取", "special file ({detail}), not read"),
    "unreadable": ("无法读取：{detail}", "cannot be read: {detail}"),
    "bad-name": ("文件名无效：{detail}", "invalid file name: {detail}"),
    "name-clash": (
        "与另一文件重名（Unicode 规范化后相同），已跳过",
        "same name as another entry after Unicode normalisation; skipped",
    ),
}


def check(ctx: Context) -> Iterator[Finding]:
    for entry in ctx.dossier.unsafe:
        zh, en = _WHY.get(entry.reason, ("{detail}", "{detail}"))
        yield finding(
            "unsafe-file",
            zh="已跳过：" + zh,
            en="skipped: " + en,
            material=entry.material,
            path=entry.path,
            detail=entry.detail or entry.reason,
            reason=entry.reason,
        )
