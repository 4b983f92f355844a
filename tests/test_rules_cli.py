"""`icp-renew rules …`, `schema` and `--version` through the CLI."""

from __future__ import annotations

import json

import jsonschema
import pytest

from icp_renew import __version__

ISO = [
    "CN-BJ",
    "CN-TJ",
    "CN-HE",
    "CN-SX",
    "CN-NM",
    "CN-LN",
    "CN-JL",
    "CN-HL",
    "CN-SH",
    "CN-JS",
    "CN-ZJ",
    "CN-AH",
    "CN-FJ",
    "CN-JX",
    "CN-SD",
    "CN-HA",
    "CN-HB",
    "CN-HN",
    "CN-GD",
    "CN-GX",
    "CN-HI",
    "CN-CQ",
    "CN-SC",
    "CN-GZ",
    "CN-YN",
    "CN-XZ",
    "CN-SN",
    "CN-GS",
    "CN-QH",
    "CN-NX",
    "CN-XJ",
]
INDUSTRIES = [
    "news",
    "publishing",
    "drugs",
    "medical",
    "education",
    "audiovisual",
    "culture",
    "religion",
]
BASE = {
    "business-license": "qualification",
    "icp-license": "qualification",
    "legal-rep-id": "qualification",
    "hosting-agreement": "technical",
    "idc-license": "technical",
    "domain-certificates": "technical",
    "filing-query": "technical",
    "security-measures": "technical",
    "financial-report": "operations",
    "business-reports": "operations",
    "business-plan": "operations",
    "operation-proof": "operations",
}


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"icp-renew {__version__} (rules 2026.11)"


@pytest.mark.parametrize("province", [*ISO, "miit"])
def test_show_json_every_authority(cli, province):
    result = cli("rules", "show", "--province", province, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["rules_version"] == "2026.11"
    assert data["authority"]["iso"] == (None if province == "miit" else province)
    got = {m["id"]: m["category"] for m in data["materials"] if m["id"] in BASE}
    assert got == BASE
    for m in data["materials"]:
        assert m["requirement"] in ("required", "recommended")
        assert m["source"]
        assert {"id", "title", "title_en", "category", "formats", "min_pages"} <= set(m)


def test_show_checklist_order_follows_categories(cli):
    data = json.loads(cli("rules", "show", "-p", "beijing", "--format", "json").stdout)
    cats = [m["category"] for m in data["materials"]]
    order = ["qualification", "technical", "operations", "industry"]
    assert cats == sorted(cats, key=order.index)


@pytest.mark.parametrize(
    "spelling", ["sichuan", "CN-SC", "cn-sc", "四川", "四川省", "川", "蜀", "四川省通信管理局"]
)
def test_four_spellings(cli, spelling):
    data = json.loads(cli("rules", "show", "-p", spelling, "--format", "json").stdout)
    assert data["authority"]["slug"] == "sichuan"


def test_industry_adds_permit(cli):
    data = json.loads(
        cli("rules", "show", "-p", "京", "-i", "drugs", "-i", "medical", "--format", "json").stdout
    )
    by_id = {m["id"]: m for m in data["materials"]}
    assert by_id["permit-drugs"]["requirement"] == "required"
    assert by_id["permit-drugs"]["needs"] == ["expires"]
    assert by_id["permit-medical"]["requirement"] == "recommended"  # docs/sources.md: "?" today
    assert "permit-news" not in by_id


def test_unknown_province_exit_2_with_suggestions(cli):
    result = cli("rules", "show", "-p", "sichaun")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "sichaun" in lines[0] and "sichuan" in lines[0]
    assert "Traceback" not in result.output


def test_unknown_industry_exit_2(cli):
    result = cli("rules", "show", "-p", "京", "-i", "gambling")
    assert result.exit_code == 2
    assert "gambling" in result.stderr


def test_show_markdown_and_text(cli):
    md = cli("rules", "show", "-p", "京", "--format", "markdown", "--lang", "zh").stdout
    assert md.startswith("# 北京市通信管理局")
    assert "- [ ] **营业执照副本**" in md
    text = cli("rules", "show", "-p", "京", "--lang", "en").stdout
    assert "business-license" in text


def test_list_json(cli):
    data = json.loads(cli("rules", "list", "--format", "json").stdout)
    assert len(data["authorities"]) == 32
    assert {i["slug"] for i in data["industries"]} >= set(INDUSTRIES)
    beijing = next(a for a in data["authorities"] if a["slug"] == "beijing")
    assert beijing["authority_en"] == "Beijing Communications Administration"
    assert beijing["source"].startswith("电信条例（2016）第九条")


def test_lint_shipped_rules_clean(cli):
    result = cli("rules", "lint")
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == "rules: ok"


@pytest.mark.parametrize("which", ["dossier", "rules"])
def test_schema_is_valid_json_schema(cli, which):
    schema = json.loads(cli("schema", which).stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"{which}.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)


def test_dossier_schema_accepts_the_documented_example(cli):
    import factory

    schema = json.loads(cli("schema", "dossier").stdout)
    jsonschema.Draft202012Validator(schema).validate(factory.VALID_CONFIG)


def test_bad_format_exit_2(cli):
    result = cli("rules", "show", "-p", "京", "--format", "xml")
    assert result.exit_code == 2
    assert "--format" in result.stderr


def test_shell_completion_of_provinces_and_industries(tmp_path):
    """Typer's completion protocol, as bash drives it."""
    import os
    import subprocess
    import sys

    def complete(words: str) -> list[str]:
        env = {
            **os.environ,
            "_ICP_RENEW_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
        }
        out = subprocess.run(
            [sys.executable, "-m", "icp_renew"],
            env=env,
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
        )
        return out.stdout.split()

    assert complete("icp-renew rules show --province sh") == [
        "shaanxi",
        "shandong",
        "shanghai",
        "shanxi",
    ]
    assert complete("icp-renew rules show --industry e") == ["education"]


def test_every_shipped_material_states_its_basis(cli):
    """law, practice or policy (docs/sources.md); the tool's own values are marked policy."""
    data = json.loads(cli("rules", "show", "-p", "京", "--format", "json").stdout)
    by_id = {m["id"]: m for m in data["materials"]}
    assert {m["basis"] for m in by_id.values()} == {"law", "practice"}
    assert by_id["operation-proof"]["basis"] == "law"  # Order 42 Art. 27
    assert by_id["business-license"]["basis"] == "practice"
    assert by_id["icp-license"]["policy"] == ["min_pages", "min_dpi", "expires_soon_days"]
    assert by_id["business-license"]["policy"] == ["min_dpi", "expires_soon_days"]
    every = cli(
        "rules", "show", "-p", "京", *[x for s in INDUSTRIES for x in ("-i", s)], "-f", "json"
    )
    assert all(m["basis"] for m in json.loads(every.stdout)["materials"])


def test_show_prints_basis_and_policy_and_cites_only_shipped_documents(cli):
    md = cli("rules", "show", "-p", "京", "-i", "religion", "-f", "markdown", "--lang", "en").stdout
    assert "*≥ 4 pages (tool policy)*" in md
    assert "<small>Source (law): 电信业务经营许可管理办法" in md
    assert "<small>Source (practice): agency practice: 陆陆科技《ICP许可证续期材料及流程》" in md
    assert ".md" not in md.replace("docs/sources.md", "")
    zh = cli("rules", "show", "-p", "京", "-f", "markdown", "--lang", "zh").stdout
    assert "*至少4页（本工具设定）*" in zh and "<small>依据（惯例）: " in zh
    text = cli("rules", "show", "-p", "京", "--lang", "en").stdout
    assert "practice" in text and "law" in text
