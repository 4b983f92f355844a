"""Yearly reports: one per year, for the years before the filing year.

A material with ``years: N`` in the rules needs one file for each of the N
years before the filing year (``--filing-date``, else ``--today``):

- ``business-reports`` (N = 5): filing in 2026 needs 2021, 2022, 2023, 2024
  and 2025. Each year missing is one ``missing-year`` (error).
- ``financial-report`` (N = 1): the statements of the year before the filing
  year. If no file name and no ``dossier.yaml`` entry gives a year, that is
  ``missing-metadata`` (error); a report of another year is ``missing-year``
  naming the year expected.

A year counts when it appears in a file's name (or in the name of a subfolder
of the material's folder) as four digits 19xx or 20xx that are not part of a
longer number — ``2023年度业务经营报告.pdf``, ``report-2023.pdf`` and
``2023.pdf`` give 2023, ``20230101.pdf`` gives nothing — or when
``dossier.yaml`` lists it::

    materials:
      financial-report: {year: 2025}
      business-reports: {years: [2021, 2022, 2023, 2024, 2025]}

The check runs only for a material that has at least one file: a material with
no file at all is reported once, as ``missing-material``.

A material the rules mark ``needs: [year]`` without ``years`` needs a year in a
file name or in ``dossier.yaml`` (``missing-metadata`` otherwise).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from icp_renew.checks import Context
from icp_renew.dossier.model import Dossier, DossierFile
from icp_renew.findings import Finding, finding
from icp_renew.i18n import Text
from icp_renew.messages import listing
from icp_renew.rulebook.resolve import Checklist, Requirement

CODES: tuple[str, ...] = ("missing-year", "missing-metadata")

#: a year 19xx/20xx that is not part of a longer run of digits
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def years_in_name(name: str) -> set[int]:
    """The years a file name mentions (full-width digits count)."""
    text = unicodedata.normalize("NFKC", name)
    return {int(m) for m in _YEAR.findall(text)}


def _names(ctx: Context, files: Iterable[DossierFile], material: str) -> list[str]:
    """The part of each path below the material's folder (its file name at least)."""
    return _below(ctx.dossier, files, material)


def _below(dossier: Dossier, files: Iterable[DossierFile], material: str) -> list[str]:
    folder = dossier.folders.get(material)
    out = []
    for f in files:
        if folder and f.path.startswith(folder + "/"):
            out.append(f.path[len(folder) + 1 :])
        else:
            out.append(f.path.rsplit("/", 1)[-1])
    return out


def file_years(dossier: Dossier, checklist: Checklist) -> dict[str, int]:
    """The year each file of a yearly material covers (dossier path → year), where it says so
    unambiguously: exactly one year in its name below the material's folder; a material's
    only file with no year in its name takes the one ``materials.<id>.year`` gives.
    ``pack`` names and orders such files by year."""
    out: dict[str, int] = {}
    for req in checklist.materials:
        if req.years is None and "year" not in req.needs:
            continue
        files = dossier.files_of(req.id)
        for f, name in zip(files, _below(dossier, files, req.id), strict=True):
            found = years_in_name(name)
            if len(found) == 1:
                out[f.path] = found.pop()
        facts = dossier.config.materials.get(req.id)
        if len(files) == 1 and files[0].path not in out and facts and facts.year is not None:
            out[files[0].path] = facts.year
    return out


def _listed(ctx: Context, material: str) -> set[int]:
    facts = ctx.dossier.config.materials.get(material)
    if facts is None:
        return set()
    listed = set(facts.years or ())
    if facts.year is not None:
        listed.add(facts.year)
    return listed


def check(ctx: Context) -> Iterator[Finding]:
    for req in ctx.checklist.materials:
        if req.years is None and "year" not in req.needs:
            continue
        files = ctx.dossier.files_of(req.id)
        if not files:
            continue
        named: set[int] = set()
        for name in _names(ctx, files, req.id):
            named |= years_in_name(name)
        listed = _listed(ctx, req.id)
        if req.years is None:
            if not named and not listed:
                yield _no_year(req)
            continue
        yield from _years(ctx, req, named, listed)


def _years(ctx: Context, req: Requirement, named: set[int], listed: set[int]) -> Iterator[Finding]:
    assert req.years is not None
    filing_year = ctx.filing_date.year
    expected = list(range(filing_year - req.years, filing_year))
    if req.years == 1 and not named and not listed:
        yield _no_year(req)
        return
    have = named | listed
    for year in expected:
        if year in have:
            continue
        if req.years == 1:
            found = listing(str(y) for y in sorted(have))
            yield finding(
                "missing-year",
                "findings.missing-year.wrong-year",
                material=req.id,
                title=Text(req.title, req.title_en),
                year=year,
                filing_year=filing_year,
                found=found,
            )
        else:
            yield finding(
                "missing-year",
                "findings.missing-year.missing",
                material=req.id,
                title=Text(req.title, req.title_en),
                year=year,
                filing_year=filing_year,
                n=req.years,
                id=req.id,
            )


def _no_year(req: Requirement) -> Finding:
    return finding(
        "missing-metadata",
        "findings.missing-metadata.year-unknown",
        material=req.id,
        title=Text(req.title, req.title_en),
        id=req.id,
    )
