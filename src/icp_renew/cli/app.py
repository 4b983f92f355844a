"""The ``icp-renew`` application: registers each command group's module."""

from __future__ import annotations

from typing import Annotated

import typer

from icp_renew import __version__

app = typer.Typer(
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
