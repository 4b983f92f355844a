"""``rules show --format json``: the effective checklist (a contract, docs/rules.md)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from icp_renew.i18n import Lang

if TYPE_CHECKING:
    from icp_renew.rulebook.resolve import Checklist


def checklist_json(checklist: Checklist) -> dict[str, Any]:
    """The contract of ``rules show --format json`` (docs/rules.md)."""
    return {
        "rules_version": checklist.rules_version,
        "authority": checklist.authority_json(),
        "industries": list(checklist.industries),
        "services": list(checklist.services),
        "categories": [c.model_dump() for c in checklist.categories],
        "materials": [m.to_json() for m in checklist.materials],
    }


def render(checklist: Checklist, *, lang: Lang = "en") -> str:
    return json.dumps(checklist_json(checklist), ensure_ascii=False, indent=2)
