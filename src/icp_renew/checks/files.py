"""Can each file be uploaded as it is? Format, size, readability, pages, resolution.

Every file in a material folder is identified by its bytes (its signature),
not by its extension. Errors:

- ``empty-file``: the file has 0 bytes.
- ``unsupported-format``: the content is not a format the material accepts
  (by default PDF, JPEG or PNG; a Word file, an OFD, a HEIC photo or a TIFF
  is named as such), the content is not recognised at all, or an image's
  header cannot be read (a truncated PNG, an image too large to handle).
  An extension that does not match the content (a PNG named ``.jpg``; a file
  without an extension) is the same code at warning level when the content
  is a format the material accepts (``pack`` names it by its content), an
  error otherwise.
- ``file-too-large``: larger than the material's ``max_file_size`` (no limit
  unless the rules set one). At warning level above ``warn_file_size``
  (default 20 MB): the tool's own policy, since no official per-file limit
  is published; a web upload that large often fails.
- ``corrupt-pdf``: a PDF that cannot be read: truncated (no ``%%EOF`` or
  ``startxref`` at the end) or unparseable.
- ``encrypted-pdf``: any encryption, even without an opening password: the
  upload system rejects encrypted PDFs.
- ``inspection-limit``: the file could not be inspected within the per-file
  bounds (a time budget, a cap on what the PDF parser reads at once): a
  damaged or hostile file (a page tree of millions of nodes, a huge file with
  a broken cross-reference table). It is neither trusted nor packed as is.
- ``too-few-pages``: the pages of all the material's files together are fewer
  than its ``min_pages`` (an image counts one page). Not judged while one of
  its files is empty, corrupt, encrypted or of a format whose pages are not
  counted: that file has its own finding.

Warning:

- ``low-resolution``: a scan below the material's ``min_dpi`` (default 150).
  For an image, the resolution in its header, or an estimate assuming an A4
  page when the header has none (or only a camera's nominal 72 dpi); for a
  PDF, the lowest of its full-page scans (largest image on the page against
  the page size, first 32 pages). Images are never decoded.

Files outside material folders are left to ``unassigned-file``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from icp_renew.checks import Context
from icp_renew.dossier.model import DossierFile, FileInfo
from icp_renew.findings import Finding, Severity, finding
from icp_renew.i18n import Text
from icp_renew.inspect import EXTENSION_FORMATS, extension_of, format_name
from icp_renew.messages import Message, t
from icp_renew.rulebook.resolve import Requirement

CODES: tuple[str, ...] = (
    "empty-file",
    "unsupported-format",
    "file-too-large",
    "corrupt-pdf",
    "encrypted-pdf",
    "inspection-limit",
    "too-few-pages",
    "low-resolution",
)


def human_size(n: int) -> str:
    """Bytes for people: binary units when the value is a whole number of MiB/KiB."""
    if n >= 1024**2 and n % 1024**2 == 0:
        return f"{n // 1024**2} MiB"
    if n >= 1000**2:
        return f"{n / 1000**2:.1f} MB".replace(".0 MB", " MB")
    if n >= 1000:
        return f"{n / 1000:.1f} KB".replace(".0 KB", " KB")
    return f"{n} B"


def check(ctx: Context) -> Iterator[Finding]:
    for req in ctx.checklist.materials:
        files = [f for f in ctx.dossier.files_of(req.id) if f.info is not None]
        for f in files:
            yield from _file(req, f, f.info)  # type: ignore[arg-type]
        yield from _pages(req, files)


def _accepted(req: Requirement) -> str:
    return ", ".join(format_name(x) for x in req.formats)


#: the inspector's reasons (English, kept in the file facts) → the catalogue's messages
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), case)
    for pattern, case in (
        (r"^truncated: no IEND chunk", "truncated-png"),
        (r"^truncated: no %%EOF", "truncated-eof"),
        (r"^truncated: no startxref", "truncated-startxref"),
        (r"^the header claims too many pixels to handle \(more than (?P<limit>[\d,]+)\)", "pixels"),
        (r"^not a valid (?P<format>\w+) header", "bad-header"),
        (r"^inspection took longer than (?P<seconds>[\d.]+) s", "limit-time"),
        (
            r"^reading it would need (?P<need>[\d,]+) MiB at once \(the limit is (?P<max>\d+) MiB",
            "limit-memory",
        ),
    )
)


def reason_message(text: str) -> Message | Text:
    """An inspector's reason in the report's language. A library's own explanation (pypdf's)
    is English: the Chinese report says what it means instead of quoting it."""
    for pattern, case in _REASONS:
        match = pattern.match(text)
        if match:
            return Message.of(f"findings.reason.{case}", **match.groupdict())
    return Text(t("findings.reason.unparsable", "zh"), text)


def _at(
    code: str,
    req: Requirement,
    path: str,
    case: str,
    severity: Severity | None = None,
    **params: Any,
) -> Finding:
    return finding(
        code, f"findings.{code}.{case}", material=req.id, path=path, severity=severity, **params
    )


def _file(req: Requirement, f: DossierFile, info: FileInfo) -> Iterator[Finding]:
    where = f.path
    if info.size == 0:
        yield _at("empty-file", req, where, "empty")
        return
    if req.max_file_size is not None and info.size > req.max_file_size:
        yield _at(
            "file-too-large",
            req,
            where,
            "size",
            size=human_size(info.size),
            limit=human_size(req.max_file_size),
        )
    elif req.warn_file_size is not None and info.size > req.warn_file_size:
        yield _at(
            "file-too-large",
            req,
            where,
            "policy",
            size=human_size(info.size),
            limit=human_size(req.warn_file_size),
            severity=Severity.WARNING,
        )
    fmt = info.format
    if fmt is None:
        yield _at(
            "unsupported-format",
            req,
            where,
            "unknown",
            accepted=_accepted(req),
        )
        return
    ext = extension_of(f.path)
    format_reported = True
    # a misnamed file whose content the material accepts is packed under the right extension:
    # a warning, not an error (an error only when the content itself is not accepted)
    misnamed = None if fmt in req.formats else Severity.ERROR
    if EXTENSION_FORMATS.get(ext) != fmt:
        if ext:
            yield _at(
                "unsupported-format",
                req,
                where,
                "extension",
                actual=format_name(fmt),
                ext=ext,
                severity=misnamed or Severity.WARNING,
            )
        else:
            yield _at(
                "unsupported-format",
                req,
                where,
                "no-extension",
                actual=format_name(fmt),
                severity=misnamed or Severity.WARNING,
            )
        format_reported = misnamed is not None  # a warning leaves the content to be judged
    elif fmt not in req.formats:
        yield _at(
            "unsupported-format",
            req,
            where,
            "not-accepted",
            actual=format_name(fmt),
            accepted=_accepted(req),
        )
    else:
        format_reported = False
    yield from _content(req, info, where, format_reported)


def _content(
    req: Requirement, info: FileInfo, where: str, format_reported: bool
) -> Iterator[Finding]:
    fmt = info.format or ""
    if info.limit:
        yield _at(
            "inspection-limit",
            req,
            where,
            "limit",
            reason=reason_message(info.limit),
        )
        return
    if info.corrupt:
        if fmt == "pdf":
            yield _at(
                "corrupt-pdf",
                req,
                where,
                "unreadable",
                reason=reason_message(info.corrupt),
            )
        elif not format_reported:
            yield _at(
                "unsupported-format",
                req,
                where,
                "unreadable-image",
                actual=format_name(fmt),
                reason=reason_message(info.corrupt),
            )
        return
    if info.encrypted:
        yield _at(
            "encrypted-pdf",
            req,
            where,
            "encrypted",
        )
        return
    if info.min_dpi is not None and round(info.min_dpi) < req.min_dpi:
        estimated = any("estimated" in n for n in info.notes)
        yield _at(
            "low-resolution",
            req,
            where,
            "dpi-estimated" if estimated else "dpi",
            dpi=round(info.min_dpi),
            min_dpi=req.min_dpi,
        )


def _pages(req: Requirement, files: list[DossierFile]) -> Iterator[Finding]:
    if not files or req.min_pages <= 0:
        return
    counts: list[int] = []
    for f in files:
        info = f.info
        if info is None or info.pages is None or info.corrupt or info.encrypted:
            return  # not judged: that file has its own finding
        if info.limit or not info.size:
            return
        counts.append(info.pages)
    total = sum(counts)
    if total >= req.min_pages:
        return
    yield finding(
        "too-few-pages",
        "findings.too-few-pages.pages",
        material=req.id,
        path=files[0].path if len(files) == 1 else None,
        pages=total,
        min_pages=req.min_pages,
    )
