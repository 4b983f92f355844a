"""Personal data in output: masked unless the user asks for it (``--show-pii``).

A check wraps an identifier of a person in :class:`Pii` when it quotes it in a
finding; the formatter decides, once, whether it is shown. Masking keeps enough
to recognise the value (the region and the check character of an ID number,
the carrier prefix of a mobile number) and nothing that identifies the person.
"""

from __future__ import annotations

import re


class Pii(str):
    """A string that is personal data (ID number, mobile number)."""

    __slots__ = ()


class PiiName(Pii):
    """A person's name (read from an ID card by ``check --ocr``): masked to its first
    character, ``张*``, so a report still tells two names apart without naming anyone."""

    __slots__ = ()


def mask(value: str) -> str:
    """Mask the middle of an identifier: ``110105********002X``, ``138****8000``; a
    :class:`PiiName` keeps its first character only (``张*``)."""
    if isinstance(value, PiiName):
        return value[:1] + "*" * max(len(value) - 1, 1)
    s = str(value)
    n = len(s)
    if n >= 15:  # resident ID: region (6) … last 4
        return s[:6] + "*" * (n - 10) + s[-4:]
    if n >= 11:  # mobile: carrier prefix (3) … last 4
        return s[:3] + "*" * (n - 7) + s[-4:]
    if n >= 5:
        return s[:1] + "*" * (n - 2) + s[-1:]
    return "*" * n


def reveal(value: object, show_pii: bool) -> str:
    """The text of a message parameter, masked when it is :class:`Pii`."""
    if isinstance(value, Pii) and not show_pii:
        return mask(value)
    return str(value)


#: what looks like a resident ID number (18 characters, the last may be X) or a mainland
#: mobile number (11 digits from 13… to 19…, optionally +86 and spaces or hyphens), standing
#: alone (not inside a longer run of digits)
_PII_LIKE = re.compile(
    r"(?<!\d)\d{17}[\dXx](?![\dXx])"  # resident ID
    r"|(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)"  # mobile
)


def _mask_match(match: re.Match[str]) -> str:
    digits = "".join(ch for ch in match.group() if ch.isdigit() or ch in "Xx")
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return mask(digits)


def redact(text: str) -> str:
    """``text`` with every ID-number-like and mobile-number-like run masked.

    A second line of defence for text that is not a :class:`Pii` value: a number typed into
    the wrong field of ``dossier.yaml`` and quoted by a finding, a scan named after the ID
    number, a value quoted by an error message. Masked text passes through unchanged.
    """
    return _PII_LIKE.sub(_mask_match, text)
