"""Personal data stays masked: in every format of check, in pack's manifest and index, in
deadline's outputs, in error messages and in warnings, wherever the number was typed.

The numbers are synthetic (``corpus.ID_NUMBER``, ``corpus.MOBILE``). Each test looks for the
number in full and in the spellings a person may use (with spaces, hyphens or +86).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from corpus import ID_NUMBER, MOBILE
from hostile import fewer

pytest.importorskip("hypothesis")  # test-only: skipped on a plain install (.ci/run)
from hypothesis import given
from hypothesis import strategies as st

import factory
from icp_renew.pii import redact

TODAY = factory.TODAY
CHECK_FORMATS = ("text", "json", "junit", "sarif", "github", "markdown", "html")
BAD_ID = "110105194912310021"  # wrong check character: quoted by invalid-id-number
BAD_MOBILE = "1380013800"  # ten digits: quoted by invalid-phone
SECRETS = (ID_NUMBER, MOBILE, ID_NUMBER.lower(), BAD_ID, BAD_MOBILE)


def leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text]


def assert_masked(result: Any, *files: Path) -> None:
    assert result.exit_code in (0, 1, 2)
    for where, text in (("stdout", result.stdout), ("stderr", result.stderr)):
        assert not leaks(text), (where, text[-3000:])
    for path in files:
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".zip":
                with zipfile.ZipFile(io.BytesIO(data)) as zf:
                    names = [n for n in zf.namelist() if n.endswith((".json", ".txt", "SUMS"))]
                    data = b"\n".join([zf.read(n) for n in names] + [n.encode() for n in names])
            assert not leaks(data.decode("utf-8", "replace")), path


# --- where a person may put the numbers ----------------------------------------------------

SPOTS = [
    ("company", "name"),
    ("company", "uscc"),
    ("legal_representative", "name"),
    ("legal_representative", "landline"),
    ("legal_representative", "email"),
    ("license", "number"),
    ("license", "expires"),
    ("license", "services"),
    ("authority",),
    ("industries",),
    ("domains",),
    ("materials", "idc-license", "number"),
    ("materials", "hosting-agreement", "expires"),
    ("materials", "financial-report", "year"),
    ("materials", "note-only", "note"),
]
SPELLINGS = [
    ID_NUMBER,
    MOBILE,
    f"+86 {MOBILE}",
    f"{ID_NUMBER}.com",
    f"京B2-{MOBILE}",
    f"{MOBILE}@example.com",
    f"身份证{ID_NUMBER}",
]


def _config_with(spots: list[tuple[tuple[str, ...], str]]) -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(yaml.safe_dump(factory.VALID_CONFIG))
    for path, value in spots:
        node = doc
        for key in path[:-1]:
            if not isinstance(node.get(key), dict):
                node[key] = {}
            node = node[key]
        node[path[-1]] = [value] if path[-1] in ("services", "industries", "domains") else value
    return doc


def _dossier(tmp: Path, config: dict[str, Any] | str, names: list[str]) -> Path:
    files: dict[str, bytes | str] = {
        "legal-rep-id/正面.jpg": "jpeg",
        "icp-license/许可证.pdf": "pdf:1",
    }
    for i, name in enumerate(names):
        files[f"{('legal-rep-id', 'junk', 'icp-license')[i % 3]}/{name}"] = "pdf:1"
    return factory.make_dossier(tmp, config, files)


def run_quick(cli: Any, root: Path, out: Path) -> None:
    """Every output to stdout, and the bundle (for the property test: many examples)."""
    for fmt in CHECK_FORMATS:
        assert_masked(cli("check", str(root), "--today", TODAY, "-f", fmt))
    for fmt in ("text", "json", "ics"):
        assert_masked(cli("deadline", str(root), "--today", TODAY, "-f", fmt))
    bundle = out / "b.zip"
    args = ("pack", str(root), "--force", "--overwrite", "-o", str(bundle), "--today", TODAY)
    assert_masked(cli(*args), bundle)


def run_everything(cli: Any, root: Path, out: Path) -> None:
    for fmt in CHECK_FORMATS:
        target = out / f"report.{fmt}"
        assert_masked(cli("check", str(root), "--today", TODAY, "-f", fmt))
        assert_masked(
            cli("check", str(root), "--today", TODAY, "-f", fmt, "-o", str(target)), target
        )
    for fmt in ("text", "json", "ics"):
        target = out / f"deadline.{fmt}"
        assert_masked(cli("deadline", str(root), "--today", TODAY, "-f", fmt))
        assert_masked(
            cli("deadline", str(root), "--today", TODAY, "-f", fmt, "-o", str(target)), target
        )
    bundle = out / "b.zip"
    assert_masked(
        cli("pack", str(root), "--force", "--overwrite", "-o", str(bundle), "--today", TODAY),
        bundle,
    )
    if bundle.exists():
        assert_masked(cli("verify", str(bundle)))
        assert_masked(cli("verify", str(bundle), "-f", "json"))


@given(
    st.lists(st.tuples(st.sampled_from(SPOTS), st.sampled_from(SPELLINGS)), min_size=1, max_size=3),
    st.lists(st.sampled_from([f"{s}.pdf" for s in SPELLINGS]), max_size=2, unique=True),
)
@fewer(12)
def test_numbers_anywhere_stay_masked(cli, tmp_path_factory, spots, names):
    tmp = tmp_path_factory.mktemp("pii")
    root = _dossier(tmp / "d", _config_with(spots), names)
    run_quick(cli, root, tmp)


def test_the_numbers_in_their_own_fields_are_masked_in_every_output(cli, tmp_path):
    config = _config_with([(("legal_representative", "id_number"), BAD_ID)])
    config["legal_representative"]["mobile"] = BAD_MOBILE
    root = _dossier(tmp_path / "d", config, [f"身份证{ID_NUMBER}.pdf", f"{MOBILE}.pdf"])
    run_everything(cli, root, tmp_path)
    result = cli("check", str(root), "--today", TODAY, "--show-pii", "-f", "json")
    for shown in (BAD_ID, BAD_MOBILE, f"junk/{MOBILE}.pdf"):  # --show-pii: in full
        assert shown in result.stdout


def test_a_dossier_folder_named_after_the_number(cli, tmp_path):
    root = _dossier(tmp_path / f"张三{MOBILE}", dict(factory.VALID_CONFIG), [])
    run_everything(cli, root, tmp_path)


# --- error messages ---------------------------------------------------------------------------

ERRORS = [
    f'legal_representative: "{ID_NUMBER}"\n',
    f"company: {{name: x, uscc: [{ID_NUMBER}]}}\nlicense: {{number: 京B2-20210001}}\n",
    f"company: {{name: x}}\nlicense: {{number: 京B2-1, expires: {ID_NUMBER}}}\n",
    f"company: {{name: x}}\nlicense: {{number: {MOBILE}}}\n",
    f"company: {{name: x}}\nlicense: {{number: 京B2-1}}\nmaterials: {{x: {{year: {MOBILE}}}}}\n",
    f"company: {{name: x}}\nlicense: {{number: 京B2-1}}\nauthority: {MOBILE}\n",
    f"company: {{name: x}}\nlicense: {{number: 京B2-1}}\nindustries: [{ID_NUMBER}]\n",
    f"legal_representative: {{id_number: {ID_NUMBER}, mobile: {MOBILE}, age: 3}}\n",
    f"legal_representative: {{id_number: '{ID_NUMBER}', mobile: {MOBILE}\n",
    f"{ID_NUMBER}: {MOBILE}\n",
    f"- {ID_NUMBER}\n",
    f"company: {{name: x}}\nlicense: {{number: 京B2-1, expires: '{ID_NUMBER[:4]}-{MOBILE}'}}\n",
]


@pytest.mark.parametrize("text", ERRORS)
def test_error_lines_never_quote_the_numbers(cli, tmp_path, text):
    root = _dossier(tmp_path / "d", text, [])
    for args in (
        ("check", str(root), "-f", "github"),
        ("check", str(root), "-f", "json"),
        ("deadline", str(root)),
        ("pack", str(root), "-o", str(tmp_path / "b.zip")),
    ):
        result = cli(*args, "--today", TODAY)
        assert result.exit_code in (1, 2), (args, result.stderr)
        assert_masked(result)


def test_error_lines_in_csv_and_options(cli, tmp_path):
    csv = tmp_path / "c.csv"
    csv.write_text(f"name,license_number,expires\n张三,{ID_NUMBER},{MOBILE}\n", encoding="utf-8")
    assert_masked(cli("deadline", "--csv", str(csv), "--today", TODAY))
    assert_masked(cli("deadline", "--expires", ID_NUMBER, "--today", TODAY))
    assert_masked(cli("deadline", "--expires", "2026-05-31", "--license", MOBILE, "-f", "json"))
    assert_masked(cli("check", str(tmp_path / ID_NUMBER), "--today", TODAY))
    assert_masked(cli("check", str(tmp_path), "--province", MOBILE, "--today", TODAY))


def test_redact():
    assert redact(f"a {ID_NUMBER} b {MOBILE} c") == "a 110105********002X b 138****8000 c"
    assert redact("138-0013-8000") == "138****8000"
    assert redact("京B2-20210001 京ICP备12345678号-1 2026-05-31") == (
        "京B2-20210001 京ICP备12345678号-1 2026-05-31"
    )
    assert redact("91110000600037341L") == "91110000600037341L"  # a USCC is not personal
    assert redact("a" * 10) == "a" * 10


def test_csv_cells_with_the_numbers_are_masked(cli, tmp_path):
    csv = tmp_path / "c.csv"
    rows = f"name,license_number,expires\n张三 {MOBILE},{ID_NUMBER},2026-05-31\n"
    csv.write_text(rows, encoding="utf-8")
    for fmt in ("text", "json", "ics"):
        out = tmp_path / f"d.{fmt}"
        assert_masked(cli("deadline", "--csv", str(csv), "--today", TODAY, "-f", fmt))
        assert_masked(
            cli("deadline", "--csv", str(csv), "--today", TODAY, "-f", fmt, "-o", str(out)), out
        )


def test_default_bundle_name_masks_a_number(cli, tmp_path, monkeypatch):
    config = _config_with([(("license", "number"), f"京B2-{MOBILE}")])
    root = _dossier(tmp_path / "d", config, [])
    monkeypatch.chdir(tmp_path)
    result = cli("pack", str(root), "--force", "--today", TODAY, "--province", "beijing")
    assert_masked(result)
    assert [p.name for p in tmp_path.glob("*.zip")] == [
        "京B2-138____8000-2026-01-15.zip"
    ]  # "*" is made safe
