"""`flask matches rebuild` (ranking AND writing every firm's top 20) against the brute-force
baseline, side by side in one run, at 20,000 firms (10,000 a side).

usage: python bench/bench_rebuild.py [--rows 20000] [--database-url URL] [--diverse]
Baseline (issue 3): rapidfuzz ``process.cdist`` with ``token_set_ratio`` of each AZ firm's offers
against each RU firm's needs over all 10^8 pairs (workers=-1, uint8). Target: ours <= 1/5 of it and
peak memory under 1 GB (maxrss of the rebuild process).
"""

from __future__ import annotations

import argparse
import csv
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_import import Site  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--database-url", default=None)
    ap.add_argument(
        "--diverse",
        action="store_true",
        help="every firm with its own goods list from the whole lexicon (no shared work)",
    )
    args = ap.parse_args()
    site = Site(args.rows, "mm-rebuild-", args.database_url, diverse=args.diverse)
    site.flask("companies", "import", str(site.csv))
    # byte-compiled, as an installed package is (an editable install under PYTHONDONTWRITEBYTECODE
    # would compile every module again at each start)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "matchmaker")], check=True)
    site.env.pop("PYTHONDONTWRITEBYTECODE", None)

    t0 = time.perf_counter()
    out = site.flask("matches", "rebuild")
    ours = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"ours: flask matches rebuild (process start, load, rank, write) {ours:.1f} s; {out.stdout.strip()}"
    )
    print(f"peak memory of the largest child process: {peak_mb:.0f} MB")

    base = baseline(site.csv)
    print(f"ratio ours / baseline = {ours / base:.3f} (target <= 0.200)")


def baseline(csv_path: Path) -> float:
    """Seconds of the brute-force baseline over the firms of that CSV (printed)."""
    with csv_path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    az = [r["offers"].replace(";", " ") for r in rows if r["country"] == "AZ"]
    ru = [r["needs"].replace(";", " ") for r in rows if r["country"] == "RU"]
    t0 = time.perf_counter()
    matrix = process.cdist(az, ru, scorer=fuzz.token_set_ratio, workers=-1, dtype=np.uint8)
    base = time.perf_counter() - t0
    print(f"baseline: cdist token_set_ratio {len(az)} x {len(ru)} = {matrix.size:,} pairs in {base:.1f} s")
    return base


if __name__ == "__main__":
    main()
