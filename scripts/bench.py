#!/usr/bin/env python3
"""Benchmark: tonghop's full job against the reading floor, on generated corpora.

usage: scripts/bench.py [S] [M] [L] [--runs N] [--compare] [--no-build]

For each size (S: 50 workbooks x 40 rows, M: 2,000 x 60, L: 10,000 x 60) it generates the
corpus once (bench-data/<size>/, deterministic, `tonghop generate`), then times on that
folder, in one run:
  floor        calamine only: open every workbook, walk every cell, in parallel
  floor+write  the same, plus writing every row read into one sheet (rust_xlsxwriter)
  full         tonghop run: read, normalise, check, write the workbook, CSV and Parquet
and with --compare what an analyst would use for the same reading:
  pandas       pandas.read_excel(engine="openpyxl") of every workbook, concatenated
  polars-py    polars.read_excel(engine="calamine") of every workbook, concatenated
tonghop's three steps run in rounds (floor, floor+write, full, again), after one uncounted
round. L runs one round unless --runs is given (a round of L takes ~20 s); the Python tools
run once, after. It prints the median wall time and CPU time (user+sys, all processes),
both in seconds to the millisecond (S needs it), peak resident memory of the largest
process, activity rows per second, the full job's ratio to each step (medians of wall
times), and, for tonghop's steps, the median of the ratios within each round (the
machine's drift between rounds cancels out of it).
"""
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"S": (50, 40), "M": (2000, 60), "L": (10000, 60)}
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
BIN = TARGET / "release" / "tonghop"


def measure(cmd, cwd=ROOT):
    """Runs a command; returns (wall s, cpu s, peak MiB of the largest process)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{err[-2000:]}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


PANDAS = """
import sys, glob, pandas as pd
frames = [pd.read_excel(f, sheet_name=None, header=None, engine="openpyxl") for f in sorted(glob.glob(sys.argv[1] + "/*.xlsx")) if "~$" not in f]
df = pd.concat([s for book in frames for s in book.values()], ignore_index=True)
print(len(df))
"""
POLARS = """
import sys, glob, polars as pl
frames = []
for f in sorted(glob.glob(sys.argv[1] + "/*.xlsx")):
    if "~$" in f: continue
    for s in pl.read_excel(f, sheet_id=0, engine="calamine", has_header=False, infer_schema_length=0).values():
        frames.append(s)
df = pl.concat(frames, how="diagonal")
print(df.height)
"""


def main():
    args = sys.argv[1:]
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 3
    sizes = [a for a in args if a in SIZES] or ["S", "M"]
    if "--no-build" not in args:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    l_runs = runs if "--runs" in args else 1
    print(
        f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; "
        f"runs: median of {runs} (L: {l_runs}; the Python tools: one run)"
    )
    print(f"{'size':4} {'step':12} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} {'rows/s':>10} {'full/step':>9} {'per round':>9}")
    for size in sizes:
        workbooks, rows = SIZES[size]
        data = ROOT / "bench-data" / size
        if not (data / "plan.toml").exists():
            subprocess.run([BIN, "generate", "--size", size, "--out", data], check=True, stdout=subprocess.DEVNULL)
        folder = next((data / "inputs").iterdir()) / "2024"
        steps = {
            "floor": [BIN, "floor", folder],
            "floor+write": [BIN, "floor", folder, "--write", data / "floor.xlsx"],
            "full": [BIN, "run", "--plan", data / "plan.toml", "--year", "2024", "--inputs", folder.parent, "--out", data / "out", "--as-of", "2024-11-20"],
        }
        if "--compare" in args:
            steps["pandas"] = [sys.executable, "-c", PANDAS, folder]
            steps["polars-py"] = [sys.executable, "-c", POLARS, folder]
        # tonghop's steps run in rounds (floor, floor+write, full, then again), so that the
        # machine's speed, which drifts on this VM by a third within minutes, weighs on
        # the three alike and their ratios hold; the Python tools run once, after.
        ours = ["floor", "floor+write", "full"]
        n = l_runs if size == "L" else runs
        samples = {name: [] for name in steps}
        # One round first, not counted: on this VM the first run after another program is
        # often a third slower (page faults, cold caches).
        for r in range(n + 1 if n > 1 else n):
            for name in ours:
                m = measure(steps[name])
                if r > 0 or n == 1:
                    samples[name].append(m)
        for name in steps:
            if name not in ours:
                samples[name].append(measure(steps[name]))
        results = {name: tuple(statistics.median(s[i] for s in samples[name]) for i in range(3)) for name in steps}
        full = results["full"][0]
        for name, (wall, cpu, peak) in results.items():
            ratio = f"{full / wall:.2f}" if name != "full" else ""
            within = ""
            if name in ours and name != "full":
                within = f"{statistics.median(f[0] / m[0] for f, m in zip(samples['full'], samples[name])):.2f}"
            print(f"{size:4} {name:12} {wall:8.3f} {cpu:8.3f} {peak:9.0f} {workbooks * rows / wall:10.0f} {ratio:>9} {within:>9}")


if __name__ == "__main__":
    main()
