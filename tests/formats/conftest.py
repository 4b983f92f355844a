"""Fixtures of the format tests: a sample report and the vendored reference schemas."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_samples import broken_dossier, clean_dossier, make_report

from icp_renew.findings import Report

#: the published schemas, vendored with their licences (tests/schemas/README.md)
SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def schema_file(name: str) -> Path:
    return SCHEMAS / name


@pytest.fixture
def report() -> Report:
    return make_report(broken_dossier(), clean_dossier())


@pytest.fixture(scope="session")
def junit_schema() -> object:
    xmlschema = pytest.importorskip("xmlschema")

    return xmlschema.XMLSchema(str(schema_file("junit-10.xsd")))


@pytest.fixture(scope="session")
def sarif_validator() -> object:
    import json

    jsonschema = pytest.importorskip("jsonschema")

    schema = json.loads(schema_file("sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)
