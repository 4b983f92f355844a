"""The console script, ``icp-renew`` (and ``python -m icp_renew``).

Before the application is imported, a command that may read a big dossier's files in
workers (``check``, ``pack``) gets its zygote forked (:mod:`icp_renew.zygote`): the parsers
are imported on the second core while this process reads its options and rules.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing's own flag would import typing before the zygote's fork
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import NoReturn


#: the commands that may spread a big dossier's files over workers
PRESTART = frozenset({"check", "pack"})


def command_word(argv: Sequence[str]) -> str | None:
    """The command of a command line: its first word that is not an option (``icp-renew``
    has no option that takes a value before the command)."""
    return next((a for a in argv if not a.startswith("-")), None)


def run() -> NoReturn:
    """:func:`icp_renew.zygote.prestart` for ``check`` and ``pack``, then
    :func:`icp_renew.cli.app.run`."""
    if command_word(sys.argv[1:]) in PRESTART:  # other commands do not import the zygote
        from icp_renew.zygote import prestart

        prestart()
    from icp_renew.cli.app import run as run_app

    run_app()
