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

from collections.abc import Iterator
from typing import Any

from icp_renew.checks import Context
from icp_renew.dossier.model import DossierFile, FileInfo
from icp_renew.findings import Finding, Severity, finding
from icp_renew.inspect import EXTENSION_FORMATS, extension_of, format_name
from icp_renew.messages import template
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


def _at(
    code: str,
    req: Requirement,
    path: str,
    zh: str,
    en: str,
    severity: Severity | None = None,
    **params: Any,
) -> Finding:
    return finding(code, zh=zh, en=en, material=req.id, path=path, severity=severity, **params)


def _file(req: Requirement, f: DossierFile, info: FileInfo) -> Iterator[Finding]:
    where = f.path
    if info.size == 0:
        yield _at(
            "empty-file", req, where, zh="文件为空（0 字节）", en="the file is empty (0 bytes)"
        )
        return
    if req.max_file_size is not None and info.size > req.max_file_size:
        yield _at(
            "file-too-large",
            req,
            where,
            zh="文件大小 {size}，超过上限 {limit}",
            en="the file is {size}, more than the limit of {limit}",
            size=human_size(info.size),
            limit=human_size(req.max_file_size),
        )
    elif req.warn_file_size is not None and info.size > req.warn_file_size:
        yield _at(
            "file-too-large",
            req,
            where,
            zh=template("findings.large-file", "zh"),
            en=template("findings.large-file", "en"),
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
            zh="无法识别文件内容（可接受：{accepted}）",
            en="the content is not a recognised format (accepted: {accepted})",
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
                zh="文件内容是 {actual}，但扩展名为 .{ext}",
                en="the content is {actual} but the extension is .{ext}",
                actual=format_name(fmt),
                ext=ext,
                severity=misnamed or Severity.WARNING,
            )
        else:
            yield _at(
                "unsupported-format",
                req,
                where,
                zh="文件没有扩展名（内容是 {actual}）",
                en="the file has no extension (its content is {actual})",
                actual=format_name(fmt),
                severity=misnamed or Severity.WARNING,
            )
        format_reported = misnamed is not None  # a warning leaves the content to be judged
    elif fmt not in req.formats:
        yield _at(
            "unsupported-format",
            req,
            where,
            zh="该材料不接受 {actual} 格式（可接受：{accepted}）",
            en="{actual} is not accepted for this material (accepted: {accepted})",
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
            zh="文件未能在限制内检查完毕：{reason}",
            en="the file could not be checked within the limits: {reason}",
            reason=info.limit,
        )
        return
    if info.corrupt:
        if fmt == "pdf":
            yield _at(
                "corrupt-pdf",
                req,
                where,
                zh="PDF 无法读取：{reason}",
                en="the PDF cannot be read: {reason}",
                reason=info.corrupt,
            )
        elif not format_reported:
            yield _at(
                "unsupported-format",
                req,
                where,
                zh="{actual} 图像无法读取：{reason}",
                en="the {actual} image cannot be read: {reason}",
                actual=format_name(fmt),
                reason=info.corrupt,
            )
        return
    if info.encrypted:
        yield _at(
            "encrypted-pdf",
            req,
            where,
            zh="PDF 已加密（即使没有打开密码，上传系统也不接受）",
            en="the PDF is encrypted (even without an opening password, the upload system rejects it)",
        )
        return
    if info.min_dpi is not None and round(info.min_dpi) < req.min_dpi:
        estimated = any("estimated" in n for n in info.notes)
        yield _at(
            "low-resolution",
            req,
            where,
            zh="分辨率约 {dpi} dpi，低于要求的 {min_dpi} dpi"
            + ("（按 A4 估算）" if estimated else ""),
            en="the resolution is about {dpi} dpi, below the required {min_dpi} dpi"
            + (" (estimated for an A4 page)" if estimated else ""),
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
        zh="共 {pages} 页，至少需要 {min_pages} 页（图片每张计 1 页）",
        en="{pages} page(s) in all, at least {min_pages} needed (an image counts as one page)",
        material=req.id,
        path=files[0].path if len(files) == 1 else None,
        pages=total,
        min_pages=req.min_pages,
    )
