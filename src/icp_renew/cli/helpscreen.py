"""The ``--help`` screens, in the user's language, from :mod:`icp_renew.messages.cli_help`.

typer's own screen shows type names as metavars (``<bool>``, ``<list[Path]>``), marks
arguments as ``{DOSSIER}``, names an environment variable twice and knows one language;
this module draws the screen instead, from the click command tree typer builds:

- the language: ``--lang`` on the command line (seen by the command classes of
  :mod:`icp_renew.cli.app` before any option is processed, since ``--help`` is eager),
  else ``ICP_RENEW_LANG``, else the locale;
- texts: :func:`help_key` names the catalogue entry of a command or parameter;
- metavars: upper case (``DOSSIER...``, ``FILE``, ``DATE``, ``N``), never a type name; flags
  have none; an argument taking several values ends in ``...``; optional ones are in ``[ ]``;
- paragraphs are single lines in the catalogue, wrapped here to the terminal's width
  (rich measures Chinese characters as two columns), at most :data:`MAX_WIDTH`.

Imported only when a help screen (or completion) is shown: rich and the catalogue are not
loaded for a normal run.
"""

from __future__ import annotations

import io
import os
import shutil
from typing import Any

from icp_renew.formats.wrap import wrap
from icp_renew.i18n import Lang, detect_lang
from icp_renew.messages import t, table

#: the widest help screen: longer lines are hard to read
MAX_WIDTH = 100
#: the narrowest one drawn (a narrower terminal wraps what it gets)
MIN_WIDTH = 40
PROG = "icp-renew"


def exists(key: str) -> bool:
    """Whether the help catalogue has ``key`` (``"cli_help.check.--format"``)."""
    return key.partition(".")[2] in table("cli_help")


def help_lang(ctx: Any) -> Lang:
    """The language of the screen for ``ctx`` (``--lang`` seen by any command of the chain)."""
    while ctx is not None:
        value = ctx.meta.get("icp_renew.lang")
        if value:
            return detect_lang(value)
        ctx = ctx.parent
    return detect_lang(None)


def command_key(ctx: Any) -> str:
    """``"check"``, ``"rules.show"``; the program itself is ``"icp-renew"``."""
    names: list[str] = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return ".".join(reversed(names)) or PROG


def _key_path(path: list[str]) -> str:
    return ".".join(path) or PROG


def param_name(param: Any) -> str:
    """An option's longest name (``--format``), an argument's metavar (``DOSSIER``)."""
    if getattr(param, "param_type_name", "") == "argument":
        return str(param.metavar or param.name or "").upper().removesuffix("...")
    return str(max(param.opts, key=len))


def help_key(command: str, param: Any) -> str:
    """The catalogue key of ``param``'s help: the command's own entry, else the shared one."""
    own = f"cli_help.{command}.{param_name(param)}"
    return own if exists(own) else f"cli_help.*.{param_name(param)}"


def metavar(param: Any) -> str:
    """The placeholder of a parameter's value (empty for a flag)."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    name = str(param.metavar or param.name or "").upper()
    if getattr(param, "param_type_name", "") == "argument" and param.nargs != 1:
        name = name.removesuffix("...") + "..."
    return name


def usage(ctx: Any, command: Any, lang: Lang) -> str:
    """``icp-renew check [OPTIONS] DOSSIER...``."""
    pieces = [ctx.command_path, t("cli_help.ui.OPTIONS", lang)]
    for param in command.get_params(ctx):
        if getattr(param, "param_type_name", "") != "argument" or param.hidden:
            continue
        name = metavar(param)
        pieces.append(name if param.required else f"[{name}]")
    if hasattr(command, "list_commands"):
        pieces.append(t("cli_help.ui.COMMAND", lang))
    return " ".join(pieces)


def option_label(param: Any) -> str:
    """``-f, --format FORMAT``; a long option without a short one is indented to align."""
    shorts = [o for o in param.opts if not o.startswith("--")]
    longs = [o for o in param.opts if o.startswith("--")]
    label = ", ".join(shorts + longs) if shorts else "    " + ", ".join(longs)
    value = metavar(param)
    return f"{label} {value}" if value else label


def param_help(command: str, param: Any, lang: Lang) -> str:
    """The help of ``param`` with its default and environment variable, in ``lang``."""
    key = help_key(command, param)
    # no entry yet (a new option): the code's own help= rather than nothing; tests/test_help.py
    # names the missing entry
    text = t(key, lang, formats=format_list(command, lang)) if exists(key) else param.help or ""
    extra: list[str] = []
    default = getattr(param, "default", None)
    if (
        default not in (None, False, (), [], "")
        and not callable(default)
        and getattr(param, "show_default", True) is not False
        and not getattr(param, "is_flag", False)
    ):
        extra.append(t("cli_help.ui.default", lang, value=default))
    envvar = getattr(param, "envvar", None)
    if isinstance(envvar, str):
        extra.append(t("cli_help.ui.env", lang, name=envvar))
    return "\n".join(part for part in (text, " ".join(extra)) if part)


def format_list(command: str, lang: Lang) -> str:
    """The ``--format`` choices of ``command`` with what each is for, from the formats registry."""
    from icp_renew.formats.registry import KINDS

    kind = KINDS.get(command.split(".")[0])
    if not kind:
        return ""
    items = []
    for name, (_, desc_en) in kind.items():
        key = f"cli_help.format.{command}.{name}"
        if exists(key):
            items.append(t("cli_help.ui.format-item", lang, name=name, desc=t(key, lang)))
        else:  # a format without a catalogue entry (tests/test_help.py fails on it)
            items.append(name if lang == "zh" else f"{name} ({desc_en})")
    return t("cli_help.ui.list-comma", lang).join(items)


def summary(key: str, lang: Lang, command: Any = None) -> str:
    """A command's summary (``key``) or more (``key.about``); without an entry, the first
    paragraph of the command's docstring, if any (tests/test_help.py names the missing entry)."""
    full = f"cli_help.{key}"
    if exists(full):
        return t(full, lang)
    doc = getattr(command, "help", None) or ""
    return " ".join(doc.strip().split("\n\n")[0].split())


def example(key: str, lang: Lang) -> str:
    from icp_renew.messages.cli_help import EXAMPLES

    pair = EXAMPLES.get(key)
    return "" if pair is None else pair[0 if lang == "zh" else 1]


def width() -> int:
    columns = shutil.get_terminal_size((80, 24)).columns
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))


def _colour() -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    import sys

    return sys.stdout.isatty()


def render(command: Any, ctx: Any, columns: int | None = None) -> str:
    """The help screen of ``command`` (a click command or group) in the user's language."""
    from rich.cells import cell_len
    from rich.console import Console
    from rich.panel import Panel
    from rich.text import Text

    lang = help_lang(ctx)
    key = command_key(ctx)
    colour = _colour()
    total = columns or width()
    out = io.StringIO()
    console = Console(
        file=out,
        width=total,
        color_system="standard" if colour else None,
        force_terminal=colour,
        highlight=False,
        emoji=False,
        markup=False,
    )

    def paragraph(text: str, style: str = "", indent: int = 1) -> None:
        for line in wrap(text, total - indent - 1):
            console.print(Text(" " * indent + line, style))

    def panel(title: str, rows: list[tuple[Text, str]]) -> None:
        inner = total - 4  # the border and one space each side
        left = min(max(cell_len(label.plain) for label, _ in rows), inner // 2)
        body = Text()
        for label, help_text in rows:
            room = inner - left - 2
            lines = wrap(help_text, room) or [""]
            if cell_len(label.plain) > left:  # a long label: its help on the next lines
                body.append_text(label)
                body.append("\n")
                lines = wrap(help_text, inner - 4)
                pad = 4
            else:
                body.append_text(label)
                body.append(" " * (left - cell_len(label.plain) + 2) + lines.pop(0) + "\n")
                pad = left + 2
            for line in lines:
                body.append(" " * pad + line + "\n")
        body.rstrip()
        console.print(Panel(body, title=title, title_align="left", border_style="dim"))

    console.print()
    paragraph(t("cli_help.ui.usage", lang) + usage(ctx, command, lang), "bold")
    console.print()
    paragraph(summary(key, lang, command))
    about = summary(f"{key}.about", lang)
    for part in about.split("\n") if about else []:
        console.print()
        paragraph(part, "dim")
    console.print()

    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name == "option"]
    if arguments:
        rows = [(Text(metavar(p), "bold cyan"), param_help(key, p, lang)) for p in arguments]
        panel(t("cli_help.ui.arguments", lang), rows)
    if options:
        panel(
            t("cli_help.ui.options", lang), [(_label(p), param_help(key, p, lang)) for p in options]
        )
    if hasattr(command, "list_commands"):
        rows = []
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is None or sub.hidden:
                continue
            sub_key = name if key == PROG else f"{key}.{name}"
            rows.append((Text(name, "bold cyan"), summary(sub_key, lang, sub)))
        panel(t("cli_help.ui.commands", lang), rows)
    sample = example(key, lang)
    if sample:
        console.print()
        paragraph(t("cli_help.ui.example", lang), "bold")
        paragraph(sample, indent=3)
    lines = out.getvalue().splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _label(param: Any) -> Any:
    from rich.text import Text

    text = Text(option_label(param), "bold cyan")
    value = metavar(param)
    if value:
        text.stylize("yellow", len(text) - len(value))
    return text


def localize(command: Any, ctx: Any, lang: Lang, path: list[str] | None = None) -> None:
    """Put the catalogue's texts into the click tree, for what reads them there: the
    descriptions zsh and fish show beside each completion."""
    path = path or []
    key = _key_path(path)
    command.help = command.short_help = summary(key, lang, command) or None
    for param in command.get_params(ctx):
        if param.param_type_name == "option" and exists(help_key(key, param)):
            param.help = t(help_key(key, param), lang, formats="")
    if hasattr(command, "list_commands"):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                localize(sub, ctx, lang, [*path, name])


def missing(command: Any, ctx: Any, path: list[str] | None = None) -> list[str]:
    """Catalogue keys the help screens of ``command`` and its sub-commands lack (for tests)."""
    path = path or []
    key = _key_path(path)
    wanted = [f"cli_help.{key}"]
    for param in command.get_params(ctx):
        if not getattr(param, "hidden", False):
            wanted.append(help_key(key, param))
    lacking = [k for k in wanted if not exists(k)]
    from icp_renew.messages.cli_help import EXAMPLES

    if key not in EXAMPLES:
        lacking.append(f"EXAMPLES[{key!r}]")
    if hasattr(command, "list_commands"):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                lacking += missing(sub, ctx, [*path, name])
    return lacking


def known_keys() -> set[str]:
    """Every key of the help catalogue (for tests: no entry without a command or option)."""
    return set(table("cli_help"))
