"""``icp-renew init DOSSIER``: scaffold a dossier folder and a commented ``dossier.yaml``."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from icp_renew.atomic import write_atomic
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
from icp_renew.i18n import Lang, Text
from icp_renew.messages import t

if TYPE_CHECKING:
    from icp_renew.dossier.config import DossierConfig
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
    force: Annotated[bool, typer.Option("--force")] = False,
    next_from: Annotated[
        Path | None,
        typer.Option("--next", metavar="ARCHIVED", show_default=False),
    ] = None,
) -> None:
    """The ``init`` command (its help: ``"init"`` in ``messages/cli_help.py``)."""
    from icp_renew.dossier.config import DOSSIER_FILE, load_config
    from icp_renew.rulebook import find_authority
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
    own = _dossier_authority(book, config) if config is not None else None
    if authority is None:
        authority = own
    elif own is not None and own.slug != authority.slug and not force:
        raise UserError(
            "init.province-differs",
            source="--province",
            dossier=_name(own),
            given=_name(authority),
        )
    if authority is None:
        raise UserError("errors.province-required", source="--province")

    from icp_renew.pipeline import config_codes
    from icp_renew.suggest import industry_slugs, service_codes

    # init adds, never removes: what dossier.yaml lists, and what the options add to it;
    # both as slugs and codes, as check reads them (新闻 in the file is --industry news)
    had_industries, had_services = (
        config_codes(book, config, existing, str(existing)) if config else ([], [])
    )
    industries = list(dict.fromkeys([*had_industries, *industry_slugs(book, industry or [])]))
    services = list(dict.fromkeys([*had_services, *service_codes(book, service or [])])) or ["B25"]
    try:
        checklist = resolve(book, authority, industries, services)
    except UserError as exc:
        raise UserError(exc.text, source="--industry") from None

    updated: list[str] = []
    if config is not None:
        edits = {
            ("industries",): [i for i in industries if i not in had_industries],
            ("license", "services"): [s for s in services if s not in had_services]
            if service
            else [],
        }
        updated = update_lists(existing, edits, lng)
    text = render_config(checklist, services, book.base.services, sorted(book.industries))
    result = scaffold(directory, checklist, text)
    if not quiet:
        _echo([*updated, _summary(directory, authority, len(checklist.materials), result, lng)])


def _dossier_authority(book: Rulebook, config: DossierConfig) -> Authority | None:
    """The authority the dossier names, else the one its licence number's prefix gives."""
    from icp_renew.rulebook import authority_for_license, find_authority

    if config.authority:
        return find_authority(book, config.authority)
    return authority_for_license(book, config.license.number)


def _name(authority: Authority) -> Text:
    return Text(authority.authority, authority.authority_en)


def update_lists(path: Path, edits: dict[tuple[str, ...], list[str]], lang: Lang) -> list[str]:
    """Append the values of ``edits`` to the lists of ``path`` (a dossier.yaml) in place, every
    other byte kept; written atomically after all edits succeeded. The lines to print."""
    from icp_renew.dossier.config import parse_config
    from icp_renew.yamledit import YamlEditError, append_to_sequence
    from icp_renew.yamlio import parse_yaml

    todo = {keys: values for keys, values in edits.items() if values}
    if not todo:
        return []
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw[3 if bom else 0 :].decode("utf-8")
    lines: list[str] = []
    for keys, values in todo.items():
        field = ".".join(keys)
        shown = ", ".join(values)
        try:
            text = append_to_sequence(text, keys, values)
        except YamlEditError as exc:
            raise UserError(
                "init.yaml-refused",
                source=str(path),
                target=field,
                values=shown,
                reason=exc.reason,
            ) from None
        lines.append(t("init.yaml-updated", lang, field=field, values=shown))
    parse_config(parse_yaml(text, str(path)))  # still a valid dossier.yaml, or exit 2 unwritten
    write_atomic(path, (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return lines


def _init_next(directory: Path, archived: Path, book: Rulebook, lang: Lang, quiet: bool) -> None:
    """``init NEW --next ARCHIVED``: the next renewal's dossier (icp_renew.process.successor)."""
    from icp_renew.dossier.config import DOSSIER_FILE, load_config, parse_config
    from icp_renew.pipeline import config_codes, select_authority
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
    industries, services = config_codes(book, new, yaml_path, str(yaml_path))
    checklist = resolve(book, authority, industries, services)
    result = scaffold(directory, checklist, text)
    if not quiet:
        _echo([_summary(directory, authority, len(checklist.materials), result, lang)])


def _echo(lines: list[str]) -> None:
    """Print ``lines`` wrapped to the terminal (a long folder name, a Chinese line)."""
    from icp_renew.cli.common import text_width
    from icp_renew.formats.wrap import wrap

    typer.echo("\n".join(wrap("\n".join(lines), text_width(None))))


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
