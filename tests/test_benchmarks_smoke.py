"""The benchmark runner works on its small preset (a CI smoke test: no timing is asserted).

The runner generates the small preset, runs every comparison once and writes its
table; a command of icp-renew that fails (such as ``check`` refusing the generated
dossier) makes it exit 1. A plain tool that is missing (pdfinfo, zip) is skipped.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"

pytestmark = [
    pytest.mark.skipif(not BENCH.is_dir(), reason="benchmarks/ is not in this tree"),
    pytest.mark.slow,  # generates and times the small preset
]


def test_runner_writes_its_table_on_the_small_preset(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    args = ["--data", str(tmp_path / "data"), "--results", str(results)]
    args += ["--runs", "1", "--startup-runs", "1", "--warmup", "0"]
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = results.read_text(encoding="utf-8")
    for heading in (
        "## Machine",
        "## Data",
        "## Start-up",
        "## `check` of the big dossier",
        "## `pack` of the big dossier",
        "## `check` over the agency's dossiers",
        "## `deadline` over the agency's portfolio",
        "## Targets",
    ):
        assert heading in text
    for row in (
        '| python -c "import typer" |',
        "| icp-renew --version |",
        "| icp-renew deadline --expires |",
        "| icp-renew check (text) |",
        "| icp-renew pack |",
        "| check 8 dossiers --jobs 2 |",
        "| deadline --csv (200 licences, json) |",
    ):
        assert row in text
    assert "FAILED" not in text
    assert "Targets" in done.stdout  # the table is printed too
    assert not list((tmp_path / "data").glob("bench-*"))  # the scratch folder is gone


def test_generated_scans_are_real_jpeg_pages(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import generate
        import scans
    finally:
        sys.path.remove(str(BENCH))
    from PIL import Image

    pages = scans.Pages(tmp_path, dpi=50)
    first, second = Path(pages.path(0)).read_bytes(), Path(pages.path(1)).read_bytes()
    assert first != second and first.strip(b"\x00")  # distinct, never zeros
    with Image.open(io.BytesIO(first)) as im:
        assert im.format == "JPEG"
        assert im.size == (413, 585)  # A4 at 50 dpi
        assert im.info["dpi"] == (50, 50)
    assert generate.parse_size("1.2G") == 1_200_000_000
    spec = generate.Spec(files=40, size=0, pages=3.0)
    docs = generate.plan_docs(spec, page_bytes=1000)
    assert len(docs) == 40
    assert sum(d.pages for d in docs) == 120
    assert min(d.pages for d in docs) >= 1


def test_a_missing_plain_tool_is_skipped_with_a_note() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import measure
    finally:
        sys.path.remove(str(BENCH))
    cmds = [
        measure.Cmd("missing", "no such tool", ["icp-renew-no-such-tool", "x"]),
        measure.Cmd("python", "python", [sys.executable, "-c", "pass"]),
    ]
    missing, python = measure.run_group(cmds, runs=1, warmup=0, log=lambda _: None)
    assert missing.skipped == "icp-renew-no-such-tool is not installed"
    assert missing.median is None and not missing.samples
    assert python.skipped is None and python.failed is None and len(python.samples) == 1
