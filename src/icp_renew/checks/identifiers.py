"""Identifiers: the company's credit code and the legal representative's ID number.

``invalid-uscc`` (error): ``company.uscc`` is not a valid unified social
credit code (统一社会信用代码, GB 32100-2015): 18 characters of digits and
capital letters other than I, O, Z, S, V, with a mod-31 check character.
Checked with python-stdnum (``stdnum.cn.uscc``); spaces and hyphens are
ignored, full-width characters folded.

``invalid-id-number`` for ``legal_representative.id_number`` (resident ID,
GB 11643), checked with ``stdnum.cn.ric``:

- error: not 18 characters, not 17 digits plus a digit or ``X``, a wrong check
  character, or a birth date that does not exist or lies after today;
- warning: an area code (the first six digits) that python-stdnum's table does
  not know for the birth year. Area codes are renamed and merged over time and
  a card keeps its old code, so the number may well be valid: check it against
  the card.

The ID number is personal data: findings quote it masked (``110105********002X``)
unless ``--show-pii`` is given.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from icp_renew.checks import Context
from icp_renew.findings import Finding, Severity, finding
from icp_renew.pii import Pii

CODES: tuple[str, ...] = ("invalid-uscc", "invalid-id-number")


def _clean(value: str) -> str:
    """Full-width to half-width; spaces people type between groups dropped."""
    return "".join(unicodedata.normalize("NFKC", value).split())


def check(ctx: Context) -> Iterator[Finding]:
    cfg = ctx.dossier.config
    if cfg.company.uscc:
        yield from _uscc(cfg.company.uscc)
    rep = cfg.legal_representative
    if rep is not None and rep.id_number:
        yield from _id_number(ctx, rep.id_number)


def _uscc(value: str) -> Iterator[Finding]:
    from stdnum.cn import uscc
    from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError

    try:
        uscc.validate(_clean(value))
    except InvalidLength:
        reason = ("长度应为18位", "it must have 18 characters")
    except InvalidChecksum:
        reason = ("校验码不符", "the check character does not match")
    except ValidationError:
        reason = (
            "含有不允许的字符（前8位为数字，其余为数字或除 I、O、Z、S、V 以外的大写字母）",
            "it has characters that are not allowed (8 digits, then digits or capital letters "
            "other than I, O, Z, S, V)",
        )
    else:
        return
    yield finding(
        "invalid-uscc",
        zh="company.uscc 统一社会信用代码 {uscc} 无效：{reason_zh}",
        en="company.uscc: the unified social credit code {uscc} is invalid: {reason_en}",
        uscc=value,
        reason_zh=reason[0],
        reason_en=reason[1],
    )


def _id_number(ctx: Context, value: str) -> Iterator[Finding]:
    from stdnum.cn import ric
    from stdnum.exceptions import (
        InvalidChecksum,
        InvalidComponent,
        InvalidLength,
        ValidationError,
    )

    number = _clean(value)
    severity = Severity.ERROR
    try:
        ric.validate(number)
        born = ric.get_birth_date(number)
        if born > ctx.today:
            reason = ("出生日期晚于今天", "the birth date is after today")
        else:
            return
    except InvalidLength:
        reason = ("长度应为18位", "it must have 18 characters")
    except InvalidChecksum:
        reason = ("校验码不符", "the check character does not match")
    except InvalidComponent:
        # stdnum raises InvalidComponent for an impossible birth date *and* for an area code
        # missing from its table; only the first is certain (old area codes stay valid).
        try:
            ric.get_birth_date(number)
        except InvalidComponent:
            reason = ("出生日期不存在", "the birth date does not exist")
        else:
            severity = Severity.WARNING
            reason = (
                f"地区码 {ric.compact(number)[:6]} 不在已知行政区划代码中（旧代码仍然有效，请与证件核对）",
                f"the area code {ric.compact(number)[:6]} is not a known division code (old codes "
                "stay valid: check it against the card)",
            )
    except ValidationError:
        reason = ("应为17位数字加1位数字或X", "it must be 17 digits and a digit or X")
    yield finding(
        "invalid-id-number",
        severity=severity,
        zh="法定代表人身份证号码 {number} {verdict_zh}：{reason_zh}",
        en="The legal representative's ID number {number} {verdict_en}: {reason_en}",
        number=Pii(value),
        verdict_zh="无效" if severity is Severity.ERROR else "可能有误",
        verdict_en="is invalid" if severity is Severity.ERROR else "may be wrong",
        reason_zh=reason[0],
        reason_en=reason[1],
    )
