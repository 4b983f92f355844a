"""The licence itself: still renewable on the check date?

From ``license.expires`` in ``dossier.yaml`` and today (``--today``):

- ``license-expired`` (error): today is after the expiry date. An expired
  licence cannot be renewed; a new application is needed.
- ``past-filing-deadline`` (error): otherwise, today is after the filing
  deadline — expiry minus 90 calendar days (电信业务经营许可管理办法, Order 42
  of 2017, Art. 27: the renewal must reach the original issuing authority at
  least 90 days before expiry). The deadline day itself is still in time.

Once the timeline records a ``submitted`` event (docs/process.md), the deadline is judged
on that day instead of today: ``past-filing-deadline`` only when the submission itself was
late.

Without ``license.expires`` this check says nothing; ``icp-renew deadline``
needs the date and says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from icp_renew.checks import Context
from icp_renew.deadline import filing_deadline
from icp_renew.findings import Finding, finding
from icp_renew.messages import template

CODES: tuple[str, ...] = ("license-expired", "past-filing-deadline")


def check(ctx: Context) -> Iterator[Finding]:
    lic = ctx.dossier.config.license
    if lic.expires is None:
        return
    if ctx.today > lic.expires:
        yield finding(
            "license-expired",
            zh="许可证 {number} 已于 {expires} 到期（今天 {today}），已无法续期",
            en="Licence {number} expired on {expires} (today is {today}) and can no longer be "
            "renewed",
            number=lic.number,
            expires=lic.expires.isoformat(),
            today=ctx.today.isoformat(),
        )
        return
    deadline = filing_deadline(lic.expires)
    if ctx.submitted is not None:
        if ctx.submitted > deadline:
            key = "process.finding-submitted-late"
            yield finding(
                "past-filing-deadline",
                zh=template(key, "zh"),
                en=template(key, "en"),
                number=lic.number,
                submitted=ctx.submitted.isoformat(),
                deadline=deadline.isoformat(),
                late=(ctx.submitted - deadline).days,
            )
        return
    if ctx.today > deadline:
        yield finding(
            "past-filing-deadline",
            zh="许可证 {number} 于 {expires} 到期，续期申请最迟应于 {deadline}（到期前{n}日）提交"
            "（《电信业务经营许可管理办法》第二十七条），已逾期 {late} 天",
            en="Licence {number} expires on {expires}; the renewal had to be filed {n} days "
            "before, by {deadline} (Order 42 Art. 27), and is {late} days late",
            number=lic.number,
            expires=lic.expires.isoformat(),
            deadline=deadline.isoformat(),
            n=(lic.expires - deadline).days,
            late=(ctx.today - deadline).days,
        )
