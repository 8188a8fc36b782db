"""``flask matches rebuild`` then ``flask matches export --top 10`` (issue 13) against the
brute-force baseline, side by side in one run, at 20,000 firms (10,000 a side).

usage: python bench/bench_export.py [--rows 20000] [--database-url URL] [--diverse]
Baseline (issue 3): rapidfuzz ``process.cdist`` with ``token_set_ratio`` of each AZ firm's offers
against each RU firm's needs over all 10^8 pairs (workers=-1, uint8). Target: rebuild plus export
within 1/4 of it. The export's lines are counted (20,000 firms x 10).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_import import Site  # noqa: E402
from bench.bench_rebuild import baseline  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--database-url", default=None)
    ap.add_argument("--diverse", action="store_true")
    args = ap.parse_args()
    site = Site(args.rows, "mm-export-", args.database_url, diverse=args.diverse)
    site.flask("companies", "import", str(site.csv))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "matchmaker")], check=True)
    site.env.pop("PYTHONDONTWRITEBYTECODE", None)

    t0 = time.perf_counter()
    site.flask("matches", "rebuild")
    rebuild = time.perf_counter() - t0
    out = site.dir / "export.jsonl"
    t0 = time.perf_counter()
    site.flask("matches", "export", "--top", "10", "--output", str(out))
    export = time.perf_counter() - t0
    lines = sum(1 for _ in out.open(encoding="utf-8"))
    total = rebuild + export
    print(f"ours: rebuild {rebuild:.1f} s + export {export:.1f} s ({lines:,} lines) = {total:.1f} s")
    base = baseline(site.csv)
    print(f"ratio (rebuild + export) / baseline = {(rebuild + export) / base:.3f} (target <= 0.250)")


if __name__ == "__main__":
    main()
