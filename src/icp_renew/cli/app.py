"""The ``icp-renew`` application: registers each command group's module.

A run registers only the command it runs (``icp-renew deadline …`` never imports
``check``'s module): at every start typer turns each registered command's
signature into options, which costs more than the command itself for
``--version`` and ``deadline``. ``--help``, completion and anything unexpected
get every command, and so does :data:`app` (what tests and tools import).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Annotated, Any

import typer

from icp_renew import __version__
from icp_renew.cli.lightparams import LightCommand, LightGroup

try:  # recent typer vendors click
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer.exceptions import Abort
except ImportError:  # pragma: no cover - typer with click as a dependency
    from click.exceptions import (  # type: ignore[no-redef,import-not-found,unused-ignore]
        Abort,
        ClickException,
        NoArgsIsHelpError,
    )


class OneLineErrors(LightGroup):
    """Usage errors (unknown option, missing argument, bad value) as one line on stderr, exit 2.

    docs/reports.md, exit codes: one clear line on stderr that names the file, and the line or field.
    Typer's default is a multi-line box; CI logs want one grep-able line.
    """

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as exc:
            exc.show()  # the help text: `icp-renew` alone, `icp-renew rules`
            sys.exit(exc.exit_code)
        except ClickException as exc:
            ctx = getattr(exc, "ctx", None)
            path = ctx.command_path if ctx is not None else (prog_name or "icp-renew")
            message = " ".join(exc.format_message().split())
            typer.echo(f"icp-renew: error: {message} (see '{path} --help')", err=True)
            sys.exit(exc.exit_code)
        except Abort:
            typer.echo("icp-renew: aborted", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


#: command → the module that registers it, in the order ``--help`` lists them
COMMANDS: dict[str, str] = {
    "check": "check_cmd",
    "deadline": "deadline_cmd",
    "pack": "pack_cmd",
    "verify": "pack_cmd",
    "init": "init_cmd",
    "rules": "rules_cmd",
    "schema": "schema_cmd",
}


def _version(value: bool) -> None:
    if value:
        from icp_renew.rulebook.paths import rules_version

        typer.echo(f"icp-renew {__version__} (rules {rules_version()})")
        raise typer.Exit(0)


def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            help="Show the version and the rules version.",
            callback=_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """增值电信业务经营许可证续期工具 / ICP licence renewal toolkit."""


def make_app(commands: Sequence[str] | None = None) -> typer.Typer:
    """The application with ``commands`` (None: all of them)."""
    app = typer.Typer(
        cls=OneLineErrors,
        name="icp-renew",
        help=(
            "增值电信业务经营许可证（ICP 许可证）续期工具：检查材料、计算申请期限、打包上传。\n\n"
            "Check, schedule and bundle the renewal dossier of a Chinese value-added telecom "
            "(ICP) licence."
        ),
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    modules = dict.fromkeys(COMMANDS[c] for c in (COMMANDS if commands is None else commands))
    for module in modules:
        import_module(f"icp_renew.cli.{module}").register(app)
    infos = list(app.registered_commands)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            infos += group.typer_instance.registered_commands
    for info in infos:
        if info.cls in (None, typer.core.TyperCommand):  # typer's default, not a custom class
            info.cls = LightCommand
    return app


def commands_for(argv: Sequence[str]) -> list[str] | None:
    """The commands a command line needs registered: its own, none for ``--version``, or
    None (all) for help, completion and anything unexpected."""
    if any(key.startswith("_ICP_RENEW_COMPLETE") for key in os.environ):
        return None  # shell completion: every command
    word = next((a for a in argv if not a.startswith("-")), None)  # the root takes no values
    if word is None:
        wants_help = any(a in ("-h", "--help") for a in argv)
        return [] if not wants_help and any(a in ("-V", "--version") for a in argv) else None
    return [word] if word in COMMANDS else None


_APP: typer.Typer | None = None


def __getattr__(name: str) -> Any:
    """``app``: the application with every command, built on first use."""
    global _APP
    if name == "app":
        if _APP is None:
            _APP = make_app()
        return _APP
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    make_app(commands_for(sys.argv[1:]))(prog_name="icp-renew")
