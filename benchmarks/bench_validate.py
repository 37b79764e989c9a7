"""Benchmark: validating, tabulating and testing the claims on a large respondent file.

Generates a valid file of 1 000 000 respondents from the shipped one (its rows repeated, with
new ids R0000001, ...), then measures in a fresh Python process per step:

- ``pandas.read_csv`` of the file (strings, as the loader reads it): the baseline;
- ``validate``: :func:`load_respondents`, every cell checked against the codebook;
- ``tables``: ``python -m digitale_inclusie tables --data FILE --out DIR`` (load, validate and
  recompute every printed number);
- ``claims``: ``python -m digitale_inclusie claims --data FILE --out DIR`` (load, validate and
  test every claim of the register).

Times are the median of a few runs; peak memory is the peak of Python-traced allocations
(``tracemalloc``, numpy and pandas arrays included) in a separate run, and the process's
maximum resident set size. The ratios printed are the issue's targets: validation within 10
times ``read_csv``, memory within a few times the DataFrame's footprint. No exit status depends
on them: the figures are for reading.

usage: python benchmarks/bench_validate.py [--rows N] [--runs N]
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def make_file(path, rows):
    from digitale_inclusie.paths import RESPONDENTS

    header, *lines = RESPONDENTS.read_text(encoding="utf-8").splitlines()
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(header + "\n")
        for i in range(rows):
            rest = lines[i % len(lines)].split(",", 1)[1]
            handle.write(f"R{i + 1:07d},{rest}\n")


def step(name, path):
    """Run one step once; return its result (for the footprint)."""
    if name == "read_csv":
        import pandas as pd

        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if name == "validate":
        from digitale_inclusie.data.respondents import load_respondents

        return load_respondents(path)
    if name in ("tables", "claims"):
        import contextlib
        import io

        from digitale_inclusie.cli import main

        with tempfile.TemporaryDirectory() as out, contextlib.redirect_stdout(io.StringIO()):
            if main([name, "--data", str(path), "--out", out]) != 0:
                raise SystemExit(f"{name} failed")
        return None
    raise ValueError(name)


def measure(name, path, runs):
    """In this (fresh) process: import, warm up, time ``runs`` runs, then one traced run."""
    import pandas  # noqa: F401  (imports are not timed)

    from digitale_inclusie.cli import main  # noqa: F401
    from digitale_inclusie.analysis.cells import recompute  # noqa: F401
    from digitale_inclusie.data.respondents import load_respondents  # noqa: F401

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = step(name, path)
        times.append(time.perf_counter() - start)
    footprint = int(result.memory_usage(deep=True).sum()) if result is not None else None
    del result
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    step(name, path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"seconds": statistics.median(times), "peak": peak, "footprint": footprint,
            "rss_growth_kb": rss_after - rss_before}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        print(json.dumps(measure(args.step, Path(args.file), args.runs)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "respondenten-groot.csv"
        make_file(path, args.rows)
        size = os.path.getsize(path)
        print(f"file: {args.rows} respondents, {size / 1e6:.1f} MB")
        results = {}
        for name in ("read_csv", "validate", "tables", "claims"):
            done = subprocess.run([sys.executable, __file__, "--step", name, "--file", str(path),
                                   "--runs", str(args.runs)], capture_output=True, text=True, check=True)
            results[name] = r = json.loads(done.stdout.splitlines()[-1])
            print(f"{name:>9}: median {r['seconds']:.2f} s over {args.runs} runs; peak traced memory "
                  f"{r['peak'] / 1e6:.0f} MB; resident set grew {r['rss_growth_kb'] / 1e3:.0f} MB")
    base, frame = results["read_csv"], results["validate"]["footprint"]
    print(f"DataFrame footprint (memory_usage(deep=True), which counts a shared string once per cell): "
          f"{frame / 1e6:.0f} MB")
    for name in ("validate", "tables", "claims"):
        r = results[name]
        print(f"{name}: {r['seconds'] / base['seconds']:.1f} x the time of read_csv"
              f"{' (target: at most 10)' if name == 'validate' else ''}; peak memory "
              f"{r['peak'] / frame:.1f} x the DataFrame's footprint, {r['peak'] / base['peak']:.1f} x the peak "
              "of read_csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
