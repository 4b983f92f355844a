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
    which: Annotated[str, typer.Argument(metavar="SCHEMA", show_default=False)],
    output: OutputOpt = None,
) -> None:
    """The ``schema`` command (its help: ``"schema"`` in ``messages/cli_help.py``)."""
    from icp_renew.schemas import dossier_schema, rules_schema

    if which not in SCHEMAS:
        raise UserError("errors.unknown-schema", source="schema", value=repr(which))
    data = dossier_schema() if which == "dossier" else rules_schema()
    emit(json.dumps(data, ensure_ascii=False, indent=2), output)
