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

Once the timeline records a ``submitted`` event (docs/process.md), the deadline findings
judge the day of that submission instead: ``past-filing-deadline`` only when the
submission itself was late, and no ``filing-deadline-soon``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from icp_renew.checks import Context
from icp_renew.deadline import DUE_SOON_DAYS, filing_deadline
from icp_renew.findings import Finding, finding
from icp_renew.messages import Message

#: reads dossier.yaml and the rules only, never the files: runs while they are inspected
FILES = False
CODES: tuple[str, ...] = (
    "license-expired",
    "past-filing-deadline",
    "filing-deadline-soon",
    "missing-expiry",
)


def _key(key: str, count: int | None = None) -> str:
    """The catalogue key of a finding (``-one`` for a count of exactly one)."""
    return f"deadline.{key}-one" if count == 1 else f"deadline.{key}"


def _dated(
    code: str, key: str, count: int | None, facts: dict[str, Any], estimated: bool = False
) -> Finding:
    if estimated:  # the last working day of a year without an official schedule: say so
        clause = Message.of("deadline.estimated-clause", year=facts["year"])
        message = Message.of(_key(key, count), **facts)
        return finding(code, "deadline.with-clause", message=message, clause=clause, **facts)
    return finding(code, _key(key, count), **facts)


def check(ctx: Context) -> Iterator[Finding]:
    lic = ctx.dossier.config.license
    if lic.expires is None:
        yield finding("missing-expiry", _key("missing-expiry"))
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
    # the one date the deadline findings judge: the timeline's submission, else
    # --filing-date, else today
    filed = ctx.submitted or ctx.filing_date
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
                "findings.past-filing-deadline.late",
                late=late,
                **facts,
            )
        else:
            facts["late"] = late
            yield _dated("past-filing-deadline", "past-filing-deadline-on", late, facts)
        return
    if ctx.submitted is not None:  # filed in time: no deadline is coming any more
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
