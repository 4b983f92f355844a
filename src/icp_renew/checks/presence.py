"""Is every material there, and is every file in a material?

- ``missing-material``: no file in any folder of the material (its id, its
  Chinese title or an alias, optionally with an ordinal prefix such as
  ``1.1-``, at the top of the dossier or inside a category folder). An error
  for a ``required`` material, a warning for a ``recommended`` one. A folder
  whose only entries are unsafe or ignored counts as empty.
- ``unassigned-file`` (warning): a file outside every material folder: at the
  top of the dossier (other than ``dossier.yaml``), directly in a category
  folder, or in a folder that names no material of this checklist (for
  instance the permit of an industry that ``dossier.yaml`` does not list). It
  is not checked further and not packed.
"""

from __future__ import annotations

from collections.abc import Iterator

from icp_renew.checks import Context
from icp_renew.dossier.scan import FolderIndex, name_key, strip_ordinal
from icp_renew.findings import Finding, Severity, finding
from icp_renew.i18n import Text

CODES: tuple[str, ...] = ("missing-material", "unassigned-file")


def check(ctx: Context) -> Iterator[Finding]:
    yield from _missing(ctx)
    yield from _unassigned(ctx)


def _missing(ctx: Context) -> Iterator[Finding]:
    present = {f.material for f in ctx.dossier.files if f.material}
    for m in ctx.checklist.materials:
        if m.id in present:
            continue
        severity = Severity.ERROR if m.required else Severity.WARNING
        folder = ctx.dossier.folders.get(m.id)
        if folder is not None:
            yield finding(
                "missing-material",
                "findings.missing-material.no-usable-file",
                material=m.id,
                severity=severity,
                title=Text(m.title, m.title_en),
                folder=folder,
            )
        else:
            yield finding(
                "missing-material",
                "findings.missing-material.no-folder",
                material=m.id,
                severity=severity,
                title=Text(m.title, m.title_en),
                title_zh=m.title,
                id=m.id,
            )


def _other_materials(ctx: Context) -> dict[str, str]:
    """Folder names of materials the rules know but this checklist does not need."""
    book = ctx.book
    wanted = {m.id for m in ctx.checklist.materials}
    out: dict[str, str] = {}
    layers = [book.base.materials, ctx.checklist.authority.materials]
    layers += [ind.materials for ind in book.industries.values()]
    for layer in layers:
        for mat in layer:
            if mat.id in wanted:
                continue
            for name in (mat.id, mat.title, *(mat.aliases or ())):
                if name:
                    out.setdefault(name_key(name), mat.id)
    return out


def _record_names(ctx: Context) -> set[str]:
    """Folder names (comparison form) of the archive's records: ``check`` leaves them alone
    (they are collected by ``pack --archive``, docs/process.md)."""
    records = ctx.book.base.records
    if records is None:
        return set()
    names = {records.category.id, records.category.title}
    for mat in records.materials:
        names.update(n for n in (mat.id, mat.title, *(mat.aliases or ())) if n)
    return {name_key(n) for n in names}


def _is_record(path: str, records: set[str], index: FolderIndex) -> bool:
    parts = path.split("/")[:-1]
    if not parts:
        return False
    if index.category(parts[0]) is not None and len(parts) > 1:
        parts = parts[1:]  # under a category folder: the material folder is the next one
    top = parts[0]
    return name_key(top) in records or name_key(strip_ordinal(top)) in records


def _unassigned(ctx: Context) -> Iterator[Finding]:
    stray = [f for f in ctx.dossier.files if f.material is None]
    records = _record_names(ctx)
    if records and stray:
        index = FolderIndex.of(ctx.checklist)
        stray = [f for f in stray if not _is_record(f.path, records, index)]
    if not stray:
        return
    index = FolderIndex.of(ctx.checklist)
    others = _other_materials(ctx)
    for f in stray:
        parts = f.path.split("/")
        if len(parts) == 1:
            yield finding(
                "unassigned-file",
                "findings.unassigned-file.top-level",
                path=f.path,
            )
            continue
        top = parts[0]
        if index.category(top) is not None and len(parts) == 2:
            yield finding(
                "unassigned-file",
                "findings.unassigned-file.in-category",
                path=f.path,
                folder=top,
            )
            continue
        folder = parts[1] if index.category(top) is not None else top
        other = others.get(name_key(folder)) or others.get(name_key(strip_ordinal(folder)))
        if other is not None:
            yield finding(
                "unassigned-file",
                "findings.unassigned-file.not-in-checklist",
                path=f.path,
                folder=folder,
                other=other,
            )
        else:
            yield finding(
                "unassigned-file",
                "findings.unassigned-file.unknown-folder",
                path=f.path,
                folder=folder,
            )
