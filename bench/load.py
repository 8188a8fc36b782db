"""Load benchmark (issue 13): pages and API calls at 20,000 firms under gunicorn (4 workers) and wrk,
as a share of the same server's ``/healthz`` throughput in the same run.

usage: python bench/load.py [--rows 20000] [--database-url URL] [--reuse] [--connections 16]
                            [--duration 10] [--rounds 2] [--write-doc] [--only NAME ...]

* a fresh PostgreSQL database (default ``bench_load`` on 127.0.0.1:5432; ``--reuse`` keeps one
  already filled by an earlier run) migrated, 20,000 generated firms imported (``bench_import``'s
  generator: 10,000 a side, trilingual offers and needs of the demo trades) and ranked;
* an account of an Azerbaijani firm, its API token and a session cookie (logged in over HTTP);
* ``gunicorn -c python:matchmaker.gunicorn_conf -w 4`` in production mode (the engine preloaded in
  the master), then for each request ``wrk -t2 -cN -dS --latency`` after a warm-up, ``/healthz``
  measured again before every request (the machine is shared: the ratio of the two neighbouring
  runs is the figure, as in the issue). ``--rounds`` repeats the whole table; the best share of
  each request is kept in the summary.
* memory of the workers (RSS and PSS from /proc/PID/smaps_rollup) after the run.

``--write-doc`` appends the table, date, machine and command to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_import import write_csv  # noqa: E402
from tests.gunicorn_support import Live  # noqa: E402

BIN = Path(sys.executable).parent
DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_load"
SEARCH = "%D0%BF%D0%BE%D0%BC%D0%B8%D0%B4%D0%BE%D1%80%D1%8B"  # помидоры
EMAIL, PASSWORD = "bench@example.com", "bench-password-1"


def run(env: dict, *args: str) -> str:
    out = subprocess.run(
        [str(BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if out.returncode:
        raise SystemExit(f"flask {' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return out.stdout.strip()


def fresh_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    pg = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["dropdb", *pg, "--if-exists", "--force", name], check=True)
    subprocess.run(["createdb", *pg, name], check=True)


def fill(env: dict, rows: int, tmp: Path) -> None:
    csv = tmp / "firms.csv"
    write_csv(csv, rows)
    t0 = time.perf_counter()
    run(env, "db", "upgrade")
    print("import:", run(env, "companies", "import", str(csv)), f"({time.perf_counter() - t0:.1f} s)")
    run(env, "users", "create", EMAIL, "--password", PASSWORD, "--company", "b-000001", "--locale", "ru")


def start_gunicorn(env: dict, log: Path, workers: int, max_requests: int = 0) -> tuple[subprocess.Popen, int]:
    fh = log.open("w")
    proc = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "-c",
            "python:matchmaker.gunicorn_conf",
            "-w",
            str(workers),
            "-b",
            "127.0.0.1:0",
            *(["--max-requests", str(max_requests), "--max-requests-jitter", "20"] if max_requests else []),
            "wsgi:app",
        ],
        cwd=ROOT,
        env=env,
        stdout=fh,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    t0 = time.monotonic()
    while time.monotonic() - t0 < 300:
        m = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", log.read_text())
        if m:
            port = int(m.group(1))
            probe = Live(port, "")
            while time.monotonic() - t0 < 300:
                try:
                    if probe.get("/healthz").status == 200:
                        print(f"gunicorn up in {time.monotonic() - t0:.1f} s (master preloads the engine)")
                        return proc, port
                except OSError:
                    pass
                time.sleep(0.2)
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not start:\n{log.read_text()[-3000:]}")


def login_cookie(live: Live) -> str:
    r = live.get("/login")
    session = r.cookie("__Host-session") or r.cookie("session")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', r.body) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', r.body
    )
    assert session, "no login form"
    assert token, "no login form"
    pair = session.split(";", 1)[0]
    r = live.post_form(
        "/login", {"email": EMAIL, "password": PASSWORD, "csrf_token": token.group(1)}, cookie=pair
    )
    new = r.cookie("__Host-session") or r.cookie("session")
    assert r.status == 302, f"login failed: {r.status}"
    assert new, f"login failed: {r.status}"
    # as a browser does: the page the login leads to shows its "signed in" message once and the
    # session cookie comes back without it (a cookie that still carried it would show it forever)
    pair = new.split(";", 1)[0]
    landing = live.get(r.headers["Location"], cookie=pair)
    after = landing.cookie("__Host-session") or landing.cookie("session")
    return after.split(";", 1)[0] if after else pair


_UNIT = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def wrk(port: int, path: str, headers: list[str], connections: int, duration: int) -> dict:
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for h in headers:
        cmd += ["-H", h]
    out = subprocess.run([*cmd, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    p99 = float(m.group(1)) * _UNIT[m.group(2)] if m else float("nan")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": rps,
        "p99": p99,
        "non2xx": int(errors.group(1)) if errors else 0,
        "sock": sock and sock.group(1),
    }


def memory(master: int) -> tuple[int, float, float]:
    """(workers, RSS MB, PSS MB) summed over the master's children."""
    kids = [int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    rss = pss = 0.0
    for pid in kids:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
        rss += int(re.search(r"^Rss:\s+(\d+)", text, re.M).group(1)) / 1024
        pss += int(re.search(r"^Pss:\s+(\d+)", text, re.M).group(1)) / 1024
    return len(kids), rss, pss


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    ap.add_argument("--reuse", action="store_true", help="the database is already filled by an earlier run")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument(
        "--max-requests", type=int, default=0, help="recycle workers (gunicorn --max-requests) during the run"
    )
    ap.add_argument("--write-doc", action="store_true")
    ap.add_argument("--label", default="", help="a word for the docs table (before/after …)")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mm-load-"))
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("FLASK_APP", "FLASK_DEBUG", "PYTHONDONTWRITEBYTECODE")
    }
    env.update(
        MATCHMAKER_ENV="production",
        MATCHMAKER_INSTANCE=str(tmp / "instance"),
        SECRET_KEY="bench-secret",
        DATABASE_URL=args.database_url,
        RATELIMIT_STORAGE_URI="memory://",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "matchmaker")], check=True)
    if not args.reuse:
        if not args.database_url.startswith("postgresql"):
            raise SystemExit("a PostgreSQL URL is expected (the issue's figures are on PostgreSQL)")
        fresh_database(args.database_url)
        fill(env, args.rows, tmp)
    token = run(env, "users", "token", EMAIL, "--name", f"bench-{time.time():.0f}")

    proc, port = start_gunicorn(env, tmp / "gunicorn.log", args.workers, args.max_requests)
    try:
        live = Live(port, token)
        cookie = login_cookie(live)
        company = _my_company(args.database_url)
        requests = {
            "healthz": ("/healthz", []),
            "firm page": (f"/companies/{company}", []),
            "directory search": ("/companies?q=" + SEARCH, []),
            "suggestions API": (
                f"/api/v1/companies/{company}/suggestions",
                [f"Authorization: Bearer {token}"],
            ),
            "partners page": ("/partners", [f"Cookie: {cookie}"]),
        }
        first = {}
        for name, (path, hdrs) in requests.items():  # a correct answer first, from a fresh worker
            t0 = time.perf_counter()
            r = live.request("GET", path, headers=dict(h.split(": ", 1) for h in hdrs))
            first[name] = (time.perf_counter() - t0) * 1000
            assert r.status == 200, f"{name}: {r.status} {r.body[:300]}"
        print("first answers:", ", ".join(f"{name} {ms:.0f} ms" for name, ms in first.items()))
        names = [n for n in requests if n != "healthz" and (not args.only or n in args.only)]
        best: dict[str, dict] = {}
        for rnd in range(args.rounds):
            for name in names:
                path, hdrs = requests[name]
                time.sleep(2)  # the last run's queued requests drain
                base = wrk(port, "/healthz", [], args.connections, args.duration)
                wrk(port, path, hdrs, args.connections, 2)  # warm-up
                res = wrk(port, path, hdrs, args.connections, args.duration)
                res["share"] = res["rps"] / base["rps"]
                res["base"] = base["rps"]
                print(
                    f"round {rnd + 1} {name:18} {res['rps']:8.1f} req/s  /healthz {base['rps']:7.1f}  "
                    f"share {res['share']:.3f}  p99 {res['p99']:.0f} ms  non-2xx {res['non2xx']}"
                    + (f"  socket errors {res['sock']}" if res["sock"] else ""),
                    flush=True,
                )
                if name not in best or res["share"] > best[name]["share"]:
                    best[name] = res
        n, rss, pss = memory(proc.pid)
        print(f"memory of {n} workers: RSS {rss:.0f} MB, PSS {pss:.0f} MB")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)

    shown = {n: p.replace(SEARCH, "помидоры") for n, (p, _h) in requests.items()}
    lines = [
        "| request | req/s | /healthz req/s | share of /healthz | p99 |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name in names:
        r = best[name]
        lines.append(
            f"| {name} `{shown[name]}` | {r['rps']:.0f} | {r['base']:.0f} | {r['share']:.2f} "
            f"| {r['p99']:.0f} ms |"
        )
    lines.append(f"\nMemory of the {n} workers after the run: RSS {rss:.0f} MB, PSS {pss:.0f} MB.")
    firsts = ", ".join(f"{name} {ms:.0f} ms" for name, ms in first.items())
    lines.append(f"First answers of the fresh workers: {firsts}.")
    table = "\n".join(lines)
    print(table)
    if args.write_doc:
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        load = os.getloadavg()
        machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
        cmd = "python bench/load.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
        with (ROOT / "docs/benchmarks.md").open("a", encoding="utf-8") as fh:
            fh.write(
                f"\n### Load run {args.label} ({when})\n\nMachine: {machine}; load average at the end "
                f"{load[0]:.1f}. Command: `{cmd}` ({args.connections} connections, {args.duration} s "
                f"per request, best of {args.rounds} rounds"
                + (f", workers recycled every {args.max_requests} requests" if args.max_requests else "")
                + f").\n\n{table}\n"
            )


def _my_company(url: str) -> int:
    import psycopg

    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        return conn.execute("SELECT id FROM companies WHERE external_id = 'b-000001'").fetchone()[0]


if __name__ == "__main__":
    main()
