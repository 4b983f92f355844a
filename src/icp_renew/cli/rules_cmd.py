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
)
from icp_renew.errors import UserError
from icp_renew.formats.registry import names, renderer

rules_app = typer.Typer(
    help="查看生效的材料清单，检查规则文件。 Inspect the effective checklist; lint rule files.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(rules_app, name="rules")


FormatOpt = Annotated[str, typer.Option("--format", "-f", help="text, json or markdown.")]


@rules_app.command("list")
@handle_errors
def list_cmd(
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    rules: RulesOpt = None,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    """列出发证机关和前置审批行业 / List the issuing authorities and prior-approval industries.

    Example: icp-renew rules list --format json
    """
    fmt = check_format(format, names("rules-list"))
    lng = resolve_lang(lang)
    book = load_book(rules)
    emit(renderer("rules-list", fmt)(book, lang=lng), output)


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
    """查看某省的材料清单 / Print the effective checklist of one authority.

    Example: icp-renew rules show --province 北京 --industry drugs --format markdown
    """
    from icp_renew.rulebook import find_authority
    from icp_renew.rulebook.resolve import resolve

    fmt = check_format(format, names("rules-show"))
    lng = resolve_lang(lang)
    if not province:
        raise UserError("--province is required (e.g. --province 北京)", source="--province")
    book = load_book(rules)
    authority = find_authority(book, province)
    checklist = resolve(book, authority, industry or [], service or ["B25"])
    emit(renderer("rules-show", fmt)(checklist, lang=lng), output)


@rules_app.command("lint")
@handle_errors
def lint_cmd(
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="Rule folder to lint (default: the shipped rules). Without base.yaml it is linted "
            "as an overlay on the shipped rules.",
            file_okay=False,
        ),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text, json or github.")] = "text",
    output: OutputOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
) -> None:
    """检查规则文件 / Check rule files: schema, sources, unique ids and prefixes, known conditions.

    Exit 0 when clean, 1 with problems.
    Example: icp-renew rules lint my-agency-rules/
    """
    from icp_renew.rulebook.lint import lint

    fmt = check_format(format, names("rules-lint"))
    if directory is not None and not directory.is_dir():
        raise UserError("not a folder", source=str(directory))
    problems = lint(directory)
    emit(renderer("rules-lint", fmt)(problems, quiet=quiet), output)
    if problems:
        raise typer.Exit(1)
