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

from icp_renew.checks import Context, placeholder
from icp_renew.findings import Finding, Severity, finding
from icp_renew.messages import Message
from icp_renew.pii import Pii

#: reads dossier.yaml and the rules only, never the files: runs while they are inspected
FILES = False
CODES: tuple[str, ...] = ("invalid-uscc", "invalid-id-number")


def _clean(value: str) -> str:
    """Full-width to half-width; spaces people type between groups dropped."""
    return "".join(unicodedata.normalize("NFKC", value).split())


def check(ctx: Context) -> Iterator[Finding]:
    cfg = ctx.dossier.config
    if cfg.company.uscc:
        unfilled = placeholder("invalid-uscc", "company.uscc", cfg.company.uscc)
        yield from [unfilled] if unfilled else _uscc(cfg.company.uscc)
    rep = cfg.legal_representative
    if rep is not None and rep.id_number:
        field = "legal_representative.id_number"
        unfilled = placeholder("invalid-id-number", field, rep.id_number)
        yield from [unfilled] if unfilled else _id_number(ctx, rep.id_number)


def _uscc(value: str) -> Iterator[Finding]:
    from stdnum.cn import uscc
    from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError

    try:
        uscc.validate(_clean(value))
    except InvalidLength:
        reason = "length-18"
    except InvalidChecksum:
        reason = "checksum"
    except ValidationError:
        reason = "uscc-characters"
    else:
        return
    yield finding(
        "invalid-uscc",
        "findings.invalid-uscc.invalid",
        uscc=value,
        reason=Message.of(f"findings.reason.{reason}"),
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
            reason = Message.of("findings.reason.born-after-today")
        else:
            return
    except InvalidLength:
        reason = Message.of("findings.reason.length-18")
    except InvalidChecksum:
        reason = Message.of("findings.reason.checksum")
    except InvalidComponent:
        # stdnum raises InvalidComponent for an impossible birth date *and* for an area code
        # missing from its table; only the first is certain (old area codes stay valid).
        try:
            ric.get_birth_date(number)
        except InvalidComponent:
            reason = Message.of("findings.reason.no-such-birth-date")
        else:
            severity = Severity.WARNING
            reason = Message.of("findings.reason.unknown-area-code", code=ric.compact(number)[:6])
    except ValidationError:
        reason = Message.of("findings.reason.id-characters")
    yield finding(
        "invalid-id-number",
        "findings.invalid-id-number.invalid"
        if severity is Severity.ERROR
        else "findings.invalid-id-number.doubtful",
        severity=severity,
        number=Pii(value),
        reason=reason,
    )
