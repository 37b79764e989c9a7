"""Benchmark: how long the reconstruction's integer programs take to solve.

Prints the solve time of `solve()` (all questions, both objectives) as the median of a
few runs, and the time to deal the counts out to respondents. The target is at most 5 s on
the project's 2-core machine; the script exits with status 1 when the median exceeds it.

usage: python benchmarks/bench_reconstruct.py [--runs N]
"""

import argparse
import statistics
import sys
import time

from digitale_inclusie.data.codebook import Codebook
from digitale_inclusie.data.published import load_published
from digitale_inclusie.reconstruction.reconstruct import respondent_frame, solve

TARGET_SECONDS = 5.0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    published, codebook = load_published(), Codebook.load()
    solve_times, deal_times = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        result = solve(published, codebook)
        solve_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        respondent_frame(result, codebook)
        deal_times.append(time.perf_counter() - start)
    median = statistics.median(solve_times)
    print(f"solve time: median {median:.2f} s over {args.runs} runs "
          f"(min {min(solve_times):.2f} s, max {max(solve_times):.2f} s); target <= {TARGET_SECONDS:.0f} s")
    print(f"dealing counts out to respondents: median {statistics.median(deal_times):.2f} s")
    print(f"programs: {len(result.solutions)} questions, {len(result.missed)} printed numbers not reproduced")
    return 0 if median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
