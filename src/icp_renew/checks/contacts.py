"""The legal representative's contact details in ``dossier.yaml``.

``invalid-phone`` (error), checked with ``phonenumbers`` (default region CN):

- ``legal_representative.mobile`` must be a valid mobile number: 11 digits
  such as ``13800138000``, optionally with ``+86``; a landline here is an error.
- ``legal_representative.landline`` must be a valid fixed-line number with its
  area code, such as ``010-62345678`` or ``0755-86013388``; an extension may
  follow as ``转8001``, ``分机8001`` or ``ext. 8001``. A number without its area
  code, a mobile or a 400 number is an error.

``invalid-email`` (error): ``legal_representative.email`` is not a valid
address (``email-validator``, syntax only: no network look-up of the domain).
Internationalised addresses such as ``张三@示例.中国`` are valid.

Phone numbers are personal data: findings quote them masked (``138****8000``,
``010*****5678``) unless ``--show-pii`` is given.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from icp_renew.checks import Context
from icp_renew.findings import Finding, finding
from icp_renew.pii import Pii

CODES: tuple[str, ...] = ("invalid-phone", "invalid-email")

#: extensions as written on Chinese forms: 010-62345678转8001, 010-62345678 分机 8001
_EXTENSION = re.compile(r"\s*(?:转|分机)\s*(?=\d+\s*$)")


def _phone_problem(text: str, want_mobile: bool) -> tuple[str, str] | None:
    """Why ``text`` is not a valid CN mobile (or landline) number; None when it is."""
    import phonenumbers
    from phonenumbers import PhoneNumberType

    text = _EXTENSION.sub(" ext. ", unicodedata.normalize("NFKC", text).strip())
    try:
        number = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        return ("不是电话号码", "it is not a phone number")
    if not phonenumbers.is_valid_number(number):
        if want_mobile:
            return ("不是有效的手机号码（11位）", "it is not a valid mobile number (11 digits)")
        return (
            "不是有效的固定电话号码（须含区号，如 010-62345678）",
            "it is not a valid landline number (with its area code, e.g. 010-62345678)",
        )
    kind = phonenumbers.number_type(number)
    if want_mobile and kind not in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        return ("不是手机号码", "it is not a mobile number")
    if not want_mobile and kind not in (
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        return (
            "不是固定电话号码（手机号请填在 mobile）",
            "it is not a landline number (a mobile number goes under mobile)",
        )
    return None


def check(ctx: Context) -> Iterator[Finding]:
    rep = ctx.dossier.config.legal_representative
    if rep is None:
        return
    if rep.mobile:
        problem = _phone_problem(rep.mobile, want_mobile=True)
        if problem:
            yield finding(
                "invalid-phone",
                zh="legal_representative.mobile 手机号码 {number} 无效：{reason_zh}",
                en="legal_representative.mobile: the mobile number {number} is invalid: {reason_en}",
                number=Pii(rep.mobile),
                reason_zh=problem[0],
                reason_en=problem[1],
            )
    if rep.landline:
        problem = _phone_problem(rep.landline, want_mobile=False)
        if problem:
            yield finding(
                "invalid-phone",
                zh="legal_representative.landline 固定电话 {number} 无效：{reason_zh}",
                en="legal_representative.landline: the landline number {number} is invalid: "
                "{reason_en}",
                number=Pii(rep.landline),  # it may be a mobile number given in the wrong field
                reason_zh=problem[0],
                reason_en=problem[1],
            )
    if rep.email:
        from email_validator import EmailNotValidError, validate_email

        try:
            validate_email(rep.email, check_deliverability=False)
        except EmailNotValidError as exc:
            yield finding(
                "invalid-email",
                zh="legal_representative.email 电子邮箱 {email} 无效（{reason}）",
                en="legal_representative.email: the e-mail address {email} is invalid: {reason}",
                email=rep.email,
                reason=str(exc),
            )
