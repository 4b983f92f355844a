"""``icp-renew init DOSSIER``: scaffold a dossier folder and a commented ``dossier.yaml``."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from icp_renew.cli.common import (
    IndustryOpt,
    LangOpt,
    ProvinceOpt,
    QuietOpt,
    RulesOpt,
    ServiceOpt,
    handle_errors,
    load_book,
    resolve_lang,
)
from icp_renew.errors import UserError
from icp_renew.i18n import Lang
from icp_renew.messages import t

if TYPE_CHECKING:
    from icp_renew.rulebook import Rulebook
    from icp_renew.rulebook.models import Authority
    from icp_renew.scaffold import ScaffoldResult


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("init")(init_cmd)


@handle_errors
def init_cmd(
    directory: Annotated[
        Path,
        typer.Argument(metavar="DOSSIER", show_default=False),
    ],
    province: ProvinceOpt = None,
    industry: IndustryOpt = None,
    service: ServiceOpt = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
    next_from: Annotated[
        Path | None,
        typer.Option("--next", metavar="ARCHIVED", show_default=False),
    ] = None,
) -> None:
    """The ``init`` command (its help: ``"init"`` in ``messages/cli_help.py``)."""
    from icp_renew.dossier.config import DOSSIER_FILE, load_config
    from icp_renew.rulebook import authority_for_license, find_authority
    from icp_renew.rulebook.resolve import resolve
    from icp_renew.scaffold import render_config, scaffold

    lng = resolve_lang(lang)
    if directory.exists() and not directory.is_dir():
        raise UserError("init.not-a-folder", source=str(directory))
    book = load_book(rules)
    existing = directory / DOSSIER_FILE
    if next_from is not None:  # #11: the next renewal, from an archived dossier
        _init_next(directory, next_from, book, lng, quiet)
        return
    config = load_config(existing) if existing.is_file() else None

    authority: Authority | None = find_authority(book, province) if province else None
    if authority is None and config is not None:
        if config.authority:
            authority = find_authority(book, config.authority)
        else:
            authority = authority_for_license(book, config.license.number)
    if authority is None:
        raise UserError("errors.province-required", source="--province")

    from icp_renew.suggest import industry_slugs, service_codes

    industries = (
        industry_slugs(book, industry) if industry else list(config.industries if config else [])
    )
    services = service_codes(
        book, service or (config.license.services if config else []) or ["B25"]
    )
    try:
        checklist = resolve(book, authority, industries, services)
    except UserError as exc:
        raise UserError(exc.text, source="--industry") from None

    text = render_config(checklist, services, book.base.services, sorted(book.industries))
    result = scaffold(directory, checklist, text)
    if not quiet:
        typer.echo(_summary(directory, authority, len(checklist.materials), result, lng))


def _init_next(directory: Path, archived: Path, book: Rulebook, lang: Lang, quiet: bool) -> None:
    """``init NEW --next ARCHIVED``: the next renewal's dossier (icp_renew.process.successor)."""
    from icp_renew.dossier.config import DOSSIER_FILE, load_config, parse_config
    from icp_renew.pipeline import select_authority
    from icp_renew.process.successor import render, successor
    from icp_renew.rulebook.resolve import resolve
    from icp_renew.scaffold import scaffold
    from icp_renew.yamlio import parse_yaml

    if (directory / DOSSIER_FILE).exists():
        raise UserError("process.err-next-exists", source=str(directory))
    yaml_path = archived / DOSSIER_FILE if archived.is_dir() else archived
    config = load_config(yaml_path, str(yaml_path))
    text = render(successor(config, str(yaml_path)), str(archived))
    new = parse_config(parse_yaml(text, str(directory / DOSSIER_FILE)))  # loads as written
    authority = select_authority(book, new, None, yaml_path, str(yaml_path))
    checklist = resolve(book, authority, new.industries, new.license.services)
    result = scaffold(directory, checklist, text)
    if not quiet:
        typer.echo(_summary(directory, authority, len(checklist.materials), result, lang))


def _summary(
    directory: Path, authority: Authority, count: int, result: ScaffoldResult, lang: Lang
) -> str:
    name = authority.authority if lang == "zh" else authority.authority_en
    lines = [
        t("init.materials", lang, directory=directory, name=name, slug=authority.slug, count=count)
    ]
    created = [p for p in result.created if p != "./"]
    lines += [t("init.created", lang, p=p) for p in created]
    lines += [t("init.kept-exists-not-changed", lang, p=p) for p in result.kept]
    if result.present:
        n = len(result.present)
        lines.append(t("init.material-folder-s-already-there", lang, n=n))
    if not created:
        lines.append(t("init.nothing-to-do-every-folder", lang))
    cmd = f"icp-renew check {shlex.quote(str(directory))}"
    lines.append(t("init.next-fill-in-dossier-yaml", lang, cmd=cmd))
    return "\n".join(lines)
