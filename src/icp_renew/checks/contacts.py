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

from icp_renew.checks import Context, placeholder
from icp_renew.findings import Finding, finding
from icp_renew.messages import Message
from icp_renew.pii import Pii

#: reads dossier.yaml and the rules only, never the files: runs while they are inspected
FILES = False
CODES: tuple[str, ...] = ("invalid-phone", "invalid-email")

#: extensions as written on Chinese forms: 010-62345678转8001, 010-62345678 分机 8001
_EXTENSION = re.compile(r"\s*(?:转|分机)\s*(?=\d+\s*$)")


def _phone_problem(text: str, want_mobile: bool) -> Message | None:
    """Why ``text`` is not a valid CN mobile (or landline) number; None when it is."""
    import phonenumbers
    from phonenumbers import PhoneNumberType

    text = _EXTENSION.sub(" ext. ", unicodedata.normalize("NFKC", text).strip())
    try:
        number = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        return Message.of("findings.reason.not-a-phone-number")
    if not phonenumbers.is_valid_number(number):
        if want_mobile:
            return Message.of("findings.reason.invalid-mobile")
        return Message.of("findings.reason.invalid-landline")
    kind = phonenumbers.number_type(number)
    if want_mobile and kind not in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE):
        return Message.of("findings.reason.not-a-mobile")
    if not want_mobile and kind not in (
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        return Message.of("findings.reason.not-a-landline")
    return None


#: email-validator's explanations (English) → the catalogue's reasons, first match wins
_EMAIL_REASONS = (
    ("must have an @-sign", "email-no-at"),
    ("something after the @-sign", "email-no-domain"),
    ("something before the @-sign", "email-no-local"),
    ("should have a period", "email-domain-period"),
    ("two periods in a row", "email-two-periods"),
    ("period", "email-period"),
    ("hyphen", "email-hyphen"),
    ("invalid characters", "email-characters"),
    ("too long", "email-too-long"),
)


def _email_reason(text: str) -> Message:
    """Why an e-mail address is invalid, in the catalogue's words (the library's are English)."""
    case = next((c for fragment, c in _EMAIL_REASONS if fragment in text), "email-syntax")
    return Message.of(f"findings.reason.{case}")


def check(ctx: Context) -> Iterator[Finding]:
    rep = ctx.dossier.config.legal_representative
    if rep is None:
        return
    for field, value in (("mobile", rep.mobile), ("landline", rep.landline)):
        unfilled = placeholder("invalid-phone", f"legal_representative.{field}", value)
        if unfilled is not None:
            yield unfilled
            return
    if rep.mobile:
        problem = _phone_problem(rep.mobile, want_mobile=True)
        if problem:
            yield finding(
                "invalid-phone",
                "findings.invalid-phone.mobile",
                number=Pii(rep.mobile),
                reason=problem,
            )
    if rep.landline:
        problem = _phone_problem(rep.landline, want_mobile=False)
        if problem:
            yield finding(
                "invalid-phone",
                "findings.invalid-phone.landline",
                number=Pii(rep.landline),  # it may be a mobile number given in the wrong field
                reason=problem,
            )
    if rep.email:
        from email_validator import EmailNotValidError, validate_email

        try:
            validate_email(rep.email, check_deliverability=False)
        except EmailNotValidError as exc:
            yield finding(
                "invalid-email",
                "findings.invalid-email.invalid",
                email=rep.email,
                reason=_email_reason(str(exc)),
            )
