"""Benchmark: what a reader's browser downloads for each page of the built site (_build/html,
`make book` first), cold cache, uncompressed: every file Chromium received while loading the page
(tools/a11y/weight.js, Debian's Chromium). Prints one line per page (total, HTML, and its three
largest other files), then the median and the largest page.

Targets (issue 22): a median of at most 300 KB and no page above 800 KB; the script exits with
status 1 when either is missed.

usage: python benchmarks/bench_weight.py [SITE_DIR]
"""

import json
import statistics
import subprocess
import sys
from pathlib import Path

from digitale_inclusie.paths import built_pages

REPO = Path(__file__).resolve().parents[1]
MEDIAN_LIMIT, MAX_LIMIT = 300_000, 800_000


def main(site):
    site = Path(site).resolve()
    paths = [p.relative_to(site).as_posix() for p in built_pages(site)]
    done = subprocess.run(["node", str(REPO / "tools" / "a11y" / "weight.js"), str(site), *paths],
                          capture_output=True, text=True, check=True)
    weights = json.loads(done.stdout)["pages"]
    kb = lambda n: f"{n / 1000:7.1f} KB"
    print(f"{'page':32} {'total':>10} {'HTML':>10}  largest other files")
    for page, seen in sorted(weights.items(), key=lambda item: item[1]["total"]):
        others = sorted(((b, f) for f, b in seen["files"].items() if f != page), reverse=True)[:3]
        print(f"{page:32} {kb(seen['total'])} {kb(seen['files'][page])}  "
              + ", ".join(f"{Path(f).name} {b / 1000:.0f}" for b, f in others))
    totals = [seen["total"] for seen in weights.values()]
    median, largest = statistics.median(totals), max(totals)
    print(f"\n{len(totals)} pages; median {kb(median).strip()} (target <= {MEDIAN_LIMIT // 1000} KB), "
          f"largest {kb(largest).strip()} (target <= {MAX_LIMIT // 1000} KB)")
    return 0 if median <= MEDIAN_LIMIT and largest <= MAX_LIMIT else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else REPO / "_build" / "html"))
