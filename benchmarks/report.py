"""What ``run.py`` reports: the tables, the targets, the machine, profiles; RESULTS.md."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import generate
from measure import ENV, EXPIRES, Row, Setup

KEEP_MARKER = "<!-- everything below this line is kept when run.py rewrites the file -->"


@dataclass
class Target:
    text: str
    figure: str
    met: bool | None  # None: not judged (a tool or a figure is missing)


def _m(rows: dict[str, Row], key: str) -> float | None:
    row = rows.get(key)
    return row.median if row else None


def targets(res: dict[str, dict[str, Row]]) -> list[Target]:
    out: list[Target] = []

    def ratio(group: str, a: str, b: str, limit: float, text: str) -> None:
        x, y = _m(res.get(group, {}), a), _m(res.get(group, {}), b)
        if x is None or y is None:
            out.append(Target(text, "not measured", None))
        else:
            out.append(Target(text, f"{x / y:.2f}×", x / y <= limit))

    def rss(group: str, key: str, limit_mb: float, text: str) -> None:
        row = res.get(group, {}).get(key)
        mb = row.rss_mb if row and row.median is not None else None
        if mb is None:
            out.append(Target(text, "not measured", None))
        else:
            out.append(Target(text, f"{mb:.0f} MB", mb < limit_mb))

    ratio("startup", "version", "typer", 1.3, '`--version` ≤ 1.3× `python -c "import typer"`')
    ratio("startup", "expires", "typer", 2.0, "`deadline --expires` ≤ 2.0× `import typer`")
    ratio("check", "check", "pdfinfo", 0.3, "`check` (text) of the big dossier ≤ 0.3× pdfinfo loop")
    rss("check", "check", 150, "`check` peak RSS < 150 MB per process")
    ratio("check", "check-html", "check-json", 1.3, "`check -f html` ≤ 1.3× `check -f json`")
    ratio("pack", "pack", "cpsync", 1.4, "`pack` (check included) ≤ 1.4× `cp -r` + `sync`")
    rss("pack", "pack", 150, "`pack` peak RSS < 150 MB per process")
    j1, j2 = _m(res.get("jobs", {}), "jobs1"), _m(res.get("jobs", {}), "jobs2")
    text = "`check --jobs 2` ≥ 1.6× faster than `--jobs 1`"
    if j1 is None or j2 is None:
        out.append(Target(text, "not measured", None))
    else:
        out.append(Target(text, f"{j1 / j2:.2f}× faster", j1 / j2 >= 1.6))
    ratio("status", "status-json", "load", 1.5, "`status` (json) ≤ 1.5× loading the dossiers")
    c, e = _m(res.get("portfolio", {}), "csv-json"), _m(res.get("portfolio", {}), "expires")
    text = "`deadline --csv` (json) < 1 s beyond start-up"
    if c is None or e is None:
        out.append(Target(text, "not measured", None))
    else:
        out.append(Target(text, f"+{c - e:.2f} s", c - e < 1.0))
    return out


# --- reporting ----------------------------------------------------------------------------------------


def fmt_seconds(x: float | None) -> str:
    if x is None:
        return "–"
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def table(group: str, rows: list[Row], baseline: str | None) -> list[str]:
    base = next((r.median for r in rows if r.cmd.key == baseline), None)
    lines = [
        "| command | median | ratio | CPU (user+sys) | peak RSS | runs |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        if r.skipped or r.failed:
            lines.append(f"| {r.cmd.label} | {r.skipped or 'FAILED: ' + str(r.failed)} | | | | |")
            continue
        ratio = f"{r.median / base:.2f}×" if base and r.median is not None else "–"
        rss = f"{r.rss_mb:.0f} MB" if r.rss_mb else "–"
        cpu = fmt_seconds(r.cpu)
        lines.append(
            f"| {r.cmd.label} | {fmt_seconds(r.median)} | {ratio} | {cpu} | {rss} "
            f"| {len(r.samples)} |"
        )
    return lines


BASELINES = {
    "startup": "typer",
    "check": "pdfinfo",
    "pack": "cpsync",
    "jobs": "jobs1",
    "status": "load",
    "portfolio": "expires",
}
TITLES = {
    "startup": "Start-up",
    "check": "`check` of the big dossier",
    "pack": "`pack` of the big dossier",
    "jobs": "`check` over the agency's dossiers",
    "status": "`status` over the agency's dossiers",
    "portfolio": "`deadline` over the agency's portfolio",
}


def _version_of(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def _first_line(argv: list[str]) -> str:
    if shutil.which(argv[0]) is None:
        return "not installed"
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    text = (done.stdout or done.stderr).strip().splitlines()
    return text[0].strip() if text else "unknown"


def load_average(which: int | None = 0) -> str:
    """The 1-minute load average (or all three with ``which=None``)."""
    try:
        loads = os.getloadavg()
    except (OSError, AttributeError):
        return "unknown"
    return " ".join(f"{x:.2f}" for x in (loads if which is None else loads[which : which + 1]))


LOAD_BEFORE = load_average(None)


def machine(python: str) -> list[str]:
    """The machine and the software the figures come from."""
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "unknown"
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    probe = (
        "import sys, yaml; print(sys.version.split()[0], "
        "'libyaml' if getattr(yaml, '__with_libyaml__', False) else 'no libyaml')"
    )
    py = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=False)
    libs = ", ".join(
        f"{d} {_version_of(d)}"
        for d in (
            "icp-renew",
            "typer",
            "pydantic",
            "pypdf",
            "pillow",
            "PyYAML",
            "rich",
            "python-stdnum",
            "phonenumbers",
            "icalendar",
            "chinesecalendar",
        )
    )
    return [
        f"- Date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- CPU: {cpu}; {os.cpu_count()} CPUs (nproc), {affinity} usable by this process",
        f"- Memory: {mem}",
        f"- Load average before the run: {LOAD_BEFORE}; after: {load_average(None)} "
        "(a shared machine: other work competes for the CPUs)",
        f"- System: {platform.platform()}",
        f"- Python: {py.stdout.strip() or platform.python_version()} ({python})",
        f"- Libraries: {libs}",
        f"- Tools: {_first_line(['pdfinfo', '-v'])}; {_first_line(['zip', '-v'])[:60]}; "
        f"{_first_line(['sha256sum', '--version'])}",
    ]


def data_lines(data: generate.Generated) -> list[str]:
    s = data.summary
    out = []
    if "dossier" in s:
        d = s["dossier"]
        out.append(
            f"- Big dossier: {d['files']} files ({d['pdfs']} PDFs of A4 scans), "
            f"{d['bytes'] / 1e9:.2f} GB"
        )
    if "agency" in s:
        a = s["agency"]
        out.append(
            f"- Agency: {a['dossiers']} dossiers, {a['files']} files, {a['bytes'] / 1e6:.0f} MB"
        )
    if "csv" in s:
        out.append(f"- Portfolio: {s['csv']['rows']:,} licences (CSV)")
    return out


def render(
    args: argparse.Namespace,
    setup: Setup,
    res: dict[str, dict[str, Row]],
    notes: list[str],
    profiles: list[str],
) -> str:
    lines = [
        "# Benchmark results",
        "",
        "Written by `benchmarks/run.py` (see docs/performance.md); do not edit above the marker.",
        "",
        f"Command: `python benchmarks/run.py {' '.join(args.argv)}`".replace("  ", " "),
        f"(preset `{args.preset}`, {args.runs} runs, startup {args.startup_runs} runs, "
        f"{args.warmup} warm-up; medians; warm page cache: the cache cannot be dropped "
        "without root, so every command reads files that are already in memory"
        + (f"; every command at nice {args.nice}" if args.nice else "")
        + ").",
        "",
        "## Machine",
        "",
        *machine(setup.python),
        "",
        "## Data",
        "",
        *data_lines(setup.data),
        "",
    ]
    for group, rows in res.items():
        lines += [f"## {TITLES[group]}", ""]
        lines += table(group, list(rows.values()), BASELINES[group])
        lines.append("")
    lines += ["## Targets", "", "| target | figure | met |", "|---|---:|:---:|"]
    for t in targets(res):
        verdict = {True: "yes", False: "**no**", None: "–"}[t.met]
        lines.append(f"| {t.text} | {t.figure} | {verdict} |")
    lines.append("")
    if notes:
        lines += ["## Notes", "", *[f"- {n}" for n in notes], ""]
    if profiles:
        lines += ["## Profiles", "", *profiles, ""]
    return "\n".join(lines)


def kept_part(path: Path) -> str:
    """What follows the marker in an existing RESULTS.md (hand-written analysis)."""
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    at = text.find(KEEP_MARKER)
    return text[at + len(KEEP_MARKER) :].lstrip("\n") if at >= 0 else ""


# --- profiles ---------------------------------------------------------------------------------------


def importtime(python: str, argv: list[str], top: int = 14) -> list[str]:
    """The slowest top-level imports (cumulative, with their slowest children) of a start-up,
    from ``python -X importtime``."""
    done = subprocess.run(
        [python, "-X", "importtime", *argv],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            name = parts[2].rstrip()
            depth = (len(name) - len(name.lstrip())) // 2
            if depth <= 1:
                rows.append((int(parts[1]), name))
    rows.sort(reverse=True)
    return [f"{us / 1000:7.1f} ms {name}" for us, name in rows[:top]]


def pyinstrument(python: str, argv: list[str], scratch: Path, lines: int = 50) -> list[str] | None:
    """pyinstrument's text report of ``python -m ARGV`` (None if it is not installed)."""
    probe = subprocess.run([python, "-c", "import pyinstrument"], capture_output=True, check=False)
    if probe.returncode != 0:
        return None
    report = scratch / "profile.txt"
    subprocess.run(
        [python, "-m", "pyinstrument", "--no-color", "-r", "text", "-o", str(report), "-m", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
        env=ENV,
    )
    if not report.exists():
        return None
    out = report.read_text(encoding="utf-8").splitlines()
    report.unlink()
    start = next((i for i, line in enumerate(out) if "Program:" in line), 0)
    return [line for line in out[start : start + lines] if "pyinstrument --load-prev" not in line]


def profiles_for(setup: Setup, res: dict[str, dict[str, Row]]) -> list[str]:
    """``-X importtime`` of the start-ups; pyinstrument of ``check`` and ``pack``."""
    py = setup.python
    out: list[str] = []
    if "startup" in res:
        for label, argv in (
            ("icp-renew --version", ["-m", "icp_renew", "--version"]),
            (
                "icp-renew deadline --expires",
                ["-m", "icp_renew", "deadline", "--expires", EXPIRES, "--today", setup.today],
            ),
        ):
            out += [f"### `-X importtime` of {label}", "", "```", *importtime(py, argv), "```", ""]
    d = setup.data.dossier
    runs = [
        ("check", "`check` of the big dossier", ["check", str(d), "--today", setup.today]),
        (
            "pack",
            "`pack` of the big dossier",
            ["pack", str(d), "-o", str(setup.scratch / "p.zip"), "--today", setup.today, "-q"],
        ),
    ]
    for group, title, argv in runs:
        if group in res and d is not None:
            prof = pyinstrument(py, ["icp_renew", *argv], setup.scratch)
            (setup.scratch / "p.zip").unlink(missing_ok=True)
            if prof:
                out += [f"### pyinstrument: {title}", "", "```", *prof, "```", ""]
    return out
