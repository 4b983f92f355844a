"""Does a document say what the rules require? (``must_contain``, e.g. 增值电信业务)

Some materials must contain a phrase: the business licence's scope must
include 增值电信业务 (value-added telecom services). Where a file has a text
layer (a PDF exported from an office program, or a scan with OCR), the
phrase is looked for in the text of its first 10 pages, compared after NFKC
normalisation with all white space removed and case folded (so full-width
letters and the spaces PDF extraction puts between Chinese characters do
not matter).

- ``missing-text`` (error): no file of the material contains the phrase, and
  every readable file has a text layer: reported on each such file.
- ``text-unverifiable`` (info): the phrase was not found in a text layer and
  some of the material's files have none (an image, a scan-only PDF): check
  those by eye. Once any file contains the phrase, nothing is reported.

Under ``check --ocr`` the text recognised on a scan counts as its text layer
(docs/ocr.md): a scan that was read and lacks the phrase is ``missing-text``.

Files that cannot be read (empty, corrupt, encrypted, of a format the material
does not accept) are left to the ``files`` check.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from icp_renew.checks import Context
from icp_renew.dossier.model import DossierFile
from icp_renew.findings import Finding, finding
from icp_renew.inspect import EXTENSION_FORMATS, extension_of
from icp_renew.messages import listing

CODES: tuple[str, ...] = ("missing-text", "text-unverifiable")


def normalise(text: str) -> str:
    """NFKC, without white space or invisible format characters, case-folded."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(
        ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf"
    ).casefold()


def _readable(f: DossierFile, accepted: tuple[str, ...]) -> bool:
    info = f.info
    if info is None or not info.size or info.corrupt or info.encrypted or info.limit:
        return False
    fmt = info.format
    return fmt in accepted and EXTENSION_FORMATS.get(extension_of(f.path)) == fmt


def check(ctx: Context) -> Iterator[Finding]:
    for req in ctx.checklist.materials:
        if not req.must_contain:
            continue
        files = [f for f in ctx.dossier.files_of(req.id) if _readable(f, req.formats)]
        if not files:
            continue
        with_text = [f for f in files if f.info and f.info.has_text and f.info.text is not None]
        blind = [f for f in files if f not in with_text]
        texts = [normalise(f.info.text or "") for f in with_text if f.info]
        missing = [p for p in req.must_contain if not any(normalise(p) in t for t in texts)]
        if not missing:
            continue
        phrases = listing(missing)
        if blind:
            for f in blind:
                yield finding(
                    "text-unverifiable",
                    "findings.text-unverifiable.no-text-layer",
                    material=req.id,
                    path=f.path,
                    phrases=phrases,
                )
            continue
        for f in with_text:
            recognised = (
                f.info is not None and f.info.scan is not None and f.info.scan.source == "ocr"
            )
            # check --ocr: the scan's recognised text stands for a text layer
            key = "ocr.missing-text-ocr" if recognised else "findings.missing-text.not-found"
            yield finding(
                "missing-text",
                key,
                material=req.id,
                path=f.path,
                phrases=phrases,
            )
