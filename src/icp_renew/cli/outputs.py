"""Where ``deadline -o`` may write: never inside a dossier the command reads (``check`` and
``pack`` refuse the same).

A report written into a dossier would replace a scan or ``dossier.yaml``, or become a
stray file that the next ``check`` reports (and ``pack`` refuses the same way): a report
never changes a dossier.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from icp_renew.errors import UserError


def refuse_output_in_dossiers(output: Path, dossiers: Sequence[Path]) -> None:
    """Exit 2 when ``output`` is inside (or is) one of ``dossiers`` (folders or their
    ``dossier.yaml``), links resolved as the write would resolve them."""
    target = Path(os.path.realpath(output))
    for given in dossiers:
        folder = given.parent if given.name == "dossier.yaml" and not given.is_dir() else given
        if not folder.is_dir():
            continue  # reported by the command itself as not a folder
        root = Path(os.path.realpath(folder))
        if target == root or root in target.parents:
            raise UserError("pack.report-in-dossier", source=str(output), dossier=str(given))
