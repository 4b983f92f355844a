"""``check --format html``: one self-contained page for people (docs/html-report.md).

For each dossier: its identity (path, company, licence, authority, verdict), the
checklist by category with ✓ (complete), ✗ (an error), ! (a warning) or – (optional
and not provided) per material, every finding in plain language with what to do,
and a small preview of each scan (:mod:`icp_renew.formats.preview`). Several
dossiers get a summary table first. No script, no request: the previews are
``data:`` URIs, the fonts the system's (a CJK-friendly stack), the style inline.

Deterministic: the same report gives the same bytes (no clock, stable order, Pillow's
JPEG encoder is deterministic). Personal data is masked by the CLI before this runs
(:func:`~icp_renew.findings.redact_report`); the scans of identity documents are not
previewed unless ``show_pii``, since a preview would show the number the text masks.
"""

from __future__ import annotations

import base64
from typing import Any

from icp_renew.findings import (
    DossierReport,
    FileLine,
    Finding,
    Report,
    Severity,
    authority_name,
)
from icp_renew.formats import preview
from icp_renew.formats.html_page import counted, days_text, page_template, render_page, text
from icp_renew.i18n import Lang
from icp_renew.messages import t

#: materials whose scans show personal data (an ID card shows the ID number)
PII_MATERIALS = frozenset({"legal-rep-id"})
#: at most this many previews in one report (the decoding budget of
#: :data:`~icp_renew.formats.preview.DECODE_BUDGET` usually ends them first: a 300-dpi page
#: scan is about 0.85 MB); one preview for each material comes first (see _Previews)
MAX_PREVIEWS = 40
MARKS = {"ok": "✓", "error": "✗", "warning": "!", "absent": "–"}


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
    making = _Previews(report, show_pii)  # with workers, the previews are being made now
    page_template("check.html")  # while Jinja2 is imported and the template compiled here
    previews = making.settle()
    dossiers = [
        _dossier(i, d, lang, show_pii, strict, previews) for i, d in enumerate(report.dossiers, 1)
    ]
    failed = sum(1 for d in report.dossiers if not d.ok(strict))
    if len(dossiers) == 1:
        heading = t("html.check-heading-one", lang, name=dossiers[0]["name"])
    else:
        heading = counted("check-heading-many", lang, len(dossiers), failed=failed)
    return render_page(
        "check.html",
        lang,
        heading=heading,
        dossiers=dossiers,
        made_by=t(
            "html.made-by",
            lang,
            version=text(report.tool_version),
            rules=text(report.rules_version),
        ),
    )


# --- previews ------------------------------------------------------------------------------


class _Previews:
    """(dossier index, file index) → (a data: URI, the JPEG, its pixel size), or the message
    key saying why there is no preview.

    Files are taken in rounds (the first file of every material of every dossier, then the
    second, …) so that every material gets a preview before any gets a second one, until
    :data:`MAX_PREVIEWS` or a budget of :class:`~icp_renew.formats.preview.Budget` is spent.
    The previews are made by :func:`~icp_renew.formats.preview.made` (from the start, by the
    workers a big dossier's check used; else here, one at a time as they are needed) and paid
    for in that order by :meth:`settle`, so the page is the same either way.
    """

    def __init__(self, report: Report, show_pii: bool) -> None:
        self.out: dict[tuple[int, int], Any] = {}
        queue: list[tuple[int, int, int, int, FileLine]] = []
        for di, d in enumerate(report.dossiers):
            order = {m.id: k for k, m in enumerate(d.materials)}
            rank: dict[str | None, int] = {}
            for fi, f in enumerate(d.files):
                if f.material is None:
                    continue
                if f.material in PII_MATERIALS and not show_pii:
                    self.out[di, fi] = "no-preview-pii"
                elif not preview.previewable(f, d.findings):
                    unsafe = f.format == "pdf" or f.format in preview.IMAGE_FORMATS
                    self.out[di, fi] = "no-preview-unsafe" if unsafe else "no-preview-format"
                else:
                    nth = rank[f.material] = rank.get(f.material, -1) + 1
                    queue.append((nth, di, order.get(f.material, len(order)), fi, f))
        queue.sort(key=lambda q: q[:4])
        self.queue = [(di, fi) for _, di, _, fi, _ in queue]
        self.made = preview.made([q[4] for q in queue])

    def settle(self) -> dict[tuple[int, int], Any]:
        out = self.out
        budget = preview.Budget(preview.BUDGET, preview.DECODE_BUDGET)
        taken = 0
        try:
            for di, fi in self.queue:
                if taken >= MAX_PREVIEWS or budget.spent:
                    out[di, fi] = "no-preview-budget"
                    continue
                got = next(self.made)
                try:
                    data = preview.spend(got, budget)
                except preview.Spent:
                    out[di, fi] = "no-preview-budget"
                    continue
                if data is None:
                    out[di, fi] = "no-preview-image"
                elif not budget.take(data):
                    out[di, fi] = "no-preview-budget"
                else:
                    taken += 1
                    uri = "data:image/jpeg;base64," + base64.b64encode(data).decode()
                    out[di, fi] = (uri, data, got.pixels)
        finally:
            close = getattr(self.made, "close", None)
            if close is not None:
                close()  # the previews made ahead and not wanted are dropped
        return out


# --- the view ------------------------------------------------------------------------------


def _error_at(d: DossierReport) -> str:
    if d.error_file is None:
        return ""
    return text(f"{d.error_file}:{d.error_line}" if d.error_line else d.error_file)


def _finding(f: Finding, lang: Lang, show_pii: bool) -> dict[str, Any]:
    return {
        "severity": f.severity.value,
        "label": t(f"html.severity-{f.severity.value}", lang),
        "code": f.code,
        "message": text(f.message(lang, show_pii)),
        "hint": text(f.hint(lang)),
        "path": text(f.path) if f.path else "",
    }


def _state(material_files: int, required: bool, found: list[Finding]) -> str:
    severities = {f.severity for f in found}
    if Severity.ERROR in severities:
        return "error"
    if Severity.WARNING in severities:
        return "warning"
    if material_files or required:
        return "ok"
    return "absent"


def _file(
    di: int, fi: int, f: FileLine, lang: Lang, previews: dict[tuple[int, int], Any]
) -> dict[str, Any]:
    got = previews.get((di, fi))
    item: dict[str, Any] = {"path": text(f.path), "src": "", "note": ""}
    if isinstance(got, tuple):
        item["src"] = got[0]
        item["width"], item["height"] = got[2]
        item["alt"] = t("html.preview-alt", lang, path=text(f.path))
    elif got:
        item["note"] = t(f"html.{got}", lang)
    return item


def _verdict(d: DossierReport, lang: Lang, strict: bool) -> tuple[str, str]:
    if d.error is not None:
        return "error", t("deadline.cannot-check", lang)
    if not d.ok(strict):
        return "error", t("html.verdict-failed", lang)
    if d.findings:
        return "notes", t("html.verdict-notes", lang)
    return "ok", t("html.verdict-passed", lang)


def _dossier(
    index: int,
    d: DossierReport,
    lang: Lang,
    show_pii: bool,
    strict: bool,
    previews: dict[tuple[int, int], Any],
) -> dict[str, Any]:
    di = index - 1
    by_material: dict[str | None, list[Finding]] = {}
    for f in d.findings:
        by_material.setdefault(f.material, []).append(f)
    files: dict[str | None, list[tuple[int, FileLine]]] = {}
    for fi, fl in enumerate(d.files):  # by index: two names may look alike once masked
        files.setdefault(fl.material, []).append((fi, fl))
    categories: list[dict[str, Any]] = []
    for m in d.materials:
        if not categories or categories[-1]["id"] != m.category:
            title = m.category_title if lang == "zh" else m.category_title_en
            categories.append({"id": m.category, "title": text(title), "materials": []})
        found = by_material.get(m.id, [])
        state = _state(m.files, m.required, found)
        categories[-1]["materials"].append(
            {
                "id": m.id,
                "title": text(m.title if lang == "zh" else m.title_en),
                "state": state,
                "mark": MARKS[state],
                "state_label": t(f"html.state-{state}", lang),
                "need": t("html.required" if m.required else "html.recommended", lang),
                "count": counted("files-count", lang, m.files),
                "findings": [_finding(f, lang, show_pii) for f in found],
                "files": [_file(di, fi, f, lang, previews) for fi, f in files.get(m.id, [])],
            }
        )
    known = {m.id for m in d.materials}
    general = [f for key, fs in by_material.items() if key not in known for f in fs]
    verdict, verdict_label = _verdict(d, lang, strict)
    name = d.company or d.path
    return {
        "anchor": f"dossier-{index}",
        "name": text(name),
        "path": text(d.path),
        "error": text(d.error) if d.error is not None else "",
        "error_at": _error_at(d),
        "expires": d.expires.isoformat() if d.expires else "",
        "deadline": d.filing_deadline.isoformat() if d.filing_deadline else "",
        "days": days_text(d.days_left, lang),
        "company": text(d.company or ""),
        "license": text(d.license_number or ""),
        "authority": text(authority_name(d, lang)),
        "verdict": verdict,
        "verdict_label": verdict_label,
        "errors": d.count(Severity.ERROR),
        "warnings": d.count(Severity.WARNING),
        "infos": d.count(Severity.INFO),
        "materials_count": t(
            "html.materials-count",
            lang,
            present=d.materials_present,
            required=d.materials_required,
        ),
        "present": d.materials_present,
        "required": d.materials_required,
        "general": [_finding(f, lang, show_pii) for f in general],
        "categories": categories,
        "unassigned": [text(f.path) for _, f in files.get(None, [])],
    }
