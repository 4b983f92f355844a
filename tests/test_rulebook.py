"""Rule loading: strict YAML, line numbers in errors, layering and overlays, lint defects."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from icp_renew.errors import RuleError, UserError
from icp_renew.rulebook import find_authority, load_rulebook
from icp_renew.rulebook.authorities import authority_for_license
from icp_renew.rulebook.lint import lint
from icp_renew.rulebook.resolve import resolve
from icp_renew.yamlio import parse_yaml


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


# --- YAML without surprises ---------------------------------------------------------------------


def test_scalars_stay_strings():
    doc = parse_yaml("a: no\nb: 0755\nc: 2026-05-31\nd: 13800138000\ne: ~\nf: ''\n", "x.yaml")
    assert doc.data == {
        "a": "no",
        "b": "0755",
        "c": "2026-05-31",
        "d": "13800138000",
        "e": None,
        "f": "",
    }


def test_line_numbers_of_nodes():
    doc = parse_yaml("a:\n  b:\n    - 1\n    - 2\nc: x\n", "x.yaml")
    assert doc.line_of(("a", "b", 1)) == 4
    assert doc.line_of(("c",)) == 5
    assert doc.line_of(("c", "missing")) == 5


@pytest.mark.parametrize(
    ("text", "fragment", "line"),
    [
        ("a: [1, 2\n", "invalid YAML", 2),
        ("a: 1\na: 2\n", "duplicate key 'a'", 2),
        ("a: &x 1\nb: *x\n<<: {c: 1}\n", "merge keys", 3),
        ("\tbad: tab\n", "a tab character at line 1 column 1: YAML indents with spaces", 1),
    ],
)
def test_yaml_errors_name_the_line(text, fragment, line):
    with pytest.raises(UserError) as exc:
        parse_yaml(text, "f.yaml")
    assert fragment in exc.value.message
    assert exc.value.line == line
    assert str(exc.value).startswith(f"f.yaml:{line}: ")


def test_binary_and_bad_encoding():
    with pytest.raises(UserError, match="NUL"):
        parse_yaml(b"\x00\x01\x02", "f.yaml")
    with pytest.raises(UserError, match="UTF-8"):
        parse_yaml("a: 中文".encode("gbk"), "f.yaml")
    assert parse_yaml("\ufeffa: 1".encode(), "f.yaml").data == {"a": "1"}


# --- loading and validation ---------------------------------------------------------------------


def test_shipped_rules_load():
    book = load_rulebook()
    assert book.rules_version == "2026.11"
    assert len(book.authorities) == 32
    assert {
        "news",
        "publishing",
        "drugs",
        "medical",
        "education",
        "audiovisual",
        "culture",
        "religion",
    } <= set(book.industries)


def test_every_shipped_layer_resolves() -> None:
    """What the loader checks for overlays (``validate_layers``) holds for the shipped rules,
    which it does not check at every start."""
    from icp_renew.rulebook.resolve import validate_layers

    validate_layers(load_rulebook())


def test_overlay_error_names_file_line_field(tmp_path):
    write(
        tmp_path,
        "authorities/beijing.yaml",
        """
        kind: authority
        slug: beijing
        iso: CN-BJ
        name: 北京
        full_name: 北京市
        name_en: Beijing
        authority: 北京市通信管理局
        authority_en: Beijing Communications Administration
        license_prefixes: [京]
        filing_prefixes: [京]
        source: test
        materials:
          - id: business-license
            min_pages: many
            source: test
        """,
    )
    with pytest.raises(RuleError) as exc:
        load_rulebook([tmp_path])
    err = exc.value
    assert err.source.endswith("authorities/beijing.yaml")
    assert err.line == 14
    assert err.field == "materials[0].min_pages"


def test_unknown_key_is_an_error(tmp_path):
    write(
        tmp_path,
        "extra.yaml",
        """
        kind: overlay
        name: agency
        source: agency practice
        materials:
          - id: business-plan
            minpages: 3
            source: agency
        """,
    )
    with pytest.raises(RuleError) as exc:
        load_rulebook([tmp_path])
    assert exc.value.line == 6
    assert exc.value.field == "materials[0].minpages"
    assert "unknown field" in exc.value.message


def test_overlay_patches_adds_and_removes(tmp_path):
    write(
        tmp_path,
        "agency.yaml",
        """
        kind: overlay
        name: our agency
        authorities: [sichuan]
        source: "agency practice: our own checklist"
        materials:
          - id: business-plan
            min_pages: 3
            source: "agency practice"
          - id: shareholders-resolution
            title: 股东会决议
            title_en: Shareholders' resolution
            category: qualification
            requirement: recommended
            source: "agency practice: some provinces ask for it (docs/sources.md)"
        remove: [credit-publicity]
        remove_source: "not needed by our clients' authority"
        """,
    )
    book = load_rulebook([tmp_path])
    sc = resolve(book, find_authority(book, "川"))
    bj = resolve(book, find_authority(book, "京"))
    assert sc.material("business-plan").min_pages == 3
    assert sc.material("business-plan").title == "新一年业务发展规划"  # patched, not replaced
    assert sc.material("shareholders-resolution").requirement == "recommended"
    assert sc.material("credit-publicity") is None
    # the overlay is limited to sichuan
    assert bj.material("business-plan").min_pages == 1
    assert bj.material("shareholders-resolution") is None
    ids = [m.id for m in sc.materials]
    assert ids.index("shareholders-resolution") < ids.index("hosting-agreement")  # category order


def test_replacing_a_shipped_file(tmp_path):
    shipped_book = load_rulebook()
    src = shipped_book.source_of(shipped_book.authorities["beijing"])
    assert src is not None and src.display == "rules/authorities/beijing.yaml"
    write(
        tmp_path,
        "authorities/beijing.yaml",
        """
        kind: authority
        slug: beijing
        iso: CN-BJ
        name: 北京
        full_name: 北京市
        name_en: Beijing
        authority: 北京市通信管理局
        authority_en: Beijing Communications Administration
        license_prefixes: [京]
        filing_prefixes: [京]
        source: test
        materials:
          - id: supplement-undertaking
            title: 材料补正承诺书
            title_en: Undertaking to supply missing materials
            category: qualification
            requirement: recommended
            source: "agency practice: in Beijing an undertaking to supply missing materials on time"
        """,
    )
    book = load_rulebook([tmp_path])
    assert resolve(book, book.authorities["beijing"]).material("supplement-undertaking")
    assert not resolve(book, book.authorities["shanghai"]).material("supplement-undertaking")


def test_new_material_must_be_complete(tmp_path):
    write(
        tmp_path,
        "o.yaml",
        """
        kind: overlay
        name: x
        source: x-source
        materials:
          - id: brand-new
            source: somewhere
        """,
    )
    with pytest.raises(RuleError, match="lacks title"):
        load_rulebook([tmp_path])


def test_missing_rules_folder_is_user_error(tmp_path):
    with pytest.raises(RuleError, match="not a folder"):
        load_rulebook([tmp_path / "nope"])


# --- authorities --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "slug"),
    [
        ("京B2-20212732", "beijing"),
        ("川B2-20100027", "sichuan"),
        ("滇B2-20160043", "yunnan"),
        ("B2-20090237", "miit"),
        ("皖B1.B2-20070020", "anhui"),
        ("ＢＢ", None),
    ],
)
def test_authority_for_license(number, slug):
    a = authority_for_license(load_rulebook(), number)
    assert (a.slug if a else None) == slug


def test_every_authority_found_by_each_spelling():
    book = load_rulebook()
    for a in book.authorities.values():
        spellings = [a.slug, a.name, a.full_name, a.authority, *a.license_prefixes]
        if a.iso:
            spellings += [a.iso, a.iso.lower()]
        for s in spellings:
            assert find_authority(book, s).slug == a.slug, s


# --- lint ---------------------------------------------------------------------------------------


def lint_codes(tmp_path: Path) -> set[str]:
    return {p.code for p in lint(tmp_path)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            """
         kind: overlay
         name: a
         source: s-s
         materials:
           - id: business-plan
             min_pages: 2
         """,
            "missing-source",
        ),
        (
            """
         kind: overlay
         name: a
         source: s-s
         materials:
           - {id: new-one, title: 新, title_en: New, category: qualification, requirement: required, source: s-s}
           - {id: new-one, title: 新, title_en: New, category: qualification, requirement: required, source: s-s}
         """,
            "duplicate-material",
        ),
        (
            """
         kind: overlay
         name: a
         source: s-s
         materials:
           - {id: new-one, title: 新, title_en: New, category: nowhere, requirement: required, source: s-s}
         """,
            "unknown-category",
        ),
        (
            """
         kind: overlay
         name: a
         source: s-s
         materials:
           - {id: new-one, title: 新, title_en: New, category: industry, requirement: required, source: s-s, when: {industries: [gambling]}}
         """,
            "unknown-industry",
        ),
        (
            """
         kind: overlay
         name: a
         source: s-s
         materials:
           - {id: new-one, title: 新, title_en: New, category: industry, requirement: required, source: s-s, when: {services: [B29]}}
         """,
            "unknown-service",
        ),
        (
            """
         kind: overlay
         name: a
         source: s-s
         materials:
           - {id: new-one, source: s-s}
         """,
            "incomplete-material",
        ),
        (
            """
         kind: overlay
         name: a
         source: s-s
         remove: [no-such-thing]
         remove_source: because
         """,
            "unknown-material",
        ),
        (
            """
         kind: authority
         slug: atlantis
         iso: CN-AT
         name: 亚特兰蒂斯
         full_name: 亚特兰蒂斯省
         name_en: Atlantis
         authority: 亚特兰蒂斯省通信管理局
         authority_en: Atlantis CA
         license_prefixes: [京]
         source: s-s
         """,
            "duplicate-prefix",
        ),
        ("kind: overlay\nname: [unclosed\n", "invalid-rule-file"),
        ("kind: spaceship\n", "invalid-rule-file"),
    ],
)
def test_lint_catches_each_defect(tmp_path, text, code):
    write(tmp_path, "rules.yaml", text)
    assert code in lint_codes(tmp_path)


def test_lint_reports_all_problems_with_lines(tmp_path):
    write(
        tmp_path,
        "a.yaml",
        """
        kind: overlay
        name: a
        source: s-s
        materials:
          - id: business-plan
          - id: business-plan
            min_pages: 2
        """,
    )
    problems = lint(tmp_path)
    assert [(p.code, p.line) for p in problems if p.code == "missing-source"] == [
        ("missing-source", 5),
        ("missing-source", 6),
    ]


def test_lint_cli_exit_codes(cli, tmp_path):
    write(
        tmp_path,
        "a.yaml",
        "kind: overlay\nname: a\nsource: s-s\nmaterials:\n  - id: business-plan\n",
    )
    result = cli("rules", "lint", str(tmp_path))
    assert result.exit_code == 1
    assert (
        "a.yaml:5: materials[0].source: required field is missing [missing-source]" in result.stdout
    )
    gh = cli("rules", "lint", str(tmp_path), "--format", "github")
    assert gh.stdout.startswith("::error file=")
    assert cli("rules", "lint", str(tmp_path / "none")).exit_code == 2


def test_lint_a_full_rule_set(tmp_path):
    import shutil

    from icp_renew.rulebook.paths import rules_root

    shutil.copytree(rules_root(), tmp_path / "rules")
    assert lint(tmp_path / "rules") == []
    (tmp_path / "rules" / "authorities" / "beijing.yaml").write_text(
        (tmp_path / "rules" / "authorities" / "tianjin.yaml")
        .read_text("utf-8")
        .replace("slug: tianjin", "slug: beijing"),
        "utf-8",
    )
    assert {"duplicate-authority", "duplicate-prefix"} <= {p.code for p in lint(tmp_path / "rules")}


def test_overlay_example_in_docs_is_valid(tmp_path):
    """docs/rules.md shows an overlay; it must load and do what it says."""
    import re

    docs = (Path(__file__).parents[1] / "docs" / "rules.md").read_text("utf-8")
    block = re.search(r"```yaml\n# my-rules/agency.yaml\n(.*?)```", docs, re.S)
    assert block
    (tmp_path / "agency.yaml").write_text(block[1], "utf-8")
    assert lint(tmp_path) == []
    book = load_rulebook([tmp_path])
    checklist = resolve(book, find_authority(book, "重庆"))
    assert checklist.settings.max_file_size == 5_000_000
    assert checklist.material("business-plan").min_pages == 3
    assert checklist.material("credit-publicity") is None
    assert resolve(book, find_authority(book, "京")).material("credit-publicity") is not None


def test_lint_codes_documented_and_complete(tmp_path):
    """docs/rules.md lists exactly the lint codes; every code lint emits is among them."""
    import re

    from icp_renew.rulebook.lint import LINT_CODES

    docs = (Path(__file__).parents[1] / "docs" / "rules.md").read_text("utf-8")
    table = docs.split("## Lint codes", 1)[1]
    assert set(re.findall(r"^\| `([a-z-]+)` \|", table, flags=re.M)) == set(LINT_CODES)
    write(tmp_path, "a.yaml", "kind: overlay\nname: a\nsource: s-s\nmaterials:\n  - id: x-y\n")
    assert {p.code for p in lint(tmp_path)} <= set(LINT_CODES)


def test_lint_rejects_an_unknown_basis_or_policy_field(tmp_path: Path) -> None:
    (tmp_path / "o.yaml").write_text(
        "kind: overlay\nname: a\nsource: s-s\nmaterials:\n"
        "  - {id: business-plan, basis: lore, source: s-s}\n"
        "  - {id: business-reports, policy: [colour], source: s-s}\n",
        encoding="utf-8",
    )
    problems = lint(tmp_path)
    assert [(p.code, p.line, p.field) for p in problems] == [
        ("invalid-rule-file", 5, "materials[0].basis"),
        ("invalid-rule-file", 6, "materials[1].policy[0]"),
    ]


def test_lint_asks_a_new_material_for_its_basis_and_the_loader_accepts_it(tmp_path: Path) -> None:
    (tmp_path / "o.yaml").write_text(
        "kind: overlay\nname: a\nsource: s-s\nmaterials:\n"
        "  - {id: business-plan, min_pages: 2, source: s-s}\n"  # a patch: the basis is shipped
        "  - id: shareholders-resolution\n"
        "    title: 股东会决议\n    title_en: Shareholders' resolution\n"
        "    category: qualification\n    requirement: recommended\n    source: s-s\n",
        encoding="utf-8",
    )
    assert [(p.code, p.line, p.field) for p in lint(tmp_path)] == [
        ("missing-basis", 6, "materials[1].basis")
    ]
    book = load_rulebook([tmp_path])
    checklist = resolve(book, book.authorities["beijing"])
    assert checklist.material("shareholders-resolution").basis is None
    assert checklist.material("business-plan").basis == "practice"
