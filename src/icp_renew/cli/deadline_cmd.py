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
    days_option,
    emit,
    handle_errors,
    resolve_lang,
    resolve_today,
    text_width,
    to_stdout,
    write_atomic,
)
from icp_renew.errors import UserError
from icp_renew.formats.registry import names
from icp_renew.messages import t

if TYPE_CHECKING:
    import datetime as dt

    from icp_renew.deadline import Assessment
    from icp_renew.i18n import Lang
    from icp_renew.portfolio import Licence, Unusable


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("deadline")(deadline)


def _gather(
    dossiers: list[Path],
    expires: str | None,
    issued: str | None,
    license_number: str | None,
    csv_file: Path | None,
    encoding: str | None,
) -> tuple[list[Licence], list[Unusable]]:
    """Every licence named on the command line, in the order given, and every input that
    could not be used: a bad dossier or CSV row never stops the others."""
    from icp_renew.portfolio import Licence, Unusable, read_csv_rows, read_dossier

    licences: list[Licence] = []
    unusable: list[Unusable] = []
    printed = date_option(expires, "--expires")
    issued_on = date_option(issued, "--issued")
    if printed is not None or issued_on is not None:
        licences.append(Licence(printed, license_number, issued=issued_on))
    elif license_number is not None:
        raise UserError("deadline.license-needs-date", source="--license")
    if csv_file is None and encoding is not None:
        raise UserError("deadline.encoding-needs-csv", source="--encoding")
    for path in dossiers:
        try:
            licences.append(read_dossier(path))
        except UserError as exc:
            unusable.append(Unusable.of(exc, str(path)))
    if csv_file is not None:
        try:
            rows, bad = read_csv_rows(csv_file, encoding=encoding)
        except UserError as exc:
            if exc.source == "--encoding":  # an option, not the file: nothing can be read
                raise
            unusable.append(Unusable.of(exc, str(csv_file)))
        else:
            licences.extend(rows)
            unusable.extend(Unusable.of(exc) for exc in bad)
    if not licences and not unusable and csv_file is None:  # an empty CSV reports nothing
        raise UserError("deadline.nothing-to-compute", source="deadline")
    return licences, unusable


def _color(output: Path | None) -> bool:
    """Colour only on a terminal; NO_COLOR (non-empty) and TERM=dumb turn it off (as `check`)."""
    if output is not None or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


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
    due = days_option(due_soon_days, "--due-soon-days")
    fail = days_option(fail_within, "--fail-within")
    if output is not None and not to_stdout(output):  # `-o -` is standard output
        from icp_renew.cli.outputs import refuse_output_in_dossiers

        refuse_output_in_dossiers(output, dossiers or [])
    from icp_renew.deadline import DUE_SOON_DAYS, assess
    from icp_renew.holidays import load_calendar
    from icp_renew.pii import redact

    def masked(text: str | None) -> str | None:  # an ID or mobile number typed in a name
        return redact(text) if text is not None else None

    from icp_renew.portfolio import Unusable, deduplicate

    given, found = _gather(dossiers or [], expires, issued, license_number, csv_file, encoding)
    # an ID or mobile number quoted in a reason (typed into the wrong field) is masked too
    unusable = [Unusable(redact(u.source), redact(u.error)) for u in found]
    licences, disagree = deduplicate(given)
    calendar = load_calendar(holidays or [])

    def assessed(lic: Licence) -> Assessment:
        a = assess(
            lic.expires,
            day,
            license_number=masked(lic.license_number),
            name=masked(lic.name),
            issued=lic.issued,
            due_soon_days=DUE_SOON_DAYS if due is None else due,
            calendar=calendar,
            source=masked(lic.source),
        )
        if lic.reported_years or lic.change_due:  # from the dossier's timeline (#11)
            import dataclasses

            a = dataclasses.replace(a, reported_years=lic.reported_years, change_due=lic.change_due)
        return a

    items = sorted((assessed(lic) for lic in licences), key=lambda a: a.sort_key())
    # one licence asked about: an object; several inputs (even one licence twice): a list
    single = len(given) == 1 and csv_file is None and not unusable
    tripped = [a for a in items if a.within(fail)] if fail is not None else []
    notices = [_disagreement(first, other, lng) for first, other in disagree]
    _report(items, unusable, notices, day, single, fmt, lng, output, quiet, tripped, fail)
    for bad in unusable:  # named at the end, after the rest was computed and printed
        typer.echo(t("errors.line", lng, message=_visible(bad.error)), err=True)
    if unusable:
        raise typer.Exit(2)
    if tripped:
        raise typer.Exit(1)


def _visible(text: str) -> str:
    from icp_renew.pii import redact

    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in redact(text))


def _disagreement(first: Licence, other: Licence, lang: Lang) -> str:
    """The one-line warning for two copies of a licence that disagree on the expiry."""
    from icp_renew.messages import t
    from icp_renew.portfolio import effective_expiry

    def said(lic: Licence) -> str:
        day = effective_expiry(lic)
        return day.isoformat() if day is not None else "-"

    return _visible(
        t(
            "deadline.duplicate-disagrees",
            lang,
            number=first.license_number or "",
            first=first.source or "--expires",
            first_expires=said(first),
            other=other.source or "--expires",
            other_expires=said(other),
        )
    )


def _report(
    items: list[Assessment],
    unusable: list[Unusable],
    notices: list[str],
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
        parts = list(notices)
        if items or not unusable:  # else nothing but the unusable inputs, named on stderr
            render = renderer("deadline", "text")
            parts.append(
                render(
                    items,
                    lang=lang,
                    single=single,
                    quiet=quiet,
                    fail=fail,
                    tripped=tripped,
                    color=_color(output),
                    width=text_width(output),
                )
            )
        emit("\n".join(p for p in parts if p), output)
        return
    if fmt == "json":
        render = renderer("deadline", "json")
        emit(render(items, lang=lang, single=single, unusable=unusable), output)
    else:
        from icp_renew.formats.deadline_ics import dtstamp

        if not items:  # RFC 5545: a calendar holds at least one component
            if unusable:  # each is named on stderr; exit 2 follows
                return
            raise UserError("deadline.ics-empty", source="--format ics")
        stamp = dtstamp(today, os.environ.get("SOURCE_DATE_EPOCH"))
        ics = renderer("deadline", "ics")(items, stamp=stamp, lang=lang)
        if output is not None:
            write_atomic(output, ics)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(ics)
            sys.stdout.flush()
    for notice in [*notices, *module("deadline", "text").notices(items, tripped, fail, lang)]:
        typer.echo(notice, err=True)
