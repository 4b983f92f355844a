"""The "load only" baseline of the ``status`` group: what ``check`` does before it looks at a
file — load the rulebook, read and validate each ``dossier.yaml`` strictly (timeline
included) — and nothing more. ``icp-renew status`` over the same dossiers is reported as a
ratio to it.

Usage: python benchmarks/load_only.py DOSSIER...
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(paths: list[str]) -> int:
    from icp_renew.dossier.config import load_config
    from icp_renew.rulebook import load_rulebook

    load_rulebook(())
    for p in paths:
        load_config(Path(p))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
