"""HTTP booking race against gunicorn with several workers.

N firms (each with its own partner of the other country and its own API token) POST the same room
and time at once; exactly one must get 201, the others 409, none a 5xx. Then the winner's firm
tries another room at the same time (must be 409). Repeated for several rounds (other times).

    .venv/bin/python bench/race_booking.py --db sqlite
    .venv/bin/python bench/race_booking.py --db postgres [--pg-url postgresql+psycopg://postgres@127.0.0.1:5432]

The database is a fresh SQLite file in a temporary directory, or a fresh PostgreSQL database
``matchmaker_race`` (dropped afterwards). Exit status 1 when any round breaks the rule.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(url: str, firms: int) -> dict:
    """Schema, centers, firms, users and tokens, through the app's own services."""
    from sqlalchemy import select

    from matchmaker import create_app
    from matchmaker.auth import services as auth_services
    from matchmaker.centers import services as centers
    from matchmaker.centers.models import Room
    from matchmaker.companies import services as company_services
    from matchmaker.extensions import db

    app = create_app({"MATCHMAKER_ENV": "testing", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.create_all()
        centers.seed_centers()
        pairs = []
        for i in range(firms):
            az = company_services.create_company(
                name=f"Race AZ {i}", country="AZ", external_id=f"race-az-{i}"
            )
            ru = company_services.create_company(
                name=f"Race RU {i}", country="RU", external_id=f"race-ru-{i}"
            )
            user = auth_services.create_user(f"race{i}@az.example", secrets.token_hex(12), company=az)
            pairs.append({"az": az, "ru": ru, "user": user})
        db.session.flush()
        for p in pairs:
            p["token"] = auth_services.issue_token(p["user"], "race")[1]
            p["az"], p["ru"] = p["az"].id, p["ru"].id
            del p["user"]
        rooms = list(
            db.session.scalars(
                select(Room).where(Room.bookable.is_(True), Room.center_id == 1).order_by(Room.id)
            )
        )
        # first weekday at least 10 days ahead with no closure in Baku
        day = datetime.now(UTC).date() + timedelta(days=10)
        while True:
            day_start = datetime.combine(day, datetime.min.time(), tzinfo=ZoneInfo("Asia/Baku"))
            if day.weekday() < 5 and not centers.closures_between(
                1, day_start, day_start + timedelta(days=1)
            ):
                break
            day += timedelta(days=1)
        db.session.commit()
        out = {"pairs": pairs, "room": rooms[0].id, "other_room": rooms[1].id, "day": day.isoformat()}
        db.session.remove()
        db.engine.dispose()
    return out


def post(base: str, token: str, body: dict, barrier=None) -> tuple[int, float, bool]:
    """(status, seconds, whether a 409 came from the database constraint rather than the pre-check)"""
    req = urllib.request.Request(
        f"{base}/api/v1/meetings",
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    if barrier is not None:
        barrier.wait(timeout=60)
    t0 = time.perf_counter()
    by_db = False
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            status = resp.status
    except urllib.error.HTTPError as exc:
        status = exc.code
        by_db = "a moment ago" in exc.read().decode("utf-8", "replace")
    return status, time.perf_counter() - t0, by_db


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--pg-url", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--firms", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="race-")
    admin = None
    if args.db == "sqlite":
        url = f"sqlite:///{tmp.name}/race.sqlite3"
    else:
        from sqlalchemy import create_engine, text

        admin = create_engine(f"{args.pg_url}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("DROP DATABASE IF EXISTS matchmaker_race WITH (FORCE)"))
            conn.execute(text("CREATE DATABASE matchmaker_race"))
        url = f"{args.pg_url}/matchmaker_race"
    data = prepare(url, args.firms)
    pairs = data["pairs"]

    port = free_port()
    env = dict(
        os.environ,
        MATCHMAKER_ENV="production",
        SECRET_KEY=secrets.token_hex(32),
        DATABASE_URL=url,
        MATCHMAKER_INSTANCE=tmp.name,
    )
    cmd = [
        str(ROOT / ".venv/bin/gunicorn"),
        "-w",
        str(args.workers),
        "-b",
        f"127.0.0.1:{port}",
        "--chdir",
        str(ROOT),
        "--log-level",
        "warning",
        "wsgi:app",
    ]
    server = subprocess.Popen(cmd, env=env)
    base = f"http://127.0.0.1:{port}"
    failures = 0
    totals = {}
    latencies = []
    try:
        for _ in range(300):  # wait until every worker has booted (each builds the app)
            try:
                urllib.request.urlopen(f"{base}/api/v1/openapi.json", timeout=10)
                break
            except OSError:
                time.sleep(0.2)
        time.sleep(2)
        day = datetime.fromisoformat(data["day"]).date()
        tz = ZoneInfo("Asia/Baku")
        for r in range(args.rounds):
            start = datetime.combine(
                day + timedelta(days=7 * (r // 16)), datetime.min.time(), tzinfo=tz
            ) + timedelta(hours=9, minutes=30 * (r % 16))
            end = start + timedelta(minutes=30)
            bodies = [
                {
                    "partner_id": p["ru"],
                    "room_id": data["room"],
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                }
                for p in pairs
            ]
            barrier = threading.Barrier(len(pairs))
            t0 = time.perf_counter()
            with ThreadPoolExecutor(len(pairs)) as pool:
                tokens = [p["token"] for p in pairs]
                results = list(pool.map(post, [base] * len(pairs), tokens, bodies, [barrier] * len(pairs)))
            wall = time.perf_counter() - t0
            statuses = [s for s, _, _ in results]
            latencies += [lat for _, lat, _ in results]
            by_db = sum(1 for _, _, d in results if d)
            totals["409 by constraint"] = totals.get("409 by constraint", 0) + by_db
            counts = {s: statuses.count(s) for s in sorted(set(statuses))}
            for s, n in counts.items():
                totals[s] = totals.get(s, 0) + n
            ok = counts.get(201) == 1 and counts.get(409) == len(pairs) - 1
            # the winner's firm cannot be in another room at that time
            winner = statuses.index(201) if 201 in statuses else None
            follow = None
            if winner is not None:
                other = pairs[(winner + 1) % len(pairs)]
                follow, _, _ = post(
                    base,
                    pairs[winner]["token"],
                    {
                        "partner_id": other["ru"],
                        "room_id": data["other_room"],
                        "start": start.isoformat(),
                        "end": end.isoformat(),
                    },
                )
                ok = ok and follow == 409
            failures += not ok
            print(
                f"round {r + 1:2d} {start.isoformat()}: {counts} (409 by constraint: {by_db})  "
                f"winner-elsewhere={follow}  "
                f"wall={wall * 1000:.0f} ms  {'OK' if ok else 'BROKEN'}"
            )
    finally:
        server.terminate()
        server.wait(timeout=20)
        if admin is not None:
            from sqlalchemy import text

            with admin.connect() as conn:
                conn.execute(text("DROP DATABASE IF EXISTS matchmaker_race WITH (FORCE)"))
            admin.dispose()
        tmp.cleanup()
    lat = sorted(latencies)
    print(
        f"db={args.db} workers={args.workers} firms={len(pairs)} rounds={args.rounds}: totals {totals}; "
        f"broken rounds {failures}; latency p50 {statistics.median(lat) * 1000:.0f} ms, "
        f"max {lat[-1] * 1000:.0f} ms"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
