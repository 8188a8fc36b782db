"""Issue 12, two application hosts on one database, one of them with its clock five minutes behind
(Debian's ``faketime``): an edit made through either host is found by every worker of the other
within 3 s (the workers follow the database's change numbers, not timestamps)."""

from __future__ import annotations

import json
import shutil
import time
import urllib.parse
from contextlib import ExitStack

import pytest

from tests.gunicorn_support import Live, base_env, flask_cli, gunicorn, site_database

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("faketime") is None, reason="needs Debian's faketime (apt-get install faketime)"
    ),
]


def _names(host: Live, word: str) -> list[str]:
    r = host.api("/api/v1/companies?" + urllib.parse.urlencode({"q": word}))
    assert r.status == 200, r.body
    return [item["name"] for item in json.loads(r.body)["items"]]


def _found_everywhere(host: Live, word: str, within: float = 3.0) -> None:
    """A search for ``word`` through ``host`` finds the firm within ``within`` seconds, and then 12
    more searches (spread over the host's workers) all find it."""
    started = time.monotonic()
    while not any(word in name for name in _names(host, word)):
        assert time.monotonic() - started < within, (
            f"{word!r} not found through port {host.port} in {within} s"
        )
        time.sleep(0.05)
    for _ in range(12):
        assert any(word in name for name in _names(host, word))


def _rename(host: Live, company_id: int, name: str) -> None:
    r = host.api(f"/api/v1/companies/{company_id}", "PATCH", {"name": name})
    assert r.status == 200, r.body


def test_an_edit_through_either_host_is_found_by_the_other_whatever_its_clock(tmp_path):
    with site_database(tmp_path, "two_hosts") as url:
        env = base_env(tmp_path)
        env.update(DATABASE_URL=url, SECRET_KEY="s" * 64)
        flask_cli(env, "db", "upgrade")
        flask_cli(env, "seed-demo")
        flask_cli(
            env, "users", "create", "admin@two.example", "--password", "long enough pass", "--role", "admin"
        )
        token = flask_cli(env, "users", "token", "admin@two.example").stdout.strip().splitlines()[-1]
        with ExitStack() as stack:
            a = Live(stack.enter_context(gunicorn(env, tmp_path / "a.log")), token)
            b = Live(
                stack.enter_context(gunicorn(env, tmp_path / "b.log", prefix=("faketime", "-f", "-5m"))),
                token,
            )
            first, second = json.loads(a.api("/api/v1/companies?per_page=2").body)["items"][:2]
            for host in (a, b):  # every worker has loaded its index and placed its cursor
                for _ in range(8):
                    _names(host, "Baki")
            # the host whose clock is behind edits first: its stamp is older than anything seen
            _rename(b, first["id"], "Zəfəran Aqro")
            _found_everywhere(a, "Zəfəran")
            _rename(a, second["id"], "Шафран Торг")
            _found_everywhere(b, "Шафран")
            _rename(b, second["id"], "Бадьян Торг")  # a later edit stamped earlier than the one before
            _found_everywhere(a, "Бадьян")
