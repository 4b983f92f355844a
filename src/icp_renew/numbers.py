"""Licence and filing numbers: parsing the forms seen on real licences and websites.

Pure functions, no rulebook: a number is split into its parts (provincial
prefix, class, year, serial, suffix) and labelled with the *variant* it is, so
that the check (``checks/numbers.py``) can decide what is an error and what is
a warning, and which authority a prefix belongs to. Forms (docs/sources.md,
"Number formats"):

- provincial licence ``京B2-20212732``; cross-regional (MIIT) ``B2-20090237``;
- real but unusual licence numbers, accepted with a warning: both classes on
  one licence ``皖B1.B2-20070020``, a ``-N`` suffix ``黔B2-20010020-102``, a
  basic-telecom class ``粤A2-20044005``, the old Liaoning form
  ``辽B-2-4-20080009`` and the old ICP certificate ``京ICP证030173号``;
- ICP filing ``京ICP备11041704号`` (8 digits, older) or ``陇ICP备2021003158号-1``
  (10 digits, since about 2019), with an optional ``-N`` site suffix.

Full-width characters are folded (NFKC) and the dashes people paste from word
processors become ``-`` before matching.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: one Chinese character: the provincial abbreviation (京, 川, 蜀, 陇 …)
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff]"
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"), "-")

_LICENSE = re.compile(
    rf"^(?P<prefix>{_HAN})?"
    r"(?P<cls>[AB][12](?:[.、,/][AB][12])*|[AB]-[12](?:-\d{1,2})?)"
    r"-(?P<year>(?:19|20)\d{2})(?P<serial>\d{4})"
    r"(?:-(?P<suffix>\d{1,4}))?$"
)
_OLD_ICP_CERT = re.compile(rf"^(?P<prefix>{_HAN})ICP证(?P<serial>\d{{6}})号$")
_FILING = re.compile(
    rf"^(?P<prefix>{_HAN})ICP备(?P<serial>\d{{8}}|\d{{10}})号(?:-(?P<site>\d{{1,4}}))?$"
)

#: why an accepted number is unusual (keys of :data:`VARIANTS`)
STANDARD = "standard"
VARIANTS: frozenset[str] = frozenset(
    {"two-classes", "suffix", "basic-telecom", "old-form", "old-icp-certificate"}
)  # each explained by the message ``findings.variant.<name>``


def normalize(number: str) -> str:
    """Full-width to half-width (NFKC), any dash to ``-``, no spaces, upper-case letters."""
    text = unicodedata.normalize("NFKC", number).translate(_DASHES)
    return re.sub(r"\s+", "", text).upper()


@dataclass(frozen=True)
class LicenseNumber:
    """A licence number split into its parts."""

    text: str  # normalised
    prefix: str | None  # 京; None for the MIIT form
    classes: tuple[str, ...]  # ("B2",), ("B1", "B2"), ("B-2-4",)
    year: int | None
    variant: str  # STANDARD or a key of VARIANTS


@dataclass(frozen=True)
class FilingNumber:
    """An ICP filing number split into its parts."""

    text: str
    prefix: str
    serial: str
    site: int | None
    variant: str  # STANDARD or "old-icp-certificate"


def parse_license(number: str) -> LicenseNumber | None:
    """Parse a licence number; ``None`` if it has none of the known forms."""
    text = normalize(number)
    old = _OLD_ICP_CERT.match(text)
    if old:
        return LicenseNumber(text, old["prefix"], ("ICP",), None, "old-icp-certificate")
    match = _LICENSE.match(text)
    if not match:
        return None
    cls = match["cls"]
    classes = tuple(re.split(r"[.、,/]", cls)) if cls[1] != "-" else (cls,)
    if match["suffix"]:
        variant = "suffix"
    elif cls[1] == "-":
        variant = "old-form"
    elif len(classes) > 1:
        variant = "two-classes"
    elif cls.startswith("A"):
        variant = "basic-telecom"
    else:
        variant = STANDARD
    return LicenseNumber(text, match["prefix"], classes, int(match["year"]), variant)


def parse_filing(number: str) -> FilingNumber | None:
    """Parse an ICP filing number; ``None`` if it has none of the known forms."""
    text = normalize(number)
    match = _FILING.match(text)
    if match:
        site = int(match["site"]) if match["site"] else None
        return FilingNumber(text, match["prefix"], match["serial"], site, STANDARD)
    old = _OLD_ICP_CERT.match(text)
    if old:
        return FilingNumber(text, old["prefix"], old["serial"], None, "old-icp-certificate")
    return None
