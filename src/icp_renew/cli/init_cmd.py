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
from icp_renew.i18n import Lang, tr

if TYPE_CHECKING:
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
) -> None:
    """The ``init`` command (its help: ``"init"`` in ``messages/cli_help.py``)."""
    from icp_renew.dossier.config import DOSSIER_FILE, load_config
    from icp_renew.rulebook import authority_for_license, find_authority
    from icp_renew.rulebook.resolve import resolve
    from icp_renew.scaffold import render_config, scaffold

    lng = resolve_lang(lang)
    if directory.exists() and not directory.is_dir():
        raise UserError("exists and is not a folder", source=str(directory))
    book = load_book(rules)
    existing = directory / DOSSIER_FILE
    config = load_config(existing) if existing.is_file() else None

    authority: Authority | None = find_authority(book, province) if province else None
    if authority is None and config is not None:
        if config.authority:
            authority = find_authority(book, config.authority)
        else:
            authority = authority_for_license(book, config.license.number)
    if authority is None:
        raise UserError("--province is required (e.g. --province 北京)", source="--province")

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
        raise UserError(exc.message, source="--industry") from None

    text = render_config(checklist, services, book.base.services, sorted(book.industries))
    result = scaffold(directory, checklist, text)
    if not quiet:
        typer.echo(_summary(directory, authority, len(checklist.materials), result, lng))


def _summary(
    directory: Path, authority: Authority, count: int, result: ScaffoldResult, lang: Lang
) -> str:
    name = authority.authority if lang == "zh" else authority.authority_en
    lines = [
        tr(
            lang,
            f"{directory}：{name}（{authority.slug}），{count} 项材料",
            f"{directory}: {name} ({authority.slug}), {count} materials",
        )
    ]
    created = [p for p in result.created if p != "./"]
    lines += [tr(lang, f"已创建  {p}", f"created  {p}") for p in created]
    lines += [
        tr(lang, f"已保留  {p}（已存在，未改动）", f"kept     {p} (exists, not changed)")
        for p in result.kept
    ]
    if result.present:
        n = len(result.present)
        lines.append(
            tr(
                lang,
                f"已有 {n} 个材料文件夹，未改动",
                f"{n} material folder(s) already there, left alone",
            )
        )
    if not created:
        lines.append(
            tr(
                lang,
                "无需创建：所有文件夹和文件都已存在。",
                "Nothing to do: every folder and file exists.",
            )
        )
    cmd = f"icp-renew check {shlex.quote(str(directory))}"
    lines.append(
        tr(
            lang,
            f"下一步：填写 dossier.yaml，把扫描件放入各材料文件夹，然后运行 {cmd}",
            f"Next: fill in dossier.yaml, put the scans into the material folders, then run {cmd}",
        )
    )
    return "\n".join(lines)
