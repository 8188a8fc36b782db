"""Real servers for tests: the flask command line and gunicorn in production mode, in subprocesses."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def base_env(tmp: Path, database: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "SECRET_KEY", "RATELIMIT_STORAGE_URI", "FLASK_APP", "FLASK_DEBUG")
    }
    env.update(
        MATCHMAKER_ENV="production",
        MATCHMAKER_INSTANCE=str(tmp / "instance"),
        PYTHONUNBUFFERED="1",
        DATABASE_URL=database,
        SECRET_KEY="s" * 64,
    )
    return env


def flask_cli(env: dict[str, str], *args: str, timeout: int = 180) -> str:
    result = subprocess.run(
        [str(BIN / "flask"), "--app", "wsgi", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise AssertionError(f"flask {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


@contextmanager
def gunicorn(env: dict[str, str], log: Path, workers: int = 2, prefix: tuple[str, ...] = ()) -> Iterator[int]:
    """gunicorn serving ``wsgi:app`` on a free port (yielded) until the block ends; ``prefix`` runs it
    under another program (``("faketime", "-f", "-5m")``)."""
    with log.open("w") as fh:
        proc = subprocess.Popen(
            [
                *prefix,
                str(BIN / "gunicorn"),
                "-w",
                str(workers),
                "-b",
                "127.0.0.1:0",
                "--graceful-timeout",
                "5",
                "wsgi:app",
            ],
            cwd=ROOT,
            env=env,
            stdout=fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline, port = time.monotonic() + 60, None
        while port is None and time.monotonic() < deadline and proc.poll() is None:
            match = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", log.read_text())
            port = int(match.group(1)) if match else None
            time.sleep(0.1)
        assert port, f"gunicorn did not start:\n{log.read_text()}"
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def api(port: int, token: str, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=data,
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}")
