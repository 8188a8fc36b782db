"""Profile edit → fresh suggestions, over real HTTP, at 20,000 firms.

usage: python bench/bench_patch.py [--rows 20000] [--edits 40] [--preload] [--database-url URL]
Imports N firms (bench_import's generator), starts gunicorn (1 worker, production mode), warms the
worker up, then PATCHes one firm's offers/needs via the API and immediately GETs its suggestions.
Prints p50/p95 of PATCH alone and of PATCH+GET. Target (issue 3): new suggestions within 200 ms p95.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_import import Site  # noqa: E402

ITEMS = [
    "fındıq",
    "хурма",
    "tomatoes",
    "пшеница",
    "yük daşımaları",
    "steel pipes",
    "qara çay",
    "мебель",
    "fresh persimmons",
    "минеральная вода",
    "sement",
    "tractors",
    "şərab",
    "cold storage",
]


def call(method, url, token, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        url,
        data=data,
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--edits", type=int, default=40)
    ap.add_argument("--database-url", default=None)
    ap.add_argument(
        "--preload",
        action="store_true",
        help="gunicorn -c python:matchmaker.gunicorn_conf: the master ranks before the worker forks",
    )
    args = ap.parse_args()
    site = Site(args.rows, "mm-patch-", args.database_url, env="production")
    run = site.flask
    print(run("companies", "import", str(site.csv)).stdout.strip())
    run("users", "create", "bench@example.com", "--password", "bench password 1", "--company", "b-000001")
    token = run("users", "token", "bench@example.com").stdout.strip()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    preload = ["-c", "python:matchmaker.gunicorn_conf"] if args.preload else []
    env = site.env
    started = time.perf_counter()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-w", "1", *preload, "-b", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        print(f"server up after {time.perf_counter() - started:.1f} s")
        company_id = 2  # the bench user's firm b-000001: the file's second row, imported in order
        t0 = time.perf_counter()
        call("GET", f"{base}/companies/{company_id}/suggestions", token)
        warm = time.perf_counter() - t0
        print(f"warm-up (the worker loads the engine and ranks every firm once): {warm:.1f} s")
        t0 = time.perf_counter()
        call("PATCH", f"{base}/companies/{company_id}", token, {"offers": ["fındıq"]})
        print(f"first edit in the worker: {time.perf_counter() - t0:.1f} s")
        rng = random.Random(3)
        patch_ms, total_ms = [], []
        for _ in range(args.edits):
            body = {"offers": rng.sample(ITEMS, 2), "needs": rng.sample(ITEMS, 2)}
            t0 = time.perf_counter()
            call("PATCH", f"{base}/companies/{company_id}", token, body)
            t1 = time.perf_counter()
            sugg = call("GET", f"{base}/companies/{company_id}/suggestions", token)
            t2 = time.perf_counter()
            patch_ms.append((t1 - t0) * 1000)
            total_ms.append((t2 - t0) * 1000)
            assert sugg, "no suggestions after the edit"
        for label, xs in (("PATCH", patch_ms), ("PATCH + GET suggestions", total_ms)):
            xs.sort()
            print(f"{label}: p50 {xs[len(xs) // 2]:.0f} ms, p95 {xs[int(0.95 * (len(xs) - 1))]:.0f} ms")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
