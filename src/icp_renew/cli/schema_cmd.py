"""``icp-renew schema dossier|rules``: JSON Schema for editors and check-jsonschema."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from icp_renew.cli.common import OutputOpt, emit, handle_errors
from icp_renew.errors import UserError

SCHEMAS = ("dossier", "rules")


def register(app: typer.Typer) -> None:
    app.command("schema")(schema_cmd)


@handle_errors
def schema_cmd(
    which: Annotated[str, typer.Argument(help="dossier or rules")],
    output: OutputOpt = None,
) -> None:
    """输出 JSON Schema / Print the JSON Schema of dossier.yaml or of a rule file.

    Example: icp-renew schema dossier -o dossier.schema.json
    """
    from icp_renew.schemas import dossier_schema, rules_schema

    if which not in SCHEMAS:
        raise UserError("errors.unknown-schema", source="schema", value=repr(which))
    data = dossier_schema() if which == "dossier" else rules_schema()
    emit(json.dumps(data, ensure_ascii=False, indent=2), output)
