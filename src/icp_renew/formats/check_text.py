"""``check --format text``: the report for people.

Per dossier: a header (path, company, licence, authority); the findings grouped
by category in checklist order, under the material they concern, each with its
hint on how to fix it; then a summary line (required materials present,
errors, warnings, infos, and the verdict). Several dossiers end with a rich
table. ``--quiet`` leaves out what passed.

Colour only when the CLI says so (a terminal, no ``NO_COLOR``, ``TERM`` not
``dumb``): this function never looks at the environment. Every file name and
message goes through :func:`icp_renew.formats.safe.visible`, and rich markup
is off, so a file name cannot colour, move or rewrite the terminal.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from icp_renew.findings import DossierReport, Finding, MaterialLine, Report, Severity
from icp_renew.formats.safe import visible
from icp_renew.formats.terminal import Page, Segment
from icp_renew.i18n import Lang, tr

if TYPE_CHECKING:
    from rich.table import Table

SIGNS = {
    Severity.ERROR: ("×", "bold red"),
    Severity.WARNING: ("!", "yellow"),
    Severity.INFO: ("i", "cyan"),
}
LABELS = {
    Severity.ERROR: ("错误", "error"),
    Severity.WARNING: ("警告", "warning"),
    Severity.INFO: ("提示", "info"),
}
Entry = tuple[MaterialLine | None, list[Finding]]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def counts(d: DossierReport | Report, lang: Lang) -> str:
    e, w, i = (d.count(s) for s in Severity)
    if lang == "zh":
        return f"错误 {e} · 警告 {w} · 提示 {i}"
    return f"{_plural(e, 'error')} · {_plural(w, 'warning')} · {_plural(i, 'info')}"


def verdict(d: DossierReport, lang: Lang, strict: bool) -> Segment:
    """(text, style) of the verdict on one dossier."""
    if not d.ok(strict):
        return tr(lang, "× 未通过", "× FAILED"), "bold red"
    if d.count(Severity.WARNING):
        return tr(lang, "√ 通过（有警告）", "√ PASSED with warnings"), "bold yellow"
    return tr(lang, "√ 通过", "√ PASSED"), "bold green"


def _groups(d: DossierReport, lang: Lang) -> list[tuple[str, list[Entry]]]:
    """(heading, entries) in checklist order; findings outside any material come first."""
    by_material: dict[str, list[Finding]] = {}
    general: list[Finding] = []
    known = {m.id for m in d.materials}
    for f in d.findings:
        if f.material is not None and (f.material in known or not d.materials):
            by_material.setdefault(f.material, []).append(f)
        else:
            general.append(f)
    groups: list[tuple[str, list[Entry]]] = []
    if general:
        groups.append((tr(lang, "基本信息", "Dossier"), [(None, general)]))
    if not d.materials:  # no checklist given: one group, materials in order of appearance
        entries: list[Entry] = [(None, fs) for fs in by_material.values()]
        if entries:
            groups.append((tr(lang, "材料", "Materials"), entries))
        return groups
    for m in d.materials:
        heading = (
            m.category_title if lang == "zh" else f"{m.category_title_en} ({m.category_title})"
        )
        if not groups or groups[-1][0] != heading:
            groups.append((heading, []))
        groups[-1][1].append((m, by_material.get(m.id, [])))
    return groups


def _material_line(m: MaterialLine, findings: list[Finding], lang: Lang) -> list[Segment]:
    if findings:
        worst = min(findings, key=lambda f: f.severity.rank).severity
        sign, style = SIGNS[worst]
    elif m.files:
        sign, style = "√", "green"
    else:
        sign, style = "-", "dim"
    title = m.title if lang == "zh" else f"{m.title_en} ({m.title})"
    files = tr(lang, f"{m.files} 个文件", _plural(m.files, "file"))
    optional = "" if m.required else tr(lang, "（建议）", " (recommended)")
    return [
        (sign, style),
        (" ", ""),
        (visible(title), "bold" if findings else ""),
        (optional + "  ", ""),
        (m.id, "dim"),
        ("  ", ""),
        (files, "dim"),
    ]


def _finding(page: Page, f: Finding, lang: Lang, show_pii: bool, indent: int) -> None:
    sign, style = SIGNS[f.severity]
    head: list[Segment] = [
        (f"{sign} {tr(lang, *LABELS[f.severity])}", style),
        (" ", ""),
        (f.code, "bold"),
    ]
    if f.path:
        head += [(" · ", ""), (visible(f.path), "underline")]
    page.add(head, indent)
    page.add(visible(f.message(lang, show_pii)), indent + 2)
    hint = f.hint(lang)
    if hint:
        page.add([("→ " + visible(hint), "dim")], indent + 2)


def _dossier(
    page: Page, d: DossierReport, lang: Lang, show_pii: bool, strict: bool, quiet: bool
) -> None:
    head: list[Segment] = [(visible(d.path), "bold")]
    for part in (d.company, d.license_number, d.authority):
        if part:
            head += [(" · ", ""), (visible(part), "")]
    page.add(head)
    for heading, entries in _groups(d, lang):
        shown = [(m, fs) for m, fs in entries if fs or not quiet]
        if not shown:
            continue
        page.add([(visible(heading), "bold")])
        for m, fs in shown:
            if m is not None:
                page.add(_material_line(m, fs, lang), 2)
            for f in fs:
                _finding(page, f, lang, show_pii, 6 if m is not None else 4)
    materials = tr(
        lang,
        f"必需材料 {d.materials_present}/{d.materials_required} 项齐全",
        f"{d.materials_present} of {d.materials_required} required materials present",
    )
    page.add([verdict(d, lang, strict), (f" — {materials} · {counts(d, lang)}", "")])


def _table(report: Report, lang: Lang, strict: bool) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=tr(lang, "汇总", "Summary"), title_justify="left")
    table.add_column(tr(lang, "材料目录", "dossier"), ratio=1, min_width=12, overflow="fold")
    table.add_column(tr(lang, "发证机关", "authority"), overflow="fold")
    for label in (
        tr(lang, "必需材料", "materials"),
        tr(lang, "错误", "errors"),
        tr(lang, "警告", "warnings"),
    ):
        table.add_column(label, justify="right", overflow="fold")
    table.add_column(tr(lang, "结果", "result"), min_width=6, overflow="fold")
    for d in report.dossiers:
        _, style = verdict(d, lang, strict)
        short = (
            tr(lang, "× 未通过", "× failed") if not d.ok(strict) else tr(lang, "√ 通过", "√ passed")
        )
        table.add_row(
            Text(visible(d.path)),
            Text(visible(d.authority or "-")),
            f"{d.materials_present}/{d.materials_required}",
            str(d.count(Severity.ERROR)),
            str(d.count(Severity.WARNING)),
            Text(short, style),
        )
    return table


def _rich_text(renderable: object, color: bool, width: int) -> str:
    from rich.console import Console

    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        _environ={},
    )
    console.print(renderable)
    text: str = console.file.getvalue()  # type: ignore[attr-defined]
    return "".join(line.rstrip() + "\n" for line in text.split("\n")[:-1])


def render(
    report: Report,
    *,
    lang: Lang = "en",
    show_pii: bool = False,
    strict: bool = False,
    quiet: bool = False,
    color: bool = False,
    width: int = 100,
) -> str:
    page = Page(width, color)
    shown = [d for d in report.dossiers if d.findings] if quiet else list(report.dossiers)
    for i, d in enumerate(shown):
        if i:
            page.blank()
        _dossier(page, d, lang, show_pii, strict, quiet)
    n = len(report.dossiers)
    if n <= 1 or quiet:
        return str(page)
    page.blank()
    table = _rich_text(_table(report, lang, strict), color, width)
    failed = sum(1 for d in report.dossiers if not d.ok(strict))
    total = Page(width, color)
    total.add(
        tr(
            lang,
            f"共检查 {n} 份材料：{failed} 份未通过，{n - failed} 份通过；{counts(report, lang)}",
            f"{n} dossiers checked: {failed} failed, {n - failed} passed; {counts(report, lang)}",
        )
    )
    return str(page) + table + str(total)
