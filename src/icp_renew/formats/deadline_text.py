"""``deadline --format text``: a block for one licence, a table for several, and notices.

One licence prints as aligned lines, several as a table sorted by urgency; the
status is coloured only when the caller asks (a terminal without NO_COLOR).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from unicodedata import east_asian_width

from icp_renew.deadline import FILING_DAYS, Assessment, Status
from icp_renew.i18n import Lang, tr

_STATUS: dict[str, tuple[str, str, str]] = {  # zh, en, colour
    "expired": ("已过期", "expired", "magenta"),
    "overdue": ("已过申请期限", "overdue", "red"),
    "due-soon": ("临近申请期限", "due soon", "yellow"),
    "ok": ("正常", "ok", "green"),
}
_WEEKDAYS = (
    ("星期一", "Mon"),
    ("星期二", "Tue"),
    ("星期三", "Wed"),
    ("星期四", "Thu"),
    ("星期五", "Fri"),
    ("星期六", "Sat"),
    ("星期日", "Sun"),
)
_STEPS = {
    "prepare": ("开始准备材料", "start preparing"),
    "pre-check": ("预检材料（icp-renew check）", "pre-check (icp-renew check)"),
    "file": ("提交申请", "file the application"),
}
#: the finding whose hint explains a status (the same words as `check`)
_HINTS = {"expired": "license-expired", "overdue": "past-filing-deadline"}
#: --fail-within lists at most this many licences by name.
_LIST_MAX = 10


def status_label(status: Status, lang: Lang) -> str:
    zh, en, _ = _STATUS[status]
    return tr(lang, zh, en)


def _colour(text: str, status: Status) -> str:
    """``text`` in the status colour (ANSI; only called for a terminal without NO_COLOR)."""
    from icp_renew.formats.terminal import RESET, sgr

    return f"{sgr('bold ' + _STATUS[status][2])}{text}{RESET}"


def _day(day: dt.date, lang: Lang) -> str:
    zh, en = _WEEKDAYS[day.weekday()]
    return f"{day.isoformat()} ({tr(lang, zh, en)})"


def _days_left(a: Assessment, lang: Lang) -> str:
    if a.days_left >= 0:
        return tr(lang, f"{a.days_left} 天", f"{a.days_left} days")
    return tr(lang, f"已过 {-a.days_left} 天", f"{-a.days_left} days ago")


def render_one(a: Assessment, lang: Lang, *, color: bool = False, width: int = 80) -> str:
    """The full picture of one licence, as aligned plain lines; a value longer than the
    terminal (``width`` columns) goes on under itself."""
    status = status_label(a.status, lang)
    if color:
        status = _colour(status, a.status)
    expires = _day(a.expires, lang)
    if a.expiry_derived and a.issued is not None:
        expires += tr(
            lang,
            f"（由发证日期 {a.issued.isoformat()} 推算，以许可证所载为准）",
            f" (derived from the issue date {a.issued.isoformat()}; the printed date prevails)",
        )
    who = " ".join(x for x in (a.license_number, a.name) if x) or "-"
    r = a.annual_report
    holidays = a.holiday_source or tr(lang, "无（仅按周末）", "none (weekends only)")
    rows = [
        (tr(lang, "许可证", "Licence"), who),
        (tr(lang, "有效期至", "Expires"), expires),
        (
            tr(lang, "申请期限", "Filing deadline"),
            _day(a.filing_deadline, lang)
            + tr(
                lang,
                f"（到期前{FILING_DAYS}日，《电信业务经营许可管理办法》第二十七条）",
                f" ({FILING_DAYS} days before expiry, Order 42 Art. 27)",
            ),
        ),
        (tr(lang, "最后工作日", "Latest working day"), _day(a.latest_working_day, lang)),
        (tr(lang, "剩余", "Days left"), _days_left(a, lang)),
        (tr(lang, "状态", "Status"), status),
        (
            tr(lang, "年报", "Annual report"),
            tr(
                lang,
                f"{r.opens.isoformat()} 至 {r.closes.isoformat()}（{r.year}年度，第三十五条）",
                f"{r.opens.isoformat()} to {r.closes.isoformat()} (for {r.year}, Art. 35)",
            ),
        ),
        (tr(lang, "节假日数据", "Holiday data"), holidays),
        (tr(lang, "今天", "Today"), a.today.isoformat()),
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
    lines.append(tr(lang, "建议安排（仅供参考）：", "Suggested plan (a suggestion only):"))
    for step in a.plan:
        zh, en = _STEPS[step.step]
        past = tr(lang, "（已过）", " (past)") if step.date < a.today else ""
        lines.append(f"  {_day(step.date, lang)}  {tr(lang, zh, en)}{past}")
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
        tr(lang, "状态", "Status"),
        tr(lang, "剩余天数", "Days left"),
        tr(lang, "最后工作日", "Latest working day"),
        tr(lang, "申请期限", "Filing deadline"),
        tr(lang, "有效期至", "Expires"),
        tr(lang, "许可证编号", "Licence"),
        tr(lang, "企业名称", "Name"),
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
        out.append(tr(lang, "* 由发证日期推算的有效期", "* expiry derived from the issue date"))
    if any(not a.holiday_data for a in items):
        out.append(tr(lang, "† 仅按周末计算", "† weekends only (no holiday data)"))
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

    sep = tr(lang, "；", "; ")
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
        out.append(tr(lang, "* 由发证日期推算的有效期", "* expiry derived from the issue date"))
    if any(not a.holiday_data for a in items):
        out.append(tr(lang, "† 仅按周末计算", "† weekends only (no holiday data)"))
    return "\n".join(out)


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
            _body(items, single, lang, color, width)
            if items
            else tr(lang, "没有许可证", "no licences")
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
    return tr(
        lang,
        f"警告：{listed} 年没有官方节假日数据，最后工作日仅按周末计算；"
        "可用 --holidays FILE 补充该年的放假和调休安排。",
        f"warning: no official holiday data for {listed}: the latest working day counts "
        "weekends only; add the year's holidays with --holidays FILE.",
    )


def fail_notice(tripped: Sequence[Assessment], days: int, lang: Lang) -> str:
    """Which licences tripped ``--fail-within``."""
    names = ", ".join(
        f"{a.license_number or a.expires.isoformat()} ({a.days_left})" for a in tripped[:_LIST_MAX]
    )
    more = len(tripped) - _LIST_MAX
    if more > 0:
        names += tr(lang, f" 等，另有 {more} 个", f" and {more} more")
    return tr(
        lang,
        f"--fail-within {days}：{len(tripped)} 个许可证距申请期限 {days} 天以内或已过期限：{names}",
        f"--fail-within {days}: {len(tripped)} licence(s) within {days} days of the filing "
        f"deadline or past it: {names}",
    )
