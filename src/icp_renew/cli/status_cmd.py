"""``icp-renew status DOSSIER...``: where each renewal stands and what is due next.

Parses options at the edge, runs the pure core (:mod:`icp_renew.process`), prints through a
registered format. Exit 0 with no error-level alert; 1 with one, or with ``--fail-within
N`` when an alert is due within N days or past; 2 on bad input — a dossier that cannot be
read is still a line of the report (stage ``unreadable``), its reason goes to stderr, and
the exit code is 2 at the end.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from icp_renew.cli.common import (
    LangOpt,
    OutputOpt,
    RulesOpt,
    TodayOpt,
    check_format,
    days_option,
    emit,
    error_line,
    error_text,
    handle_errors,
    load_book,
    resolve_lang,
    resolve_today,
    text_width,
)
from icp_renew.errors import UserError
from icp_renew.formats import registry
from icp_renew.messages import t

if TYPE_CHECKING:
    import datetime as dt

    from icp_renew.i18n import Lang
    from icp_renew.process.assess import DossierStatus, Settings


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("status")(status)


def settings_of(book: Any) -> Settings:
    """The rules' settings ``status`` uses: the base, patched by an agency's overlays."""
    from icp_renew.process.assess import Settings

    base = book.base.settings
    days, from_rules = base.correction_response_days, False
    due_soon = base.due_soon_days
    for overlay in book.overlays:
        patch = overlay.settings
        if patch is None:
            continue
        if patch.correction_response_days is not None:
            days, from_rules = patch.correction_response_days, True
        if patch.due_soon_days is not None:
            due_soon = patch.due_soon_days
    return Settings(
        due_soon_days=due_soon, correction_response_days=days, correction_days_from_rules=from_rules
    )


def assess_paths(
    paths: list[Path], today: dt.date, settings: Settings, calendar: Any, lang: Lang = "en"
) -> tuple[list[DossierStatus], list[UserError]]:
    """Each dossier's status; an unreadable one is a line with its reason, never dropped."""
    from icp_renew.dossier.config import DOSSIER_FILE, load_config
    from icp_renew.errors import DossierError
    from icp_renew.process.assess import assess, unreadable

    items: list[DossierStatus] = []
    problems: list[UserError] = []
    for path in paths:
        display = str(path)
        try:
            if path.is_dir():
                yaml_path, source = path / DOSSIER_FILE, str(path / DOSSIER_FILE)
            elif path.is_file():
                yaml_path, source = path, display
            else:
                raise DossierError("process.err-no-folder", source=display)
            config = load_config(yaml_path, source)
            items.append(assess(config, today, path=display, settings=settings, calendar=calendar))
        except UserError as exc:
            problems.append(exc)
            items.append(unreadable(display, error_text(exc, lang)))
    return items, problems


def _add_checks(
    items: list[DossierStatus], book: Any, today: dt.date, lang: Lang
) -> list[DossierStatus]:
    """``--check``: each readable dossier's check summary beside its line."""
    import dataclasses

    from icp_renew.codes import Severity
    from icp_renew.pipeline import CheckOptions, check_dossier
    from icp_renew.process.assess import CheckSummary

    opts = CheckOptions(today=today)
    out = []
    for item in items:
        if item.error is not None:
            out.append(item)
            continue
        try:
            report = check_dossier(Path(item.path), book, opts)
        except UserError as exc:
            reason = error_text(exc, lang)
            out.append(dataclasses.replace(item, check_error=reason))
            continue
        summary = CheckSummary(
            report.count(Severity.ERROR),
            report.count(Severity.WARNING),
            report.count(Severity.INFO),
        )
        out.append(dataclasses.replace(item, check=summary))
    return out


def _colour(output: Path | None) -> bool:
    if output is not None or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


@handle_errors
def status(
    dossiers: Annotated[
        list[str],  # plain strings: converting 500 paths through typer's pydantic costs 0.5 s
        typer.Argument(metavar="DOSSIER", show_default=False),
    ],
    format: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAT"),
    ] = "text",
    fail_within: Annotated[
        str | None,
        typer.Option("--fail-within", metavar="N", show_default=False),
    ] = None,
    check: Annotated[bool, typer.Option("--check")] = False,
    show_pii: Annotated[bool, typer.Option("--show-pii")] = False,
    today: TodayOpt = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    paths = [Path(d) for d in dossiers]
    fmt = check_format(format, registry.names("status"))
    lng = resolve_lang(lang)
    day = resolve_today(today)
    fail = days_option(fail_within, "--fail-within")
    if output is not None:
        from icp_renew.cli.check_cmd import _refuse_output_in_dossier

        _refuse_output_in_dossier(output, paths)
    from icp_renew.holidays import official_calendar
    from icp_renew.process.document import document, sort_portfolio

    book = load_book(rules)
    items, problems = assess_paths(paths, day, settings_of(book), official_calendar(), lng)
    if check:
        items = _add_checks(items, book, day, lng)
    items = sort_portfolio(items)
    doc = document(items, day, lng, show_pii)
    render = registry.renderer("status", fmt)
    text = render(doc, lang=lng, show_pii=show_pii, width=text_width(output), color=_colour(output))
    emit(text, output)
    for exc in problems:
        typer.echo(error_line(exc, lng), err=True)
    if problems:
        raise typer.Exit(2)
    tripped = [
        a
        for i in items
        for a in i.alerts
        if fail is not None and a.days_left is not None and a.days_left <= fail
    ]
    if tripped:
        typer.echo(t("process.fail-within", lng, count=len(tripped), days=fail), err=True)
    if tripped or any(i.worst == "error" for i in items):
        raise typer.Exit(1)
