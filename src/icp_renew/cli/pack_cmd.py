"""`icp-renew pack` and `icp-renew verify`: build the upload bundle, and check one.

Kept light at import (``cli/app.py`` imports every command module at start-up):
the bundle, the pipeline and the checks are imported inside the commands.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from icp_renew.cli.common import (
    FilingDateOpt,
    JobsOpt,
    LangOpt,
    ProvinceOpt,
    QuietOpt,
    RulesOpt,
    TodayOpt,
    check_format,
    date_option,
    emit,
    handle_errors,
    jobs_option,
    load_book,
    resolve_lang,
    resolve_today,
)
from icp_renew.errors import UserError
from icp_renew.formats.registry import module, names, renderer
from icp_renew.messages import t

if TYPE_CHECKING:
    from icp_renew.bundle.layout import Layout
    from icp_renew.i18n import Lang

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


def _errors(early: Any) -> bool:
    """Whether the checks run early (``engine.run_early``) found an error."""
    from icp_renew.findings import Severity

    return any(f.severity is Severity.ERROR for found in early if found for f in found)


def _start_early(
    ctx: Any,
    opts: Any,
    workers: int | None,
    force: bool,
    bundle_of: Callable[..., Any],
) -> Any:
    """The copy of the scans started before the check has finished (bundle/pack.py's
    ``start_bundle``), its files named by their signatures (``inspect.sniff_format``); or
    None: ``--compress`` (sizes unknown up front), ``--jobs 1``, a check that will refuse
    anyway (a required material without a file), or an output that may not be written
    (the error is then raised where it always was, after the check)."""
    from dataclasses import replace

    from icp_renew.bundle.pack import start_bundle
    from icp_renew.dossier.model import FileInfo
    from icp_renew.inspect import sniff_format

    if opts.compress or workers == 1:  # --jobs 1: one thing after the other, as ever
        return None
    if not force:
        present = {f.material for f in ctx.dossier.files}
        if any(m.required and m.id not in present for m in ctx.checklist.materials):
            return None
    files = tuple(
        replace(f, info=FileInfo(format=sniff_format(f.abspath), size=f.size))
        if f.material is not None
        else f
        for f in ctx.dossier.files
    )
    guess = replace(ctx, dossier=replace(ctx.dossier, files=files))
    try:
        return start_bundle(bundle_of(guess), opts, threads=workers)
    except UserError:
        return None


def _split_size(value: str | None) -> int | None:
    if value is None:
        return None
    from icp_renew.errors import MessageError
    from icp_renew.rulebook.models import parse_size

    try:
        size = parse_size(value)
    except MessageError as exc:
        raise UserError(exc.text, source="--split-size") from None
    if size <= 0:
        raise UserError("pack.split-size-zero", source="--split-size")
    return size


def _archive_timeline(ctx: Any, lang: Lang, show_pii: bool) -> list[dict[str, Any]]:
    """``--archive``: refused (exit 1, nothing written) before the new licence arrived; else
    the timeline as ``status --format json`` gives it (#11, docs/process.md)."""
    from icp_renew.process.document import dossier_entry
    from icp_renew.process.timeline import replay

    config = ctx.dossier.config
    stage = replay(config.timeline).stage
    if stage not in ("licensed", "archived"):
        typer.echo(
            "icp-renew: "
            + t("process.archive-refused", lang, stage=t(f"process.stage-{stage}", lang)),
            err=True,
        )
        raise typer.Exit(1)
    from icp_renew.process.assess import DossierStatus

    item = DossierStatus(path="", stage=stage, timeline=tuple(e.to_json() for e in config.timeline))
    timeline: list[dict[str, Any]] = dossier_entry(item, lang, show_pii)["timeline"]
    return timeline


@handle_errors
def pack(
    dossier: Annotated[Path, typer.Argument(metavar="DOSSIER", show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            dir_okay=False,
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    overwrite: Annotated[bool, typer.Option("--overwrite")] = False,
    layout: Annotated[str, typer.Option("--layout", metavar="LAYOUT")] = "categories",
    compress: Annotated[bool, typer.Option("--compress")] = False,
    split_size: Annotated[
        str | None,
        typer.Option(
            "--split-size",
            metavar="SIZE",
            show_default=False,
        ),
    ] = None,
    rules: RulesOpt = None,
    today: TodayOpt = None,
    filing_date: FilingDateOpt = None,
    province: ProvinceOpt = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
    show_pii: Annotated[bool, typer.Option("--show-pii")] = False,
    jobs: JobsOpt = None,
    archive: Annotated[bool, typer.Option("--archive")] = False,
) -> None:
    """The ``pack`` command (its help: ``"pack"`` in ``messages/cli_help.py``)."""
    from icp_renew.bundle.layout import LAYOUTS

    chosen_lang = resolve_lang(lang)
    chosen_layout = check_format(layout, LAYOUTS, "--layout")
    limit = _split_size(split_size)
    day = resolve_today(today)
    filed = date_option(filing_date, "--filing-date")

    from icp_renew import __version__
    from icp_renew.pipeline import CheckOptions, early_inspection, inspect_files, load

    workers = jobs_option(jobs)
    check_opts = CheckOptions(
        today=day, filing_date=filed, province=province, jobs=workers, archive=archive
    )

    def bundle_of(ctx: Any, findings: Any = None) -> Any:
        from icp_renew.bundle.pack import bundle_input

        return bundle_input(
            ctx,
            tool_version=__version__,
            layout=cast("Layout", chosen_layout),
            findings=findings,
            timeline=timeline,
        )

    try:
        # the check as `check` runs it: the files read in workers from the start
        # (inspect/prefetch.py), dossier.yaml's own checks meanwhile
        with early_inspection([dossier], workers) or nullcontext() as prefetch:
            # imported once the workers are on their way (the zygote has the job)
            from icp_renew.bundle.pack import PackOptions, bundle_date_time, default_output_name
            from icp_renew.engine import run, run_early
            from icp_renew.findings import Severity
            from icp_renew.pii import redact

            book = load_book(rules)
            ctx = load(dossier, book, check_opts)
            timeline = _archive_timeline(ctx, chosen_lang, show_pii) if archive else None
            cfg = ctx.dossier.config
            number = cfg.license.number if show_pii else redact(cfg.license.number)
            opts = PackOptions(
                output=output or Path(default_output_name(number, ctx.filing_date)),
                date_time=bundle_date_time(os.environ.get("SOURCE_DATE_EPOCH"), cfg.license.issued),
                compress=compress,
                split_size=limit,
                overwrite=overwrite,
            )
            # the copy starts now, beside the check (the workers that read the files exist
            # already: nothing forks once the copy's threads run), unless it cannot pass
            pending = (
                None
                if prefetch is None or (strict and not force)
                else _start_early(ctx, opts, workers, force, bundle_of)
            )
            with pending or nullcontext():
                early = run_early(ctx)  # dossier.yaml's own checks, while both copy and read
                if pending is not None and not force and _errors(early):
                    pending.abandon()  # refused whatever the files say: stop writing now
                ctx = inspect_files(ctx, check_opts, prefetch)
                report = run(ctx, early)
                if not show_pii:
                    from icp_renew.findings import redact_dossier

                    report = redact_dossier(report)
                blocked = bool(report.count(Severity.ERROR)) or (
                    strict and bool(report.count(Severity.WARNING))
                )
                if blocked and not force:
                    refusal = module("pack", "text").refused
                    typer.echo(
                        refusal(report, lang=chosen_lang, show_pii=show_pii, strict=strict),
                        err=True,
                    )
                    raise typer.Exit(1)  # the early copy, if any, is removed on the way out
                bundle = bundle_of(ctx, report.findings if blocked else None)
                with _progress(bundle.total_bytes, quiet) as on_progress:
                    if pending is not None:
                        volumes = pending.finish(bundle, on_progress)
                    else:
                        from icp_renew.bundle.pack import write_bundle

                        volumes = write_bundle(bundle, opts, on_progress, threads=workers)
    except KeyboardInterrupt:
        typer.echo(
            t("pack.icp-renew-interrupted-no-bundle", chosen_lang),
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
    bundles: Annotated[list[Path], typer.Argument(metavar="BUNDLE", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT")] = "text",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", dir_okay=False),
    ] = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """The ``verify`` command (its help: ``"verify"`` in ``messages/cli_help.py``)."""
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
