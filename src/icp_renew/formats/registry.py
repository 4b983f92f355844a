"""Output formats by command and name: every ``--format`` takes its choices from here.

The one seam between a command's result and the text it prints: the CLI chooses a format
and writes what it returns; nothing else formats output. :data:`KINDS` maps a kind of
result (``check``: a :class:`~icp_renew.findings.Report`; ``status``, ``deadline``,
``verify``, ``rules`` …) to its formats, each a module with a ``render`` function imported
only when chosen (the CLI imports this registry at start-up, so it stays light).

For ``check`` the function is ``render(report, *, lang, show_pii, strict, quiet, color,
width) -> str`` (:class:`Formatter`); other kinds define their own keyword signature in
their modules, always with ``lang`` and returning the text to write.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from icp_renew.findings import Report
    from icp_renew.i18n import Lang

#: name → (module, one-line description); the order is the order of ``--help``
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("icp_renew.formats.check_text", "for people, grouped by category, with hints"),
    "json": ("icp_renew.formats.check_json", "the machine-readable report"),
    "junit": ("icp_renew.formats.check_junit", "JUnit XML for Jenkins and GitLab"),
    "sarif": ("icp_renew.formats.check_sarif", "SARIF 2.1.0 for code scanning"),
    "github": ("icp_renew.formats.check_github", "GitHub Actions workflow commands"),
    "markdown": ("icp_renew.formats.check_markdown", "a Markdown summary"),
    "html": ("icp_renew.formats.check_html", "one self-contained page, with scan previews"),
}


#: kind of result → {format name → (module, one-line description)}
KINDS: dict[str, dict[str, tuple[str, str]]] = {
    "check": FORMATS,
    # status: render(document, *, lang, show_pii, width, color) -> str, from the status
    # document of icp_renew.process.document (one dict, the contract of `status --format json`)
    "status": {
        "text": ("icp_renew.formats.status_text", "for people: a table, or one dossier in full"),
        "json": ("icp_renew.formats.status_json", "the status document"),
        "csv": ("icp_renew.formats.status_csv", "one row per dossier, UTF-8 for Excel"),
        "markdown": ("icp_renew.formats.status_markdown", "a Markdown table and the alerts"),
        "html": (
            "icp_renew.formats.status_html",
            "one self-contained page, with a chart of the due dates",
        ),
    },
    # deadline: text and json render(items, *, lang, single, …) -> str; ics -> bytes
    "deadline": {
        "text": ("icp_renew.formats.deadline_text", "for people: a block, or a table"),
        "json": ("icp_renew.formats.deadline_json", "an object, or a list of objects"),
        "ics": ("icp_renew.formats.deadline_ics", "an iCalendar file of reminders"),
    },
    # verify: render(verdicts, *, lang, quiet) -> str
    "verify": {
        "text": ("icp_renew.formats.verify_text", "a line per problem and per bundle"),
        "json": ("icp_renew.formats.verify_json", "the verdicts"),
    },
    # pack: render(volumes, *, lang) -> str; also notices() and refused()
    "pack": {
        "text": ("icp_renew.formats.pack_text", "the volumes written, notices, a refusal"),
    },
    # rules-list: render(book, *, lang) -> str
    "rules-list": {
        "text": ("icp_renew.formats.rules_list_text", "tables of authorities and industries"),
        "json": ("icp_renew.formats.rules_list_json", "authorities and industries"),
    },
    # rules-show: render(checklist, *, lang) -> str
    "rules-show": {
        "text": ("icp_renew.formats.rules_show_text", "a table per category"),
        "json": ("icp_renew.formats.rules_show_json", "the effective checklist"),
        "markdown": ("icp_renew.formats.rules_show_markdown", "a printable checklist"),
    },
    # rules-lint: render(problems, *, lang, quiet) -> str
    "rules-lint": {
        "text": ("icp_renew.formats.rules_lint_text", "a line per problem"),
        "json": ("icp_renew.formats.rules_lint_json", "ok and the problems"),
        "github": ("icp_renew.formats.rules_lint_github", "GitHub Actions annotations"),
    },
}


class Formatter(Protocol):
    def __call__(
        self,
        report: Report,
        *,
        lang: Lang = "en",
        show_pii: bool = False,
        strict: bool = False,
        quiet: bool = False,
        color: bool = False,
        width: int = 100,
    ) -> str: ...


def names(kind: str = "check") -> tuple[str, ...]:
    """The format names of ``kind``, for ``--format`` choices."""
    return tuple(KINDS[kind])


def get(name: str) -> Formatter:
    """The ``render`` function of the check format ``name`` (KeyError for an unknown name)."""
    render: Formatter = renderer("check", name)
    return render


def module(kind: str, name: str) -> Any:
    """The module of format ``name`` of ``kind``, imported now (KeyError when unknown)."""
    return import_module(KINDS[kind][name][0])


def renderer(kind: str, name: str) -> Any:
    """The ``render`` function of format ``name`` of ``kind`` (KeyError when unknown)."""
    return module(kind, name).render
