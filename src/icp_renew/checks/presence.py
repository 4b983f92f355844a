"""(being built)"""

from __future__ import annotations

from collections.abc import Iterator

from icp_renew.checks import Context
from icp_renew.findings import Finding

CODES: tuple[str, ...] = ()


def check(ctx: Context) -> Iterator[Finding]:
    return iter(())
