"""How long ``icp-renew deadline`` takes over an agency's portfolio, beyond start-up.

Writes a CSV of N licences (default 10,000; expiries spread over 2025-2028, so
both official and weekends-only years are hit), then times, best of R runs:

- ``python -c pass``, ``icp-renew --version`` and ``deadline --expires`` (one
  licence): the start-up baselines;
- ``deadline --csv`` in each format (json, text, ics), written with ``-o``; the
  figure in brackets is the time beyond ``deadline --expires``.

The ICS run is timed once: icalendar serialises about a licence (two events, six
alarms) per millisecond, so 10,000 licences take seconds.

The same comparisons, interleaved and with medians, are part of ``run.py``
(group ``portfolio``); this script adds the ICS timing and any N.

Usage: python benchmarks/deadline_portfolio.py [N] [R]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_portfolio_csv as write_csv


def best(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(args, check=False, capture_output=True)
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv = folder / "portfolio.csv"
        write_csv(csv, count)
        tool = [py, "-m", "icp_renew"]
        today = ["--today", "2026-01-15"]
        bare = best([py, "-c", "pass"], runs)
        version = best([*tool, "--version"], runs)
        one = best([*tool, "deadline", "--expires", "2026-05-31", *today, "-f", "json"], runs)
        print(f"python -c pass            {bare * 1000:8.0f} ms")
        print(f"icp-renew --version       {version * 1000:8.0f} ms")
        print(f"deadline --expires (json) {one * 1000:8.0f} ms")
        for fmt in ("json", "text", "ics"):
            out = folder / f"out.{fmt}"
            args = [*tool, "deadline", "--csv", str(csv), *today, "-f", fmt, "-o", str(out)]
            took = best(args, runs if fmt != "ics" else 1)
            print(
                f"deadline --csv {count} ({fmt:4}) {took * 1000:6.0f} ms"
                f"  (+{(took - one) * 1000:.0f} ms beyond start-up,"
                f" {out.stat().st_size / 1e6:.1f} MB)"
            )


if __name__ == "__main__":
    main()
