"""Rule files → validated models → the effective checklist of one authority.

Exports are resolved lazily: ``icp_renew.rulebook.paths`` (used by ``--version``)
must not pull in pydantic. ``resolve()`` is imported from ``icp_renew.rulebook.resolve``
(the submodule of the same name would shadow a lazy export).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from icp_renew.rulebook.authorities import authority_for_license as authority_for_license
    from icp_renew.rulebook.authorities import find_authority as find_authority
    from icp_renew.rulebook.book import Rulebook as Rulebook
    from icp_renew.rulebook.loader import load_rulebook as load_rulebook
    from icp_renew.rulebook.resolve import Checklist as Checklist
    from icp_renew.rulebook.resolve import Requirement as Requirement

_EXPORTS = {
    "authority_for_license": "authorities",
    "find_authority": "authorities",
    "Rulebook": "book",
    "load_rulebook": "loader",
    "Checklist": "resolve",
    "Requirement": "resolve",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f"icp_renew.rulebook.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'icp_renew.rulebook' has no attribute {name!r}")
