"""``check --ocr``: read the scans back, offline, so the checks can compare them.

For each file of the materials that state the company's facts
(:data:`MATERIALS`), :func:`read_scans` finds the text of its first page:

- a PDF with a text layer: that layer (already extracted by inspection), never
  recognised again;
- a scan (a PDF whose first page is an image, a JPEG, a PNG, a TIFF): its page
  image (``ocr/pages.py``) recognised by the engine (``ocr/engine.py``), or the
  lines cached for the same bytes (``ocr/cache.py``): a second run reads no scan.

The text goes where a text layer's would (``FileInfo.text``), so ``must_contain``
applies to it, and ``FileInfo.scan`` says where it came from; the comparison with
``dossier.yaml`` is the check ``checks/scans.py``. One page may take at most
:data:`PAGE_BUDGET` seconds (the time guard of ``inspect/guard.py``, in the process
that checks the dossier; the page size is bounded, so only an overloaded machine
reaches it): a page over budget is "not read", never a hang.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from icp_renew.dossier.model import Dossier, DossierFile, FileInfo, ScanRead

if TYPE_CHECKING:
    from icp_renew.ocr.engine import Engine
    from icp_renew.rulebook.resolve import Checklist

#: the materials read back (docs/ocr.md)
MATERIALS = (
    "business-license",
    "icp-license",
    "domain-certificates",
    "idc-license",
    "legal-rep-id",
)
#: seconds one page may take to recognise
PAGE_BUDGET = 30.0
#: formats a page image is taken from
SCAN_FORMATS = ("pdf", "jpeg", "png", "tiff")

#: the process's engine and the pid that loaded it. ``--jobs`` workers are forked before any
#: scan is read and each loads its own engine; one must never use an engine inherited through
#: a fork (onnxruntime's threads do not survive it: a worker forked from a process that had
#: run the engine was seen to hang), hence the pid
_ENGINE: dict[int, Engine] = {}


def engine_loaded() -> bool:
    """Has this process loaded the engine? Then it forks no more workers: workers forked from
    a process that had run the engine were seen to hang (the engine's native threads —
    onnxruntime's, OpenCV's — do not survive a fork)."""
    import os

    return os.getpid() in _ENGINE


def loaded_engine() -> Engine:
    """The process's engine, loaded once per process."""
    import os

    pid = os.getpid()
    if pid not in _ENGINE:
        _ENGINE.clear()
        from icp_renew.errors import UserError
        from icp_renew.ocr.engine import Engine, EngineMissing

        try:
            _ENGINE[pid] = Engine()
        except EngineMissing as exc:  # installed but broken: one line, exit 2
            raise UserError("ocr.broken-install", reason=exc.reason) from None
    return _ENGINE[pid]


def settings() -> str:
    """Everything that changes what a scan reads as: part of each cache key."""
    import icp_renew.ocr.engine as eng
    from icp_renew.ocr import pages

    return (
        f"{eng.version()} det={eng.DET_MODEL} rec={eng.REC_MODEL} score={eng.MIN_SCORE} "
        f"cls=off long={pages.LONG_SIDE} det-side={eng.DET_SIDE} paper={pages.PAPER} rows=1"
    )


def read_scans(dossier: Dossier, checklist: Checklist) -> Dossier:
    """The dossier with the text of each scan of :data:`MATERIALS` read (see the module)."""
    wanted = {m.id for m in checklist.materials if m.id in MATERIALS}
    config = settings()
    files: list[DossierFile] = []
    for f in dossier.files:
        info = f.info
        if f.material in wanted and info is not None and _usable(info):
            files.append(replace(f, info=_read(f, info, config)))
        else:
            files.append(f)
    return replace(dossier, files=tuple(files))


def _usable(info: FileInfo) -> bool:
    return bool(
        info.size
        and info.format in SCAN_FORMATS
        and not (info.corrupt or info.encrypted or info.limit)
    )


def _read(f: DossierFile, info: FileInfo, config: str) -> FileInfo:
    if info.format == "pdf" and info.has_text:
        return replace(info, scan=ScanRead("layer"))
    from icp_renew.ocr import cache

    try:
        name = cache.key(cache.file_digest(f.abspath), config)
    except OSError:
        return replace(info, scan=ScanRead("ocr", "why-undecodable"))
    lines = cache.get(name)
    if lines is None:
        lines, problem, params = _recognise(f, info)
        if problem is not None:
            return replace(info, scan=ScanRead("ocr", problem, tuple(params.items())))
        cache.put(name, lines, config)
    text = "\n".join(lines)
    has_text = any(not ch.isspace() for ch in text)
    return replace(info, text=text, has_text=has_text, scan=ScanRead("ocr"))


def _recognise(f: DossierFile, info: FileInfo) -> tuple[list[str], str | None, dict[str, str]]:
    """(lines, None, {}) or ([], the message key of the reason, its parameters)."""
    from icp_renew.inspect import guard
    from icp_renew.ocr.pages import PageProblem, page_image, prepare

    reader = loaded_engine()  # loading (about 2 s) is not the page's time
    try:
        with guard.time_budget(PAGE_BUDGET):
            page = prepare(page_image(f.abspath, info.format or ""))
            return reader.read(page), None, {}
    except PageProblem as exc:
        return [], exc.key, {k: str(v) for k, v in exc.params.items()}
    except guard.InspectionLimit:
        return [], "why-budget", {"seconds": f"{PAGE_BUDGET:g}"}
    except Exception:  # the engine failed on this page: not read, like an unreadable scan
        return [], "why-engine", {}
