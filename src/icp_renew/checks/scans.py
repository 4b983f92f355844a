"""What the scans say against dossier.yaml (``check --ocr`` only; docs/ocr.md).

Under ``--ocr`` each file of these materials has its first page's text (its text
layer, or its scan recognised offline), and these fields are compared:

- ``business-license``: the USCC (``company.uscc``) and the company name;
- ``icp-license``: the licence number, the company name, the expiry
  (``license.expires``);
- ``domain-certificates``: the domain (the one the file is named after) and its
  holder (the company name); each certificate on its own;
- ``idc-license``: its number (``materials.idc-license.number``);
- ``legal-rep-id``: the ID number and the name of the legal representative.

A material of several files (an ID card's two sides) agrees when any of its files
shows the value. ``scan-mismatch``: the scan shows another value — an error for a
USCC or ID number read with a valid check character (a misread one fails its check
and is not read at all), a warning for names, numbers, dates and domains (a different
name counts only when it follows its label: 名称, 公司名称, 域名持有者, 姓名). ``scan-unreadable``
(info): the field was not found; compare it by eye. The ID number and the name on
an ID card are personal data: masked unless ``--show-pii`` (``110105********002X``,
``张*``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from icp_renew.checks import Context
from icp_renew.dossier.model import DossierFile
from icp_renew.findings import Finding, Severity, finding
from icp_renew.ocr import fields
from icp_renew.pii import Pii, PiiName

CODES: tuple[str, ...] = ("scan-mismatch", "scan-unreadable")

COMPANY_LABELS = ("企业名称", "公司名称", "经营者名称", "单位名称", "名称")
HOLDER_LABELS = ("域名持有者", "持有者", "注册者", "注册人", "所有者", "持有人", "Registrant")
DOMAIN_EXCLUDE = ("域名持有", "域名注册", "域名所有", "域名服务")


@dataclass(frozen=True)
class Field:
    """One thing to compare: ``find(text)`` is (agrees, a different value read, or None)."""

    name: str  # the message suffix: mismatch-<name>, unreadable-<name>
    expected: str
    find: Callable[[str], tuple[bool, str | None]]
    severity: Severity = Severity.WARNING
    personal: type[str] = str  # Pii or PiiName: masked unless --show-pii


def check(ctx: Context) -> Iterator[Finding]:
    for req in ctx.checklist.materials:
        files = [f for f in ctx.dossier.files_of(req.id) if f.info and f.info.scan]
        if not files:
            continue
        if req.id == "domain-certificates":
            for f in files:
                yield from _compare(req.id, [f], _domain_fields(ctx, f))
        else:
            yield from _compare(req.id, files, _fields(ctx, req.id))


def _fields(ctx: Context, material: str) -> list[Field]:
    cfg = ctx.dossier.config
    out: list[Field] = []
    if material == "business-license":
        if cfg.company.uscc:
            out.append(_identifier("uscc", cfg.company.uscc, fields.usccs, str))
        out.append(_name("company", cfg.company.name, COMPANY_LABELS))
    elif material == "icp-license":
        out.append(_licence("license-number", cfg.license.number))
        out.append(_name("company", cfg.company.name, COMPANY_LABELS))
        if cfg.license.expires is not None:
            out.append(_expiry(cfg.license.expires.isoformat()))
    elif material == "idc-license":
        facts = cfg.materials.get("idc-license")
        if facts is not None and facts.number:
            out.append(_licence("idc-number", facts.number))
    elif material == "legal-rep-id" and cfg.legal_representative is not None:
        rep = cfg.legal_representative
        if rep.id_number:
            out.append(_identifier("id-number", rep.id_number, fields.id_numbers, Pii))
        if rep.name:
            out.append(_name("rep-name", rep.name, ("姓名",), personal=PiiName))
    return out


def _domain_fields(ctx: Context, f: DossierFile) -> list[Field]:
    from icp_renew.checks.domains import DomainError, _contains, _names, domain_forms

    out: list[Field] = []
    names = _names(f.path)
    for domain in ctx.dossier.config.domains:
        try:
            forms = domain_forms(domain.name)
        except DomainError:
            continue
        if any(_contains(n, form) for n in names for form in set(forms)):
            out.append(_domain(forms))
            break
    out.append(_name("holder", ctx.dossier.config.company.name, HOLDER_LABELS))
    return out


# --- the fields ---------------------------------------------------------------------------------


def _identifier(
    name: str, expected: str, finder: Callable[[str], list[str]], personal: type[str]
) -> Field:
    want = fields.squash(expected).upper()

    def find(text: str) -> tuple[bool, str | None]:
        found = finder(text)
        return want in found, found[0] if found else None

    return Field(name, want, find, Severity.ERROR, personal)


def _name(name: str, expected: str, labels: Sequence[str], personal: type[str] = str) -> Field:
    def find(text: str) -> tuple[bool, str | None]:
        value = fields.labelled(text, labels)
        if value is not None and fields.same_name(value, expected):
            return True, None
        if fields.contains(text, expected):
            return True, None
        return False, value

    return Field(name, expected, find, personal=personal)


def _licence(name: str, expected: str) -> Field:
    want = fields.licence_number(expected)

    def find(text: str) -> tuple[bool, str | None]:
        found = fields.licence_numbers(text)
        if want in found or fields.contains(text, want):
            return True, None
        return False, found[0] if found else None

    return Field(name, expected, find)


def _expiry(expected: str) -> Field:
    def find(text: str) -> tuple[bool, str | None]:
        found = fields.dates(text)
        if any(day.isoformat() == expected for day, _ in found):
            return True, None
        expiries = [day for day, is_expiry in found if is_expiry]
        return False, expiries[0].isoformat() if expiries else None

    return Field("expires", expected, find)


def _domain(forms: tuple[str, str]) -> Field:
    def find(text: str) -> tuple[bool, str | None]:
        if any(form in fields.domains(text) or fields.contains(text, form) for form in forms):
            return True, None
        value = fields.labelled(text, ("域名", "DomainName", "Domain"), DOMAIN_EXCLUDE)
        shown = fields.domains(value) if value else []
        return False, shown[0] if shown else None

    return Field("domain", forms[0], find)


# --- comparing ----------------------------------------------------------------------------------


def _compare(material: str, files: list[DossierFile], wanted: list[Field]) -> Iterator[Finding]:
    from icp_renew.messages import Message

    for field in wanted:
        differs: tuple[DossierFile, str] | None = None
        agreed = False
        for f in files:
            info = f.info
            if info is None or info.scan is None or info.scan.problem or info.text is None:
                continue
            ok, other = field.find(info.text)
            if ok:
                agreed = True
                break
            if other is not None and differs is None:
                differs = (f, other)
        if agreed:
            continue
        if differs is not None:
            f, other = differs
            wrap = field.personal
            yield finding(
                "scan-mismatch",
                f"ocr.mismatch-{field.name}",
                material=material,
                path=f.path,
                severity=field.severity,
                found=wrap(other),
                expected=wrap(field.expected),
            )
            continue
        key, params = _why(files)
        yield finding(
            "scan-unreadable",
            f"ocr.unreadable-{field.name}",
            material=material,
            path=files[0].path if len(files) == 1 else None,
            why=Message.of(f"ocr.{key}", **params),
        )


def _why(files: list[DossierFile]) -> tuple[str, dict[str, str]]:
    """Why nothing was read: the first file's problem when none was read at all."""
    scans = [f.info.scan for f in files if f.info and f.info.scan]
    if scans and all(s.problem for s in scans):
        first = scans[0]
        return first.problem or "why-engine", dict(first.params)
    if all(s.source == "layer" for s in scans):
        return "why-not-found-layer", {}
    return "why-not-found", {}
