"""The licence itself: still renewable on the check date?

From ``license.expires`` in ``dossier.yaml`` and today (``--today``):

- ``license-expired`` (error): today is after the expiry date. An expired
  licence cannot be renewed; a new application is needed.
- ``past-filing-deadline`` (error): otherwise, today is after the filing
  deadline — expiry minus 90 calendar days (电信业务经营许可管理办法, Order 42
  of 2017, Art. 27: the renewal must reach the original issuing authority at
  least 90 days before expiry). The deadline day itself is still in time.

Without ``license.expires`` this check says nothing; ``icp-renew deadline``
needs the date and says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from icp_renew.checks import Context
from icp_renew.deadline import filing_deadline
from icp_renew.findings import Finding, finding

CODES: tuple[str, ...] = ("license-expired", "past-filing-deadline")


def check(ctx: Context) -> Iterator[Finding]:
    lic = ctx.dossier.config.license
    if lic.expires is None:
        return
    if ctx.today > lic.expires:
        yield finding(
            "license-expired",
            "findings.license-expired.expired",
            number=lic.number,
            expires=lic.expires.isoformat(),
            today=ctx.today.isoformat(),
        )
        return
    deadline = filing_deadline(lic.expires)
    if ctx.today > deadline:
        yield finding(
            "past-filing-deadline",
            "findings.past-filing-deadline.late",
            number=lic.number,
            expires=lic.expires.isoformat(),
            deadline=deadline.isoformat(),
            n=(lic.expires - deadline).days,
            late=(ctx.today - deadline).days,
        )
