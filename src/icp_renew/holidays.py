"""Working days in mainland China: the official calendar, a user's file, or weekends only.

The official calendar (the State Council's notice each year, with its weekend
make-up working days, 调休) comes from the ``chinese_calendar`` package
(``chinesecalendar`` on PyPI). It covers 2004 up to the year of its latest
release. A later year is *estimated*: weekends plus the statutory days off that
:mod:`icp_renew.holiday_estimate` computes from the national measures on public
holidays (lunar dates and the Qingming solar term by ``lunar-python``); its
make-up working days cannot be known, so every answer says whether it had
official data (``holiday_data`` in the output) and whether it was estimated.

Until the package catches up, a user can supply a year with ``--holidays FILE``:

.. code-block:: yaml

    year: 2027
    off: [2027-01-01, 2027-02-08, …]     # weekdays (and weekend days) without work
    work: [2027-02-06]                    # weekend days that are working days (调休)

A file may also hold a list of such mappings. A year given in a file replaces
the package's data for that year. Dates use the forms of
:func:`icp_renew.dates.parse_date`. Mistakes are a :class:`UserError` naming
the file, the line and the field.

Nothing heavy is imported at module level: ``chinese_calendar`` is imported on
the first question about a year that no user file covers, pydantic only when
a file is read.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from icp_renew.errors import UserError

#: How far back a walk to the previous working day may go. The longest official break is 8
#: days, but a ``--holidays`` file may declare any weekday of its year off, even all of them:
#: past a whole year and its neighbours' weekends, the walk reaches ordinary weekdays again.
_MAX_WALK = 400


@dataclass(frozen=True)
class YearData:
    """One year's days off and make-up working days, and where they came from."""

    year: int
    off: frozenset[dt.date]
    work: frozenset[dt.date]
    source: str


@dataclass(frozen=True)
class Official:
    """The data of the installed ``chinese_calendar``."""

    holidays: Mapping[dt.date, object]
    workdays: Mapping[dt.date, object]
    first_year: int
    last_year: int
    version: str

    @property
    def source(self) -> str:
        return f"chinese_calendar {self.version}"


@functools.cache
def official() -> Official:
    """Import ``chinese_calendar`` once and keep its tables.

    The tables are read directly: its ``is_workday`` recomputes the supported
    range on every call, far too slow for a portfolio of 10,000 licences.
    """
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover - a broken installation: weekends only, and said so
        return Official({}, {}, first_year=0, last_year=-1, version="missing")
    years = [d.year for d in chinese_calendar.holidays]
    return Official(
        holidays=chinese_calendar.holidays,
        workdays=chinese_calendar.workdays,
        first_year=min(years),
        last_year=max(years),
        version=str(getattr(chinese_calendar, "__version__", "?")),
    )


@dataclass(frozen=True)
class Lookup:
    """A working day found, and the years consulted that had no holiday data."""

    day: dt.date
    missing_years: frozenset[int]

    @property
    def holiday_data(self) -> bool:
        return not self.missing_years


class HolidayCalendar:
    """Which days are working days, by year: user data, else the official calendar, else
    weekends only. ``use_official=False`` gives weekends only (plus user data)."""

    def __init__(
        self,
        years: Iterable[YearData] = (),
        *,
        use_official: bool = True,
        estimate: bool | None = None,
    ) -> None:
        self._years: dict[int, YearData] = {y.year: y for y in years}
        self._use_official = use_official
        # a year without data: the statutory days off, computed (default: with the official data)
        self._estimate = use_official if estimate is None else estimate
        self._estimated: dict[int, frozenset[dt.date] | None] = {}
        # answers are memoised: a portfolio's 10,000 licences share a few hundred dates
        self._cache: dict[dt.date, bool] = {}
        self._latest: dict[dt.date, Lookup] = {}
        self._before: dict[tuple[dt.date, int], dt.date] = {}

    def source(self, year: int) -> str | None:
        """Where ``year``'s holidays come from; ``None`` when only weekends are known."""
        if year in self._years:
            return self._years[year].source
        if self._use_official:
            data = official()
            if data.first_year <= year <= data.last_year:
                return data.source
        return None

    def covers(self, year: int) -> bool:
        return self.source(year) is not None

    def estimate(self, year: int) -> frozenset[dt.date] | None:
        """The estimated days off of a year without data; ``None``: weekends only."""
        if not self._estimate or self.covers(year):
            return None
        if year not in self._estimated:
            from icp_renew.holiday_estimate import statutory_days_off

            try:
                self._estimated[year] = statutory_days_off(year)
            except (ImportError, ValueError):  # pragma: no cover - a broken install, a wild year
                self._estimated[year] = None
        return self._estimated[year]

    def estimated(self, year: int) -> bool:
        """Is ``year`` estimated from the statutory days off (no official data)?"""
        return self.estimate(year) is not None

    def describe(self, year: int) -> str | None:
        """Where ``year``'s days off come from: the official data, a file, or the estimate."""
        found = self.source(year)
        if found is None and self.estimated(year):
            from icp_renew.holiday_estimate import source

            return source(year)
        return found

    def is_workday(self, day: dt.date) -> bool:
        cached = self._cache.get(day)
        if cached is not None:
            return cached
        user = self._years.get(day.year)
        if user is not None:
            result = day in user.work or (day.weekday() < 5 and day not in user.off)
        elif self._use_official and self.covers(day.year):
            data = official()
            result = day in data.workdays or (day.weekday() < 5 and day not in data.holidays)
        else:
            estimated = self.estimate(day.year)
            result = day.weekday() < 5 and (estimated is None or day not in estimated)
        self._cache[day] = result
        return result

    def latest_workday(self, day: dt.date) -> Lookup:
        """The last working day on or before ``day``, and the years that lacked data."""
        found = self._latest.get(day)
        if found is None:
            current = day
            missing = {current.year} if not self.covers(current.year) else set()
            for _ in range(_MAX_WALK):
                if self.is_workday(current):
                    break
                current -= dt.timedelta(days=1)
                if current.year not in missing and not self.covers(current.year):
                    missing.add(current.year)
            else:  # pragma: no cover - no calendar has a month without work
                raise ValueError(f"no working day in the {_MAX_WALK} days up to {day}")
            found = self._latest[day] = Lookup(current, frozenset(missing))
        return found

    def workdays_before(self, day: dt.date, count: int) -> dt.date:
        """The working day ``count`` working days before ``day`` (``count`` ≥ 0)."""
        found = self._before.get((day, count))
        if found is None:
            found = self.latest_workday(day).day
            for _ in range(count):
                found = self.latest_workday(found - dt.timedelta(days=1)).day
            self._before[(day, count)] = found
        return found


@functools.cache
def official_calendar() -> HolidayCalendar:
    """The shared default calendar (official data, no user files)."""
    return HolidayCalendar()


# --- user files -----------------------------------------------------------------------------


@functools.cache
def _year_model() -> Any:
    """The pydantic model of one year in a holidays file (built on first use)."""
    from typing import Annotated

    from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

    from icp_renew.dates import parse_date

    def _date(value: object) -> object:
        # a DateFormatError carries its catalogue message: validation_error shows it alone
        return parse_date(value)

    Day = Annotated[dt.date, BeforeValidator(_date)]

    class HolidayYear(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

        year: int = Field(ge=1949, le=2100, description="the year these dates belong to")
        off: list[Day] = Field(default_factory=list, description="days without work")
        work: list[Day] = Field(default_factory=list, description="weekend days with work (调休)")

    return HolidayYear


def parse_holiday_file(path: Path, display: str | None = None) -> list[YearData]:
    """Read one ``--holidays`` file: a mapping ``{year, off, work}`` or a list of them."""
    from pydantic import TypeAdapter, ValidationError

    from icp_renew.yamlio import dotted, load_yaml_file, validation_error

    source = display or str(path)
    doc = load_yaml_file(path, source)
    model = _year_model()
    if isinstance(doc.data, dict):
        adapter: Any = TypeAdapter(model)
        many = False
    elif isinstance(doc.data, list) and doc.data:
        adapter = TypeAdapter(list[model])  # type: ignore[valid-type]
        many = True
    else:
        raise UserError(
            "deadline.holidays-not-mapping",
            source=source,
            line=doc.line_of(()),
        )
    try:
        parsed = adapter.validate_python(doc.data)
    except ValidationError as exc:
        raise validation_error(exc, doc, model) from None
    entries: Sequence[Any] = parsed if many else [parsed]
    out: list[YearData] = []
    seen: dict[int, tuple[str | int, ...]] = {}
    for index, entry in enumerate(entries):
        base: tuple[str | int, ...] = (index,) if many else ()
        if entry.year in seen:
            raise UserError(
                "deadline.holidays-year-twice",
                year=entry.year,
                source=source,
                line=doc.line_of((*base, "year")),
                field=dotted((*base, "year")),
            )
        seen[entry.year] = base
        for key in ("off", "work"):
            for k, day in enumerate(getattr(entry, key)):
                if day.year != entry.year:
                    raise UserError(
                        "deadline.holidays-wrong-year",
                        day=day.isoformat(),
                        year=entry.year,
                        source=source,
                        line=doc.line_of((*base, key, k)),
                        field=dotted((*base, key, k)),
                    )
        both = set(entry.off) & set(entry.work)
        if both:
            day = min(both)
            k = list(entry.work).index(day)
            raise UserError(
                "deadline.holidays-off-and-work",
                day=day.isoformat(),
                source=source,
                line=doc.line_of((*base, "work", k)),
                field=dotted((*base, "work", k)),
            )
        out.append(YearData(entry.year, frozenset(entry.off), frozenset(entry.work), source))
    return out


def load_calendar(files: Sequence[Path] = ()) -> HolidayCalendar:
    """The official calendar plus the years of ``files`` (a year may appear only once)."""
    if not files:
        return official_calendar()
    years: dict[int, YearData] = {}
    for path in files:
        for data in parse_holiday_file(path):
            if data.year in years:
                raise UserError(
                    "deadline.holidays-year-given",
                    year=data.year,
                    other=years[data.year].source,
                    source=data.source,
                    field="year",
                )
            years[data.year] = data
    return HolidayCalendar(years.values())
