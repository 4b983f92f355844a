"""Time icp-renew against plain tools, interleaved in the same run; write RESULTS.md.

Each group of commands runs once to warm up (the page cache, Python's bytecode
cache), then ``--runs`` rounds in which every command of the group runs once,
in alternating order, so that a slow patch of a shared machine hits them all
alike. Reported: the median wall time, its ratio to the group's baseline, and
the peak RSS of the largest process of each command's tree (``ru_maxrss`` from
``os.wait4``). The page cache cannot be dropped without root, so every figure
is warm: the files are read from memory, as on a machine that has just
scanned or copied them.

Groups (``--only`` picks some):

- ``startup``: ``python -c pass``, ``python -c "import typer"``,
  ``icp-renew --version``, ``icp-renew deadline --expires …``;
- ``check``: ``icp-renew check`` of the big dossier (text, JSON and html report)
  against a ``pdfinfo`` loop over its PDFs and ``cat`` of every byte;
- ``pack``: ``icp-renew pack`` (its check included) against ``zip -r -0`` and
  ``sha256sum`` of every file;
- ``jobs``: ``icp-renew check`` over the agency's dossiers, ``--jobs 1`` and
  ``--jobs 2``;
- ``status``: ``icp-renew status`` over the agency's dossiers (JSON and text)
  against loading them only (``load_only.py``: the rulebook and every
  ``dossier.yaml``, validated, as ``check`` loads them before it inspects a file);
- ``portfolio``: ``icp-renew deadline --csv`` of the agency's licences (JSON
  and text) against ``deadline --expires`` (start-up); ICS is timed once, as a
  note (icalendar takes about a millisecond a licence).

A plain tool that is missing is skipped with a note (its target is then not
judged); a command of icp-renew that fails makes the run exit 1. Data comes
from ``benchmarks/generate.py`` (generated when missing).

Usage::

    python benchmarks/run.py                    # small preset: seconds (CI)
    python benchmarks/run.py --preset full      # 1.2 GB dossier + 500 dossiers
    python benchmarks/run.py --preset full --only startup check --runs 7
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (beside this file)
from measure import EXPIRES, Cmd, Row, Setup, run_group, run_once, tool_command  # noqa: E402
from report import (  # noqa: E402
    BASELINES,
    KEEP_MARKER,
    TITLES,
    fmt_seconds,
    kept_part,
    load_average,
    profiles_for,
    render,
    table,
    targets,
)

RESULTS = HERE / "RESULTS.md"
HTML_REPORT = "report.html"  # check -f html of the big dossier, measured for its size
HTML_BOUND = 1_000_000  # the size docs/html-report.md states for that report
GROUPS = ("startup", "check", "pack", "jobs", "status", "portfolio")


def startup_cmds(s: Setup) -> list[Cmd]:
    return [
        Cmd("pass", 'python -c "pass"', [s.python, "-c", "pass"]),
        Cmd("typer", 'python -c "import typer"', [s.python, "-c", "import typer"]),
        Cmd("version", "icp-renew --version", [*s.tool, "--version"]),
        Cmd(
            "expires",
            "icp-renew deadline --expires",
            [*s.tool, "deadline", "--expires", EXPIRES, "--today", s.today],
        ),
    ]


def _files(root: Path) -> list[str]:
    return [str(p) for p in generate.walk([root])]


def _remove(path: Path) -> Callable[[], None]:
    def remove() -> None:
        path.unlink(missing_ok=True)

    return remove


def _sync() -> None:
    """Before every timed command of a group that reads or writes the big dossier: write back
    what earlier commands left dirty, so no command pays for another's writes."""
    os.sync()


def check_cmds(s: Setup) -> list[Cmd]:
    d = s.data.dossier
    assert d is not None
    pdfs = [f for f in _files(d) if f.endswith(".pdf")]
    loop = 'for f in "$@"; do pdfinfo "$f" >/dev/null || exit 1; done'
    # the same work spread over every CPU, as a user who knows xargs would run it
    xargs = 'printf "%s\\0" "$@" | xargs -0 -n 1 -P "$(nproc)" pdfinfo >/dev/null'
    check = [*s.tool, "check", str(d), "--today", s.today]
    return [
        Cmd("check", "icp-renew check (text)", check, before=_sync),
        Cmd("check-json", "icp-renew check -f json", [*check, "-f", "json"], before=_sync),
        Cmd(
            "check-html",
            "icp-renew check -f html -o",
            [*check, "-f", "html", "-o", str(s.scratch / HTML_REPORT)],
            before=_sync,
        ),
        Cmd("check-j1", "icp-renew check --jobs 1", [*check, "--jobs", "1"], before=_sync),
        Cmd(
            "pdfinfo",
            f"pdfinfo loop ({len(pdfs)} PDFs)",
            ["sh", "-c", loop, "sh", *pdfs],
            before=_sync,
        ),
        Cmd("xargs", "xargs -P nproc pdfinfo", ["sh", "-c", xargs, "sh", *pdfs], before=_sync),
        Cmd("cat", "cat every byte", ["cat", *_files(d)], before=_sync),
    ]


def pack_cmds(s: Setup) -> list[Cmd]:
    d = s.data.dossier
    assert d is not None
    bundle = s.scratch / "bundle.zip"
    plain = s.scratch / "plain.zip"
    copy = s.scratch / "copy"
    pack = [*s.tool, "pack", str(d), "-o", str(bundle), "--today", s.today, "-q"]

    def clear(*paths: Path) -> Callable[[], None]:
        def before() -> None:
            for path in paths:
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink(missing_ok=True)
            _sync()

        return before

    files = _files(d)
    zip_and_hash = 'zip -r -0 -q "$0" "$1" && shift 2 && sha256sum "$@" >/dev/null'
    return [
        Cmd("pack", "icp-renew pack", pack, before=clear(bundle)),
        Cmd(
            "cpsync",
            "cp -r + sync",
            ["sh", "-c", 'cp -r "$0" "$1" && sync', str(d), str(copy)],
            before=clear(copy),
        ),
        Cmd(
            "zipsha",
            "zip -r -0 + sha256sum",
            ["sh", "-c", zip_and_hash, str(plain), d.name, *files],
            cwd=d.parent,
            before=clear(plain),
        ),
        Cmd(
            "zip",
            "zip -r -0",
            ["zip", "-r", "-0", "-q", str(plain), d.name],
            cwd=d.parent,
            before=clear(plain),
        ),
        Cmd("sha256sum", "sha256sum every file", ["sha256sum", *files], before=_sync),
    ]


def jobs_cmds(s: Setup) -> list[Cmd]:
    paths = [str(p) for p in s.data.dossiers]
    check = [*s.tool, "check", *paths, "--today", s.today, "-f", "json"]
    n = len(paths)
    return [
        Cmd("jobs1", f"check {n} dossiers --jobs 1", [*check, "--jobs", "1"], ok=(0, 1)),
        Cmd("jobs2", f"check {n} dossiers --jobs 2", [*check, "--jobs", "2"], ok=(0, 1)),
    ]


def status_cmds(s: Setup) -> list[Cmd]:
    paths = [str(p) for p in s.data.dossiers]
    status = [*s.tool, "status", *paths, "--today", s.today]
    n = len(paths)
    load = [s.python, str(HERE / "load_only.py"), *paths]
    return [
        Cmd("load", f"load {n} dossier.yaml only", load),
        Cmd("status-json", f"status {n} dossiers -f json", [*status, "-f", "json"], ok=(0, 1)),
        Cmd("status-text", f"status {n} dossiers (text)", status, ok=(0, 1)),
    ]


def portfolio_cmds(s: Setup) -> list[Cmd]:
    assert s.data.csv is not None
    rows = sum(1 for _ in s.data.csv.open(encoding="utf-8-sig")) - 1
    base = [*s.tool, "deadline", "--today", s.today]
    return [
        Cmd("expires", "deadline --expires (start-up)", [*base, "--expires", EXPIRES]),
        Cmd(
            "csv-json",
            f"deadline --csv ({rows:,} licences, json)",
            [*base, "--csv", str(s.data.csv), "-f", "json"],
        ),
        Cmd(
            "csv-text",
            f"deadline --csv ({rows:,} licences, text)",
            [*base, "--csv", str(s.data.csv), "-f", "text"],
        ),
    ]


def ics_cmd(s: Setup) -> Cmd:
    assert s.data.csv is not None
    argv = [*s.tool, "deadline", "--today", s.today, "--csv", str(s.data.csv), "-f", "ics"]
    return Cmd("csv-ics", "deadline --csv (ics), once", argv)


# --- driver ---------------------------------------------------------------------------------------


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--preset", choices=("small", "full"), default="small")
    p.add_argument("--data", type=Path, help="data folder (default benchmarks/data/PRESET)")
    p.add_argument("--regenerate", action="store_true", help="generate the data even if present")
    p.add_argument("--runs", type=int, default=5, help="timed rounds per group (default 5)")
    p.add_argument("--startup-runs", type=int, default=21, help="rounds for start-up (21)")
    p.add_argument("--warmup", type=int, default=1, help="untimed runs of each command first")
    p.add_argument("--only", nargs="+", choices=GROUPS, help="run only these groups")
    p.add_argument("--results", type=Path, default=RESULTS, help="where to write RESULTS.md")
    p.add_argument("--profile", action="store_true", help="add importtime/pyinstrument profiles")
    p.add_argument("--python", default=sys.executable, help="the Python icp-renew runs on")
    p.add_argument("--clean", action="store_true", help="remove the data folder at the end")
    p.add_argument(
        "--nice",
        type=int,
        default=0,
        help="change the runner's priority (e.g. -10 as root on a shared machine; inherited)",
    )
    args = p.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    return args


def prepare_data(args: argparse.Namespace, log: Callable[[str], None]) -> generate.Generated:
    out = args.data or generate.DATA / args.preset
    data = generate.found(out)
    if args.regenerate or (data.dossier is None and not data.dossiers):
        log(f"generating the {args.preset} preset under {out} …\n")
        data = generate.generate(generate.PRESETS[args.preset], out)
    return data


def main(argv: Sequence[str] | None = None) -> int:
    args = arguments(argv)
    if args.data is not None:  # commands run in other folders (zip in the dossier's parent)
        args.data = args.data.resolve()

    def log(text: str) -> None:
        sys.stderr.write(text)
        sys.stderr.flush()

    if args.nice:
        try:
            os.nice(args.nice)
        except OSError as exc:
            log(f"--nice {args.nice}: {exc.strerror or exc}; running at the usual priority\n")
            args.nice = 0
    data = prepare_data(args, log)
    scratch = Path(tempfile.mkdtemp(prefix="bench-", dir=(args.data or generate.DATA)))
    setup = Setup(python=args.python, tool=tool_command(args.python), data=data, scratch=scratch)
    wanted = [g for g in GROUPS if not args.only or g in args.only]
    builders: dict[str, Callable[[Setup], list[Cmd]]] = {
        "startup": startup_cmds,
        "check": check_cmds,
        "pack": pack_cmds,
        "jobs": jobs_cmds,
        "status": status_cmds,
        "portfolio": portfolio_cmds,
    }
    needs = {
        "check": data.dossier,
        "pack": data.dossier,
        "jobs": data.dossiers,
        "status": data.dossiers,
        "portfolio": data.csv,
    }
    res: dict[str, dict[str, Row]] = {}
    notes: list[str] = []
    loads: list[str] = []
    try:
        for group in wanted:
            if group in needs and not needs[group]:
                notes.append(f"{group}: no data in this preset")
                continue
            runs = args.startup_runs if group == "startup" else args.runs
            log(f"{group:10}")
            load = load_average()
            rows = run_group(builders[group](setup), runs, args.warmup, log)
            log("\n")
            res[group] = {r.cmd.key: r for r in rows}
            loads.append(f"{group} {load} → {load_average()}")
            if group == "portfolio":
                sample, _ = run_once(ics_cmd(setup))
                if sample.code == 0:
                    notes.append(
                        f"`deadline --csv -f ics` took {fmt_seconds(sample.seconds)} once "
                        "(icalendar serialises about a licence per millisecond; not a target)."
                    )
            html = scratch / HTML_REPORT
            if group == "check" and html.is_file():
                size = html.stat().st_size
                verdict = "met" if size < HTML_BOUND else "**NOT met**"
                notes.append(
                    f"`check -f html` of the big dossier wrote {size / 1e6:.2f} MB "
                    f"({html.read_text(encoding='utf-8').count('<img ')} scan previews; "
                    f"bound {HTML_BOUND / 1e6:.0f} MB: {verdict})."
                )
                html.unlink()
            if group == "pack":
                for name in ("bundle.zip", "plain.zip"):
                    (scratch / name).unlink(missing_ok=True)
                shutil.rmtree(scratch / "copy", ignore_errors=True)
        profiles = profiles_for(setup, res) if args.profile else []
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if loads:
        notes.append(
            "Load average (1 min) before → after each group: "
            + "; ".join(loads)
            + ". Another process on a CPU shows as a median close to the CPU time: "
            "parallel work (`--jobs 2`) then cannot run in parallel."
        )
    for rows_of in res.values():
        for r in rows_of.values():
            if r.skipped:
                notes.append(f"{r.cmd.label}: skipped, {r.skipped}.")
    kept = kept_part(args.results)
    text = render(args, setup, res, notes, profiles)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(f"{text}\n{KEEP_MARKER}\n\n{kept}", encoding="utf-8")
    for group, rows_of in res.items():
        print(f"\n{TITLES[group]}")
        for line in table(group, list(rows_of.values()), BASELINES[group]):
            print(line)
    print("\nTargets")
    for t in targets(res):
        print(f"  {({True: 'met ', False: 'MISS', None: '  – '})[t.met]}  {t.figure:>14}  {t.text}")
    print(f"\nwritten: {args.results}")
    if args.clean:
        shutil.rmtree(args.data or generate.DATA / args.preset, ignore_errors=True)
    failed = [r for g in res.values() for r in g.values() if r.failed]
    for r in failed:
        print(f"FAILED: {r.cmd.label}: {r.failed}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
