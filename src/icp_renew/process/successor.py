"""The next renewal's ``dossier.yaml``, started from an archived one (``init --next``).

The new licence of the ``license-received`` event becomes the current ``license`` (its
number, services, issue and expiry dates; the company name and legal representative it
prints are today's); the company, its legal representative, the authority, industries and
domains are carried over; per-material facts that describe a year (``year``, ``years``)
are dropped, the others (a hosting agreement's expiry) kept; the timeline starts empty.
The archived dossier is only read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from icp_renew.dossier.config import DossierConfig
from icp_renew.errors import DossierError
from icp_renew.messages import t
from icp_renew.process.timeline import replay


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def successor(config: DossierConfig, source: str) -> dict[str, Any]:
    """The data of the next dossier (:class:`DossierError` before a new licence arrived)."""
    state = replay(config.timeline)
    if state.license_received is None:
        raise DossierError("process.err-next-no-license", source=source)
    new = config.timeline[state.license_received]
    old = config.license
    rep = config.legal_representative
    data: dict[str, Any] = {"company": config.company.model_dump(exclude_none=True)}
    if rep is not None:
        data["legal_representative"] = rep.model_dump(exclude_none=True)
    if config.authority is not None:
        data["authority"] = config.authority
    data["license"] = {
        "number": new.number,
        "services": list(new.services if new.services is not None else old.services),
        "issued": new.issued,
        "expires": new.expires,
        "holder": config.company.name,
        "legal_representative": rep.name if rep is not None else None,
    }
    data["industries"] = list(config.industries)
    data["domains"] = [d.model_dump(exclude_none=True) for d in config.domains]
    materials = {}
    for mid, facts in config.materials.items():
        kept = facts.model_dump(exclude_none=True, exclude={"year", "years"})
        if kept:
            materials[mid] = kept
    data["materials"] = materials
    return _plain(data)  # type: ignore[no-any-return]


def render(data: dict[str, Any], archived: str) -> str:
    """The new ``dossier.yaml``: a header naming where it came from, then the data."""
    import yaml

    from icp_renew.scaffold import TIMELINE_TEMPLATE

    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    head = [
        "# yaml-language-server: $schema=dossier.schema.json",
        "#",
        f"# {t('process.next-header', 'zh', archived=archived)}",
        f"# {t('process.next-header', 'en', archived=archived)}",
        "",
    ]
    return "\n".join(head) + body + "\n".join(TIMELINE_TEMPLATE[1:]) + "\n"
