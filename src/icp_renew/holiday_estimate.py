"""The statutory days off of a year, computed: the estimate for a year without official data.

Each year the State Council publishes the holiday schedule of the next year, with
its make-up working days (调休); ``chinese_calendar`` carries those notices. For
a later year the days off can still be told from the rules themselves,
全国年节及纪念日放假办法 (the national measures on public holidays), as revised:

==========  ===================================================================
in force    days off (besides weekends)
==========  ===================================================================
2000–2007   1 Jan; 1st–3rd of the 1st lunar month; 1–3 May; 1–3 Oct (1999 rev.)
2008–2013   1 Jan; lunar New Year's Eve, 1st–2nd; Qingming; 1 May; the 5th of the
            5th lunar month; the 15th of the 8th; 1–3 Oct (2007 revision)
2014–2024   as 2008, but the 1st–3rd instead of the Eve (2013 revision)
2025–       1 Jan; New Year's Eve to the 3rd; Qingming; 1–2 May; the 5th of
            the 5th; the 15th of the 8th; 1–3 Oct (2024 revision)
==========  ===================================================================

Lunar dates and the Qingming solar term come from ``lunar-python`` (astronomical
computation; nothing typed in by hand), imported only when a year needs it.
What cannot be known is the make-up working days and where the State Council
moves a day off to make a bridge: the estimate is never official, and every
output that uses it says so (``holiday_data`` false).
"""

from __future__ import annotations

import datetime as dt
import functools

#: (first year in force, the revision, its rules); a rule is a fixed (month, day) or a lunar
#: ("lunar", month, day), ("eve",) for the last day of the 12th lunar month, ("qingming",)
_Rule = tuple[object, ...]
_NEW_YEAR: tuple[_Rule, ...] = ((1, 1),)
_NATIONAL_DAY: tuple[_Rule, ...] = ((10, 1), (10, 2), (10, 3))
_FESTIVALS: tuple[_Rule, ...] = (("qingming",), ("lunar", 5, 5), ("lunar", 8, 15))
REVISIONS: tuple[tuple[int, str, tuple[_Rule, ...]], ...] = (
    (
        2000,
        "1999",
        (
            *_NEW_YEAR,
            *(("lunar", 1, d) for d in (1, 2, 3)),
            *((5, d) for d in (1, 2, 3)),
            *_NATIONAL_DAY,
        ),
    ),
    (
        2008,
        "2007",
        (
            *_NEW_YEAR,
            ("eve",),
            ("lunar", 1, 1),
            ("lunar", 1, 2),
            (5, 1),
            *_FESTIVALS,
            *_NATIONAL_DAY,
        ),
    ),
    (
        2014,
        "2013",
        (
            *_NEW_YEAR,
            *(("lunar", 1, d) for d in (1, 2, 3)),
            (5, 1),
            *_FESTIVALS,
            *_NATIONAL_DAY,
        ),
    ),
    (
        2025,
        "2024",
        (
            *_NEW_YEAR,
            ("eve",),
            *(("lunar", 1, d) for d in (1, 2, 3)),
            (5, 1),
            (5, 2),
            *_FESTIVALS,
            *_NATIONAL_DAY,
        ),
    ),
)


def revision(year: int) -> str:
    """The revision of the measures in force in ``year`` (the earliest one before 2000)."""
    found = REVISIONS[0][1]
    for first, name, _ in REVISIONS:
        if year >= first:
            found = name
    return found


def _rules(year: int) -> tuple[_Rule, ...]:
    found = REVISIONS[0][2]
    for first, _, rules in REVISIONS:
        if year >= first:
            found = rules
    return found


def _day(rule: _Rule, year: int) -> dt.date:
    from lunar_python import Lunar  # lazily: only a year without official data needs it

    kind = rule[0]
    if isinstance(kind, int):
        return dt.date(year, kind, int(rule[1]))  # type: ignore[call-overload]
    if kind == "lunar":
        solar = Lunar.fromYmd(year, int(rule[1]), int(rule[2])).getSolar()  # type: ignore[call-overload]
    elif kind == "eve":  # the day before the lunar new year, whatever the 12th month's length
        solar = Lunar.fromYmd(year, 1, 1).next(-1).getSolar()
    else:  # the Qingming solar term of the lunar year that starts in this Gregorian year
        solar = Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"]
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


@functools.cache
def statutory_days_off(year: int) -> frozenset[dt.date]:
    """The statutory days off of ``year`` under the revision then in force (weekends aside).

    Every date lies in ``year``: the lunar new year falls between 21 January and
    20 February, so its Eve and first days never leave the Gregorian year.
    """
    return frozenset(_day(rule, year) for rule in _rules(year))


def source(year: int) -> str:
    """How ``year``'s estimate was made, for the ``holiday_source`` field."""
    return f"estimate: statutory holidays ({revision(year)} revision), no make-up days"
