"""Report formats by name: ``check --format`` takes its choices from here.

Each format is a function ``render(report, *, lang, show_pii, strict, quiet, color,
width) -> str`` in its own module, imported only when chosen (the CLI imports this
registry at start-up, so it stays light).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Protocol

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


def names() -> tuple[str, ...]:
    """The format names, for ``--format`` choices."""
    return tuple(FORMATS)


def get(name: str) -> Formatter:
    """The ``render`` function of format ``name`` (KeyError for an unknown name)."""
    module = import_module(FORMATS[name][0])
    render: Formatter = module.render
    return render
