"""CSV import speed: 20,000 rows into a fresh database through ``flask companies import``.

usage: python bench/bench_import.py [--rows 20000] [--database-url URL]
Target (issue 2): under 20 s for 20,000 rows, including the suggestions rebuild it triggers.
Prints the wall time of the import command alone and of a re-import (which must change nothing).
"""

from __future__ import annotations

import argparse
import csv
import json
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


def diverse_items(rng: random.Random) -> tuple[list[str], list[str]]:
    """Offers and needs drawn from the whole lexicon (any language): few firms share a goods list."""
    global _TERMS
    if not _TERMS:
        lexicon = json.loads((ROOT / "matchmaker/data/lexicon.json").read_text(encoding="utf-8"))
        _TERMS = [
            t
            for c in lexicon["concepts"]
            for lang in ("en", "ru", "az")
            for t in c.get(lang) or ()
            if len(t) <= 60 and ";" not in t
        ]  # what firms write, not HS chapter titles
    return rng.sample(_TERMS, rng.randint(1, 4)), rng.sample(_TERMS, rng.randint(1, 4))


_TERMS: list[str] = []
# the checkout's own virtualenv, else the one running this script (a git worktree has none)
_OWN = ROOT / ".venv/bin/flask"
FLASK = _OWN if _OWN.exists() else Path(sys.executable).parent / "flask"


def write_csv(path: Path, rows: int, seed: int = 7, diverse: bool = False) -> None:
    """ROWS firms alternating RU and AZ, from the demo's trades (the same few goods lists again and
    again, as firms of one trade write them) or, with ``diverse``, each with its own goods list."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(
            [
                "external_id",
                "name",
                "country",
                "city",
                "sectors",
                "offers",
                "needs",
                "languages",
                "website",
                "email",
                "description",
            ]
        )
        for i in range(rows):
            if i % 2:
                trade, (sector, offers, needs) = rng.choice(list(AZ_TRADES.items()))
                name, country, city = f"{rng.choice(AZ_BRANDS)} {trade} {i}", "AZ", rng.choice(AZ_PLACES)
            else:
                trade, (sector, offers, needs) = rng.choice(list(RU_TRADES.items()))
                name, country, city = f"ООО {rng.choice(RU_BRANDS)} {trade} {i}", "RU", rng.choice(RU_CITIES)
            offer, need = diverse_items(rng) if diverse else (rng.choice(offers), rng.choice(needs))
            w.writerow(
                [
                    f"b-{i:06d}",
                    name,
                    country,
                    city,
                    sector,
                    ";".join(offer),
                    ";".join(need),
                    "az;ru" if country == "AZ" else "ru",
                    f"https://firm{i}.example",
                    f"info@firm{i}.example",
                    "",
                ]
            )


class Site:
    """A fresh migrated database holding ROWS generated firms in a CSV beside it, and a way to run
    ``flask --app wsgi …`` against it (what every application-level bench starts from)."""

    def __init__(
        self,
        rows: int,
        prefix: str,
        database_url: str | None = None,
        env: str = "development",
        diverse: bool = False,
    ):
        self.dir = Path(tempfile.mkdtemp(prefix=prefix))
        self.env = dict(
            os.environ,
            MATCHMAKER_ENV=env,
            SECRET_KEY="bench-secret",
            DATABASE_URL=database_url or f"sqlite:///{self.dir / 'db.sqlite3'}",
            PYTHONPATH=str(ROOT),  # this checkout, whichever one the virtualenv was installed from
        )
        self.csv = self.dir / "firms.csv"
        write_csv(self.csv, rows, diverse=diverse)
        self.flask("db", "upgrade")

    def flask(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(FLASK), "--app", "wsgi", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--database-url", default=None)
    args = ap.parse_args()
    site = Site(args.rows, "mm-import-", args.database_url)
    for label in ("import", "re-import"):
        t0 = time.perf_counter()
        out = site.flask("companies", "import", str(site.csv))
        dt = time.perf_counter() - t0
        print(f"{label}: {args.rows} rows in {dt:.1f} s  ({out.stdout.strip()})")


if __name__ == "__main__":
    main()
