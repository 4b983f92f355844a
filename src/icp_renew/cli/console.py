"""The console script, ``icp-renew`` (and ``python -m icp_renew``).

Before the application is imported:

* a command that may read a big dossier's files in workers (``check``, ``pack``) gets its
  zygote forked (:mod:`icp_renew.zygote`): the parsers are imported on the second core while
  this process reads its options and rules;
* pydantic is told not to look for plugins (``PYDANTIC_DISABLE_PLUGINS``, unless the
  environment sets it): the search reads the metadata of every installed distribution, ~35 ms
  of every start, for plugins that observe an application's validation, where icp-renew's
  models are its own business (an embedding program that imports icp-renew keeps its own).
"""

from __future__ import annotations

import sys
from typing import NoReturn


def run() -> NoReturn:
    """:func:`icp_renew.zygote.prestart`, then :func:`icp_renew.cli.app.run`."""
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from icp_renew.zygote import prestart

    prestart(sys.argv[1:])
    from icp_renew.cli.app import run as run_app

    run_app()
