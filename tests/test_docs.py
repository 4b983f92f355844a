"""Generated references match the code (run `python -m icp_renew.docgen` to refresh)."""

from __future__ import annotations

from pathlib import Path

import pytest

from icp_renew.docgen import DOCS

DOCS_DIR = Path(__file__).parents[1] / "docs"


@pytest.mark.parametrize("name", sorted(DOCS))
def test_generated_reference_is_current(name):
    committed = (DOCS_DIR / name).read_text("utf-8")
    assert committed == DOCS[name](), f"docs/{name} is stale: run `python -m icp_renew.docgen`"


def test_every_contract_code_is_documented():
    text = (DOCS_DIR / "findings.md").read_text("utf-8")
    for code in (
        "missing-material",
        "missing-year",
        "missing-domain-certificate",
        "license-expired",
        "past-filing-deadline",
        "missing-metadata",
        "empty-file",
        "unsupported-format",
        "file-too-large",
        "corrupt-pdf",
        "encrypted-pdf",
        "too-few-pages",
        "missing-text",
        "expired",
        "invalid-uscc",
        "invalid-id-number",
        "invalid-phone",
        "invalid-email",
        "invalid-domain",
        "invalid-license-number",
        "invalid-filing-number",
        "province-mismatch",
        "unassigned-file",
        "unsafe-file",
        "low-resolution",
        "expires-soon",
        "text-unverifiable",
    ):
        assert f"| `{code}` |" in text
