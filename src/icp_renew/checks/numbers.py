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

from icp_renew.checks import Context
from icp_renew.errors import UserError
from icp_renew.findings import Finding, Severity, finding
from icp_renew.numbers import STANDARD, VARIANTS, parse_filing, parse_license
from icp_renew.rulebook.models import Authority

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
    selected = ctx.checklist.authority
    parsed = parse_license(number)
    if parsed is None:
        yield _bad_license(number, "不是已知的编号格式", "it has none of the known forms")
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
                number,
                f"前缀“{parsed.prefix}”不是任何发证机关的许可证前缀",
                f"the prefix {parsed.prefix} is not a licence prefix of any authority",
            )
            return
        owner = selected if selected.slug in {a.slug for a in owners} else owners[0]
    if parsed.year is not None and parsed.year > ctx.today.year:
        yield _bad_license(
            number, f"年份 {parsed.year} 晚于今年", f"the year {parsed.year} is after this year"
        )
        return
    if parsed.variant != STANDARD:
        zh, en = VARIANTS[parsed.variant]
        yield finding(
            "invalid-license-number",
            severity=Severity.WARNING,
            zh="license.number 许可证编号 {number} 格式少见（{what_zh}），请与许可证正本核对",
            en="license.number: the licence number {number} has an unusual form ({what_en}); "
            "check it against the licence",
            number=number,
            what_zh=zh,
            what_en=en,
        )
    if owner is not None and owner.slug != selected.slug:
        yield finding(
            "province-mismatch",
            zh="许可证编号 {number} 属于{owner_zh}，与所选发证机关{selected_zh}不一致"
            "（检查 --province 与 dossier.yaml 的 authority）",
            en="The licence number {number} belongs to {owner_en}, not to the selected authority, "
            "{selected_en} (check --province and authority in dossier.yaml)",
            number=number,
            owner_zh=owner.authority,
            owner_en=owner.authority_en,
            selected_zh=selected.authority,
            selected_en=selected.authority_en,
        )


def _bad_license(number: str, why_zh: str, why_en: str) -> Finding:
    return finding(
        "invalid-license-number",
        zh="license.number 许可证编号 {number} 无效：{why_zh}（应如 京B2-20210001，跨地区许可证如 "
        "B2-20090237）",
        en="license.number: the licence number {number} is invalid: {why_en} (expected e.g. "
        "京B2-20210001, or B2-20090237 for a cross-regional licence)",
        number=number,
        why_zh=why_zh,
        why_en=why_en,
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
            zh="dossier.yaml 的 authority 为{declared_zh}，但所选发证机关为{selected_zh}（--province）",
            en="authority in dossier.yaml is {declared_en}, but the selected authority is "
            "{selected_en} (--province)",
            declared_zh=named.authority,
            declared_en=named.authority_en,
            selected_zh=selected.authority,
            selected_en=selected.authority_en,
        )


def _filing(ctx: Context, i: int, domain: str, number: str) -> Iterator[Finding]:
    parsed = parse_filing(number)
    where: dict[str, Any] = {"i": i, "domain": domain, "number": number}
    if parsed is None:
        yield finding(
            "invalid-filing-number",
            zh="domains[{i}].filing_number：{domain} 的备案号 {number} 无效（应如 京ICP备12345678号-1，"
            "8位或10位数字）",
            en="domains[{i}].filing_number: the filing number {number} of {domain} is invalid "
            "(expected e.g. 京ICP备12345678号-1, with 8 or 10 digits)",
            **where,
        )
        return
    owners = _owners(ctx, filing=True).get(parsed.prefix)
    if not owners:
        yield finding(
            "invalid-filing-number",
            zh="domains[{i}].filing_number：{domain} 的备案号 {number} 无效：前缀“{prefix}”不是任何省份的备案前缀",
            en="domains[{i}].filing_number: the filing number {number} of {domain} is invalid: "
            "{prefix} is not the filing prefix of any province",
            prefix=parsed.prefix,
            **where,
        )
        return
    if parsed.variant != STANDARD:
        yield finding(
            "invalid-filing-number",
            severity=Severity.WARNING,
            zh="domains[{i}].filing_number：{number} 是旧式 ICP 证编号，不是备案号；请填写 {domain} 的"
            " ICP备 号",
            en="domains[{i}].filing_number: {number} is an old ICP certificate number, not a filing "
            "number; give the ICP备 number of {domain}",
            **where,
        )
    selected = ctx.checklist.authority
    if not selected.cross_regional and selected.slug not in {a.slug for a in owners}:
        yield finding(
            "province-mismatch",
            severity=Severity.WARNING,
            zh="{domain} 的备案号 {number} 属于{owner_zh}，而许可证由{selected_zh}管辖；"
            "请确认备案主体与许可证持有人一致",
            en="The filing number {number} of {domain} is from {owner_en}, while the licence is "
            "under {selected_en}; check that the site's operator is the licensee",
            owner_zh=owners[0].authority,
            owner_en=owners[0].authority_en,
            selected_zh=selected.authority,
            selected_en=selected.authority_en,
            **where,
        )
