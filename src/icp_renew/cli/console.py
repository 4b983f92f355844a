"""The console script, ``icp-renew`` (and ``python -m icp_renew``).

Before the application is imported, a command that may read a big dossier's files in
workers (``check``, ``pack``) gets its zygote forked (:mod:`icp_renew.zygote`): the parsers
are imported on the second core while this process reads its options and rules.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing's own flag would import typing before the zygote's fork
if TYPE_CHECKING:
    from typing import NoReturn


def run() -> NoReturn:
    """:func:`icp_renew.zygote.prestart`, then :func:`icp_renew.cli.app.run`."""
    from icp_renew.zygote import prestart

    prestart(sys.argv[1:])
    from icp_renew.cli.app import run as run_app

    run_app()
