"""``deadline --format text``: a block for one licence, a table for several, and notices.

One licence prints as aligned lines, several as a table sorted by urgency; the
status is coloured only when the caller asks (a terminal without NO_COLOR).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from unicodedata import east_asian_width

from icp_renew.deadline import FILING_DAYS, Assessment, Status
from icp_renew.i18n import Lang
from icp_renew.messages import t

#: each status's colour; its words are ``deadline.status-<status>``
_COLOURS: dict[str, str] = {
    "expired": "magenta",
    "overdue": "red",
    "due-soon": "yellow",
    "ok": "green",
}
#: the finding whose hint explains a status (the same words as `check`)
_HINTS = {"expired": "license-expired", "overdue": "past-filing-deadline"}
#: --fail-within lists at most this many licences by name.
_LIST_MAX = 10


def status_label(status: Status, lang: Lang) -> str:
    return t(f"deadline.status-{status}", lang)


def _colour(text: str, status: Status) -> str:
    """``text`` in the status colour (ANSI; only called for a terminal without NO_COLOR)."""
    from icp_renew.formats.terminal import RESET, sgr

    return f"{sgr('bold ' + _COLOURS[status])}{text}{RESET}"


def _day(day: dt.date, lang: Lang) -> str:
    weekday = t(f"deadline.weekday-{day.weekday()}", lang)
    return t("deadline.day", lang, day=day.isoformat(), weekday=weekday)


def _days_left(a: Assessment, lang: Lang) -> str:
    if a.days_left >= 0:
        return t("deadline.days", lang, days_left=a.days_left)
    return t("deadline.days-ago", lang, value=-a.days_left)


def _holidays(a: Assessment, lang: Lang) -> str:
    """Where the holidays came from: the official data, a file, the estimate, or nothing."""
    if a.estimated_years and a.estimated_years[-1] == a.filing_deadline.year:
        from icp_renew.holiday_estimate import revision

        return t("deadline.estimated-source", lang, revision=revision(a.filing_deadline.year))
    return a.holiday_source or t("deadline.none-weekends-only", lang)


def render_one(a: Assessment, lang: Lang, *, color: bool = False, width: int = 80) -> str:
    """The full picture of one licence, as aligned plain lines; a value longer than the
    terminal (``width`` columns) goes on under itself."""
    status = status_label(a.status, lang)
    if color:
        status = _colour(status, a.status)
    expires = _day(a.expires, lang)
    if a.expiry_derived and a.issued is not None:
        expires += t("deadline.derived-from-the-issue-date-2", lang, value=a.issued.isoformat())
    who = " ".join(x for x in (a.license_number, a.name) if x) or "-"
    r = a.annual_report
    holidays = _holidays(a, lang)
    rows = [
        (t("deadline.licence-2", lang), who),
        (t("deadline.expires", lang), expires),
        (
            t("deadline.filing-deadline", lang),
            _day(a.filing_deadline, lang)
            + t("deadline.days-before-expiry-order-42", lang, FILING_DAYS=FILING_DAYS),
        ),
        (t("deadline.latest-working-day", lang), _day(a.latest_working_day, lang)),
        (t("deadline.days-left-2", lang), _days_left(a, lang)),
        (t("deadline.status", lang), status),
        (
            t("deadline.annual-report", lang),
            t(
                "deadline.to-for-art-35",
                lang,
                value=r.opens.isoformat(),
                value2=r.closes.isoformat(),
                year=r.year,
            ),
        ),
        (t("deadline.holiday-data", lang), holidays),
        (t("deadline.today", lang), a.today.isoformat()),
    ]
    hint = _HINTS.get(a.status)
    if hint is not None:
        from icp_renew.findings import FINDING_CODES

        rows.insert(6, ("", FINDING_CODES[hint].hint(lang)))
    from icp_renew.formats.wrap import wrap

    left = max(_width(label) for label, _ in rows)
    lines = []
    for label, value in rows:
        parts = (
            wrap(value, max(20, width - left - 2)) if _width(value) > width - left - 2 else [value]
        )
        lines.append(f"{_pad(label, left - _width(label))}  {parts[0]}")
        lines += [" " * (left + 2) + part for part in parts[1:]]
    lines.append(t("deadline.suggested-plan-a-suggestion-only", lang))
    for step in a.plan:
        past = t("deadline.past", lang) if step.date < a.today else ""
        lines.append(f"  {_day(step.date, lang)}  {t(f'deadline.step-{step.step}', lang)}{past}")
    return "\n".join(lines)


def _width(text: str) -> int:
    """Display width in a terminal: wide (CJK) characters take two columns."""
    if text.isascii():
        return len(text)
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, gap: int, right: bool = False) -> str:
    """``text`` with ``gap`` spaces after it (before it when ``right``)."""
    return " " * gap + text if right else text + " " * gap


def render_table(
    items: Sequence[Assessment], lang: Lang, *, color: bool = False, width: int | None = None
) -> str:
    """Several licences, most urgent first, as aligned columns; the status coloured on request;
    two lines a licence when the columns would be wider than ``width``.

    Plain columns rather than a rich table: rich takes about half a millisecond a row, five
    seconds for an agency's 10,000 licences; this takes a few milliseconds for all of them.
    """
    header = (
        t("deadline.status", lang),
        t("deadline.days-left", lang),
        t("deadline.latest-working-day", lang),
        t("deadline.filing-deadline", lang),
        t("deadline.expires", lang),
        t("deadline.licence", lang),
        t("deadline.name", lang),
    )
    rows = [
        (
            status_label(a.status, lang),
            str(a.days_left),
            a.latest_working_day.isoformat() + ("" if a.holiday_data else "†"),
            a.filing_deadline.isoformat(),
            a.expires.isoformat() + ("*" if a.expiry_derived else ""),
            a.license_number or "-",
            a.name or "",
        )
        for a in items
    ]
    cell_widths = [[_width(cell) for cell in row] for row in (header, *rows)]
    widths = [max(w[i] for w in cell_widths) for i in range(len(header))]
    last = len(header) - 1
    if width is not None and sum(widths) + 2 * last > width:
        return _stacked(items, header, rows, lang, color, width)

    def line(row: Sequence[str], sizes: list[int], status: Status | None = None) -> str:
        cells = [
            _pad(cell, widths[i] - sizes[i], right=i == 1) if i < last else cell
            for i, cell in enumerate(row)
        ]
        if color and status is not None:
            cells[0] = _colour(cells[0], status)
        return "  ".join(cells).rstrip()

    out = [
        line(header, cell_widths[0]),
        "  ".join("─" * w for w in widths[:last]) + "  " + "─" * max(widths[last], 4),
    ]
    out.extend(
        line(row, sizes, a.status)
        for row, sizes, a in zip(rows, cell_widths[1:], items, strict=True)
    )
    if any(a.expiry_derived for a in items):
        out.append(t("deadline.expiry-derived-from-the-issue", lang))
    footnote = _dagger(items, lang)
    if footnote:
        out.append(footnote)
    return "\n".join(out)


def _stacked(
    items: Sequence[Assessment],
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    lang: Lang,
    color: bool,
    width: int,
) -> str:
    """The table as blocks: status, days left, licence and name, then the dates, labelled."""
    from icp_renew.formats.wrap import wrap

    sep = t("deadline.separator", lang)
    out: list[str] = []
    for a, row in zip(items, rows, strict=True):
        status = _colour(row[0], a.status) if color else row[0]
        days = _days_left(a, lang)
        first = "  ".join(x for x in (row[0], days, row[5], row[6]) if x)
        head = wrap(first, width)
        if color:
            head[0] = head[0].replace(row[0], status, 1)
        out += head
        line = ""
        for i in (2, 3, 4):  # a label stays with its date
            pair = f"{header[i]} {row[i]}"
            if line and _width(line + sep + pair) > width - 2:
                out.append("  " + line.rstrip())
                line = ""
            line += (sep if line else "") + pair
        out.append("  " + line)
    if any(a.expiry_derived for a in items):
        out.append(t("deadline.expiry-derived-from-the-issue", lang))
    footnote = _dagger(items, lang)
    if footnote:
        out.append(footnote)
    return "\n".join(out)


def _dagger(items: Sequence[Assessment], lang: Lang) -> str | None:
    """What ``†`` means: an estimated year, or weekends only (no holiday data at all)."""
    if not any(not a.holiday_data for a in items):
        return None
    if all(set(a.missing_years) == set(a.estimated_years) for a in items):
        return t("deadline.estimated-footnote", lang)
    return t("deadline.weekends-only-no-holiday-data", lang)


def render(
    items: Sequence[Assessment],
    *,
    lang: Lang = "en",
    single: bool = False,
    quiet: bool = False,
    fail: int | None = None,
    tripped: Sequence[Assessment] = (),
    color: bool = False,
    width: int = 80,
) -> str:
    """The text report: the holiday warning, one licence in full or a table, the notice of
    ``--fail-within``. ``quiet`` keeps only the licences that are not ok or that tripped."""
    warning = holiday_warning(items, lang)
    if quiet:
        shown = [a for a in items if a.status != "ok" or (fail is not None and a.within(fail))]
        body = _body(shown, single, lang, color, width) if shown else None
    else:
        body = (
            _body(items, single, lang, color, width) if items else t("deadline.no-licences", lang)
        )
    return "\n".join(p for p in (warning, body, _failed(tripped, fail, lang)) if p)


def _body(items: Sequence[Assessment], single: bool, lang: Lang, color: bool, width: int) -> str:
    if single:
        return render_one(items[0], lang, color=color, width=width)
    return render_table(items, lang, color=color, width=width)


def notices(
    items: Sequence[Assessment], tripped: Sequence[Assessment], fail: int | None, lang: Lang
) -> list[str]:
    """The lines other formats print on stderr: the holiday warning, the --fail-within notice."""
    return [n for n in (holiday_warning(items, lang), _failed(tripped, fail, lang)) if n]


def _failed(tripped: Sequence[Assessment], fail: int | None, lang: Lang) -> str | None:
    return fail_notice(tripped, fail, lang) if fail is not None and tripped else None


def holiday_warning(items: Sequence[Assessment], lang: Lang) -> str | None:
    """The warning line when a year had no holiday data (``holiday_data`` false)."""
    years = sorted({y for a in items for y in a.missing_years})
    if not years:
        return None
    listed = ", ".join(str(y) for y in years)
    estimated = {y for a in items for y in a.estimated_years}
    if estimated.issuperset(years):
        return t("deadline.estimated-warning", lang, years=listed)
    return t("deadline.warning-no-official-holiday-data", lang, listed=listed)


def fail_notice(tripped: Sequence[Assessment], days: int, lang: Lang) -> str:
    """Which licences tripped ``--fail-within``."""
    names = ", ".join(
        f"{a.license_number or a.expires.isoformat()} ({a.days_left})" for a in tripped[:_LIST_MAX]
    )
    more = len(tripped) - _LIST_MAX
    if more > 0:
        names += t("deadline.and-more", lang, more=more)
    return t(
        "deadline.fail-within-licence-s-within", lang, days=days, value=len(tripped), names=names
    )
