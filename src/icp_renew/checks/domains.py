"""Domains: each one well formed, and each with its certificate.

``invalid-domain`` (error): a name under ``domains`` in ``dossier.yaml`` that
is not a domain name. Checked with the ``idna`` library (IDNA 2008 with UTS 46
mapping), so Chinese domains such as ``示例.中国`` and their punycode form
``xn--fsq092h.xn--fiqs8s`` are valid, as are upper-case letters and full-width
characters. Rejected: a scheme (``http://``), a path, a port, spaces, a single
label (``localhost``), an all-numeric top-level label (an IP address), empty
labels, labels that start or end with a hyphen, names over 253 characters.

``missing-domain-certificate`` (error): a valid domain without a file in the
domain-certificate material (``per_domain: true`` in the rules) whose name
contains the domain — ``example.com.pdf``, ``域名证书-example.com.jpg``. The
comparison ignores case and Unicode normalisation (NFC/NFKC), and a Chinese
domain matches in either form (``示例.中国`` or ``xn--fsq092h.xn--fiqs8s``).
``example.com`` does not match ``myexample.com.pdf`` or ``example.com.cn.pdf``.
A domain written with ``www.`` (``www.example.com``) asks for a certificate named
after the registered domain, ``example.com``: the registrar's certificate names
the registered domain, never its ``www`` host (a file named either way counts).
Runs only when the material has at least one file (a material with no file at
all is reported once, as ``missing-material``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from icp_renew.checks import Context, placeholder
from icp_renew.findings import Finding, finding
from icp_renew.i18n import Text
from icp_renew.messages import Message

CODES: tuple[str, ...] = ("invalid-domain", "missing-domain-certificate")


class DomainError(ValueError):
    """Why a string is not a domain name: ``reason`` is a message of the catalogue."""

    def __init__(self, case: str, **params: str) -> None:
        self.reason = Message.of(f"findings.invalid-domain.{case}", **params)
        super().__init__(self.reason.render("en"))


def domain_forms(name: str) -> tuple[str, str]:
    """``(unicode, ascii)`` forms of a domain name, lower-case; :class:`DomainError` if invalid."""
    import idna

    text = unicodedata.normalize("NFKC", name).strip()
    if not text:
        raise DomainError("empty")
    if "://" in text:
        raise DomainError("url")
    for char, case in (("/", "path"), (":", "port"), ("@", "email")):
        if char in text:
            raise DomainError(case)
    if any(c.isspace() for c in text):
        raise DomainError("space")
    text = text.removesuffix(".")
    try:
        ascii_form = idna.encode(text, uts46=True).decode("ascii")
        unicode_form = idna.decode(ascii_form)
    except (idna.IDNAError, UnicodeError) as exc:  # UnicodeError: a label too long for the codec
        raise DomainError(_idna_case(exc)) from None
    labels = ascii_form.split(".")
    if len(labels) < 2:
        raise DomainError("single-label")
    if labels[-1].isdigit():
        raise DomainError("numeric")
    return unicode_form.lower(), ascii_form.lower()


def registered(forms: tuple[str, str]) -> tuple[str, str]:
    """The registered domain of ``(unicode, ascii)`` forms: without a leading ``www.`` label
    (a host name, not what a domain certificate names); as given otherwise."""
    unicode_form, ascii_form = forms
    if ascii_form.startswith("www.") and ascii_form.count(".") >= 2:
        return unicode_form.removeprefix("www."), ascii_form.removeprefix("www.")
    return forms


def _idna_case(exc: Exception) -> str:
    """The catalogue case for an ``idna`` error (its own text is English: not shown)."""
    import idna

    text = str(exc).lower()
    if isinstance(exc, (idna.InvalidCodepoint, idna.InvalidCodepointContext)):
        return "idna-character"
    if "hyphen" in text:
        return "idna-hyphen"
    if "empty" in text:
        return "idna-empty-label"
    if "long" in text:
        return "idna-too-long"
    return "idna"


def _contains(haystack: str, needle: str) -> bool:
    """``needle`` in ``haystack`` as a whole domain: not inside a longer ASCII name.

    A hyphen or underscore beside it is taken as a separator (``证书-example.com``).
    """
    pattern = r"(?<![a-z0-9.])" + re.escape(needle) + r"(?![a-z0-9])(?!\.[a-z0-9])"
    return re.search(pattern, haystack) is not None


def _names(path: str) -> tuple[str, ...]:
    """A file's name with and without its extension, normalised for comparison."""
    base = unicodedata.normalize("NFKC", path.rsplit("/", 1)[-1]).lower()
    return (base, base.rsplit(".", 1)[0]) if "." in base else (base,)


def check(ctx: Context) -> Iterator[Finding]:
    cfg = ctx.dossier.config
    per_domain = [m for m in ctx.checklist.materials if m.per_domain]
    names_of = {
        m.id: [n for f in ctx.dossier.files_of(m.id) for n in _names(f.path)] for m in per_domain
    }
    for i, domain in enumerate(cfg.domains):
        unfilled = placeholder("invalid-domain", f"domains[{i}].name", domain.name)
        if unfilled is not None:
            yield unfilled
            continue
        try:
            forms = domain_forms(domain.name)
        except DomainError as exc:
            yield finding(
                "invalid-domain",
                "findings.invalid-domain.invalid",
                i=i,
                domain=domain.name,
                reason=exc.reason,
            )
            continue
        for req in per_domain:
            names = names_of[req.id]
            if not names:
                continue  # absence of the whole material is presence's finding
            bare = registered(forms)
            if any(_contains(n, form) for n in names for form in {*forms, *bare}):
                continue
            yield finding(
                "missing-domain-certificate",
                "findings.missing-domain-certificate.missing",
                material=req.id,
                domain=domain.name,
                example=bare[0],
                title=Text(req.title, req.title_en),
            )
