"""Issue 12, two application hosts on one database, one of them with its clock five minutes behind
(Debian's ``faketime``): an edit made through either host is found by every worker of the other
within 3 s (the workers follow the database's change numbers, not timestamps)."""

from __future__ import annotations

import shutil
import time
import urllib.parse
from contextlib import ExitStack, nullcontext

import pytest

from tests.databases import ON_PG, sibling_database
from tests.servers import api, base_env, flask_cli, gunicorn

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("faketime") is None, reason="needs Debian's faketime (apt-get install faketime)"
    ),
]


def _found_everywhere(port: int, token: str, word: str, within: float = 3.0) -> float:
    """Seconds until a search for ``word`` through ``port`` finds the firm, then 12 more searches
    (spread over the host's workers) must all find it."""
    path = "/api/v1/companies?" + urllib.parse.urlencode({"q": word})
    started = time.monotonic()
    while True:
        status, body = api(port, token, "GET", path)
        assert status == 200, body
        if any(word in item["name"] for item in body["items"]):
            break
        assert time.monotonic() - started < within, f"{word!r} not found through port {port} in {within} s"
        time.sleep(0.05)
    took = time.monotonic() - started
    for _ in range(12):
        status, body = api(port, token, "GET", path)
        assert any(word in item["name"] for item in body["items"]), body
    return took


def test_an_edit_through_either_host_is_found_by_the_other_whatever_its_clock(tmp_path):
    with (
        sibling_database("two_hosts") if ON_PG else nullcontext(f"sqlite:///{tmp_path / 'db.sqlite3'}") as url
    ):
        env = base_env(tmp_path, url)
        flask_cli(env, "db", "upgrade")
        flask_cli(env, "seed-demo")
        flask_cli(
            env, "users", "create", "staff@two.example", "--password", "long enough pass", "--role", "admin"
        )
        token = flask_cli(env, "users", "token", "staff@two.example").strip().splitlines()[-1]
        with ExitStack() as stack:
            host_a = stack.enter_context(gunicorn(env, tmp_path / "a.log"))
            host_b = stack.enter_context(gunicorn(env, tmp_path / "b.log", prefix=("faketime", "-f", "-5m")))
            status, page = api(host_a, token, "GET", "/api/v1/companies?per_page=2")
            first, second = page["items"][:2]
            for port in (host_a, host_b):  # every worker has loaded its index and placed its cursor
                for _ in range(8):
                    api(port, token, "GET", "/api/v1/companies?q=Baki")
            # the host with the late clock edits first: its stamp is five minutes older than anything seen
            status, _body = api(
                host_b, token, "PATCH", f"/api/v1/companies/{first['id']}", {"name": "Zəfəran Aqro"}
            )
            assert status == 200
            _found_everywhere(host_a, token, "Zəfəran")
            status, _body = api(
                host_a, token, "PATCH", f"/api/v1/companies/{second['id']}", {"name": "Шафран Торг"}
            )
            assert status == 200
            _found_everywhere(host_b, token, "Шафран")
            status, _body = api(
                host_b, token, "PATCH", f"/api/v1/companies/{second['id']}", {"name": "Бадьян Торг"}
            )
            assert status == 200  # a later edit, stamped earlier than the one before it
            _found_everywhere(host_a, token, "Бадьян")
