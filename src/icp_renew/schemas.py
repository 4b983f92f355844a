"""JSON Schemas exported from the pydantic models (never written by hand)."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from icp_renew import __version__

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://icp-renew.invalid/schema"


def dossier_schema() -> dict[str, Any]:
    from icp_renew.dossier.config import DossierConfig

    schema = DossierConfig.model_json_schema()
    return {
        "$schema": DRAFT,
        "$id": f"{BASE_ID}/dossier.schema.json",
        "title": "icp-renew dossier.yaml",
        "description": f"icp-renew {__version__}",
        **schema,
    }


def rules_schema() -> dict[str, Any]:
    from icp_renew.rulebook.models import RuleFile

    schema = TypeAdapter(RuleFile).json_schema()
    return {
        "$schema": DRAFT,
        "$id": f"{BASE_ID}/rules.schema.json",
        "title": "icp-renew rule file",
        "description": f"icp-renew {__version__}",
        **schema,
    }
