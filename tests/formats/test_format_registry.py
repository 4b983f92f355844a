"""The registry: names, lazy import, one signature for every format."""

from __future__ import annotations

import subprocess
import sys

import pytest
from report_samples import broken_dossier, make_report

from icp_renew.formats import registry

ALL_OPTIONS = {
    "lang": "zh",
    "show_pii": False,
    "strict": True,
    "quiet": True,
    "color": False,
    "width": 80,
}


def test_names_contract_first():
    assert registry.names()[:5] == ("text", "json", "junit", "sarif", "github")
    assert "markdown" in registry.names()


@pytest.mark.parametrize("name", registry.names())
def test_every_format_takes_every_option(name):
    out = registry.get(name)(make_report(broken_dossier()), **ALL_OPTIONS)
    assert isinstance(out, str)
    assert out.endswith("\n")


@pytest.mark.parametrize("name", registry.names())
def test_empty_report(name):
    out = registry.get(name)(make_report())
    assert isinstance(out, str)


def test_unknown_name():
    with pytest.raises(KeyError):
        registry.get("xml")


def test_registry_is_light():
    """The CLI imports the registry at start-up: it must not pull in rich or the formats."""
    code = (
        "import sys, icp_renew.formats.registry as r; r.names(); "
        "bad = [m for m in ('rich', 'pydantic', 'icp_renew.formats.check_text', "
        "'icp_renew.formats.check_junit', 'xml.etree.ElementTree') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
