"""The licence itself: still renewable, and in time, on the filing date?

From ``license.expires`` in ``dossier.yaml``, today (``--today``) and the
filing date (``--filing-date``, else today):

- ``license-expired`` (error): today is after the expiry date. An expired
  licence cannot be renewed; a new application is needed.
- ``past-filing-deadline`` (error): otherwise, the filing date is after the
  filing deadline — expiry minus 90 calendar days (电信业务经营许可管理办法,
  Order 42 of 2017, Art. 27: the renewal must reach the original issuing
  authority at least 90 days before expiry). The deadline day itself is still
  in time.
- ``filing-deadline-soon`` (warning): otherwise, the last working day on or
  before the filing deadline is 60 days or fewer after the filing date (the
  threshold at which ``icp-renew deadline`` says ``due-soon``). Working days
  follow the official holiday calendar; for a year it does not cover yet, an
  estimate from the statutory holidays (see ``docs/deadline.md``), and the
  message says so.
- ``missing-expiry`` (warning): ``dossier.yaml`` has no ``license.expires``.
  The deadline cannot be judged, so a pass would be a guess.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from icp_renew.checks import Context
from icp_renew.deadline import DUE_SOON_DAYS, filing_deadline
from icp_renew.findings import Finding, finding
from icp_renew.messages import template

CODES: tuple[str, ...] = (
    "license-expired",
    "past-filing-deadline",
    "filing-deadline-soon",
    "missing-expiry",
)


def _texts(key: str, count: int | None = None) -> tuple[str, str]:
    """The catalogue's templates of a finding (``-one`` for a count of exactly one)."""
    if count == 1:
        key += "-one"
    return template(f"deadline.{key}", "zh"), template(f"deadline.{key}", "en")


def _dated(
    code: str, key: str, count: int | None, facts: dict[str, Any], estimated: bool = False
) -> Finding:
    zh, en = _texts(key, count)
    if estimated:  # the last working day of a year without an official schedule: say so
        zh += template("deadline.estimated-clause", "zh")
        en += template("deadline.estimated-clause", "en")
    return finding(code, zh=zh, en=en, **facts)


def check(ctx: Context) -> Iterator[Finding]:
    lic = ctx.dossier.config.license
    if lic.expires is None:
        zh, en = _texts("missing-expiry")
        yield finding("missing-expiry", zh=zh, en=en)
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
    # the one date the deadline findings judge: --filing-date, else today
    filed = ctx.filing_date
    facts: dict[str, Any] = {
        "number": lic.number,
        "expires": lic.expires.isoformat(),
        "deadline": deadline.isoformat(),
        "n": (lic.expires - deadline).days,
        "filing_date": filed.isoformat(),
    }
    if filed > deadline:
        late = (filed - deadline).days
        if filed == ctx.today:
            yield finding(
                "past-filing-deadline",
                zh="许可证 {number} 于 {expires} 到期，续期申请最迟应于 {deadline}（到期前{n}日）提交"
                "（《电信业务经营许可管理办法》第二十七条），已逾期 {late} 天",
                en="Licence {number} expires on {expires}; the renewal had to be filed {n} days "
                "before, by {deadline} (Order 42 Art. 27), and is {late} days late",
                late=late,
                **facts,
            )
        else:
            facts["late"] = late
            yield _dated("past-filing-deadline", "past-filing-deadline-on", late, facts)
        return
    from icp_renew.holidays import official_calendar

    calendar = official_calendar()
    lookup = calendar.latest_workday(deadline)
    days = (lookup.day - filed).days
    if days > DUE_SOON_DAYS:
        return
    facts["latest"] = lookup.day.isoformat()
    estimated = any(calendar.estimated(y) for y in lookup.missing_years)
    facts["year"] = max(lookup.missing_years, default=deadline.year)
    if days < 0:  # the deadline falls on a day off after the last working day
        yield _dated("filing-deadline-soon", "filing-deadline-soon-passed", None, facts, estimated)
        return
    facts["days"] = days
    yield _dated("filing-deadline-soon", "filing-deadline-soon", days, facts, estimated)
