"""A production-mode site behind real gunicorn, for the slow tests that talk to it over real HTTP.

The database is a migrated SQLite file or, with ``TEST_DATABASE_URL``, a separate PostgreSQL database
created and dropped here (each test module names its own, so modules can run side by side).
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

from tests.databases import ON_PG, sibling_database

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


REDIS = _redis_up()


def flask_cli(env: dict, *args: str, check: bool = True, timeout: int = 180) -> subprocess.CompletedProcess:
    """``flask --app wsgi ARGS`` in the checkout, with ``env``."""
    result = subprocess.run(
        [str(BIN / "flask"), "--app", "wsgi", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"flask {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


def base_env(tmp: Path) -> dict:
    """The environment of a production site whose instance folder is in ``tmp`` (no database yet)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "SECRET_KEY", "RATELIMIT_STORAGE_URI", "FLASK_APP", "FLASK_DEBUG")
    }
    env.update(MATCHMAKER_ENV="production", MATCHMAKER_INSTANCE=str(tmp / "instance"), PYTHONUNBUFFERED="1")
    return env


@contextmanager
def site_database(tmp: Path, suffix: str) -> Iterator[str]:
    """A database URL for a site: a SQLite file in ``tmp``, or on the PostgreSQL test server the
    database named after the test database and ``suffix`` (``test_gunicorn`` for ``test``), created
    empty and dropped afterwards, so runs on different test databases never share one."""
    if not ON_PG:
        yield f"sqlite:///{tmp / 'prod.sqlite3'}"
        return
    with sibling_database(suffix) as url:
        yield url


@contextmanager
def gunicorn(env: dict, log: Path, workers: int = 2, prefix: tuple[str, ...] = ()) -> Iterator[int]:
    """``gunicorn -w WORKERS`` with the documented settings (the matching engine preloaded in the
    master) on a free port, until the block ends; yields the port once a worker answers. ``prefix``
    runs it under another program (``("faketime", "-f", "-5m")``: a host whose clock is behind)."""
    with log.open("w") as fh:
        proc = subprocess.Popen(
            [
                *prefix,
                str(BIN / "gunicorn"),
                "-c",
                "python:matchmaker.gunicorn_conf",
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
        port = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            match = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", log.read_text())
            if match:
                port = int(match.group(1))
                break
            time.sleep(0.1)
        assert port, f"gunicorn did not start:\n{log.read_text()}"
        probe = Live(port, "")
        while time.monotonic() < deadline:  # wait until a worker has imported the app and answers
            try:
                if probe.get("/").status == 200 and probe.get("/companies").status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        yield port
    finally:
        # the whole process group must end, not only the process started: under ``faketime`` that
        # is the wrapper, and gunicorn's master, its child, could outlive it (it did, left running)
        os.killpg(proc.pid, signal.SIGTERM)
        if not _group_ended(proc, 8):  # the graceful timeout (5 s) and some
            os.killpg(proc.pid, signal.SIGKILL)
            _group_ended(proc, 5)
        proc.wait()


def _group_ended(proc: subprocess.Popen, timeout: float) -> bool:
    """Whether every live process of ``proc``'s group (its id) ended within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        proc.poll()  # reaps the process started
        if not _live_members(proc.pid):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)


def _live_members(pgid: int) -> list[int]:
    """Processes of group ``pgid`` that are not zombies (read from /proc)."""
    members = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    stat = fh.read()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()  # after "(command)": state, ppid, pgrp, …
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(int(entry))
    return members


class Response:
    def __init__(self, raw: http.client.HTTPResponse):
        self.status = raw.status
        self.headers = raw.headers
        self.body = raw.read().decode("utf-8", "replace")

    @property
    def set_cookies(self) -> list[str]:
        return self.headers.get_all("Set-Cookie") or []

    def cookie(self, name: str) -> str | None:
        for header in self.set_cookies:
            if header.startswith(name + "="):
                return header
        return None


class Live:
    """A bare HTTP client: no redirects followed, cookies handled by hand, one fixed source address
    (a random 127.x.y.z, so parallel runs never share a rate-limit counter)."""

    log: Path

    def __init__(self, port: int, token: str):
        self.port = port
        self.token = token
        self.source = f"127.{random.randint(1, 254)}.{random.randint(1, 254)}.{random.randint(2, 254)}"

    def request(
        self,
        method: str,
        path: str,
        body: bytes | str | None = None,
        headers: dict | None = None,
        cookie: str | None = None,
    ) -> Response:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30, source_address=(self.source, 0))
        hdrs = dict(headers or {})
        if cookie:
            hdrs["Cookie"] = cookie
        try:
            conn.request(method, path, body=body, headers=hdrs)
            return Response(conn.getresponse())
        finally:
            conn.close()

    def get(self, path: str, **kw) -> Response:
        return self.request("GET", path, **kw)

    def post_form(self, path: str, data: dict, cookie: str | None = None) -> Response:
        return self.request(
            "POST",
            path,
            body=urlencode(data),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            cookie=cookie,
        )

    def api(
        self, path: str, method: str = "GET", json_body: object = None, token: str | None = None
    ) -> Response:
        headers = {"Authorization": f"Bearer {token or self.token}"}
        body = None
        if json_body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(json_body)
        return self.request(method, path, body=body, headers=headers)
