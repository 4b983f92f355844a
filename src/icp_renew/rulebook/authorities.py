"""Finding an issuing authority by any of its names, and from a licence number."""

from __future__ import annotations

import re
import unicodedata

from icp_renew.errors import UnknownAuthorityError
from icp_renew.rulebook.book import Rulebook
from icp_renew.rulebook.models import Authority

#: a licence number: optional Chinese prefix, then the class (B2, B1.B2, A2, B-2…)
LICENSE_PREFIX = re.compile(r"^\s*(?P<prefix>[\u3400-\u9fff]{1,3})?\s*(?P<rest>[AB][-.]?\d.*)$")


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def names_of(a: Authority) -> list[str]:
    """Every spelling that selects ``a``: slug, ISO code, names, prefixes."""
    names = [a.slug, a.name, a.full_name, a.authority, a.name_en]
    if a.iso:
        names += [a.iso, a.iso.split("-")[1]]
    names += a.license_prefixes + a.filing_prefixes
    return names


def find_authority(book: Rulebook, query: str) -> Authority:
    """The authority named by slug, ISO code, Chinese name, authority name or prefix."""
    wanted = _norm(query)
    if not wanted:
        raise UnknownAuthorityError("errors.province-empty", field="--province")
    for a in book.authorities.values():
        if wanted in {_norm(n) for n in names_of(a)}:
            return a
    # "北京市通信管理局" without 通信管理局, "四川省" …
    for a in book.authorities.values():
        if wanted in {
            _norm(a.full_name) + "通信管理局",
            _norm(a.name) + "省",
            _norm(a.name) + "市",
        }:
            return a
    from icp_renew.suggest import authority_hint

    raise UnknownAuthorityError(
        "suggest.unknown-province",
        field="--province",
        query=query,
        hint=authority_hint(book, query),
    )


def authority_for_license(book: Rulebook, number: str) -> Authority | None:
    """The authority whose licence prefixes match ``number``; MIIT for no prefix."""
    match = LICENSE_PREFIX.match(unicodedata.normalize("NFKC", number))
    if not match:
        return None
    prefix = match["prefix"]
    for a in book.authorities.values():
        if prefix is None and a.cross_regional:
            return a
        if prefix is not None and prefix in a.license_prefixes:
            return a
    return None
