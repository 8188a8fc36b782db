"""CSV import speed: 20,000 rows into a fresh database through ``flask companies import``.

usage: python bench/bench_import.py [--rows 20000] [--database-url URL]
Target (issue 2): under 20 s for 20,000 rows, including the suggestions rebuild it triggers.
Prints the wall time of the import command alone and of a re-import (which must change nothing).
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matchmaker.demo import AZ_BRANDS, AZ_PLACES, AZ_TRADES, RU_BRANDS, RU_CITIES, RU_TRADES  # noqa: E402


def write_csv(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["external_id", "name", "country", "city", "sectors", "offers", "needs", "languages",
                    "website", "email", "description"])
        for i in range(rows):
            if i % 2:
                trade, (sector, offers, needs) = rng.choice(list(AZ_TRADES.items()))
                name, country, city = f"{rng.choice(AZ_BRANDS)} {trade} {i}", "AZ", rng.choice(AZ_PLACES)
            else:
                trade, (sector, offers, needs) = rng.choice(list(RU_TRADES.items()))
                name, country, city = f"ООО {rng.choice(RU_BRANDS)} {trade} {i}", "RU", rng.choice(RU_CITIES)
            w.writerow([f"b-{i:06d}", name, country, city, sector, ";".join(rng.choice(offers)),
                        ";".join(rng.choice(needs)), "az;ru" if country == "AZ" else "ru",
                        f"https://firm{i}.example", f"info@firm{i}.example", ""])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--database-url", default=None)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="mm-import-"))
    env = dict(os.environ, MATCHMAKER_ENV="development", SECRET_KEY="bench",
               DATABASE_URL=args.database_url or f"sqlite:///{tmp / 'bench.sqlite3'}")
    flask = [str(ROOT / ".venv/bin/flask"), "--app", "wsgi"]
    csv_path = tmp / "firms.csv"
    write_csv(csv_path, args.rows)
    subprocess.run(flask + ["db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True)
    for label in ("import", "re-import"):
        t0 = time.perf_counter()
        out = subprocess.run(flask + ["companies", "import", str(csv_path)], cwd=ROOT, env=env, check=True,
                             capture_output=True, text=True)
        dt = time.perf_counter() - t0
        print(f"{label}: {args.rows} rows in {dt:.1f} s  ({out.stdout.strip()})")


if __name__ == "__main__":
    main()
