#!/usr/bin/env python3
"""Compares two builds of tonghop on one generated corpus, by runs that alternate them.

usage: scripts/ab.py OLD_BIN NEW_BIN [S|M|L] [--pairs N]

Runs `tonghop run` on bench-data/<size> (made by `scripts/bench.py` or here with NEW_BIN
`generate`) with OLD_BIN, then NEW_BIN, N times (default 12 pairs; M unless a size is
given), and prints each build's median wall and CPU time (user+sys, the reading workers
included) and the median of the pairs' ratios, new over old. This machine's speed drifts by
a third within minutes: a pair runs seconds apart, so its ratio is what a change did, where
two medians taken minutes apart are not. Copy a build out of the target folder first
(`cp $CARGO_TARGET_DIR/release/tonghop /tmp/tonghop-old`): cargo overwrites it.
"""
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(binary, data, out):
    """One full job; returns (wall s, CPU s of it and its workers)."""
    folder = next((data / "inputs").iterdir())
    cmd = [binary, "run", "--plan", data / "plan.toml", "--year", "2024", "--inputs", folder, "--out", out, "--as-of", "2024-11-20"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main():
    args = sys.argv[1:]
    pairs = int(args[args.index("--pairs") + 1]) if "--pairs" in args else 12
    bins = [a for a in args if Path(a).is_file()]
    if len(bins) != 2:
        sys.exit(__doc__)
    size = next((a for a in args if a in ("S", "M", "L")), "M")
    data = ROOT / "bench-data" / size
    if not (data / "plan.toml").exists():
        subprocess.run([bins[1], "generate", "--size", size, "--out", data], check=True, stdout=subprocess.DEVNULL)
    # By position, not by path: a build against itself measures the noise.
    runs = [[], []]
    for _ in range(pairs):
        for i, b in enumerate(bins):
            runs[i].append(run(b, data, data / f"ab-out-{i}"))
    for name, b, r in zip(("old", "new"), bins, runs):
        wall, cpu = (statistics.median(x[k] for x in r) for k in (0, 1))
        print(f"{name} {b}: wall {wall:.3f} s, cpu {cpu:.3f} s (medians of {pairs})")
    old, new = runs
    for k, what in ((0, "wall"), (1, "cpu")):
        print(f"new / old, median of the pairs' ratios: {what} {statistics.median(n[k] / o[k] for o, n in zip(old, new)):.3f}")


if __name__ == "__main__":
    main()
