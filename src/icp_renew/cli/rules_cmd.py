"""``icp-renew rules list|show|lint``: what each authority asks for, and rule-file checks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from icp_renew.cli.common import (
    IndustryOpt,
    LangOpt,
    OutputOpt,
    ProvinceOpt,
    RulesOpt,
    ServiceOpt,
    check_format,
    emit,
    handle_errors,
    load_book,
    resolve_lang,
    text_width,
)
from icp_renew.errors import UserError
from icp_renew.formats.registry import names, renderer

rules_app = typer.Typer(
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(rules_app, name="rules")


FormatOpt = Annotated[str, typer.Option("--format", "-f", metavar="FORMAT")]


@rules_app.command("list")
@handle_errors
def list_cmd(
    format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT")] = "text",
    rules: RulesOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    """``rules list`` (its help: ``"rules.list"`` in ``messages/cli_help.py``)."""
    fmt = check_format(format, names("rules-list"))
    lng = resolve_lang(lang)
    book = load_book(rules)
    sized = {"width": text_width(output)} if fmt == "text" else {}
    emit(renderer("rules-list", fmt)(book, lang=lng, **sized), output)


@rules_app.command("show")
@handle_errors
def show_cmd(
    province: ProvinceOpt = None,
    industry: IndustryOpt = None,
    service: ServiceOpt = None,
    format: FormatOpt = "text",
    rules: RulesOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    """``rules show`` (its help: ``"rules.show"`` in ``messages/cli_help.py``)."""
    from icp_renew.rulebook import find_authority
    from icp_renew.rulebook.resolve import resolve

    fmt = check_format(format, names("rules-show"))
    lng = resolve_lang(lang)
    if not province:
        raise UserError("errors.province-required", source="--province")
    book = load_book(rules)
    authority = find_authority(book, province)
    from icp_renew.suggest import industry_slugs, service_codes

    industries = industry_slugs(book, industry or [])
    # with the archive's records (category `records`): what `pack --archive` collects (#11)
    services = service_codes(book, service or ["B25"])
    checklist = resolve(book, authority, industries, services, archive=True)
    sized = {"width": text_width(output)} if fmt == "text" else {}
    emit(renderer("rules-show", fmt)(checklist, lang=lng, **sized), output)


@rules_app.command("lint")
@handle_errors
def lint_cmd(
    directory: Annotated[
        Path | None,
        typer.Argument(metavar="DIR", file_okay=False, show_default=False),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT")] = "text",
    output: OutputOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:
    """``rules lint`` (its help: ``"rules.lint"`` in ``messages/cli_help.py``)."""
    from icp_renew.rulebook.lint import lint

    fmt = check_format(format, names("rules-lint"))
    if directory is not None and not directory.is_dir():
        raise UserError("errors.not-a-folder", source=str(directory))
    problems = lint(directory)
    emit(renderer("rules-lint", fmt)(problems, quiet=quiet), output)
    if problems:
        raise typer.Exit(1)
