"""The fast paths taken for speed give exactly what the slow ones give (docs/performance.md)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from factory import pdf_bytes
from icp_renew.cli.lightparams import ACTIVE as LIGHT
from icp_renew.inspect import inspect_file
from icp_renew.inspect.pdf import _dictionary_of


def _image_refs(data: bytes) -> tuple[object, list[object]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    refs = []
    for page in reader.pages:
        xobjects = page["/Resources"]["/XObject"]
        refs += [r for r in dict.values(xobjects) if r not in refs]
    return reader, refs


def test_image_dictionary_without_its_data_equals_pypdfs(tmp_path: Path) -> None:
    reader, refs = _image_refs(pdf_bytes(3, text=None, image_dpi=100))
    assert refs
    for ref in refs:
        fast = _dictionary_of(ref)
        assert (ref.generation, ref.idnum) not in reader.resolved_objects  # data never read
        full = ref.get_object()
        # pypdf moves /Length into the stream object it builds; every other entry is the same
        assert {k: v for k, v in fast.items() if k != "/Length"} == dict(full.items())
        assert int(fast["/Width"]) == 826  # A4 at 100 dpi


def test_an_object_that_is_not_where_the_table_says_takes_pypdfs_way() -> None:
    data = pdf_bytes(1, text=None, image_dpi=100)
    reader, [ref] = _image_refs(data)
    offset = reader.xref[ref.generation][ref.idnum]
    reader.xref[ref.generation][ref.idnum] = offset + 1  # now points inside the header
    assert int(_dictionary_of(ref)["/Width"]) == 826  # pypdf repairs it


@pytest.mark.parametrize("dpi", [72, 150, 300])
def test_pdf_resolution_unchanged(tmp_path: Path, dpi: int) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes(2, text=None, image_dpi=dpi))
    assert inspect_file(path).min_dpi == pytest.approx(dpi, abs=1)


# --- start-up: a run registers only its own command ---------------------------------------------


@pytest.mark.parametrize(
    ("argv", "wanted"),
    [
        (["deadline", "--expires", "2026-05-31"], ["deadline"]),
        (["--version"], []),
        (["-V"], []),
        (["-V", "--help"], None),  # help lists every command
        (["--help"], None),
        ([], None),
        (["verify", "b.zip"], ["verify"]),
        (["rules", "show"], ["rules"]),
        (["chek"], None),  # a typo gets click's "did you mean"
        (["--version", "check"], ["check"]),
    ],
)
def test_commands_for(argv: list[str], wanted: list[str] | None) -> None:
    from icp_renew.cli.app import commands_for

    assert commands_for(argv) == wanted


def test_completion_registers_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from icp_renew.cli.app import commands_for

    monkeypatch.setenv("_ICP_RENEW_COMPLETE", "complete_bash")
    assert commands_for(["deadline"]) is None


@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["deadline", "--expires", "2026-05-31", "--today", "2026-01-15", "-f", "json"],
        ["deadline", "--help"],
        ["rules", "show", "--province", "beijing", "-f", "json"],
        ["schema", "dossier"],
        ["check", "/nonexistent-dossier", "--today", "2026-01-15"],
    ],
)
def test_one_command_app_answers_as_the_full_app(argv: list[str]) -> None:
    from typer.testing import CliRunner

    from icp_renew.cli.app import commands_for, make_app

    runner = CliRunner()
    env = {"NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb"}
    full = runner.invoke(make_app(), argv, env=env)
    light = runner.invoke(make_app(commands_for(argv)), argv, env=env)
    assert (light.exit_code, light.output) == (full.exit_code, full.output)


# --- start-up: plain option values are taken without pydantic -----------------------------------


def _outcome(fn: object, *args: object) -> object:
    try:
        return ("ok", fn(*args))  # type: ignore[operator]
    except Exception as exc:
        return ("error", type(exc).__name__, str(exc))


def test_light_conversion_is_only_for_the_tested_typer() -> None:
    import typer

    from icp_renew.cli import lightparams

    assert lightparams._tested("0.29.2") and lightparams._tested("0.29.10")
    assert not lightparams._tested("0.30.0") and not lightparams._tested("1.0")
    assert not lightparams._tested("dev")
    assert lightparams._tested(typer.__version__) == lightparams.ACTIVE


def test_typers_own_conversion_when_light_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another typer: lightparams stands aside and every command works the same."""
    from typer.testing import CliRunner

    from icp_renew.cli import lightparams
    from icp_renew.cli.app import make_app

    argv = ["deadline", "--expires", "2026-05-31", "--today", "2026-01-15", "-f", "json"]
    runner = CliRunner()
    light = runner.invoke(make_app(["deadline"]), argv)
    monkeypatch.setattr(lightparams, "ACTIVE", False)
    plain = runner.invoke(make_app(["deadline"]), argv)
    assert (plain.exit_code, plain.output) == (light.exit_code, light.output)
    assert json.loads(plain.output)["filing_deadline"] == "2026-03-02"


@pytest.mark.skipif(not LIGHT, reason="another typer: nothing is replaced (the test above)")
def test_light_conversion_gives_typers_values() -> None:
    import typer.main
    from typer._click import Context
    from typer._coercion import build_runtime_param

    from icp_renew.cli.app import make_app
    from icp_renew.cli.lightparams import _Lazy

    root = typer.main.get_command(make_app())
    commands = list(root.commands.values())  # type: ignore[attr-defined]
    commands += [c for g in commands for c in getattr(g, "commands", {}).values()]
    values = [None, "", "text", " 60 ", "2026-01-15", (), [], ("a",), ("a", "b")]
    # numbers (plain, padded, signed, not whole) and paths (a folder, where a file is wanted)
    values += [
        "0",
        "2",
        "012",
        "-1",
        "+3",
        "1.5",
        "٣",
        "/",
        ".",
        "no/such/file",
        "a\x00b",
        ("/", "x"),
        ("a", "b\x00"),
    ]
    seen = 0
    for command in commands:
        ctx = Context(command)
        for param in command.params:
            if not hasattr(param, "type_descriptor"):
                continue
            light, real = _Lazy(param.type_descriptor), build_runtime_param(param.type_descriptor)
            for value in values:
                a = _outcome(light.coerce, value, param, ctx)
                b = _outcome(real.coerce, value, param, ctx)
                assert a == b, (command.name, param.name, value)
                seen += 1
    assert seen > 200


def test_deadline_expires_does_not_import_pydantic() -> None:
    code = (
        "import sys\n"
        "from icp_renew.cli.app import main\n"
        "sys.argv = ['icp-renew', 'deadline', '--expires', '2026-05-31', '--today', '2026-01-15']\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "print('pydantic' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "2026-03-02" in done.stdout  # the filing deadline
    # on another typer it depends on typer (0.29+ builds pydantic adapters, 0.28 does not)
    assert done.stderr.strip() == "False" or not LIGHT
