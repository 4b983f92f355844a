"""Dates as users write them: ISO, ``2026/5/31``, ``2026.5.31``, ``2026年5月31日``."""

from __future__ import annotations

import datetime as dt
import re

from icp_renew.errors import MessageError

_DATE = re.compile(
    r"^\s*(?P<y>\d{4})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?\s*$"
)
_COMPACT = re.compile(r"^\s*(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})\s*$")

#: the years a licence date can fall in; outside, date arithmetic (expiry − 90 days, the
#: next annual-report window) would leave Python's date range (years 1–9999)
MIN_YEAR = 1900
MAX_YEAR = 2999


class DateFormatError(MessageError):
    """A date that cannot be read or does not exist."""


def parse_date(value: object) -> dt.date:
    """Parse a date; raise :class:`DateFormatError` with a clear reason."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise DateFormatError("errors.date-type", type=type(value).__name__)
    match = _DATE.match(value) or _COMPACT.match(value)
    if not match:
        raise DateFormatError("errors.date-invalid", value=repr(value))
    y, m, d = (int(match[k]) for k in ("y", "m", "d"))
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise DateFormatError(
            "errors.date-out-of-range", value=repr(value), min=MIN_YEAR, max=MAX_YEAR
        )
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise DateFormatError(
            "errors.date-impossible", value=repr(value), iso=f"{y:04d}-{m:02d}-{d:02d}"
        ) from None


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` plus whole years; 29 February falls back to 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
