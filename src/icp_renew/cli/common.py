"""Options shared by every command (same name, same meaning) and the error path.

Nothing heavy is imported here: ``icp-renew --version`` and ``deadline`` must
start close to bare Python (docs/performance.md).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from icp_renew.atomic import write_atomic as write_atomic  # re-exported for the commands
from icp_renew.errors import UserError
from icp_renew.i18n import Lang, detect_lang, set_current

F = TypeVar("F", bound=Callable[..., Any])

RulesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules",
        metavar="DIR",
        envvar="ICP_RENEW_RULES",
        file_okay=False,
        show_default=False,
    ),
]
TodayOpt = Annotated[
    str | None,
    typer.Option(
        "--today",
        metavar="DATE",
        envvar="ICP_RENEW_TODAY",
        show_default=False,
    ),
]


def complete_province(incomplete: str) -> list[str]:
    """Shell completion: authority slugs, from the shipped file names (no YAML parsing)."""
    from icp_renew.rulebook.paths import rules_root

    try:
        slugs = sorted(p.stem for p in (rules_root() / "authorities").glob("*.yaml"))
    except OSError:  # pragma: no cover
        return []
    return [s for s in slugs if s.startswith(incomplete)]


def complete_industry(incomplete: str) -> list[str]:
    """Shell completion: prior-approval industry slugs."""
    from icp_renew.rulebook.paths import rules_root

    try:
        slugs = sorted(p.stem for p in (rules_root() / "industries").glob("*.yaml"))
    except OSError:  # pragma: no cover
        return []
    return [s for s in slugs if s.startswith(incomplete)]


ProvinceOpt = Annotated[
    str | None,
    typer.Option(
        "--province",
        "-p",
        metavar="PROVINCE",
        show_default=False,
        autocompletion=complete_province,
    ),
]
IndustryOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--industry",
        "-i",
        metavar="INDUSTRY",
        show_default=False,
        autocompletion=complete_industry,
    ),
]
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="LANG",
        envvar="ICP_RENEW_LANG",
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", dir_okay=False),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q")]
#: worker processes (check, pack): None is auto (icp_renew.parallel), checked by jobs_option
JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", metavar="N", show_default=False)]
ServiceOpt = Annotated[
    list[str] | None,
    typer.Option("--service", "-s", metavar="SERVICE", show_default=False),
]
FilingDateOpt = Annotated[
    str | None,
    typer.Option(
        "--filing-date",
        metavar="DATE",
        show_default=False,
    ),
]


def date_option(value: str | None, option: str) -> dt.date | None:
    """A date option's value (ISO, ``2026/5/31``, ``2026年5月31日``); None when not given."""
    if value is None:
        return None
    from icp_renew.dates import DateFormatError, parse_date

    try:
        return parse_date(value)
    except DateFormatError as exc:
        raise UserError(exc.text, source=option) from None


def resolve_today(value: str | None) -> dt.date:
    """``--today`` or the clock; the only place that reads the date."""
    day = date_option(value, "--today")
    return dt.date.today() if day is None else day


def resolve_lang(value: str | None) -> Lang:
    if value is not None and value.strip().lower()[:2] not in ("zh", "en"):
        raise UserError("errors.unknown-language", source="--lang", value=repr(value))
    lang = detect_lang(value)
    set_current(lang)  # for texts made far from the command (help)
    return lang


def check_format(value: str, choices: tuple[str, ...], option: str = "--format") -> str:
    value = value.strip().lower()
    if value not in choices:
        raise UserError(
            "errors.unknown-format", source=option, value=repr(value), choices=", ".join(choices)
        )
    return value


def lang_of_argv(args: Sequence[str]) -> Lang:
    """The language of a command line not parsed (yet): ``--lang X`` / ``--lang=X`` in it,
    else ``ICP_RENEW_LANG``, else the locale. For errors found before the options are."""
    value: str | None = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
    return detect_lang(value)


def current_lang(explicit: str | None = None) -> Lang:
    """The language messages are printed in: ``explicit`` (a ``--lang`` value), else the
    ``--lang`` of the command being run, else ``ICP_RENEW_LANG``, else the locale."""
    if explicit is None:
        try:  # recent typer vendors click
            from typer._click.globals import get_current_context
        except ImportError:  # pragma: no cover - typer with click as a dependency
            from click import get_current_context  # type: ignore[no-redef,import-not-found,unused-ignore]

        ctx = get_current_context(silent=True)
        while ctx is not None and explicit is None:
            value = ctx.params.get("lang")
            explicit = value if isinstance(value, str) else None
            ctx = ctx.parent
    return detect_lang(explicit)


def error_text(exc: UserError, lang: Lang) -> str:
    """A user error's text in ``lang`` on one line: personal data masked, control characters
    made visible."""
    from icp_renew.formats.safe import visible
    from icp_renew.pii import redact

    return visible(redact(exc.render(lang).replace("\n", " ")))


def error_line(exc: UserError, lang: Lang | None = None) -> str:
    """The single stderr line of a user error, in ``lang`` (default: :func:`current_lang`)."""
    from icp_renew.messages import t

    lang = lang or current_lang()
    return t("errors.line", lang, message=error_text(exc, lang))


def handle_errors(func: F) -> F:
    """Turn a :class:`UserError` into one line on stderr and exit 2; Ctrl-C into exit 130.
    The line is in the command's ``--lang`` (else ``ICP_RENEW_LANG``, else the locale)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except UserError as exc:
            typer.echo(error_line(exc, current_lang(kwargs.get("lang"))), err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            from icp_renew.messages import t

            typer.echo(t("errors.interrupted", current_lang(kwargs.get("lang"))), err=True)
            raise typer.Exit(130) from None
        except BrokenPipeError:  # `icp-renew … | head`
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def text_width(output: Path | None) -> int:
    """The width a text report is laid out for: the terminal's (``COLUMNS`` where set),
    80 columns for a file."""
    if output is not None:
        return 80
    import shutil

    return max(40, shutil.get_terminal_size((80, 24)).columns)


def to_stdout(output: Path | None) -> bool:
    """``-o -`` (and no ``-o``) means standard output, as in most command-line tools."""
    return output is None or str(output) == "-"


def emit(text: str, output: Path | None) -> None:
    """Print ``text`` to stdout, or write it atomically to ``--output`` (its folder created
    when missing: ``-o reports/2026/check.json`` in a fresh CI workspace)."""
    if output is None or to_stdout(output):
        sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
        sys.stdout.flush()
    else:
        if not output.parent.is_dir():
            try:
                output.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                from icp_renew.errors import os_error

                raise UserError(os_error(exc, "errors.cannot-write"), source=str(output)) from None
        write_atomic(output, text.encode("utf-8"))


def load_book(rules: list[Path] | None) -> Any:
    """The rulebook with ``--rules`` overlays (imports pydantic: not for light commands)."""
    from icp_renew.rulebook import load_rulebook

    return load_rulebook(rules or ())


def days_option(value: str | None, option: str) -> int | None:
    """A whole number of days ≥ 0 (``--fail-within``, ``--due-soon-days``), declared as a
    string and parsed here: a mistake is one line, exit 2, and no pydantic adapter is built
    at start-up (docs/performance.md)."""
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        number = -1
    if number < 0:
        raise UserError("deadline.days-option", source=option, value=repr(value))
    return number


def jobs_option(jobs: int | None) -> int | None:
    """``--jobs`` as given (None: auto); a negative count is a usage error."""
    if jobs is not None and jobs < 0:
        raise UserError("errors.jobs-negative", source="--jobs", value=jobs)
    return jobs
