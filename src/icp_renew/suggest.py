"""Input help: "did you mean …?" for a mistyped key, province, industry or service.

- Keys and fields of ``dossier.yaml`` and of rule files: the names the schema allows at that
  place (:func:`field_names`), the closest by edit distance (:func:`closest`).
- Provinces: besides the spellings of :mod:`icp_renew.rulebook.authorities`, a city or county
  (深圳, 苏州市, 浦东新区) points to its province, and so does a GB/T 2260 code (``CN-11``,
  ``44``, ``440300``): from the area-code table python-stdnum keeps for identity numbers
  (``stdnum/cn/loc.dat``, every county with its province), read only when a name is not found.
- Industries and services: a slug, an English or Chinese name, any case (:func:`industry_slugs`,
  :func:`service_codes`).

The texts are in :mod:`icp_renew.messages.suggest`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, get_args, get_origin

from icp_renew.i18n import Lang, Text, current
from icp_renew.messages import Message, listing, t

if TYPE_CHECKING:
    from icp_renew.rulebook.loader import Rulebook

#: a GB/T 2260 code: a province (44), a prefecture (4403) or a county (440305), with or
#: without the ``CN-`` of the numeric ISO 3166-2:CN codes used before 2017 (CN-11: Beijing)
AREA_CODE = re.compile(r"^(?:CN-?)?(\d{2})(\d{2}){0,2}$", re.IGNORECASE)
#: what administrative names end with (stripped to compare 苏州 with 苏州市)
SUFFIXES = (
    "特别行政区",
    "特別行政區",
    "自治州",
    "自治县",
    "地区",
    "新区",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)


def lang() -> Lang:
    """The language the command prints in (``--lang``, else the environment)."""
    return current()


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def closest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The choices closest to ``word`` (case-insensitive), best first; none if nothing is near.

    ``difflib``'s ratio is an edit-distance measure: ``expire`` → ``expires``, ``licence``
    → ``license``, ``servics`` → ``services``.
    """
    import difflib

    by_norm: dict[str, str] = {}
    for choice in choices:
        by_norm.setdefault(_norm(choice), choice)
    cutoff = 0.5 if len(word.strip()) <= 3 else 0.6  # 新文 → 新闻: one character in two
    matches = difflib.get_close_matches(_norm(word), list(by_norm), n=n, cutoff=cutoff)
    return [by_norm[m] for m in matches]


def did_you_mean(names: Sequence[str], language: Lang | None = None) -> Message | str:
    """``; did you mean 'expires'?`` (empty for no name), to end an error message; rendered
    in the language of the message it ends (``language`` is not used: kept for callers)."""
    if not names:
        return ""
    quoted = [f"'{n}'" for n in names]
    either = Text(t("suggest.or", "zh").join(quoted), t("suggest.or", "en").join(quoted))
    return Message.of("suggest.did-you-mean", names=either)


def field_names(model: Any, loc: Sequence[str | int]) -> list[str]:
    """The keys a pydantic ``model`` allows in the mapping at ``loc`` (``("license",)``)."""
    models = [model]
    for part in loc:
        nxt: list[Any] = []
        for m in models:
            if isinstance(m, _DictOf):  # a dict's value: any key, then the value's model
                nxt += m.models
            elif isinstance(part, int):  # a list's item: the list's model (already unwrapped)
                nxt.append(m)
            elif part in (getattr(m, "model_fields", None) or {}):
                nxt += _models_of(m.model_fields[part].annotation)
        models = nxt
    names: list[str] = []
    for m in models:
        names += [n for n in getattr(m, "model_fields", {}) if n not in names]
    return names


def _models_of(annotation: Any) -> list[Any]:
    """The pydantic models an annotation can hold (through Optional, list, dict)."""
    if hasattr(annotation, "model_fields"):
        return [annotation]
    out: list[Any] = []
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is dict and len(args) == 2:
        return [_DictOf(_models_of(args[1]))]
    for arg in args:
        out += _models_of(arg)
    return out


class _DictOf:
    """The value models of a ``dict[str, Model]`` (any key, then the model's fields)."""

    model_fields = None

    def __init__(self, models: list[Any]) -> None:
        self.models = models


def unknown_field_hint(
    model: Any, loc: Sequence[str | int], language: Lang | None = None
) -> Message | str:
    """The "did you mean" ending for the unknown key at ``loc`` (empty when nothing is close)."""
    if not loc or not isinstance(loc[-1], str):
        return ""
    return did_you_mean(closest(loc[-1], field_names(model, loc[:-1])), language)


# provinces ---------------------------------------------------------------------------


def _strip_suffix(name: str) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


@functools.lru_cache(maxsize=1)
def _areas() -> tuple[dict[str, str], dict[str, set[str]]]:
    """From GB/T 2260 (stdnum's table): province code → province name, and the name of every
    prefecture and county (with and without its suffix) → the codes of its provinces."""
    from stdnum import numdb

    provinces: dict[str, str] = {}
    places: dict[str, set[str]] = {}
    for _, code, _, props, children in numdb.get("cn/loc").prefixes:
        provinces[code] = props.get("province", "")
        for _, _, _, sub, _ in children:
            for raw in sub.get("county", "").split(","):
                name = re.sub(r"^\[[^\]]*\]", "", raw).strip()
                if not name or name in ("市辖区", "县", "省直辖县级行政区划"):
                    continue
                for key in {name, _strip_suffix(name)}:
                    places.setdefault(key, set()).add(code)
    return provinces, places


def province_of(query: str) -> list[str]:
    """The names of the provinces (as GB/T 2260 writes them: 广东省) that ``query`` is in:
    a city or county name, or an area code; empty when it is none of these."""
    provinces, places = _areas()
    text = unicodedata.normalize("NFKC", query).strip()
    code = AREA_CODE.match(text)
    if code:
        name = provinces.get(code[1])
        return [name] if name else []
    codes = places.get(text) or places.get(_strip_suffix(text)) or set()
    return [provinces[c] for c in sorted(codes) if c in provinces]


def authority_hint(book: Rulebook, query: str) -> Message | str:
    """The end of an unknown-province error: the province a city is in, or close spellings."""
    from icp_renew.rulebook.authorities import names_of

    by_name = {_norm(a.full_name): a for a in book.authorities.values()}
    by_name.update({_norm(a.name): a for a in book.authorities.values()})
    if re.search(r"[\u3400-\u9fff]|\d", query):
        found = [
            by_name.get(_norm(p)) or by_name.get(_norm(_strip_suffix(p)))
            for p in province_of(query)
        ]
        slugs = [a.slug for a in found if a is not None]
        if slugs:
            areas = [a for a in found if a is not None]
            names = Text(listing(a.name for a in areas).zh, listing(a.name_en for a in areas).en)
            return Message.of(
                "suggest.in-province-then",
                where=Message.of("suggest.in-province", query=query.strip(), names=names),
                more=did_you_mean(slugs),
            )
    spellings = {n: a.slug for a in book.authorities.values() for n in names_of(a) if n}
    spellings.update({a.name_en.split()[0]: a.slug for a in book.authorities.values()})
    near = closest(query, list(spellings), n=5)
    return did_you_mean(list(dict.fromkeys(spellings[n] for n in near)))


# industries and services -------------------------------------------------------------


def industry_slugs(book: Rulebook, values: Iterable[str], source: str = "--industry") -> list[str]:
    """Each industry as its slug: from a slug, an English or Chinese name (or the unique
    Chinese name it begins: 药品 for 药品和医疗器械), any case; exit 2 for an unknown one."""
    from icp_renew.errors import UserError

    out: list[str] = []
    for value in values:
        wanted = _norm(value)
        found = [
            i.slug
            for i in book.industries.values()
            if wanted in (_norm(i.slug), _norm(i.name), _norm(i.name_en))
        ]
        if not found and wanted:
            found = [i.slug for i in book.industries.values() if _norm(i.name).startswith(wanted)]
        if len(found) != 1:
            names = [n for i in book.industries.values() for n in (i.slug, i.name, i.name_en)]
            near = closest(value, names)
            slugs = list(dict.fromkeys(_industry(book, n) for n in near))
            known = ", ".join(sorted(book.industries))
            raise UserError(
                "suggest.unknown-industry",
                source=source,
                value=value,
                known=known,
                hint=did_you_mean(slugs),
            )
        out.append(found[0])
    return list(dict.fromkeys(out))


def _industry(book: Rulebook, name: str) -> str:
    for i in book.industries.values():
        if name in (i.slug, i.name, i.name_en):
            return i.slug
    return name  # pragma: no cover - names come from the book


def service_codes(book: Rulebook, values: Iterable[str], source: str = "--service") -> list[str]:
    """Each service as its code (``b25`` → ``B25``; its Chinese name works too); exit 2 for
    an unknown one."""
    from icp_renew.errors import UserError

    known = book.base.services
    by_norm = {_norm(code): code for code in known}
    by_norm.update({_norm(name): code for code, name in known.items()})
    out: list[str] = []
    for value in values:
        code = by_norm.get(_norm(value).replace(" ", ""))
        if code is None:
            near = closest(value, list(known))
            raise UserError(
                "suggest.unknown-service",
                source=source,
                value=value,
                known=", ".join(known),
                hint=did_you_mean(near),
            )
        out.append(code)
    return list(dict.fromkeys(out))
