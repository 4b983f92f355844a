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
    "text": ("icp_renew.formats.text", "for people, grouped by category, with hints"),
    "json": ("icp_renew.formats.report_json", "the machine-readable report"),
    "junit": ("icp_renew.formats.junit", "JUnit XML for Jenkins and GitLab"),
    "sarif": ("icp_renew.formats.sarif", "SARIF 2.1.0 for code scanning"),
    "github": ("icp_renew.formats.github_report", "GitHub Actions workflow commands"),
    "markdown": ("icp_renew.formats.markdown_report", "a Markdown summary"),
    "html": ("icp_renew.formats.check_html", "one self-contained page, with scan previews"),
}


#: kind of result → {format name → (module, one-line description)}; kinds other than
#: ``check`` are filled in by the commands that print them
KINDS: dict[str, dict[str, tuple[str, str]]] = {
    "check": FORMATS,
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


def renderer(kind: str, name: str) -> Any:
    """The ``render`` function of format ``name`` of ``kind`` (KeyError when unknown)."""
    return import_module(KINDS[kind][name][0]).render
