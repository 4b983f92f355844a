"""`icp-renew pack` and `icp-renew verify`: build the upload bundle, and check one.

Kept light at import (``cli/app.py`` imports every command module at start-up):
the bundle, the pipeline and the checks are imported inside the commands.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

from icp_renew.cli.common import (
    FilingDateOpt,
    LangOpt,
    ProvinceOpt,
    QuietOpt,
    RulesOpt,
    TodayOpt,
    check_format,
    date_option,
    emit,
    handle_errors,
    load_book,
    resolve_lang,
    resolve_today,
)
from icp_renew.errors import UserError
from icp_renew.formats.registry import module, names, renderer
from icp_renew.i18n import tr

if TYPE_CHECKING:
    from icp_renew.bundle.layout import Layout

#: a bundle this large shows a progress bar (on a terminal, outside CI)
PROGRESS_MIN_BYTES = 64 * 1024 * 1024


def _animated() -> bool:
    """A live progress bar only on an interactive terminal, never in CI or with TERM=dumb."""
    if os.environ.get("CI") or os.environ.get("TERM", "") in ("", "dumb"):
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # pragma: no cover - a closed or odd stderr
        return False


@contextmanager
def _progress(total: int, quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    if quiet or total < PROGRESS_MIN_BYTES or not _animated():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    columns = (BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("pack", total=total)
        yield lambda done, _total: bar.update(task, completed=done)


def _split_size(value: str | None) -> int | None:
    if value is None:
        return None
    from icp_renew.rulebook.models import parse_size

    try:
        size = parse_size(value)
    except ValueError as exc:
        raise UserError(str(exc), source="--split-size") from None
    if size <= 0:
        raise UserError("must be more than 0 bytes", source="--split-size")
    return size


@handle_errors
def pack(
    dossier: Annotated[Path, typer.Argument(help="The dossier folder.", show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The bundle to write (default: <licence number>-<filing date>.zip here).",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Pack despite errors; record them in the manifest.")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Refuse on warnings too.")] = False,
    overwrite: Annotated[
        bool, typer.Option("--overwrite", help="Replace an existing bundle.")
    ] = False,
    layout: Annotated[
        str, typer.Option("--layout", help="categories (a folder per category) or flat.")
    ] = "categories",
    compress: Annotated[
        bool, typer.Option("--compress", help="Deflate entries (default: stored as they are).")
    ] = False,
    split_size: Annotated[
        str | None,
        typer.Option(
            "--split-size",
            help="Split into volumes of at most SIZE (e.g. 20MB) along category lines.",
            show_default=False,
        ),
    ] = None,
    rules: RulesOpt = None,
    today: TodayOpt = None,
    filing_date: FilingDateOpt = None,
    province: ProvinceOpt = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
    show_pii: Annotated[
        bool, typer.Option("--show-pii", help="Show ID and mobile numbers in full.")
    ] = False,
) -> None:
    """打包上传材料 / Build the upload bundle (.zip) by category, after a passing check.

    先检查；有错误时拒绝打包（退出码 1），除非 --force。同样的输入生成逐字节相同的 zip。
    Refuses (exit 1, nothing written) when the check finds errors, unless --force.

    示例 / Example: icp-renew pack 续期材料 -o 续期材料.zip --today 2026-01-15
    """
    from icp_renew.bundle.layout import LAYOUTS

    chosen_lang = resolve_lang(lang)
    chosen_layout = check_format(layout, LAYOUTS, "--layout")
    limit = _split_size(split_size)
    day = resolve_today(today)
    filed = date_option(filing_date, "--filing-date")

    from icp_renew import __version__
    from icp_renew.bundle.pack import (
        PackOptions,
        bundle_date_time,
        bundle_input,
        default_output_name,
        write_bundle,
    )
    from icp_renew.engine import run
    from icp_renew.findings import Severity
    from icp_renew.pii import redact
    from icp_renew.pipeline import CheckOptions, prepare

    book = load_book(rules)
    ctx = prepare(dossier, book, CheckOptions(today=day, filing_date=filed, province=province))
    report = run(ctx)
    if not show_pii:
        from icp_renew.findings import redact_dossier

        report = redact_dossier(report)
    blocked = bool(report.count(Severity.ERROR)) or (
        strict and bool(report.count(Severity.WARNING))
    )
    if blocked and not force:
        refusal = module("pack", "text").refused
        typer.echo(refusal(report, lang=chosen_lang, show_pii=show_pii, strict=strict), err=True)
        raise typer.Exit(1)

    cfg = ctx.dossier.config
    number = cfg.license.number if show_pii else redact(cfg.license.number)
    target = output or Path(default_output_name(number, ctx.filing_date))
    bundle = bundle_input(
        ctx,
        tool_version=__version__,
        layout=cast("Layout", chosen_layout),
        findings=report.findings if blocked else None,
    )
    opts = PackOptions(
        output=target,
        date_time=bundle_date_time(os.environ.get("SOURCE_DATE_EPOCH"), cfg.license.issued),
        compress=compress,
        split_size=limit,
        overwrite=overwrite,
    )
    try:
        with _progress(bundle.total_bytes, quiet) as on_progress:
            volumes = write_bundle(bundle, opts, on_progress)
    except KeyboardInterrupt:
        typer.echo(
            tr(
                chosen_lang,
                "icp-renew: 已中断：未写入打包文件（临时文件已删除）",
                "icp-renew: interrupted: no bundle written (the partial file was removed)",
            ),
            err=True,
        )
        raise typer.Exit(130) from None
    if not quiet:
        skipped = len(ctx.dossier.files) - len(bundle.entries) + len(ctx.dossier.unsafe)
        forced = len(report.findings) if blocked else 0
        written = module("pack", "text")
        lines = written.render(volumes, lang=chosen_lang)
        if lines:
            typer.echo(lines)
        notes = written.notices(
            lang=chosen_lang,
            skipped=skipped,
            forced=forced,
            warnings=report.count(Severity.WARNING),
        )
        if notes:
            typer.echo(notes, err=True)


@handle_errors
def verify(
    bundles: Annotated[
        list[Path], typer.Argument(help="The bundle(s) to check (.zip).", show_default=False)
    ],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the report to FILE instead of stdout.", dir_okay=False
        ),
    ] = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """校验打包文件 / Re-hash a bundle against its manifest and SHA256SUMS; report tampering.

    不解压任何内容。完好时退出码 0，有问题时 1，不是可读的 zip 时 2。
    Nothing is extracted. Exit 0 intact, 1 on any problem, 2 for a file that is not a zip.

    示例 / Example: icp-renew verify 续期材料.zip --format json
    """
    chosen = check_format(fmt, names("verify"))
    chosen_lang = resolve_lang(lang)
    from icp_renew.bundle.verify import verify_bundle

    verdicts = [verify_bundle(path) for path in bundles]
    ok = all(v.ok for v in verdicts)
    text = renderer("verify", chosen)(verdicts, lang=chosen_lang, quiet=quiet)
    if text or output is not None:
        emit(text, output)
    if not ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``pack`` and ``verify`` to ``app``."""
    app.command("pack")(pack)
    app.command("verify")(verify)
