"""Benchmark ``check --ocr``: pages per second, cold start, cached re-run, peak memory, and
``check`` without ``--ocr`` against a baseline tree (is the plain path as fast as before?).

Scans are drawn by ``tests/scan_pages.py`` (a CJK font from fonts-noto-cjk or fonts-wqy-zenhei):
the five documents ``--ocr`` reads, at 150 and 300 dpi, with a seal, a rotation and JPEG
noise, as scan-only PDFs and as JPEG/PNG. Every figure comes from a fresh process
(``measure.run_once``: wall time, CPU time of the process tree, peak RSS):

- ``cold``: ``check --ocr`` of a dossier with one scan to read, empty cache (engine load +
  one page);
- ``pages``: ``check --ocr`` of dossiers with ``--pages`` scans to read, empty cache; per
  page = (that − cold) / (pages − 1), the engine's load counted once;
- ``cached``: the same run again; the run must not import the engine (checked);
- ``plain``: ``check`` of the same dossiers without ``--ocr``, this tree against
  ``--baseline`` (a ``src`` folder of another checkout, e.g. main's), interleaved.

The table replaces the block between ``<!-- ocr: begin -->`` and ``<!-- ocr: end -->`` in
RESULTS.md (below the part run.py rewrites, so run.py keeps it).

Usage::

    python benchmarks/ocr.py [--runs 3] [--baseline ../main/src] [--results FILE]
    python benchmarks/ocr.py --accuracy     # the accuracy table of docs/ocr.md

``--accuracy`` reads each document in 18 variants (100/150/300 dpi, rotated 0.6°, −1.5° or 3°,
JPEG quality 70 or 35, seal on) in this process and counts, per field, how often it is read
right, not read (``scan-unreadable``) or misread (a false ``scan-mismatch``).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(ROOT / "tests"))

import measure  # noqa: E402
from measure import Cmd, Sample, run_once  # noqa: E402
from report import load_average  # noqa: E402

BEGIN, END = "<!-- ocr: begin -->", "<!-- ocr: end -->"
ACC_BEGIN, ACC_END = "<!-- ocr-accuracy: begin -->", "<!-- ocr-accuracy: end -->"
KINDS = ("business-license", "icp-license", "domain-certificates", "idc-license", "legal-rep-id")
TODAY = "2026-01-15"


def _load(name: str, path: Path) -> object:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def make_dossiers(root: Path, pages: int) -> list[Path]:
    """Dossiers whose materials hold ``pages`` distinct scans in all (five per dossier)."""
    factory = _load("ocr_factory", ROOT / "tests" / "factory.py")
    scans = _load("ocr_scans", ROOT / "tests" / "scan_pages.py")
    if scans.font_path() is None:  # type: ignore[attr-defined]
        raise SystemExit("no CJK font: apt-get install fonts-noto-cjk")
    names = {
        "business-license": "营业执照",
        "icp-license": "许可证",
        "domain-certificates": "example.com",
        "idc-license": "IDC许可证",
        "legal-rep-id": "正面",
    }
    formats = ("pdf", "jpeg", "png")
    dossiers: list[Path] = []
    for n in range(0, pages, len(KINDS)):
        files = {
            k: v
            for k, v in factory.COMPLETE_FILES.items()  # type: ignore[attr-defined]
            if k.split("/")[0] not in KINDS
        }
        files["legal-rep-id/反面.pdf"] = "pdf:1"  # a text layer: not read
        for i, kind in enumerate(KINDS[: pages - n]):
            dpi = 150 if (n + i) % 2 == 0 else 300
            fmt = formats[(n + i) % 3]
            page = scans.page(kind, dpi=dpi, seed=n + i)  # type: ignore[attr-defined]
            data = (
                scans.as_pdf(page)  # type: ignore[attr-defined]
                if fmt == "pdf"
                else scans.as_image(page, fmt, dpi)  # type: ignore[attr-defined]
            )
            files[f"{kind}/{names[kind]}.{'jpg' if fmt == 'jpeg' else fmt}"] = data
        dossiers.append(factory.make_dossier(root / f"d{n // len(KINDS)}", None, files))  # type: ignore[attr-defined]
    return dossiers


def check_cmd(key: str, python: str, dossiers: Sequence[Path], *extra: str) -> Cmd:
    argv = [python, "-m", "icp_renew", "check", *map(str, dossiers), "--today", TODAY, "-q"]
    return Cmd(key, key, [*argv, *extra], ok=(0, 1))


def engine_imported(python: str, dossiers: Sequence[Path], env: dict[str, str]) -> bool:
    """Does a cached ``check --ocr`` import rapidocr? (It must not.)"""
    import subprocess

    code = (
        "import sys\nfrom icp_renew.cli.app import main\n"
        f"sys.argv = ['icp-renew', 'check', *{[str(d) for d in dossiers]!r}, '--ocr', "
        f"'--today', {TODAY!r}, '-q']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\nprint('rapidocr' in sys.modules)\n"
    )
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, env=env)
    return out.stdout.strip().splitlines()[-1:] != ["False"]


def median(samples: list[Sample], attr: str = "seconds") -> float:
    return statistics.median(getattr(s, attr) for s in samples)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--pages", type=int, default=10, help="scans to read (default 10)")
    p.add_argument("--runs", type=int, default=3, help="rounds of each measurement")
    p.add_argument("--baseline", type=Path, help="a src/ folder to compare plain check with")
    p.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    p.add_argument("--accuracy", action="store_true", help="measure accuracy instead")
    args = p.parse_args(argv)
    if args.accuracy:
        text = accuracy()
        print(text)
        write_block(args.results, text, ACC_BEGIN, ACC_END)
        return 0
    python = sys.executable
    work = Path(tempfile.mkdtemp(prefix="icp-ocr-bench-"))
    cache_dir = work / "cache"
    measure.ENV["ICP_RENEW_OCR_CACHE"] = str(cache_dir)
    measure.ENV["PYTHONPATH"] = str(ROOT / "src")
    try:
        one = make_dossiers(work / "one", 1)
        many = make_dossiers(work / "many", args.pages)
        rows: dict[str, list[Sample]] = {"cold": [], "pages": [], "cached": []}
        clear = lambda: shutil.rmtree(cache_dir, ignore_errors=True)  # noqa: E731
        for _ in range(args.runs):
            for key, target in (("cold", one), ("pages", many)):
                cmd = check_cmd(key, python, target, "--ocr")
                cmd.before = clear
                sample, err = run_once(cmd)
                if sample.code not in cmd.ok:
                    raise SystemExit(f"{key} failed: {err}")
                rows[key].append(sample)
            rows["cached"].append(run_once(check_cmd("cached", python, many, "--ocr"))[0])
        imported = engine_imported(python, many, dict(measure.ENV))
        plain = compare_plain(python, many, args.baseline, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = render(rows, args.pages, imported, plain, args.runs)
    print(text)
    write_block(args.results, text)
    return 0


def compare_plain(
    python: str, dossiers: Sequence[Path], baseline: Path | None, runs: int
) -> list[tuple[str, float, float]]:
    """(label, this tree's median, baseline's median or nan) of plain check and --version."""
    out = []
    for label, argv in (
        ("icp-renew --version", ["--version"]),
        ("check (no --ocr)", ["check", *map(str, dossiers), "--today", TODAY, "-q"]),
    ):
        medians = []
        for src in (ROOT / "src", baseline):
            if src is None:
                medians.append(float("nan"))
                continue
            measure.ENV["PYTHONPATH"] = str(src)
            cmd = Cmd(label, label, [python, "-m", "icp_renew", *argv], ok=(0, 1))
            run_once(cmd)  # warm-up: bytecode cache
            medians.append(statistics.median(run_once(cmd)[0].seconds for _ in range(runs * 3)))
        measure.ENV["PYTHONPATH"] = str(ROOT / "src")
        out.append((label, medians[0], medians[1]))
    return out


def render(
    rows: dict[str, list[Sample]],
    pages: int,
    imported: bool,
    plain: list[tuple[str, float, float]],
    runs: int,
) -> str:
    cold, many, cached = (median(rows[k]) for k in ("cold", "pages", "cached"))
    cold_cpu, many_cpu = median(rows["cold"], "cpu"), median(rows["pages"], "cpu")
    per_page = (many - cold) / max(pages - 1, 1)
    per_page_cpu = (many_cpu - cold_cpu) / max(pages - 1, 1)
    rss = max(s.rss_kb for k in ("cold", "pages") for s in rows[k]) / 1024
    lines = [
        BEGIN,
        "",
        "## `check --ocr` (benchmarks/ocr.py)",
        "",
        f"{pages} generated scans (5 documents, 150/300 dpi, seal, rotation, JPEG noise; PDF, "
        f"JPEG, PNG), median of {runs} runs, {os.cpu_count()} CPUs, load average "
        f"{load_average(None)} at the end.",
        "",
        "| measurement | wall | CPU (process tree) | peak RSS |",
        "|---|---:|---:|---:|",
        f"| cold start: 1 scan, empty cache | {cold:.2f} s | {cold_cpu:.2f} s | "
        f"{max(s.rss_kb for s in rows['cold']) / 1024:.0f} MB |",
        f"| {pages} scans, empty cache | {many:.2f} s | {many_cpu:.2f} s | {rss:.0f} MB |",
        f"| per page (engine loaded) | {per_page:.2f} s | {per_page_cpu:.2f} s | |",
        f"| pages per second | {1 / per_page if per_page > 0 else float('inf'):.2f} | | |",
        f"| cached re-run, {pages} scans | {cached:.2f} s | "
        f"{median(rows['cached'], 'cpu'):.2f} s | "
        f"{max(s.rss_kb for s in rows['cached']) / 1024:.0f} MB |",
        "",
        f"Cached re-run imports the engine: **{'yes' if imported else 'no'}** (it must not).",
        "",
        "| without `--ocr` | this tree | baseline |",
        "|---|---:|---:|",
        *(f"| {label} | {a:.3f} s | {b:.3f} s |" for label, a, b in plain),
        "",
        END,
    ]
    return "\n".join(lines)


def accuracy() -> str:
    """Per field: read right / not read / misread, over 8 variants of each document."""
    import io

    from PIL import Image

    sys.path.insert(0, str(ROOT / "src"))
    scans = _load("ocr_scans", ROOT / "tests" / "scan_pages.py")
    from icp_renew.checks import scans as check
    from icp_renew.ocr import loaded_engine, pages

    v = scans.VALUES  # type: ignore[attr-defined]
    name = ("company", v["name"], check.COMPANY_LABELS)
    fields = {
        "business-license": [
            ("USCC", check._identifier("uscc", v["uscc"], check.fields.usccs, str)),
            ("company name", check._name(*name)),
        ],
        "icp-license": [
            ("licence number", check._licence("license-number", v["license"])),
            ("company name", check._name(*name)),
            ("expiry", check._expiry("2026-05-31")),
        ],
        "domain-certificates": [
            ("domain", check._domain(("example.com", "example.com"))),
            ("holder", check._name("holder", v["name"], check.HOLDER_LABELS)),
        ],
        "idc-license": [("IDC licence number", check._licence("idc-number", v["idc"]))],
        "legal-rep-id": [
            ("ID number", check._identifier("id-number", v["id"], check.fields.id_numbers, str)),
            ("name", check._name("rep-name", v["rep"], ("姓名",))),
        ],
    }
    engine = loaded_engine()
    counts: dict[tuple[str, str], list[int]] = {}
    for kind in KINDS:
        for dpi in (100, 150, 300):
            for rotate in (0.6, -1.5, 3.0):
                for quality in (70, 35):
                    page = scans.page(kind, dpi=dpi, rotate=rotate, seed=dpi + quality)  # type: ignore[attr-defined]
                    buf = io.BytesIO()
                    page.save(buf, format="JPEG", quality=quality)
                    buf.seek(0)
                    text = "\n".join(engine.read(pages.prepare(Image.open(buf))))
                    low = 3 if dpi < 150 else 0
                    for label, field in fields[kind]:
                        ok, other = field.find(text)
                        row = counts.setdefault((kind, label), [0] * 6)
                        row[low + (0 if ok else 2 if other else 1)] += 1
                    if kind == "business-license":
                        row = counts.setdefault((kind, "增值电信业务 (must_contain)"), [0] * 6)
                        row[low + (0 if "增值电信业务" in check.fields.squash(text) else 1)] += 1
    lines = [
        ACC_BEGIN,
        "",
        "## `check --ocr` accuracy (benchmarks/ocr.py --accuracy)",
        "",
        "18 variants of each document: 100/150/300 dpi × rotated 0.6°/−1.5°/3° × JPEG quality "
        "70/35, a red seal over the text, scanner specks. Counts: read right / not read "
        "(`scan-unreadable`) / misread (a false `scan-mismatch`).",
        "",
        "| document | field | 150–300 dpi (12 pages) | 100 dpi (6 pages) |",
        "|---|---|---:|---:|",
        *(
            f"| {k} | {label} | {a} / {b} / {c} | {d} / {e} / {f} |"
            for (k, label), (a, b, c, d, e, f) in counts.items()
        ),
        "",
        ACC_END,
    ]
    return "\n".join(lines)


def write_block(path: Path, block: str, begin: str = BEGIN, end: str = END) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if begin in text and end in text:
        head, _, rest = text.partition(begin)
        _, _, tail = rest.partition(end)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
