"""What a licence says, found in its text (a text layer or the recognised lines of a scan).

Pure functions of a string; honest about uncertainty, since a misread character
must never become a false accusation:

- a USCC or a resident ID number counts only when its check character is valid
  (GB 32100-2015 mod 31, ``stdnum.cn.uscc``; GB 11643 mod 11, ``stdnum.cn.ric``)
  — a number misread by one character fails its check and is "not read";
- names are compared after NFKC (full-width and half-width forms alike) with
  all white space removed, and a name is "read" only where a label says what it
  is (名称, 公司名称, 域名持有者, 姓名 …);
- dates in the forms licences print: ``2026年5月31日``, ``2026-05-31``,
  ``2026.05.31``, ``2026/5/31``, ``二〇二六年五月三十一日``; an expiry is a
  date after 至 / 有效期至 / 到期 or the second date of a range.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence

#: dashes OCR and typists use for the hyphen of a licence number or a date
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−－~～", "-"))
#: labels that end a value when a line holds several (类型 after a name, …)
_STOP_LABELS = (
    "类型",
    "住所",
    "法定代表人",
    "注册资本",
    "成立日期",
    "性别",
    "民族",
    "出生",
    "住址",
)

PROVINCES = "京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新"
_LICENCE = re.compile(rf"[{PROVINCES}]?[A-Z]\d(?:[.·][A-Z]?\d)*-\d{{4,12}}")
_DATE = re.compile(r"(\d{4})(?:年|[-./])(\d{1,2})(?:月|[-./])(\d{1,2})日?")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "O": 0, "o": 0}
_CN_DATE = re.compile(
    r"([〇零一二三四五六七八九Oo]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_EXPIRY_BEFORE = re.compile(
    r"(?:有效期至|有效期限至|有效期限|有效期|到期日期|到期日|截止日期|至|到)[:：]?$"
)
#: an ASCII (or punycode) domain name; a Chinese one is compared by containment only
_DOMAIN = re.compile(
    r"(?<![a-z0-9.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,24}|xn--[a-z0-9-]{2,59})"
    r"(?![a-z0-9-])(?!\.[a-z0-9])"
)


def squash(text: str) -> str:
    """NFKC (full-width to half-width), dashes unified, all white space removed."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


def lines(text: str) -> list[str]:
    """The non-empty lines of ``text``, each squashed."""
    return [s for s in (squash(line) for line in text.splitlines()) if s]


def same_name(a: str, b: str) -> bool:
    """Two names are the same after NFKC and without white space (case-folded)."""
    return squash(a).casefold() == squash(b).casefold()


def contains(text: str, value: str) -> bool:
    """``value`` appears in ``text``, both squashed and case-folded (lines joined)."""
    needle = squash(value).casefold()
    return bool(needle) and needle in "".join(lines(text)).casefold()


def _windows(text: str, alphabet: str, length: int) -> Iterable[str]:
    for run in re.findall(f"[{alphabet}]{{{length},}}", text):
        for i in range(len(run) - length + 1):
            yield run[i : i + length]


def usccs(text: str) -> list[str]:
    """Every USCC with a valid check character in ``text`` (in order, without repeats)."""
    from stdnum.cn import uscc

    found: list[str] = []
    for candidate in _windows(squash(text).upper(), "0-9A-Z", 18):
        if candidate not in found and uscc.is_valid(candidate):
            found.append(candidate)
    return found


def id_numbers(text: str) -> list[str]:
    """Every resident ID number with a valid check character and a real birth date."""
    from stdnum.cn import ric

    found: list[str] = []
    for candidate in _windows(squash(text).upper(), "0-9X", 18):
        if candidate in found or "X" in candidate[:17]:
            continue
        try:
            ric.get_birth_date(candidate)
        except Exception:  # an impossible birth date: not an ID number
            continue
        if ric.calc_check_digit(candidate) == candidate[17]:  # it takes the whole number
            found.append(candidate)
    return found


def licence_numbers(text: str) -> list[str]:
    """Licence numbers (``京B2-20210001``, ``B1-20190001``, ``B1.B2-20180001``)."""
    found: list[str] = []
    for match in _LICENCE.finditer(squash(text).upper()):
        if match.group() not in found:
            found.append(match.group())
    return found


def licence_number(value: str) -> str:
    """A licence number as :func:`licence_numbers` returns it (for comparison)."""
    return squash(value).upper()


def _cn_number(text: str) -> int:
    """一 … 三十一 (a month or a day in Chinese numerals)."""
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    tens, _, units = text.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (
        _CN_DIGITS.get(units, 0) if units else 0
    )


def dates(text: str) -> list[tuple[dt.date, bool]]:
    """Every date in ``text`` with whether it is an expiry (after 至, 有效期至, 到期, or the
    second date of a range), in order of appearance."""
    flat = squash(text)
    hits: list[tuple[int, int, dt.date]] = []
    for m in _DATE.finditer(flat):
        y, mo, d = (int(g) for g in m.groups())
        hits.extend(_valid(m.start(), m.end(), y, mo, d))
    for m in _CN_DATE.finditer(flat):
        y = int("".join(str(_CN_DIGITS[c]) for c in m.group(1)))
        hits.extend(_valid(m.start(), m.end(), y, _cn_number(m.group(2)), _cn_number(m.group(3))))
    hits.sort()
    out: list[tuple[dt.date, bool]] = []
    previous_end = -10
    for start, end, day in hits:
        before = flat[max(0, start - 8) : start]
        if out and flat[previous_end:start] in ("-", "至", "到"):
            out[-1] = (out[-1][0], False)  # the start of a range: 2021年6月1日至2026年5月31日
            out.append((day, True))
        else:
            out.append((day, bool(_EXPIRY_BEFORE.search(before))))
        previous_end = end
    return out


def _valid(start: int, end: int, y: int, mo: int, d: int) -> list[tuple[int, int, dt.date]]:
    try:
        return [(start, end, dt.date(y, mo, d))] if 1900 < y < 2200 else []
    except ValueError:
        return []


def domains(text: str) -> list[str]:
    """Domain-like names in ``text``, lower-case (。 read as a dot)."""
    flat = unicodedata.normalize("NFKC", text).replace("。", ".").lower()
    found: list[str] = []
    for m in _DOMAIN.finditer(flat):
        name = m.group().strip(".")
        if name not in found:
            found.append(name)
    return found


def labelled(text: str, labels: Sequence[str], exclude: Sequence[str] = ()) -> str | None:
    """The value written after the first of ``labels`` found at the start of a line.

    The value is the rest of that line (after a colon), cut at the next label of another
    field (类型, 住所, …); when the label stands alone on its line, the next line. A line
    that starts with one of ``exclude`` (a longer label: 域名持有者 for 域名) is skipped.
    """
    rows = lines(text)
    for label in labels:
        for i, row in enumerate(rows):
            if not row.startswith(label) or any(row.startswith(x) for x in exclude):
                continue
            value = row[len(label) :].lstrip(":：")
            if not value and i + 1 < len(rows):
                value = rows[i + 1]
            for stop in _STOP_LABELS:
                cut = value.find(stop)
                if cut > 0:
                    value = value[:cut]
            if len(value) >= 2:
                return value
    return None
