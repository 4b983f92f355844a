"""``check --format text``: the report for people.

Per dossier: a header (path, company, licence, authority); the findings grouped
by category in checklist order, under the material they concern, each with its
hint on how to fix it; then a summary line (required materials present,
errors, warnings, infos, and the verdict). Several dossiers end with a rich
summary table: company, days left to the filing deadline, counts and verdict,
most urgent first (fewest days left; a dossier that could not be checked at all
is a row too). ``--quiet`` prints only that table and the totals line, for one
dossier as for many.

Colour only when the CLI says so (a terminal, no ``NO_COLOR``, ``TERM`` not
``dumb``): this function never looks at the environment. Every file name and
message goes through :func:`icp_renew.formats.safe.visible`, and rich markup
is off, so a file name cannot colour, move or rewrite the terminal.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from icp_renew.findings import (
    DossierReport,
    Finding,
    MaterialLine,
    Report,
    Severity,
    authority_name,
)
from icp_renew.formats.safe import visible
from icp_renew.formats.terminal import Page, Segment
from icp_renew.i18n import Lang
from icp_renew.messages import t

if TYPE_CHECKING:
    from rich.table import Table

SIGNS = {
    Severity.ERROR: ("×", "bold red"),
    Severity.WARNING: ("!", "yellow"),
    Severity.INFO: ("i", "cyan"),
}
Entry = tuple[MaterialLine | None, list[Finding]]


def counts(d: DossierReport | Report, lang: Lang) -> str:
    e, w, i = (d.count(s) for s in Severity)
    return t("report.counts", lang, errors=e, warnings=w, notes=i)


def verdict(d: DossierReport, lang: Lang, strict: bool) -> Segment:
    """(text, style) of the verdict on one dossier."""
    if not d.ok(strict):
        return t("report.verdict-failed", lang), "bold red"
    if d.count(Severity.WARNING):
        return t("report.verdict-passed-with-warnings", lang), "bold yellow"
    return t("report.verdict-passed", lang), "bold green"


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
        groups.append((t("report.group-general", lang), [(None, general)]))
    if not d.materials:  # no checklist given: one group, materials in order of appearance
        entries: list[Entry] = [(None, fs) for fs in by_material.values()]
        if entries:
            groups.append((t("report.group-materials", lang), entries))
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
    files = t("report.file-count", lang, n=m.files)
    optional = "" if m.required else t("report.recommended", lang)
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
        (f"{sign} {t('report.severity-' + f.severity.value, lang)}", style),
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
    head: list[Segment] = [(visible(d.label), "bold")]
    for part in (d.company, d.license_number, authority_name(d, lang)):
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
    materials = t(
        "report.materials-present",
        lang,
        materials_present=d.materials_present,
        materials_required=d.materials_required,
    )
    page.add([verdict(d, lang, strict), (f" — {materials} · {counts(d, lang)}", "")])


def urgency(d: DossierReport) -> tuple[int, int]:
    """Most urgent first: fewest days left to the filing deadline; unknown deadlines last."""
    return (0, d.days_left) if d.days_left is not None else (1, 0)


def _table(report: Report, lang: Lang, strict: bool) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=t("report.table-title", lang), title_justify="left")
    table.add_column(t("report.table-dossier", lang), ratio=1, min_width=12, overflow="fold")
    table.add_column(t("deadline.column-company", lang), ratio=1, overflow="fold")
    table.add_column(t("deadline.column-days-left", lang), justify="right", overflow="fold")
    for label in (
        t("report.table-errors", lang),
        t("report.table-warnings", lang),
    ):
        table.add_column(label, justify="right", overflow="fold")
    table.add_column(t("report.table-result", lang), min_width=6, no_wrap=True)
    for d in sorted(report.dossiers, key=urgency):
        if d.error is not None:
            cannot = "× " + t("deadline.cannot-check", lang)
            table.add_row(Text(visible(d.path)), "", "-", "-", "-", Text(cannot, "bold red"))
            continue
        _, style = verdict(d, lang, strict)
        if not d.ok(strict):
            short = t("report.table-failed", lang)
        elif d.count(Severity.WARNING):
            short = t("report.table-passed-with-warnings", lang)
        else:
            short = t("report.table-passed", lang)
        table.add_row(
            Text(visible(d.label)),
            Text(visible(d.company or "")),
            "-" if d.days_left is None else str(d.days_left),
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
    checked = [d for d in report.dossiers if d.error is None]
    if not quiet:  # --quiet keeps the summary and leaves out the detail
        for i, d in enumerate(checked):
            if i:
                page.blank()
            _dossier(page, d, lang, show_pii, strict, quiet)
    n = len(report.dossiers)
    if not n or (n == 1 and not quiet and checked):
        return str(page)
    if page.lines:
        page.blank()
    table = _rich_text(_table(report, lang, strict), color, width)
    failed = sum(1 for d in report.dossiers if not d.ok(strict))
    total = Page(width, color)
    key = "deadline.checked-total-one" if n == 1 else "deadline.checked-total"
    total.add(t(key, lang, n=n, failed=failed, passed=n - failed, counts=counts(report, lang)))
    return str(page) + table + str(total)
