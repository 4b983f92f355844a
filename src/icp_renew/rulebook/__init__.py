"""Rule files → validated models → the effective checklist of one authority."""

from icp_renew.rulebook.authorities import authority_for_license, find_authority
from icp_renew.rulebook.loader import Rulebook, load_rulebook
from icp_renew.rulebook.resolve import Checklist, Requirement, resolve

__all__ = [
    "Checklist",
    "Requirement",
    "Rulebook",
    "authority_for_license",
    "find_authority",
    "load_rulebook",
    "resolve",
]
