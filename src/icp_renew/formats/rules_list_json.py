"""``rules list --format json``: the issuing authorities and the prior-approval industries."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from icp_renew.i18n import Lang

if TYPE_CHECKING:
    from icp_renew.rulebook.book import Rulebook
    from icp_renew.rulebook.models import Authority


def _authority_key(a: Authority) -> tuple[int, str]:
    return (1 if a.cross_regional else 0, a.iso or a.slug)


def render(book: Rulebook, *, lang: Lang = "en") -> str:
    data: dict[str, Any] = {
        "rules_version": book.rules_version,
        "authorities": [a.to_json() for a in sorted(book.authorities.values(), key=_authority_key)],
        "industries": [
            {
                "slug": i.slug,
                "name": i.name,
                "name_en": i.name_en,
                "permit": i.permit,
                "permit_en": i.permit_en,
                "confidence": i.confidence,
            }
            for i in sorted(book.industries.values(), key=lambda i: i.slug)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
