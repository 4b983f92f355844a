"""``check --format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; one rule per registered finding code (the rule id *is* the code, so it
never changes); one result per finding, at level ``error``, ``warning`` or
``note``. A result's location is the finding's file (dossier path + "/" +
file), relative to ``%SRCROOT%`` (the checkout); a finding about the dossier as
a whole points at its ``dossier.yaml``. ``partialFingerprints`` come from the
code and the location, so a finding keeps its identity between runs.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from icp_renew.findings import FINDING_CODES, DossierReport, Finding, Report, Severity
from icp_renew.formats.safe import dossier_file, encodable, visible
from icp_renew.i18n import Lang

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule_name(code: str) -> str:
    return "".join(part.capitalize() for part in code.split("-"))


def _rule(code: str, lang: Lang) -> dict[str, Any]:
    entry = FINDING_CODES.get(code)
    if entry is None:  # a code used by a finding but never registered: still a valid rule
        return {"id": code, "name": _rule_name(code), "shortDescription": {"text": code}}
    return {
        "id": code,
        "name": _rule_name(code),
        "shortDescription": {"text": entry.title(lang)},
        "fullDescription": {"text": f"{entry.title_zh} / {entry.title_en}"},
        "help": {"text": entry.hint(lang)},
        "defaultConfiguration": {"level": LEVELS[entry.severity]},
        "properties": {"tags": ["icp-renew", entry.severity.value]},
    }


def artifact_location(dossier: str, path: str | None) -> dict[str, str]:
    """``{"uri": …, "uriBaseId": "%SRCROOT%"}``; an absolute dossier path gives a file: URI."""
    target = dossier_file(dossier, path if path else "dossier.yaml")
    if Path(target).is_absolute():
        return {"uri": Path(target).as_uri()}
    return {"uri": quote(encodable(target), safe="/"), "uriBaseId": SRCROOT}


def _fingerprint(d: DossierReport, f: Finding) -> str:
    # the masked English message: stable across --lang, and never a hash of personal data
    key = "\0".join((d.path, f.code, f.material or "", f.path or "", f.message("en")))
    return hashlib.sha256(encodable(key).encode("utf-8")).hexdigest()[:32]


def _result(
    d: DossierReport, f: Finding, index: dict[str, int], lang: Lang, show_pii: bool
) -> dict[str, Any]:
    return {
        "ruleId": f.code,
        "ruleIndex": index[f.code],
        "level": LEVELS[f.severity],
        "message": {"text": visible(f.message(lang, show_pii))},
        "locations": [
            {"physicalLocation": {"artifactLocation": artifact_location(d.path, f.path)}}
        ],
        "partialFingerprints": {"icpRenewFinding/v1": _fingerprint(d, f)},
        "properties": {
            "dossier": encodable(d.path),
            "authority": d.authority,
            "material": f.material,
            "severity": f.severity.value,
        },
    }


def sarif_log(report: Report, *, lang: Lang = "en", show_pii: bool = False) -> dict[str, Any]:
    used = {f.code for d in report.dossiers for f in d.findings}
    codes = sorted(set(FINDING_CODES) | used)
    index = {code: i for i, code in enumerate(codes)}
    results = [_result(d, f, index, lang, show_pii) for d in report.dossiers for f in d.findings]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "icp-renew",
                        "version": report.tool_version,
                        "rules": [_rule(code, lang) for code in codes],
                        "properties": {"rulesVersion": report.rules_version},
                    }
                },
                "language": "zh-CN" if lang == "zh" else "en-US",
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {
                    "dossiers": [
                        {
                            "path": encodable(d.path),
                            "authority": d.authority,
                            "materials_required": d.materials_required,
                            "materials_present": d.materials_present,
                        }
                        for d in report.dossiers
                    ]
                },
            }
        ],
    }


def render(
    report: Report,
    *,
    lang: Lang = "en",
    show_pii: bool = False,
    strict: bool = False,
    quiet: bool = False,
    color: bool = False,
    width: int = 100,
) -> str:
    data = sarif_log(report, lang=lang, show_pii=show_pii)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
