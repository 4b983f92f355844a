"""``dossier.yaml``: the facts about a dossier that its scans cannot give.

Validated strictly (docs/dossier-layout.md): an unknown key, a wrong type or
an impossible date is a :class:`DossierError` (exit 2) naming the file, the
line and the field. Identifiers are only *typed* here (strings); whether a
USCC or an ID number is valid is a finding of the check, not a load error, so
that one typo does not hide every other problem.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationError

from icp_renew.dates import parse_date
from icp_renew.dossier.names import DOSSIER_FILE as DOSSIER_FILE
from icp_renew.dossier.names import SCHEMA_FILE as SCHEMA_FILE
from icp_renew.errors import DossierError, UserError
from icp_renew.messages import Message
from icp_renew.strict import Strict
from icp_renew.yamlio import YamlDocument, dotted, load_yaml_file, validation_error

#: what `icp-renew init` writes where a value is to be filled in ("to fill in"); the checks
#: report a field still holding it as not filled in rather than as an invalid value
PLACEHOLDER = "待填写"
#: init's placeholder for the serial of a licence number (``京B2-XXXXXXXX``)
SERIAL_PLACEHOLDER = "XXXXXXXX"


def _date(value: object) -> object:
    if value is None or isinstance(value, dt.date):
        return value
    return parse_date(value)


def _year(value: object) -> object:
    if isinstance(value, str) and value.strip().endswith("年"):
        return value.strip()[:-1]
    return value


Date = Annotated[dt.date, BeforeValidator(_date), Field(json_schema_extra={"format": "date"})]
Year = Annotated[int, BeforeValidator(_year), Field(ge=1949, le=2100)]


class Company(Strict):
    name: str = Field(min_length=1, description="企业名称, as on the business licence")
    uscc: str | None = Field(None, description="统一社会信用代码 (18 characters)")


class LegalRepresentative(Strict):
    name: str | None = Field(None, description="法定代表人姓名")
    id_number: str | None = Field(None, description="居民身份证号码 (18 characters); quote it")
    mobile: str | None = Field(None, description="手机号码; quote it")
    landline: str | None = Field(None, description="固定电话, e.g. 010-62345678")
    email: str | None = Field(None, description="电子邮箱")


class License(Strict):
    number: str = Field(min_length=1, description="许可证编号, e.g. 京B2-20210001")
    services: list[str] = Field(default_factory=list, description="业务种类, e.g. [B25]")
    issued: Date | None = Field(None, description="发证日期")
    expires: Date | None = Field(None, description="有效期至")
    holder: str | None = Field(
        None, description="the company name printed on the licence (经营者名称), for change filings"
    )
    legal_representative: str | None = Field(
        None, description="the legal representative printed on the licence (法定代表人)"
    )


class Domain(Strict):
    name: str = Field(min_length=1, description="domain name, e.g. example.com")
    filing_number: str | None = Field(None, description="ICP备案号, e.g. 京ICP备12345678号-1")


class MaterialFacts(Strict):
    """Per-material facts that scans can't give."""

    expires: Date | None = Field(None, description="valid until")
    issued: Date | None = Field(None, description="issued on")
    number: str | None = Field(None, description="certificate or contract number")
    year: Year | None = Field(None, description="the year a report covers")
    years: list[Year] | None = Field(None, description="the years a set of reports covers")
    note: str | None = None


def _event_name(value: object) -> object:
    from icp_renew.process.timeline import EVENTS

    if isinstance(value, str) and value.strip() not in EVENTS:
        from icp_renew.errors import MessageError

        raise MessageError(
            "process.err-unknown-event", event=value.strip(), expected=", ".join(EVENTS)
        )
    return value


def _services(value: object) -> object:
    if isinstance(value, str):  # `services: B25, B21` as well as [B25, B21]
        return [s for s in (p.strip() for p in value.split(",")) if s]
    return value


class Event(Strict):
    """One event of the renewal's timeline (docs/process.md)."""

    event: Annotated[
        Literal[
            "submitted",
            "accepted",
            "correction-requested",
            "correction-submitted",
            "approved",
            "rejected",
            "license-received",
            "archived",
            "annual-report-filed",
            "change-filed",
        ],
        BeforeValidator(_event_name),
    ]
    date: Date = Field(description="the day it happened")
    due: Date | None = Field(None, description="correction-requested: the answer is due on")
    reference: str | None = Field(None, description="受理号, 文号 …")
    note: str | None = None
    number: str | None = Field(None, description="license-received: the new licence number")
    issued: Date | None = Field(None, description="license-received: 发证日期")
    expires: Date | None = Field(None, description="license-received: 有效期至")
    services: Annotated[list[str], BeforeValidator(_services)] | None = Field(
        None, description="license-received: 业务种类"
    )
    year: Year | None = Field(None, description="annual-report-filed: the year reported")

    def to_json(self) -> dict[str, Any]:
        """The event as ``status --format json`` gives it: only the fields it has."""
        out: dict[str, Any] = {}
        for key, value in self.model_dump(exclude_none=True).items():
            out[key] = value.isoformat() if isinstance(value, dt.date) else value
        return out


def _none_is_empty(value: object) -> object:
    return [] if value is None else value  # `timeline:` with nothing yet (init's template)


class DossierConfig(Strict):
    company: Company
    legal_representative: LegalRepresentative | None = None
    authority: str | None = Field(
        None,
        description="issuing authority (slug, ISO code, name); default from the licence prefix",
    )
    license: License
    industries: list[str] = Field(default_factory=list, description="prior-approval domains")
    domains: list[Domain] = Field(default_factory=list)
    materials: dict[str, MaterialFacts] = Field(default_factory=dict)
    timeline: Annotated[list[Event], BeforeValidator(_none_is_empty)] = Field(
        default_factory=list,
        description="the renewal's events, in date order (docs/process.md)",
        json_schema_extra={"type": ["array", "null"]},  # `timeline:` empty: no events yet
    )


def _coerce_domains(data: Any) -> Any:
    """Allow ``domains: [example.com]`` as a shorthand for ``[{name: example.com}]``."""
    if isinstance(data, dict) and isinstance(data.get("domains"), list):
        data = dict(data)
        data["domains"] = [{"name": d} if isinstance(d, str) else d for d in data["domains"]]
    return data


def parse_config(doc: YamlDocument) -> DossierConfig:
    if not isinstance(doc.data, dict):
        raise DossierError("errors.dossier-not-mapping", source=doc.source, line=1)
    try:
        config = DossierConfig.model_validate(_coerce_domains(doc.data))
    except ValidationError as exc:
        err = validation_error(exc, doc, DossierConfig)
        raise DossierError(err.text, source=err.source, line=err.line, field=err.field) from None
    if config.timeline:
        check_timeline(config, doc)
    return config


def check_timeline(config: DossierConfig, doc: YamlDocument) -> None:
    """Refuse events out of date order or answering nothing, naming the line."""
    from icp_renew.process.timeline import TimelineError, replay

    try:
        replay(config.timeline)
    except TimelineError as exc:
        loc: tuple[str | int, ...] = ("timeline", exc.index)
        if exc.field is not None:
            loc = (*loc, exc.field)
        raise DossierError(
            exc.key, source=doc.source, line=doc.line_of(loc), field=dotted(loc), **exc.params
        ) from None


def load_config(path: Path, display: str | None = None) -> DossierConfig:
    """Read ``dossier.yaml`` (``path`` is the file or the dossier folder)."""
    return read_config(path, display)[0]


def read_config(path: Path, display: str | None = None) -> tuple[DossierConfig, YamlDocument]:
    """:func:`load_config`, with the parsed document (its line of each field) beside it."""
    if path.is_dir():
        path = path / DOSSIER_FILE
    try:
        doc = load_yaml_file(path, display or str(path))
    except UserError as exc:
        text = exc.text
        if text.key == "errors.file-not-found":
            text = Message.of("errors.dossier-missing", file=DOSSIER_FILE)
        raise DossierError(text, source=exc.source, line=exc.line, field=exc.field) from None
    return parse_config(doc), doc
