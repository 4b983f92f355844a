"""Layering: base → authority → industries → overlays, merged by material id.

The result is a :class:`Checklist`: one flat, ordered list of fully specified
materials (category order, then the order in which the layers name them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from pydantic import BaseModel

from icp_renew.errors import RuleError, UserError
from icp_renew.rulebook.book import Rulebook
from icp_renew.rulebook.models import (
    Authority,
    Category,
    Material,
    Settings,
    SettingsPatch,
    material_problems,
)


@dataclass(frozen=True)
class Requirement:
    """A fully specified material of the effective checklist."""

    id: str
    title: str
    title_en: str
    category: str
    requirement: str
    description: str
    description_en: str
    aliases: tuple[str, ...]
    formats: tuple[str, ...]
    min_pages: int
    needs: tuple[str, ...]
    years: int | None
    per_domain: bool
    must_contain: tuple[str, ...]
    max_file_size: int | None
    min_dpi: int
    expires_soon_days: int
    industries: tuple[str, ...]
    services: tuple[str, ...]
    basis: str | None
    policy: tuple[str, ...]
    source: str
    source_url: str | None
    origin: str

    @property
    def required(self) -> bool:
        return self.requirement == "required"

    def applies(self, industries: Iterable[str], services: Iterable[str]) -> bool:
        if self.industries and not set(self.industries) & set(industries):
            return False
        return not (self.services and not set(self.services) & _expand(services))

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


def _expand(services: Iterable[str]) -> set[str]:
    """B24-1 also matches B24; B25 matches B25."""
    out: set[str] = set()
    for s in services:
        out.add(s)
        out.add(s.split("-")[0])
    return out


@dataclass(frozen=True)
class Checklist:
    rules_version: str
    authority: Authority
    industries: tuple[str, ...]
    services: tuple[str, ...]
    categories: tuple[Category, ...]
    materials: tuple[Requirement, ...]
    settings: Settings

    def material(self, material_id: str) -> Requirement | None:
        return next((m for m in self.materials if m.id == material_id), None)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    @property
    def order(self) -> dict[str, int]:
        return {m.id: i for i, m in enumerate(self.materials)}

    def authority_json(self) -> dict[str, object]:
        return self.authority.to_json()


def _patch_settings(settings: Settings, patch: SettingsPatch | None) -> Settings:
    if patch is None:
        return settings
    changes = {k: v for k, v in patch.model_dump(exclude={"source"}).items() if v is not None}
    return settings.model_copy(update=changes)


def _merge(
    current: dict[str, Material], order: list[str], layer: Sequence[Material], remove: Sequence[str]
) -> None:
    for rid in remove:
        current.pop(rid, None)
        if rid in order:
            order.remove(rid)
    for mat in layer:
        old = current.get(mat.id)
        if old is None:
            current[mat.id] = mat
            order.append(mat.id)
        else:
            given = {k: getattr(mat, k) for k in mat.model_fields_set if k != "id"}
            current[mat.id] = old.model_copy(update=given)


def _complete(mat: Material, settings: Settings, origin: str, categories: set[str]) -> Requirement:
    for _code, under, message in material_problems(mat, categories, new=True):
        field = f"materials.{mat.id}" + (f".{under}" if under else "")
        raise RuleError(message, source=origin, field=field)
    assert mat.title and mat.title_en and mat.category and mat.requirement
    if mat.category not in categories:
        raise RuleError(
            f"material {mat.id!r} names unknown category {mat.category!r}",
            source=origin,
            field=f"materials.{mat.id}.category",
        )
    return Requirement(
        id=mat.id,
        title=mat.title,
        title_en=mat.title_en,
        category=mat.category,
        requirement=mat.requirement,
        description=mat.description or "",
        description_en=mat.description_en or "",
        aliases=tuple(mat.aliases or ()),
        formats=tuple(mat.formats or settings.formats),
        min_pages=mat.min_pages if mat.min_pages is not None else 1,
        needs=tuple(mat.needs or ()),
        years=mat.years,
        per_domain=bool(mat.per_domain),
        must_contain=tuple(mat.must_contain or ()),
        max_file_size=mat.max_file_size
        if mat.max_file_size is not None
        else settings.max_file_size,
        min_dpi=mat.min_dpi if mat.min_dpi is not None else settings.min_dpi,
        expires_soon_days=(
            mat.expires_soon_days
            if mat.expires_soon_days is not None
            else settings.expires_soon_days
        ),
        industries=tuple((mat.when.industries if mat.when else None) or ()),
        services=tuple((mat.when.services if mat.when else None) or ()),
        basis=mat.basis,
        policy=_policy(mat, settings),
        source=mat.source,
        source_url=mat.source_url,
        origin=origin,
    )


def _policy(mat: Material, settings: Settings) -> tuple[str, ...]:
    """The material's own policy values, and the policy settings it inherits unchanged."""
    inherited = (
        name
        for name in settings.policy
        if name in Material.model_fields and getattr(mat, name) is None
    )
    return tuple(dict.fromkeys([*(mat.policy or ()), *inherited]))


def resolve(
    book: Rulebook,
    authority: Authority,
    industries: Sequence[str] = (),
    services: Sequence[str] = (),
    *,
    all_conditional: bool = False,
) -> Checklist:
    """The effective checklist for one authority, industries and services.

    ``all_conditional`` keeps every conditional material (for ``rules lint``).
    """
    unknown = [i for i in industries if i not in book.industries]
    if unknown:
        known = ", ".join(sorted(book.industries))
        raise UserError(f"unknown industry {unknown[0]!r}; known: {known}", field="industries")
    settings = _patch_settings(book.base.settings, authority.settings)
    current: dict[str, Material] = {}
    origin: dict[str, str] = {}
    order: list[str] = []

    def layer(model: BaseModel, materials: Sequence[Material], remove: Sequence[str] = ()) -> None:
        src = book.source_of(model)
        name = src.display if src else "rules"
        _merge(current, order, materials, remove)
        for m in materials:
            origin.setdefault(m.id, name)  # a patch keeps the origin of the definition

    layer(book.base, book.base.materials)
    layer(authority, authority.materials, authority.remove)
    for slug in dict.fromkeys(industries):
        ind = book.industries[slug]
        layer(ind, ind.materials)
    if all_conditional:
        for ind in book.industries.values():
            if ind.slug not in industries:
                layer(ind, ind.materials)
    for ov in book.overlays:
        if not ov.authorities or authority.slug in ov.authorities:
            settings = _patch_settings(settings, ov.settings)
            layer(ov, ov.materials, ov.remove)

    cats = {c.id for c in book.base.categories}
    complete = [_complete(current[mid], settings, origin.get(mid, "rules"), cats) for mid in order]
    cat_rank = {c.id: i for i, c in enumerate(book.base.categories)}
    chosen = [m for m in complete if all_conditional or m.applies(industries, services)]
    chosen.sort(key=lambda m: cat_rank[m.category])  # stable: keeps layer order within a category
    return Checklist(
        rules_version=book.rules_version,
        authority=authority,
        industries=tuple(dict.fromkeys(industries)),
        services=tuple(services),
        categories=tuple(book.base.categories),
        materials=tuple(chosen),
        settings=settings,
    )


def validate_layers(book: Rulebook) -> None:
    """Resolve every authority with every industry once: a broken layer fails loading."""
    for authority in book.authorities.values():
        resolve(book, authority, all_conditional=True)
