"""The ``icp-renew`` application: registers each command group's module.

A run registers only the command it runs (``icp-renew deadline …`` never imports
``check``'s module): at every start typer turns each registered command's
signature into options, which costs more than the command itself for
``--version`` and ``deadline``. ``--help``, completion and anything unexpected
get every command, and so does :data:`app` (what tests and tools import).

Help screens (:mod:`icp_renew.cli.helpscreen`) are drawn in the user's language
(``--lang``, ``ICP_RENEW_LANG``, then the locale) from the catalogue
:mod:`icp_renew.messages.cli_help`, never from the ``help=`` of the code. To add a
command:

1. write ``register(app)`` in its module and name it in :data:`COMMANDS`;
2. declare each value option with an upper-case ``metavar`` (``DATE``, ``FILE``,
   ``N``, ``DIR``; an argument's metavar is its name in the usage line, ``...`` is
   added for several values); no ``help=`` is needed;
3. add to ``messages/cli_help.py`` the command's summary (``"status"``), optionally
   ``"status.about"``, one entry per parameter (``"status.--since"``,
   ``"status.DOSSIER"``; options shared with other commands such as ``--lang`` or
   ``--today`` use the ``"*.--lang"`` entry unless the command has its own) and a
   worked example in ``EXAMPLES["status"]``; a sub-command is ``"group.name"``.

``tests/test_help.py`` walks every command's screen in both languages and names any
missing entry, type-name metavar or line wider than the terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Annotated, Any, NoReturn

import typer

from icp_renew import __version__
from icp_renew.cli.lightparams import LightCommand, LightGroup
from icp_renew.i18n import detect_lang

try:  # recent typer vendors click
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer.exceptions import Abort
except ImportError:  # pragma: no cover - typer with click as a dependency
    from click.exceptions import (  # type: ignore[no-redef,import-not-found,unused-ignore]
        Abort,
        ClickException,
        NoArgsIsHelpError,
    )


#: ``--install-completion SHELL``, ``--show-completion SHELL``: the shells typer completes
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
COMPLETION_OPTIONS = ("--install-completion", "--show-completion")


def _lang_in(args: Sequence[str]) -> str | None:
    """``--lang``'s value in ``args``: the help screen needs it before options are processed."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


class _Help:
    """The help screen from :mod:`icp_renew.cli.helpscreen`, in the user's language."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        lang = _lang_in(args)
        if lang:
            ctx.meta["icp_renew.lang"] = lang
        return super().parse_args(ctx, args)  # type: ignore[misc,no-any-return]

    def get_help(self, ctx: Any) -> str:
        from icp_renew.cli.helpscreen import render

        return render(self, ctx).rstrip("\n")

    def get_usage(self, ctx: Any) -> str:
        from icp_renew.cli.helpscreen import help_lang, usage

        return usage(ctx, self, help_lang(ctx))


class HelpCommand(_Help, LightCommand):
    """A command: light parameters (:mod:`icp_renew.cli.lightparams`), our help screen."""


class HelpGroup(_Help, LightGroup):
    """A group of commands (``rules``): the same."""


def completion_args(args: list[str]) -> list[str]:
    """``--install-completion`` and ``--show-completion`` take an optional shell: a bare one
    becomes ``--install-completion=`` (the current shell), so that ``--install-completion
    zsh`` installs for zsh and not for the shell it runs in."""
    out: list[str] = []
    for i, arg in enumerate(args):
        if arg == "--":
            out += args[i:]
            break
        following = args[i + 1] if i + 1 < len(args) else "-"
        if arg in COMPLETION_OPTIONS and (following.startswith("-") or following in COMMANDS):
            arg += "="
        out.append(arg)
    return out


class OneLineErrors(HelpGroup):
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
        if args is None:
            args = sys.argv[1:]
        args = completion_args(list(args))
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as exc:
            exc.show()  # the help text: `icp-renew` alone, `icp-renew rules`
            sys.exit(exc.exit_code)
        except ClickException as exc:
            from icp_renew.cli.common import lang_of_argv
            from icp_renew.cli.usage import usage_line

            argv = list(args) if args is not None else sys.argv[1:]
            typer.echo(usage_line(exc, lang_of_argv(argv), prog_name), err=True)
            sys.exit(exc.exit_code)
        except Abort:
            from icp_renew.cli.common import lang_of_argv
            from icp_renew.messages import t

            argv = list(args) if args is not None else sys.argv[1:]
            typer.echo(t("errors.aborted", lang_of_argv(argv)), err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)

    def _main_shell_completion(
        self, ctx_args: Any, prog_name: str, complete_var: Any = None
    ) -> None:
        if any(key.startswith("_ICP_RENEW_COMPLETE") for key in os.environ):
            from typer._completion_classes import completion_init

            from icp_renew.cli.helpscreen import localize

            completion_init()  # typer's bash/zsh/fish/powershell completion
            localize(self, self.make_context(prog_name, [], resilient_parsing=True), detect_lang())
        super()._main_shell_completion(ctx_args, prog_name, complete_var)


#: command → the module that registers it, in the order ``--help`` lists them
COMMANDS: dict[str, str] = {
    "check": "check_cmd",
    "deadline": "deadline_cmd",
    "pack": "pack_cmd",
    "verify": "pack_cmd",
    "init": "init_cmd",
    "rules": "rules_cmd",
    "schema": "schema_cmd",
    "status": "status_cmd",
    "record": "record_cmd",
}


def _version(value: bool) -> None:
    if value:
        from icp_renew.rulebook.paths import rules_version

        typer.echo(f"icp-renew {__version__} (rules {rules_version()})")
        raise typer.Exit(0)


def _shell(value: str) -> str:
    """The shell named (or the current one for an empty value); exit 2 for an unknown one."""
    from icp_renew.cli.helpscreen import help_lang
    from icp_renew.messages import t

    lang = help_lang(None)
    shell = value.strip().lower()
    if not shell:
        from typer._completion_shared import _get_shell_name

        shell = _get_shell_name() or ""
        if not shell:
            typer.echo(f"icp-renew: error: {t('cli_help.ui.no-shell', lang)}", err=True)
            raise typer.Exit(2)
    if shell not in SHELLS:
        known = ", ".join(SHELLS)
        message = t("cli_help.ui.unknown-shell", lang, shell=value, known=known)
        typer.echo(f"icp-renew: error: {message}", err=True)
        raise typer.Exit(2)
    return shell


def _install_completion(value: str | None) -> None:
    if value is None:
        return
    from typer._completion_classes import completion_init
    from typer._completion_shared import install

    from icp_renew.cli.helpscreen import help_lang
    from icp_renew.messages import t

    completion_init()
    shell, path = install(shell=_shell(value), prog_name="icp-renew")
    typer.echo(t("cli_help.ui.completion-installed", help_lang(None), shell=shell, path=path))
    raise typer.Exit(0)


def _show_completion(value: str | None) -> None:
    if value is None:
        return
    from typer._completion_classes import completion_init
    from typer._completion_shared import get_completion_script

    completion_init()
    shell = _shell(value)
    typer.echo(
        get_completion_script(
            prog_name="icp-renew", complete_var="_ICP_RENEW_COMPLETE", shell=shell
        )
    )
    raise typer.Exit(0)


def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True)
    ] = False,
    install_completion: Annotated[
        str | None,
        typer.Option(
            "--install-completion",
            metavar="[SHELL]",
            callback=_install_completion,
            is_eager=True,
            expose_value=False,
            show_default=False,
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="[SHELL]",
            callback=_show_completion,
            is_eager=True,
            expose_value=False,
            show_default=False,
        ),
    ] = None,
) -> None:
    """The program's options (its help: ``"icp-renew"`` in ``messages/cli_help.py``)."""


def make_app(commands: Sequence[str] | None = None) -> typer.Typer:
    """The application with ``commands`` (None: all of them)."""
    app = typer.Typer(
        cls=OneLineErrors,
        name="icp-renew",
        no_args_is_help=True,
        add_completion=False,  # our own --install-completion [SHELL] (see _root)
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
        if not isinstance(group.cls, type):  # typer's default: a placeholder
            group.cls = HelpGroup
    for info in infos:
        if info.cls in (None, typer.core.TyperCommand):  # typer's default, not a custom class
            info.cls = HelpCommand
    return app


def commands_for(argv: Sequence[str]) -> list[str] | None:
    """The commands a command line needs registered: its own, none for ``--version``, or
    None (all) for help, completion and anything unexpected."""
    if any(key.startswith("_ICP_RENEW_COMPLETE") for key in os.environ):
        return None  # shell completion: every command
    if any(a.partition("=")[0] in COMPLETION_OPTIONS for a in argv):
        return None
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


#: allocations between two young collections of the cyclic garbage collector (``run``)
YOUNG_GC_THRESHOLD = 10_000


def run() -> NoReturn:
    """What the console script (and ``python -m icp_renew``) runs once it has prestarted its
    zygote (:mod:`icp_renew.cli.console`): :func:`main`, then the process ends as soon as its
    output is out.

    What the interpreter does after that on a normal exit, freeing every module and object one
    by one, is ~45 ms after a ``check`` of a big dossier (docs/performance.md) and nothing a
    finished command needs: its files are closed and renamed, its workers and threads stopped.
    The exit functions libraries registered (``atexit``) still run, and the output is flushed;
    a bug's traceback ends the usual way. The cyclic garbage collector runs less often. :func:`main` is left as it was for callers that go on
    (tests, embedding).
    """
    import atexit
    import gc

    # the cycle collector every 10,000 allocations instead of 700: start-up (imports, the
    # rule models) and pypdf allocate much and leave little cyclic garbage (~4 % of the CPU
    # of a check of the big dossier; the garbage left between two collections is a few MB)
    gc.set_threshold(max(gc.get_threshold()[0], YOUNG_GC_THRESHOLD))
    try:
        main()
        status: object = 0
    except SystemExit as exc:
        status = exc.code
    code = _exit_code(status)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`icp-renew … | head`): nothing to add
            code = code or 1
    os._exit(code)


def _exit_code(status: object) -> int:
    """``sys.exit``'s rules: None is 0, a number is itself, anything else is printed, 1."""
    if status is None:
        return 0
    if isinstance(status, int):
        return status
    print(status, file=sys.stderr)
    return 1
