"""What the html reports share: the Jinja2 environment, texts by key, the page's frame.

Jinja2 is imported here, and this module only by the html formats, so no other command
pays for it. Autoescaping is on for every template: a file or company name is text, never
markup. Text from a dossier goes through :func:`~icp_renew.formats.safe.visible` as well,
so a bidi override or a control character shows as an escape (``\\u202e``) instead of
turning a name around. The page holds no script and asks for nothing: its
Content-Security-Policy allows only its own inline style and ``data:`` images, so even a
mistake could not make a request.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from icp_renew.formats.safe import encodable, visible
from icp_renew.messages import t

if TYPE_CHECKING:
    from jinja2 import Environment, Template

    from icp_renew.i18n import Lang

#: the page may load nothing: no script, no font, no image but its own ``data:`` ones
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


@cache
def environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("icp_renew.formats", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def text(value: object) -> str:
    """Text from outside the tool as the page shows it (escaped by the template after)."""
    return visible(encodable(str(value)))


def texts(lang: Lang) -> Any:
    """``m("name", **params)`` in templates: the html domain's message ``name`` in ``lang``."""

    def m(name: str, /, **params: Any) -> str:
        return t(f"html.{name}", lang, **params)

    return m


def counted(name: str, lang: Lang, count: int, **params: Any) -> str:
    """``html.<name>`` with English plural agreement (``<name>-one`` for one)."""
    key = f"html.{name}-one" if count == 1 else f"html.{name}"
    return t(key, lang, count=count, **params)


def days_text(days: int | None, lang: Lang) -> str:
    """ "12 days left", "3 days overdue", "due today" (nothing without a date)."""
    if days is None:
        return ""
    if days < 0:
        return counted("days-overdue", lang, -days)
    if days == 0:
        return t("html.due-today", lang)
    return counted("days-to-go", lang, days)


def page_template(name: str) -> Template:
    """The template ``name``, compiled once per process (Jinja2's own cache)."""
    return environment().get_template(name)


def render_page(template: str, lang: Lang, **context: Any) -> str:
    """Render ``template`` with the shared frame's variables."""
    page = page_template(template)
    return page.render(
        lang=lang,
        html_lang="zh-CN" if lang == "zh" else "en",
        m=texts(lang),
        csp=CSP,
        **context,
    )
