"""Personal data in output: masked unless the user asks for it (``--show-pii``).

A check wraps an identifier of a person in :class:`Pii` when it quotes it in a
finding; the formatter decides, once, whether it is shown. Masking keeps enough
to recognise the value (the region and the check character of an ID number,
the carrier prefix of a mobile number) and nothing that identifies the person.
"""

from __future__ import annotations


class Pii(str):
    """A string that is personal data (ID number, mobile number)."""

    __slots__ = ()


def mask(value: str) -> str:
    """Mask the middle of an identifier: ``110105********002X``, ``138****8000``."""
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
