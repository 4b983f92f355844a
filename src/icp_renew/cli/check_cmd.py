"""``icp-renew check DOSSIER...``: validate dossier folders; a report for people or for CI.

Exit codes (docs/reports.md): 0 no error-level finding (warnings allowed unless
``--strict``); 1 at least one (or a warning under ``--strict``); 2 the job could
not be done (a bad option, rule file or ``dossier.yaml``). With several
dossiers, one that cannot be checked does not stop the others: the report
covers the rest, its one-line reason goes to stderr, and the exit code is 2.

Only this module prints, reads the clock (``--today``) or the environment; the
formats are pure functions of the report.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from icp_renew.cli.common import (
    FilingDateOpt,
    JobsOpt,
    LangOpt,
    OutputOpt,
    ProvinceOpt,
    QuietOpt,
    RulesOpt,
    TodayOpt,
    check_format,
    date_option,
    emit,
    error_line,
    handle_errors,
    jobs_option,
    load_book,
    resolve_lang,
    resolve_today,
    to_stdout,
)
from icp_renew.errors import UserError
from icp_renew.formats import registry

if TYPE_CHECKING:
    from icp_renew.findings import Report
    from icp_renew.i18n import Lang
    from icp_renew.inspect.prefetch import Prefetch

#: the progress bar appears only when the work is long: after this many seconds, or at once
#: for at least this many dossiers
PROGRESS_DELAY = 1.0
PROGRESS_MANY = 20

FormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        envvar="ICP_RENEW_FORMAT",
    ),
]


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("check")(check_cmd)


@handle_errors
def check_cmd(
    dossiers: Annotated[
        list[Path],
        typer.Argument(
            metavar="DOSSIER",
            show_default=False,
        ),
    ],
    format: FormatOpt = "text",
    output: OutputOpt = None,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    show_pii: Annotated[
        bool,
        typer.Option("--show-pii"),
    ] = False,
    today: TodayOpt = None,
    filing_date: FilingDateOpt = None,
    province: ProvinceOpt = None,
    rules: RulesOpt = None,
    lang: LangOpt = None,
    quiet: QuietOpt = False,
    jobs: JobsOpt = None,
    ocr: Annotated[bool, typer.Option("--ocr", envvar="ICP_RENEW_OCR")] = False,
    ocr_clear_cache: Annotated[bool, typer.Option("--ocr-clear-cache")] = False,
) -> None:
    """The ``check`` command (its help: ``"check"`` in ``messages/cli_help.py``)."""
    fmt = check_format(format, registry.names())
    lng = resolve_lang(lang)
    day = resolve_today(today)
    filing = date_option(filing_date, "--filing-date")
    jobs = jobs_option(jobs)
    if to_stdout(output):
        output = None
    if output is not None:
        _refuse_output_in_dossier(output, dossiers)
    if ocr:
        _ocr_ready()
    if ocr_clear_cache:
        from icp_renew.ocr.cache import clear as clear_cache

        clear_cache()
    from icp_renew.pipeline import CheckOptions, check_many, early_inspection

    # a big dossier's files are read in workers while this process loads the rules and
    # dossier.yaml (inspect/prefetch.py); they make the html report's previews too; the
    # workers stop when the block ends, however
    with early_inspection(dossiers, jobs, ocr=ocr) or nullcontext() as prefetch:
        book = load_book(rules)
        if province is not None:  # once, not once per dossier
            from icp_renew.rulebook.authorities import find_authority

            find_authority(book, province)
        opts = CheckOptions(today=day, filing_date=filing, province=province, ocr=ocr)
        progress = Progress(len(dossiers), enabled=_progress_wanted(quiet, len(dossiers)))
        try:
            report, problems = check_many(
                dossiers, book, opts, jobs=jobs, on_progress=progress, prefetch=prefetch
            )
        finally:
            progress.close()

        if not show_pii:
            from icp_renew.findings import redact_report

            report = redact_report(report)
        with _previews_by(prefetch if fmt == "html" else None):
            text = registry.get(fmt)(
                report,
                lang=lng,
                show_pii=show_pii,
                strict=strict,
                quiet=quiet,
                color=_colour_wanted(output),
                width=_width(),
            )
    if text or output is not None:
        emit(text, output)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(Path(os.environ["GITHUB_STEP_SUMMARY"]), report, lng, show_pii, strict)
    for problem in problems:
        typer.echo(error_line(problem, lng), err=True)
    if problems:
        raise typer.Exit(2)
    if not report.ok(strict):
        raise typer.Exit(1)


@contextmanager
def _previews_by(prefetch: Prefetch | None) -> Iterator[None]:
    """The html report's previews made by ``prefetch``'s workers (which have pypdf and Pillow
    imported, and nothing else to do by now), four ahead per worker; here without it."""
    if prefetch is None:
        yield
        return
    from functools import partial

    from icp_renew.formats import preview

    token = preview.maker.set(partial(prefetch.map, preview.make, ahead=4 * prefetch.workers))
    try:
        yield
    finally:
        preview.maker.reset(token)


def _ocr_ready() -> None:
    """``--ocr`` needs the extra: without it, exit 2 saying how to install it."""
    from icp_renew.ocr.engine import EngineMissing, available

    try:
        available()
    except EngineMissing:
        raise UserError("ocr.not-installed") from None


def _refuse_output_in_dossier(output: Path, dossiers: Sequence[Path]) -> None:
    """``-o`` must not write into a dossier being checked, as ``pack`` refuses: a report never
    changes a dossier (and would be an unassigned file at the next check)."""
    target = Path(os.path.realpath(output))
    for d in dossiers:
        root = d.parent if d.name == "dossier.yaml" and not d.is_dir() else d
        if not root.is_dir():
            continue  # reported as a dossier that cannot be checked
        real_root = Path(os.path.realpath(root))
        if target == real_root or real_root in target.parents:
            raise UserError(
                "pack.report-in-dossier",
                source=str(output),
                dossier=str(d),
            )


def _colour_wanted(output: Path | None) -> bool:
    """Colour only on a terminal; NO_COLOR (non-empty) and TERM=dumb turn it off."""
    if output is not None or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _width() -> int:
    import shutil

    return max(40, shutil.get_terminal_size((100, 24)).columns)


def _progress_wanted(quiet: bool, total: int) -> bool:
    """A progress bar only on a terminal, never in CI or with --quiet, and for several dossiers."""
    if quiet or total < 2 or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stderr.isatty()


class Progress:
    """``on_progress`` for :func:`check_many`: a rich bar on stderr once the work proves long."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled
        self.start = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            long = time.monotonic() - self.start >= PROGRESS_DELAY or total >= PROGRESS_MANY
            if done >= total or not long:
                return
            from rich.console import Console
            from rich.progress import Progress as Bar

            self._bar = Bar(console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("icp-renew check", total=total, completed=done)
        self._bar.update(self._task, completed=done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _append_step_summary(
    path: Path,
    report: Report,
    lang: Lang,
    show_pii: bool,
    strict: bool,
) -> None:
    """Append the Markdown summary to ``GITHUB_STEP_SUMMARY`` (a warning if it cannot)."""
    from icp_renew.formats.check_markdown import render as markdown

    text = markdown(report, lang=lang, show_pii=show_pii, strict=strict)
    try:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(text + "\n")
    except OSError as exc:
        from icp_renew.errors import os_error
        from icp_renew.messages import t

        reason = os_error(exc, "cli.summary-not-written").render(lang)
        typer.echo(t("cli.warning", lang, message=f"{path}: {reason}"), err=True)
