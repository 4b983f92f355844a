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
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationError

from icp_renew.dates import parse_date
from icp_renew.errors import DossierError, UserError
from icp_renew.strict import Strict
from icp_renew.yamlio import YamlDocument, load_yaml_file, validation_error

DOSSIER_FILE = "dossier.yaml"
#: written by `icp-renew init` beside dossier.yaml for editors; not a scan (the scanner skips it)
SCHEMA_FILE = "dossier.schema.json"


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


def _coerce_domains(data: Any) -> Any:
    """Allow ``domains: [example.com]`` as a shorthand for ``[{name: example.com}]``."""
    if isinstance(data, dict) and isinstance(data.get("domains"), list):
        data = dict(data)
        data["domains"] = [{"name": d} if isinstance(d, str) else d for d in data["domains"]]
    return data


def parse_config(doc: YamlDocument) -> DossierConfig:
    if not isinstance(doc.data, dict):
        raise DossierError(
            "expected a mapping with company, license, … (see `icp-renew schema dossier`)",
            source=doc.source,
            line=1,
        )
    try:
        return DossierConfig.model_validate(_coerce_domains(doc.data))
    except ValidationError as exc:
        err = validation_error(exc, doc, DossierConfig)
        raise DossierError(err.message, source=err.source, line=err.line, field=err.field) from None


def load_config(path: Path, display: str | None = None) -> DossierConfig:
    """Read ``dossier.yaml`` (``path`` is the file or the dossier folder)."""
    if path.is_dir():
        path = path / DOSSIER_FILE
    try:
        doc = load_yaml_file(path, display or str(path))
    except UserError as exc:
        message = exc.message
        if message == "file not found":
            message = f"no {DOSSIER_FILE} (run `icp-renew init` to create one)"
        raise DossierError(message, source=exc.source, line=exc.line, field=exc.field) from None
    return parse_config(doc)
