"""Licence and ICP filing numbers: their form, and whose prefix they carry.

``invalid-license-number`` for ``license.number``:

- accepted: ``<prefix>B2-YYYYNNNN`` (``京B2-20212732``) with a prefix that an
  authority file lists under ``license_prefixes`` (aliases such as 陇, 云, 贵
  included), or the cross-regional form without prefix (``B2-20090237``), also
  ``B1-…``;
- warning, real but unusual (docs/sources.md): both classes on one licence
  (``皖B1.B2-20070020``), a ``-N`` suffix (``黔B2-20010020-102``), a basic-telecom
  class (``粤A2-…``), the old Liaoning form (``辽B-2-4-…``), an old ICP
  certificate number (``京ICP证030173号``);
- error: anything else — an unknown prefix, a missing hyphen, a year after
  this year, a serial that is not 4 digits.

``invalid-filing-number`` for ``domains[].filing_number``: ``<prefix>ICP备``,
8 digits (older) or 10 digits (since about 2019), ``号``, an optional ``-N``
site suffix (``京ICP备11041704号``, ``陇ICP备2021003158号-1``). The prefix must be
a filing prefix of some authority (a cross-regional licensee files where it
sits, so any authority's). An old ICP certificate number (``京ICP证030173号``)
is a warning: the site's filing number is the ``ICP备`` one.

``province-mismatch``:

- error: the licence prefix belongs to another authority than the selected one
  (``--province``, else ``authority`` in ``dossier.yaml``), a cross-regional
  licence number with a provincial authority or the reverse, or
  ``dossier.yaml``'s ``authority`` differs from ``--province``;
- warning: for a provincial licence, a filing number whose prefix belongs to
  another province. A site is filed in the province where its operator is
  registered, which is normally the licence's province, so this usually means a
  typo or another company's site; but a company that moved keeps its old
  filings, so it is not an error.

Full-width characters and unusual dashes are folded before matching
(``京Ｂ２－２０２１０００１`` is ``京B2-20210001``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from icp_renew.checks import Context, placeholder
from icp_renew.errors import UserError
from icp_renew.findings import Finding, Severity, finding
from icp_renew.i18n import Text
from icp_renew.messages import Message
from icp_renew.numbers import STANDARD, parse_filing, parse_license
from icp_renew.rulebook.models import Authority

#: reads dossier.yaml and the rules only, never the files: runs while they are inspected
FILES = False
CODES: tuple[str, ...] = ("invalid-license-number", "invalid-filing-number", "province-mismatch")


def _owners(ctx: Context, filing: bool) -> dict[str, list[Authority]]:
    out: dict[str, list[Authority]] = {}
    for a in ctx.book.authorities.values():
        for prefix in a.filing_prefixes if filing else a.license_prefixes:
            out.setdefault(prefix, []).append(a)
    return out


def check(ctx: Context) -> Iterator[Finding]:
    mismatch = False
    for f in _license(ctx):
        mismatch = mismatch or f.code == "province-mismatch"
        yield f
    if not mismatch:
        yield from _declared_authority(ctx)
    for i, domain in enumerate(ctx.dossier.config.domains):
        if domain.filing_number:
            yield from _filing(ctx, i, domain.name, domain.filing_number)


def _license(ctx: Context) -> Iterator[Finding]:
    number = ctx.dossier.config.license.number
    unfilled = placeholder("invalid-license-number", "license.number", number)
    if unfilled is not None:
        yield unfilled
        return
    selected = ctx.checklist.authority
    parsed = parse_license(number)
    if parsed is None:
        yield _bad_license(number, Message.of("findings.reason.unknown-license-form"))
        return
    owner: Authority | None
    if parsed.prefix is None:
        owner = next((a for a in ctx.book.authorities.values() if a.cross_regional), None)
    else:
        owners = _owners(ctx, filing=False).get(parsed.prefix) or (
            _owners(ctx, filing=True).get(parsed.prefix)
            if parsed.variant == "old-icp-certificate"
            else None
        )
        if not owners:
            yield _bad_license(
                number, Message.of("findings.reason.unknown-license-prefix", prefix=parsed.prefix)
            )
            return
        owner = selected if selected.slug in {a.slug for a in owners} else owners[0]
    if parsed.year is not None and parsed.year > ctx.today.year:
        yield _bad_license(number, Message.of("findings.reason.future-year", year=parsed.year))
        return
    if parsed.variant != STANDARD:
        yield finding(
            "invalid-license-number",
            "findings.invalid-license-number.unusual",
            severity=Severity.WARNING,
            number=number,
            what=Message.of(f"findings.variant.{parsed.variant}"),
        )
    if owner is not None and owner.slug != selected.slug:
        yield finding(
            "province-mismatch",
            "findings.province-mismatch.license",
            number=number,
            owner=Text(owner.authority, owner.authority_en),
            selected=Text(selected.authority, selected.authority_en),
        )


def _bad_license(number: str, why: Message) -> Finding:
    return finding(
        "invalid-license-number", "findings.invalid-license-number.invalid", number=number, why=why
    )


def _declared_authority(ctx: Context) -> Iterator[Finding]:
    """``authority`` in dossier.yaml overridden by a different ``--province``."""
    from icp_renew.rulebook.authorities import find_authority

    declared = ctx.dossier.config.authority
    if not declared:
        return
    try:
        named = find_authority(ctx.book, declared)
    except UserError:
        return  # an unknown authority is the loader's exit-2 problem, not a finding
    selected = ctx.checklist.authority
    if named.slug != selected.slug:
        yield finding(
            "province-mismatch",
            "findings.province-mismatch.declared",
            declared=Text(named.authority, named.authority_en),
            selected=Text(selected.authority, selected.authority_en),
        )


def _filing(ctx: Context, i: int, domain: str, number: str) -> Iterator[Finding]:
    unfilled = placeholder("invalid-filing-number", f"domains[{i}].filing_number", number)
    if unfilled is not None:
        yield unfilled
        return
    parsed = parse_filing(number)
    where: dict[str, Any] = {"i": i, "domain": domain, "number": number}
    if parsed is None:
        yield finding(
            "invalid-filing-number",
            "findings.invalid-filing-number.form",
            **where,
        )
        return
    owners = _owners(ctx, filing=True).get(parsed.prefix)
    if not owners:
        yield finding(
            "invalid-filing-number",
            "findings.invalid-filing-number.prefix",
            prefix=parsed.prefix,
            **where,
        )
        return
    if parsed.variant != STANDARD:
        yield finding(
            "invalid-filing-number",
            "findings.invalid-filing-number.old-certificate",
            severity=Severity.WARNING,
            **where,
        )
    selected = ctx.checklist.authority
    if not selected.cross_regional and selected.slug not in {a.slug for a in owners}:
        yield finding(
            "province-mismatch",
            "findings.province-mismatch.filing",
            severity=Severity.WARNING,
            owner=Text(owners[0].authority, owners[0].authority_en),
            selected=Text(selected.authority, selected.authority_en),
            **where,
        )
