"""The ``icp-renew`` application: registers each command group's module."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from icp_renew import __version__

try:  # recent typer vendors click
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer.exceptions import Abort
except ImportError:  # pragma: no cover - typer with click as a dependency
    from click.exceptions import (  # type: ignore[no-redef,import-not-found,unused-ignore]
        Abort,
        ClickException,
        NoArgsIsHelpError,
    )


class OneLineErrors(TyperGroup):
    """Usage errors (unknown option, missing argument, bad value) as one line on stderr, exit 2.

    DESIGN.md: "One clear line on stderr that names the file, and the line or field".
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


def _version(value: bool) -> None:
    if value:
        from icp_renew.rulebook.paths import rules_version

        typer.echo(f"icp-renew {__version__} (rules {rules_version()})")
        raise typer.Exit(0)


@app.callback()
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


def _register() -> None:
    from icp_renew.cli import check_cmd, deadline_cmd, init_cmd, pack_cmd, rules_cmd, schema_cmd

    for module in (check_cmd, deadline_cmd, pack_cmd, init_cmd, rules_cmd, schema_cmd):
        module.register(app)


_register()


def main() -> None:
    app(prog_name="icp-renew")
