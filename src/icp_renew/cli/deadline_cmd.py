"""``icp-renew deadline``: filing deadlines for one licence, many dossiers or a CSV portfolio.

Parses options at the edge, runs the pure core (:mod:`icp_renew.deadline`) and
prints. Kept light at import: ``cli/app.py`` imports it at start-up, and
``deadline`` must start close to bare Python (no rich, no pypdf, no rule models).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from icp_renew.cli.common import (
    LangOpt,
    OutputOpt,
    QuietOpt,
    TodayOpt,
    check_format,
    date_option,
    emit,
    handle_errors,
    resolve_lang,
    resolve_today,
    text_width,
    write_atomic,
)
from icp_renew.errors import UserError
from icp_renew.formats.registry import names

if TYPE_CHECKING:
    import datetime as dt

    from icp_renew.deadline import Assessment
    from icp_renew.i18n import Lang
    from icp_renew.portfolio import Licence


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("deadline")(deadline)


def _count_option(value: str | None, option: str) -> int | None:
    """A whole number of days ≥ 0 (parsed here so that a mistake is one line, exit 2)."""
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        number = -1
    if number < 0:
        raise UserError(f"expected a whole number of days ≥ 0, got {value!r}", source=option)
    return number


def _gather(
    dossiers: list[Path],
    expires: str | None,
    issued: str | None,
    license_number: str | None,
    csv_file: Path | None,
    encoding: str | None,
) -> list[Licence]:
    """Every licence named on the command line, in the order given."""
    from icp_renew.portfolio import Licence, read_csv, read_dossier

    licences: list[Licence] = []
    printed = date_option(expires, "--expires")
    issued_on = date_option(issued, "--issued")
    if printed is not None or issued_on is not None:
        licences.append(Licence(printed, license_number, issued=issued_on))
    elif license_number is not None:
        raise UserError("needs --expires DATE or --issued DATE", source="--license")
    licences.extend(read_dossier(path) for path in dossiers)
    if csv_file is not None:
        licences.extend(read_csv(csv_file, encoding=encoding))
    elif encoding is not None:
        raise UserError("applies only to --csv FILE", source="--encoding")
    if not licences and csv_file is None:  # an empty portfolio is fine: it reports nothing
        raise UserError(
            "nothing to compute: give --expires DATE (or --issued DATE), "
            "one or more DOSSIER folders, or --csv FILE",
            source="deadline",
        )
    return licences


def _color(output: Path | None) -> bool:
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@handle_errors
def deadline(
    dossiers: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="DOSSIER",
            show_default=False,
        ),
    ] = None,
    expires: Annotated[
        str | None,
        typer.Option(
            "--expires",
            "-e",
            metavar="DATE",
            show_default=False,
        ),
    ] = None,
    issued: Annotated[
        str | None,
        typer.Option(
            "--issued",
            metavar="DATE",
            show_default=False,
        ),
    ] = None,
    license_number: Annotated[
        str | None,
        typer.Option(
            "--license",
            "-l",
            metavar="NUMBER",
            show_default=False,
        ),
    ] = None,
    csv_file: Annotated[
        Path | None,
        typer.Option(
            "--csv",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            metavar="ENCODING",
            show_default=False,
        ),
    ] = None,
    today: TodayOpt = None,
    due_soon_days: Annotated[
        str,
        typer.Option(
            "--due-soon-days",
            metavar="N",
        ),
    ] = "60",
    fail_within: Annotated[
        str | None,
        typer.Option(
            "--fail-within",
            metavar="N",
            show_default=False,
        ),
    ] = None,
    holidays: Annotated[
        list[Path] | None,
        typer.Option(
            "--holidays",
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT")] = "text",
    output: OutputOpt = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """The ``deadline`` command (its help: ``"deadline"`` in ``messages/cli_help.py``)."""
    fmt = check_format(format, names("deadline"))
    lng = resolve_lang(lang)
    day = resolve_today(today)
    due = _count_option(due_soon_days, "--due-soon-days")
    fail = _count_option(fail_within, "--fail-within")
    from icp_renew.deadline import DUE_SOON_DAYS, assess
    from icp_renew.holidays import load_calendar
    from icp_renew.pii import redact

    def masked(text: str | None) -> str | None:  # an ID or mobile number typed in a name
        return redact(text) if text is not None else None

    licences = _gather(dossiers or [], expires, issued, license_number, csv_file, encoding)
    calendar = load_calendar(holidays or [])
    items = sorted(
        (
            assess(
                lic.expires,
                day,
                license_number=masked(lic.license_number),
                name=masked(lic.name),
                issued=lic.issued,
                due_soon_days=DUE_SOON_DAYS if due is None else due,
                calendar=calendar,
                source=masked(lic.source),
            )
            for lic in licences
        ),
        key=lambda a: a.sort_key(),
    )
    single = len(items) == 1 and csv_file is None
    tripped = [a for a in items if a.within(fail)] if fail is not None else []
    _report(items, day, single, fmt, lng, output, quiet, tripped, fail)
    if tripped:
        raise typer.Exit(1)


def _report(
    items: list[Assessment],
    today: dt.date,
    single: bool,
    fmt: str,
    lang: Lang,
    output: Path | None,
    quiet: bool,
    tripped: list[Assessment],
    fail: int | None,
) -> None:
    """Print or write the result; the notices go into a text report, else to stderr."""
    from icp_renew.formats.registry import module, renderer

    if fmt == "text":
        render = renderer("deadline", "text")
        text = render(
            items,
            lang=lang,
            single=single,
            quiet=quiet,
            fail=fail,
            tripped=tripped,
            color=_color(output),
            width=text_width(output),
        )
        emit(text, output)
        return
    if fmt == "json":
        emit(renderer("deadline", "json")(items, lang=lang, single=single), output)
    else:
        from icp_renew.formats.deadline_ics import dtstamp

        if not items:  # RFC 5545: a calendar holds at least one component
            raise UserError("no licences to put in a calendar", source="--format ics")
        stamp = dtstamp(today, os.environ.get("SOURCE_DATE_EPOCH"))
        ics = renderer("deadline", "ics")(items, stamp=stamp, lang=lang)
        if output is not None:
            write_atomic(output, ics)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(ics)
            sys.stdout.flush()
    for notice in module("deadline", "text").notices(items, tripped, fail, lang):
        typer.echo(notice, err=True)
