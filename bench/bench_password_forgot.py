"""``/password/forgot`` for an address with an account vs. one without: the answer must not tell
them apart by its time either.

usage: python bench/bench_password_forgot.py [--rounds 300]
Builds the app on a SQLite file (schema by create_all) with jobs on
the web process's background thread (the production arrangement without a broker), then POSTs the
form alternately for a known and an unknown address through the WSGI test client, and prints the
median and the 90th percentile of each. Sending happens after the answer, on the thread.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matchmaker import create_app  # noqa: E402
from matchmaker.extensions import db  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    app = create_app(
        {
            "MATCHMAKER_ENV": "testing",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
            "WTF_CSRF_ENABLED": False,
            "JOBS_EMBEDDED": "thread",
            "PASSWORD_RESET_RATE_LIMIT": "1000000 per hour",
            "PASSWORD_RESET_CLIENT_RATE_LIMIT": "1000000 per hour",
        }
    )
    with app.app_context():
        db.create_all()
        from matchmaker.auth.services import create_user
        from matchmaker.companies.services import create_company

        firm = create_company(name="ООО Бенч", country="RU", city="Астрахань")
        create_user("known@bench.example", "correct horse battery", company=firm, locale="ru")
        db.session.commit()
    client = app.test_client()
    times: dict[str, list[float]] = {"known": [], "unknown": []}
    for i in range(args.rounds + 20):
        for kind, email in (("known", "known@bench.example"), ("unknown", f"nobody{i}@bench.example")):
            started = time.perf_counter()
            response = client.post("/password/forgot", data={"email": email})
            elapsed = time.perf_counter() - started
            assert response.status_code == 200
            if i >= 20:  # warm-up
                times[kind].append(elapsed * 1000)
    for kind, values in times.items():
        values.sort()
        print(
            f"{kind:8s} median {statistics.median(values):6.2f} ms   "
            f"p90 {values[int(len(values) * 0.9)]:6.2f} ms   ({len(values)} requests)"
        )


if __name__ == "__main__":
    main()
