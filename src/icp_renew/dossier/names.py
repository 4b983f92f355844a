"""The names a dossier folder gives meaning to, and the ones the walk ignores.

Kept apart from ``dossier.yaml``'s model (pydantic) so that what only walks or inspects the
files, such as ``check``'s early inspection (``inspect/prefetch.py``), imports nothing heavy.
"""

from __future__ import annotations

DOSSIER_FILE = "dossier.yaml"
#: written by `icp-renew init` beside dossier.yaml for editors; not a scan (the scanner skips it)
SCHEMA_FILE = "dossier.schema.json"

#: litter that operating systems and office suites leave in folders (compared case-folded)
JUNK_FILES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"})
JUNK_DIRS = frozenset({"__macosx"})


def is_ignored(name: str, at_root: bool) -> bool:
    """System litter, lock files, hidden entries; ``dossier.yaml`` and the editor schema
    ``init`` writes beside it, at the root."""
    if at_root and name in (DOSSIER_FILE, SCHEMA_FILE):
        return True
    if name.startswith((".", "~$")):
        return True
    folded = name.casefold()
    return folded in JUNK_FILES or folded in JUNK_DIRS
