"""Pydantic models of the rule files (``rules/``).

Three kinds of file, told apart by ``kind``: the national ``base`` checklist,
one ``authority`` per issuing authority, one ``industry`` per prior-approval
domain, plus ``overlay`` files an agency keeps in its own ``--rules`` folder.
Every model forbids unknown keys, so a typo is an error, not a silent no-op.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Annotated, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from icp_renew.strict import Strict

SLUG = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
MATERIAL_ID = SLUG
FORMATS = ("pdf", "jpeg", "png", "tiff", "ofd", "doc", "docx", "xls", "xlsx")
SERVICE = r"^[AB][12](\d(-\d)?)?$"

Format = Literal["pdf", "jpeg", "png", "tiff", "ofd", "doc", "docx", "xls", "xlsx"]
#: a material that is missing is an error (required) or a warning (recommended)
Level = Literal["required", "recommended"]
Meta = Literal["expires", "year", "number", "issued"]
#: what a material rests on (docs/sources.md): a regulation or notice, the authorities'
#: practice as agencies report it, or the tool's own choice
Basis = Literal["law", "practice", "policy"]
#: the values a rule file may mark as the tool's own policy (``policy: [min_dpi]``)
PolicyField = Literal[
    "formats", "min_pages", "min_dpi", "max_file_size", "expires_soon_days", "due_soon_days"
]

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMG]i?B|B)?\s*$", re.IGNORECASE)
_UNITS = {
    "": 1,
    "b": 1,
    "kb": 1000,
    "mb": 1000**2,
    "gb": 1000**3,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
}


def parse_size(value: object) -> int:
    """``5MB`` → 5,000,000; ``5MiB`` → 5,242,880; a bare number is bytes."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    match = _SIZE.match(str(value))
    if not match:
        raise ValueError(f"invalid size {value!r}: expected e.g. 5MB, 20MiB or 1048576")
    return int(float(match[1]) * _UNITS[(match[2] or "").lower()])


class When(Strict):
    """A condition: the material applies only if any listed industry / service matches."""

    industries: list[str] = Field(default_factory=list, description="prior-approval slugs")
    services: list[Annotated[str, Field(pattern=SERVICE)]] = Field(
        default_factory=list, description="licence service codes, e.g. B25"
    )


class Category(Strict):
    id: Annotated[str, Field(pattern=SLUG)]
    title: str
    title_en: str


class Material(Strict):
    """A material of the checklist. In an overlay only ``id`` and ``source`` are required:
    the other fields patch the material of that id."""

    id: Annotated[str, Field(pattern=MATERIAL_ID, description="stable id, e.g. business-license")]
    title: str | None = Field(None, description="Chinese title, used for folder names")
    title_en: str | None = None
    category: str | None = Field(None, description="category id")
    requirement: Level | None = Field(
        None, description="required (missing → error) or recommended (missing → warning)"
    )
    description: str | None = Field(None, description="what it is, for a compliance officer (zh)")
    description_en: str | None = None
    aliases: list[str] | None = Field(None, description="other folder names accepted")
    formats: list[Format] | None = Field(
        None, description="accepted formats (default pdf, jpeg, png)"
    )
    min_pages: Annotated[int, Field(ge=0, le=10000)] | None = Field(
        None, description="minimum pages over all files (an image counts one)"
    )
    needs: list[Meta] | None = Field(None, description="facts dossier.yaml must give")
    years: Annotated[int, Field(ge=1, le=20)] | None = Field(
        None, description="one per year for this many years before the filing year"
    )
    per_domain: bool | None = Field(None, description="one file per domain of dossier.yaml")
    must_contain: list[str] | None = Field(None, description="phrases a text layer must contain")
    max_file_size: int | None = Field(None, description="per-file upload limit (e.g. 5MB)")
    min_dpi: Annotated[int, Field(ge=1, le=2400)] | None = None
    expires_soon_days: Annotated[int, Field(ge=0, le=3650)] | None = None
    when: When | None = None
    basis: Basis | None = Field(
        None,
        description="law (a regulation or notice), practice (what authorities ask for, as "
        "agencies report it) or policy (the tool's own choice)",
    )
    policy: list[PolicyField] | None = Field(
        None, description="values of this material that are the tool's own policy"
    )
    source: str = Field(min_length=3, description="regulation and article, notice or practice")
    source_url: str | None = None

    @field_validator("max_file_size", mode="before")
    @classmethod
    def _size(cls, value: object) -> object:
        return None if value is None else parse_size(value)


#: what a material that is new in a layer must give (a later layer may patch any subset)
NEW_MATERIAL_FIELDS = ("title", "title_en", "category", "requirement")


def material_problems(
    mat: Material, categories: Collection[str], *, new: bool
) -> list[tuple[str, str, str]]:
    """``(lint code, field under the material, message)`` for what makes ``mat`` unusable:
    fields a new material lacks, a category the base does not define. Shared by the
    resolver (which raises the first) and ``rules lint`` (which lists them all)."""
    problems = []
    lacking = [name for name in NEW_MATERIAL_FIELDS if getattr(mat, name) is None]
    if new and lacking:
        message = f"material {mat.id!r} is new here and lacks {', '.join(lacking)}"
        problems.append(("incomplete-material", "", message))
    if mat.category is not None and categories and mat.category not in categories:
        message = f"material {mat.id!r} names unknown category {mat.category!r}"
        problems.append(("unknown-category", "category", message))
    return problems


def _default_formats() -> list[Format]:
    return ["pdf", "jpeg", "png"]


class Settings(Strict):
    """Defaults that apply to every material unless it sets its own."""

    formats: list[Format] = Field(default_factory=_default_formats)
    min_dpi: Annotated[int, Field(ge=1, le=2400)] = 150
    max_file_size: int | None = Field(None, description="per-file upload limit")
    expires_soon_days: Annotated[int, Field(ge=0, le=3650)] = 60
    due_soon_days: Annotated[int, Field(ge=0, le=3650)] = 60
    policy: list[PolicyField] = Field(
        default_factory=list, description="settings that are the tool's own policy"
    )

    @field_validator("max_file_size", mode="before")
    @classmethod
    def _size(cls, value: object) -> object:
        return None if value is None else parse_size(value)


class SettingsPatch(Strict):
    formats: list[Format] | None = None
    min_dpi: Annotated[int, Field(ge=1, le=2400)] | None = None
    max_file_size: int | None = None
    expires_soon_days: Annotated[int, Field(ge=0, le=3650)] | None = None
    due_soon_days: Annotated[int, Field(ge=0, le=3650)] | None = None
    policy: list[PolicyField] | None = None
    source: str | None = None

    @field_validator("max_file_size", mode="before")
    @classmethod
    def _size(cls, value: object) -> object:
        return None if value is None else parse_size(value)


class BaseRules(Strict):
    kind: Literal["base"]
    rules_version: Annotated[str, Field(pattern=r"^\d{4}\.\d{1,2}(\.\d+)?$")]
    source: str = Field(min_length=3)
    services: dict[str, str] = Field(
        default_factory=dict, description="service code → name (电信业务分类目录)"
    )
    settings: Settings = Field(default_factory=Settings)
    categories: list[Category]
    materials: list[Material]


class Authority(Strict):
    kind: Literal["authority"]
    slug: Annotated[str, Field(pattern=SLUG)]
    iso: Annotated[str, Field(pattern=r"^CN-[A-Z]{2}$")] | None = Field(
        None, description="ISO 3166-2 code; none for miit"
    )
    name: str = Field(description="short Chinese name, e.g. 北京")
    full_name: str = Field(description="full name, e.g. 北京市")
    name_en: str
    authority: str = Field(description="e.g. 北京市通信管理局")
    authority_en: str
    license_prefixes: list[str] = Field(
        default_factory=list, description="licence-number prefixes, e.g. 京 (empty for miit)"
    )
    filing_prefixes: list[str] = Field(default_factory=list, description="filing prefixes, e.g. 京")
    cross_regional: bool = False
    source: str = Field(min_length=3)
    settings: SettingsPatch | None = None
    materials: list[Material] = Field(default_factory=list)
    remove: list[str] = Field(default_factory=list, description="material ids this authority drops")
    remove_source: str | None = None

    def to_json(self) -> dict[str, object]:
        """The authority as ``rules list`` and ``rules show`` print it in JSON."""
        return {
            "slug": self.slug,
            "iso": self.iso,
            "name": self.name,
            "full_name": self.full_name,
            "name_en": self.name_en,
            "authority": self.authority,
            "authority_en": self.authority_en,
            "license_prefixes": list(self.license_prefixes),
            "filing_prefixes": list(self.filing_prefixes),
            "cross_regional": self.cross_regional,
            "source": self.source,
        }

    @model_validator(mode="after")
    def _remove_sourced(self) -> Authority:
        if self.remove and not self.remove_source:
            raise ValueError(
                "remove needs remove_source: a requirement is dropped only with a source"
            )
        return self


class Industry(Strict):
    kind: Literal["industry"]
    slug: Annotated[str, Field(pattern=SLUG)]
    name: str
    name_en: str
    permit: str = Field(description="the permit's Chinese name")
    permit_en: str
    confidence: Literal["H", "M", "L", "?"] = Field(
        description="confidence of the source: H, M, L or ? (docs/sources.md)"
    )
    source: str = Field(min_length=3)
    materials: list[Material] = Field(default_factory=list)


class Overlay(Strict):
    """An agency's own patch, applied after the shipped rules."""

    kind: Literal["overlay"]
    name: str
    authorities: list[str] = Field(
        default_factory=list, description="apply only to these authorities (empty: all)"
    )
    source: str = Field(min_length=3)
    settings: SettingsPatch | None = None
    materials: list[Material] = Field(default_factory=list)
    remove: list[str] = Field(default_factory=list)
    remove_source: str | None = None

    @model_validator(mode="after")
    def _remove_sourced(self) -> Overlay:
        if self.remove and not self.remove_source:
            raise ValueError(
                "remove needs remove_source: a requirement is dropped only with a source"
            )
        return self


RuleFile = BaseRules | Authority | Industry | Overlay
KINDS: dict[str, type[BaseModel]] = {
    "base": BaseRules,
    "authority": Authority,
    "industry": Industry,
    "overlay": Overlay,
}
