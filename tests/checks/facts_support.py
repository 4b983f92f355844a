"""Contexts for the fact checks, built in memory: a config dict and a list of files.

No folder is scanned and no file is read: the fact checks look only at
``dossier.yaml`` and at file names, so ``DossierFile`` values are constructed
directly. The real shipped rulebook is loaded (once) and the checklist resolved
as ``prepare`` does: ``province``, else ``authority`` in the config, else the
licence prefix.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

import factory
from icp_renew.checks import Context
from icp_renew.dossier.config import DossierConfig
from icp_renew.dossier.model import Dossier, DossierFile
from icp_renew.findings import Finding
from icp_renew.rulebook import Rulebook, authority_for_license, find_authority, load_rulebook
from icp_renew.rulebook.resolve import resolve

TODAY = dt.date(2026, 1, 15)
ROOT = Path("/nonexistent/dossier")

#: the files of a complete dossier for the default config, as (path, material)
COMPLETE: tuple[tuple[str, str | None], ...] = tuple(
    (path, path.split("/", 1)[0]) for path in factory.COMPLETE_FILES
)


@lru_cache(maxsize=1)
def book() -> Rulebook:
    return load_rulebook()


def config(**sections: Any) -> dict[str, Any]:
    """The valid default config (factory.VALID_CONFIG), top-level sections replaced.

    A section given as ``None`` is removed.
    """
    cfg = copy.deepcopy(factory.VALID_CONFIG)
    for key, value in sections.items():
        if value is None:
            cfg.pop(key, None)
        else:
            cfg[key] = value
    return cfg


def merged(section: str, **fields: Any) -> dict[str, Any]:
    """The default config with fields of one section changed (``None`` removes a field)."""
    cfg = config()
    part = dict(cfg[section])
    for key, value in fields.items():
        if value is None:
            part.pop(key, None)
        else:
            part[key] = value
    cfg[section] = part
    return cfg


def make_context(
    cfg: Mapping[str, Any] | None = None,
    files: Iterable[tuple[str, str | None]] = COMPLETE,
    *,
    today: dt.date = TODAY,
    filing_date: dt.date | None = None,
    province: str | None = None,
) -> Context:
    """A Context as ``pipeline.prepare`` would build it, without touching the disk."""
    rules = book()
    model = DossierConfig.model_validate(dict(cfg if cfg is not None else config()))
    query = province or model.authority
    authority = (
        find_authority(rules, query)
        if query
        else authority_for_license(rules, model.license.number)
    )
    if authority is None:
        raise ValueError(f"no authority for {model.license.number!r}: pass province=")
    checklist = resolve(rules, authority, model.industries, model.license.services)
    dossier_files = tuple(
        sorted(
            (DossierFile(path, ROOT / path, material, 1024) for path, material in files),
            key=lambda f: f.path,
        )
    )
    folders: dict[str, str] = {}
    for f in dossier_files:
        parts = f.path.split("/")[:-1]
        if f.material and f.material in parts:  # tests name material folders by their id
            folders.setdefault(f.material, "/".join(parts[: parts.index(f.material) + 1]))
    dossier = Dossier(ROOT, "dossier", model, dossier_files, folders=folders)
    return Context(rules, checklist, dossier, today, filing_date or today)


def run(module: ModuleType, ctx: Context) -> list[Finding]:
    found: Iterator[Finding] = module.check(ctx)
    return list(found)


def codes(findings: Iterable[Finding]) -> list[tuple[str, str, str | None]]:
    """``(code, severity, material)`` of each finding, in order."""
    return [(f.code, f.severity.value, f.material) for f in findings]


def without(
    material: str, files: Iterable[tuple[str, str | None]] = COMPLETE
) -> list[tuple[str, str | None]]:
    return [(p, m) for p, m in files if m != material]
