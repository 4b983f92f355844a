"""The licences ``deadline`` works on: from a CSV portfolio or from dossiers.

A CSV (an agency's list of clients) has a header row with the columns
``name``, ``license_number`` and ``expires`` (the Chinese headers 企业名称,
许可证编号 and 有效期至 are accepted too; other columns are ignored, ``name`` may
be left out). An optional ``issued`` column gives the issue date; a row with no
``expires`` then gets its expiry derived from it. Dates take the forms of
:func:`icp_renew.dates.parse_date`.

The file is read as UTF-8 with or without a byte-order mark (what Excel's
"CSV UTF-8" writes). A GBK file (Excel's plain "CSV" on Chinese Windows) is
refused with a message naming ``--encoding gbk``, which reads it. Every
mistake is a :class:`UserError` naming the file, the row (the line number, the
header being line 1, as a spreadsheet counts) and the column. A bad row does
not stop the others (:func:`parse_csv_rows`).

The same licence given twice (in two dossiers, a dossier and a row, two rows)
is one entry (:func:`deduplicate`); copies that disagree on the expiry are
reported.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from icp_renew.dates import DateFormatError, parse_date
from icp_renew.errors import UserError, os_error

COLUMNS = ("name", "license_number", "expires")
REQUIRED = ("license_number", "expires")
_ALIASES = {
    "company": "name",
    "企业名称": "name",
    "公司名称": "name",
    "名称": "name",
    "license": "license_number",
    "licence": "license_number",
    "licence_number": "license_number",
    "number": "license_number",
    "许可证编号": "license_number",
    "许可证号": "license_number",
    "expiry": "expires",
    "valid_until": "expires",
    "有效期至": "expires",
    "到期日": "expires",
    "issue_date": "issued",
    "发证日期": "issued",
}


@dataclass(frozen=True)
class Licence:
    """One licence as read from an input, before it is assessed."""

    expires: dt.date | None  # the printed expiry; None: derive it from ``issued``
    license_number: str | None
    name: str | None = None
    issued: dt.date | None = None
    source: str | None = None  # "clients.csv:5", a dossier path
    reported_years: tuple[int, ...] = ()  # annual-report-filed events of a dossier's timeline
    change_due: bool = False  # the dossier owes a change filing (docs/process.md)


# --- CSV ------------------------------------------------------------------------------------


def decode(raw: bytes, source: str, encoding: str | None = None) -> str:
    """The text of a CSV file: UTF-8 (BOM optional) unless ``encoding`` says otherwise."""
    if b"\x00" in raw:
        utf16 = raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        raise UserError("deadline.csv-utf16" if utf16 else "deadline.csv-nul", source=source)
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding).name
        except (LookupError, ValueError):  # ValueError: a NUL in the name
            raise UserError(
                "deadline.unknown-encoding", source="--encoding", encoding=repr(encoding)
            ) from None
        try:
            return raw.decode("utf-8-sig" if codec == "utf-8" else codec)
        except UnicodeDecodeError as exc:
            raise UserError(
                "deadline.bad-encoding",
                source=source,
                line=raw[: exc.start].count(b"\n") + 1,
                encoding=encoding,
                byte=exc.start,
            ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        try:
            raw.decode("gbk")
        except UnicodeDecodeError:
            key = "deadline.csv-not-utf8"
        else:
            key = "deadline.csv-gbk"
        raise UserError(key, source=source, line=line, byte=exc.start) from None


def _column(header: str) -> str:
    key = header.strip().lower().replace(" ", "_").replace("-", "_")
    return _ALIASES.get(key, key)


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


def _date_cell(value: str, source: str, line: int, column: str) -> dt.date:
    try:
        return parse_date(value)
    except DateFormatError as exc:
        raise UserError(exc.text, source=source, line=line, field=column) from None


def parse_csv(text: str, source: str) -> list[Licence]:
    """Parse a portfolio CSV (see the module docstring); the first bad row is an error."""
    licences, problems = parse_csv_rows(text, source)
    if problems:
        raise problems[0]
    return licences


def parse_csv_rows(text: str, source: str) -> tuple[list[Licence], list[UserError]]:
    """Parse a portfolio CSV: the usable rows, and each bad row's error (a bad row never
    stops the others). A bad header, or a file that is not CSV, is an error of the whole
    file. Blank rows are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = _rows(reader, source)
    try:
        header_line, header = next(rows)
    except StopIteration:
        raise UserError(
            "deadline.csv-empty", source=source, line=1, columns=", ".join(COLUMNS)
        ) from None
    index: dict[str, int] = {}
    for i, cell in enumerate(header):
        col = _column(cell)
        if col in index and col in (*COLUMNS, "issued"):
            raise UserError(
                "deadline.csv-column-twice",
                source=source,
                line=header_line,
                field=cell.strip(),
                column=repr(col),
            )
        index.setdefault(col, i)
    missing = [c for c in REQUIRED if c not in index]
    if missing:
        found = ", ".join(h.strip() for h in header if h.strip())
        raise UserError(
            "deadline.csv-missing-column" if found else "deadline.csv-missing-column-none",
            source=source,
            line=header_line,
            column=repr(missing[0]),
            columns=", ".join(COLUMNS),
            found=found,
        )
    i_name, i_number = index.get("name"), index["license_number"]
    i_expires, i_issued = index["expires"], index.get("issued")
    out: list[Licence] = []
    problems: list[UserError] = []
    for line, row in rows:
        try:
            out.append(_row(row, source, line, i_name, i_number, i_expires, i_issued))
        except UserError as exc:
            problems.append(exc)
    return out, problems


def _row(
    row: list[str],
    source: str,
    line: int,
    i_name: int | None,
    i_number: int,
    i_expires: int,
    i_issued: int | None,
) -> Licence:
    number = _cell(row, i_number)
    expires_text = _cell(row, i_expires)
    issued_text = _cell(row, i_issued)
    if not number:
        raise UserError(
            "deadline.csv-no-number",
            source=source,
            line=line,
            field="license_number",
        )
    if not expires_text and not issued_text:
        raise UserError(
            "deadline.csv-no-expires",
            source=source,
            line=line,
            field="expires",
        )
    return Licence(
        expires=_date_cell(expires_text, source, line, "expires") if expires_text else None,
        license_number=number,
        name=_cell(row, i_name) or None,
        issued=_date_cell(issued_text, source, line, "issued") if issued_text else None,
        source=f"{source}:{line}",
    )


def _rows(reader: Any, source: str) -> Iterator[tuple[int, list[str]]]:
    """Non-blank rows with the line each starts on."""
    line_num = 0
    while True:
        start = line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise UserError("deadline.csv-invalid", source=source, line=start) from None
        line_num = reader.line_num
        if any(cell.strip() for cell in row):
            yield start, row


def read_csv(
    path: Path, *, encoding: str | None = None, display: str | None = None
) -> list[Licence]:
    """Read a portfolio CSV file (the first bad row is an error)."""
    licences, problems = read_csv_rows(path, encoding=encoding, display=display)
    if problems:
        raise problems[0]
    return licences


def read_csv_rows(
    path: Path, *, encoding: str | None = None, display: str | None = None
) -> tuple[list[Licence], list[UserError]]:
    """Read a portfolio CSV file: the usable rows and the errors of the bad ones."""
    source = display or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError("errors.file-not-found", source=source) from None
    except IsADirectoryError:
        raise UserError("deadline.csv-is-directory", source=source) from None
    except OSError as exc:
        raise UserError(os_error(exc, "errors.cannot-read"), source=source) from None
    return parse_csv_rows(decode(raw, source, encoding), source)


# --- dossiers -------------------------------------------------------------------------------


def read_dossier(path: Path) -> Licence:
    """The licence of a dossier (``path``: the folder or its ``dossier.yaml``)."""
    from icp_renew.dossier.config import DOSSIER_FILE, load_config
    from icp_renew.errors import DossierError

    if not path.is_dir() and not (path.name == DOSSIER_FILE and path.is_file()):
        # the words of `check`: a file is not read as YAML unless it is a dossier.yaml
        if not path.exists():
            raise DossierError("errors.no-such-folder", source=str(path))
        raise DossierError("errors.dossier-not-folder", source=str(path))
    config = load_config(path)
    file = path / DOSSIER_FILE if path.is_dir() else path
    licence = config.license
    if licence.expires is None:
        raise UserError(
            "deadline.dossier-no-expires",
            source=str(file),
            field="license.expires",
        )
    expires, number, issued = licence.expires, licence.number, licence.issued
    reported: tuple[int, ...] = ()
    change_due = False
    if config.timeline or licence.holder or licence.legal_representative:
        from icp_renew.process.assess import change_alerts
        from icp_renew.process.timeline import replay

        state = replay(config.timeline)
        reported = tuple(sorted(state.reports))
        change_due = bool(change_alerts(config, state, dt.date.min))
        if state.license_received is not None:  # renewed: the new licence is the one that runs
            new = config.timeline[state.license_received]
            if new.expires is not None and new.number is not None:
                expires, number, issued = new.expires, new.number, new.issued
    return Licence(
        expires=expires,
        license_number=number,
        name=config.company.name,
        issued=issued,
        source=str(path),
        reported_years=reported,
        change_due=change_due,
    )


# --- many inputs: one entry per licence, and what could not be used -------------------------


@dataclass(frozen=True)
class Unusable:
    """A dossier or CSV row (or a whole CSV file) that could not be used, and why."""

    source: str
    error: str  # the one-line reason, naming the file, the line and the field

    @classmethod
    def of(cls, exc: UserError, source: str | None = None) -> Unusable:
        where = source or exc.source or "?"
        if source is None and exc.source is not None and exc.line is not None:
            where = f"{exc.source}:{exc.line}"
        from icp_renew.i18n import current

        return cls(where, exc.render(current()).replace("\n", " "))

    def to_json(self) -> dict[str, str]:
        return {"source": self.source, "error": self.error}


def effective_expiry(lic: Licence) -> dt.date | None:
    if lic.expires is not None:
        return lic.expires
    if lic.issued is None:
        return None
    from icp_renew.deadline import derive_expiry

    return derive_expiry(lic.issued)


def deduplicate(licences: list[Licence]) -> tuple[list[Licence], list[tuple[Licence, Licence]]]:
    """One entry per licence number, in the order first given; and each pair of copies that
    disagree on the expiry (kept, dropped). A printed expiry beats a derived one; otherwise the
    first copy wins. A licence without a number cannot be matched and is kept as it is."""
    kept: dict[str, int] = {}
    out: list[Licence] = []
    disagree: list[tuple[Licence, Licence]] = []
    for lic in licences:
        key = (lic.license_number or "").strip()
        if not key:
            out.append(lic)
            continue
        if key not in kept:
            kept[key] = len(out)
            out.append(lic)
            continue
        first = out[kept[key]]
        if first.expires is None and lic.expires is not None:  # printed beats derived
            first, lic = lic, first
        if effective_expiry(first) != effective_expiry(lic):
            disagree.append((first, lic))
        out[kept[key]] = replace(first, name=first.name or lic.name)
    return out, disagree
