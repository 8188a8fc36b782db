"""The OpenAPI document describes the API: schemathesis (``--checks all``, every phase, stateful
included) against a production-mode site behind gunicorn finds no failure and no server error.

The site is migrated and seeded; before the run the API books three real meetings (ids 1 to 3, which
``tests/schemathesis.toml`` feeds to the meeting operations half of the time), so the actions meet
meetings the caller may act on, may not act on, and that are not the caller's. The example count is
bounded to keep the run to about a minute; ``st run`` by hand (README, "JSON API") can go further.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import uuid
from datetime import date, datetime, timedelta

import pytest

from tests.gunicorn_support import BIN, ROOT, Live, base_env, flask_cli, gunicorn, site_database

pytestmark = pytest.mark.slow

CONFIG = ROOT / "tests" / "schemathesis.toml"
MAX_EXAMPLES = 25


def _token(env: dict, email: str, company: str) -> str:
    flask_cli(env, "users", "create", email, "--password", "long enough password", "--company", company)
    return flask_cli(env, "users", "token", email).stdout.strip().splitlines()[-1]


def _ok(r, status: int = 200) -> dict:
    assert r.status == status, (r.status, r.body[:500])
    return json.loads(r.body)


def _free_hours(live: Live, room_id: int) -> list[tuple[str, str]]:
    """Hour-long free slots of ``room_id`` on the next working days, as ISO 8601 with offset."""
    slots = []
    for ahead in range(7, 40):
        day = (date.today() + timedelta(days=ahead)).isoformat()
        free = _ok(live.api(f"/api/v1/rooms/{room_id}/availability?date={day}"))["free"]
        for interval in free:
            start, end = (datetime.fromisoformat(interval[k]) for k in ("start", "end"))
            while start + timedelta(hours=1) <= end:
                slots.append((start.isoformat(), (start + timedelta(hours=1)).isoformat()))
                start += timedelta(hours=2)
        if len(slots) >= 3:
            return slots
    raise AssertionError("no free hours in the next weeks")


def _book(live: Live, token: str, partner_id: int, room_id: int, slot: tuple[str, str]) -> int:
    body = {"partner_id": partner_id, "room_id": room_id, "start": slot[0], "end": slot[1]}
    return _ok(live.api("/api/v1/meetings", "POST", body, token=token), 201)["id"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A seeded production site with a member of an Azerbaijani firm (whose token the run uses) and
    meetings 1 to 3: 1 asked by the member's firm, 2 asked of it, 3 between two other firms."""
    tmp = tmp_path_factory.mktemp("openapi")
    with site_database(tmp, "openapi") as database:
        env = base_env(tmp)
        env.update(SECRET_KEY=uuid.uuid4().hex * 2, DATABASE_URL=database)
        flask_cli(env, "db", "upgrade")
        flask_cli(env, "seed-demo")
        token = _token(env, "member@openapi.example", "demo-0001")
        log = tmp / "gunicorn.log"
        with gunicorn(env, log) as port:
            live = Live(port, token)
            live.log = log
            firms = [
                firm
                for page in (1, 2, 3)
                for firm in _ok(live.api(f"/api/v1/companies?per_page=100&page={page}"))["items"]
            ]
            az = next(c for c in firms if c["external_id"] == "demo-0001")
            az2 = next(c for c in firms if c["country"] == "AZ" and c["id"] != az["id"])
            ru = next(c for c in firms if c["country"] == "RU")
            ru_token = _token(env, "member@ru.openapi.example", ru["external_id"])
            rooms = [
                r
                for center in _ok(live.api("/api/v1/centers"))["items"]
                for r in center["rooms"]
                if r["bookable"] and r["kind"] == "meeting_room"
            ]
            slots = _free_hours(live, rooms[0]["id"])
            ids = [
                _book(live, token, ru["id"], rooms[0]["id"], slots[0]),
                _book(live, ru_token, az["id"], rooms[0]["id"], slots[1]),
                _book(live, ru_token, az2["id"], rooms[0]["id"], slots[2]),
            ]
            assert ids == [1, 2, 3], ids  # the ids tests/schemathesis.toml names
            yield live


def test_schemathesis_finds_no_failure(site, tmp_path):
    base = f"http://127.0.0.1:{site.port}"
    seed = int(os.environ.get("MATCHMAKER_ST_SEED") or random.randrange(2**32))  # set: replay a seed
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCHEMATHESIS_")}
    result = subprocess.run(
        [
            str(BIN / "schemathesis"),
            "--config-file",
            str(CONFIG),
            "run",
            f"{base}/api/v1/openapi.json",
            "--url",
            base,
            "-H",
            f"Authorization: Bearer {site.token}",
            "--checks",
            "all",
            "--max-examples",
            str(MAX_EXAMPLES),
            "--seed",
            str(seed),
            "--no-color",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    summary = output[output.rfind("SUMMARY") :] if "SUMMARY" in output else output[-3000:]
    print(output[-8000:])  # shown with -s or -rA: the phases, the numbers and any warnings
    assert result.returncode == 0, f"schemathesis (seed {seed}) failed:\n{output[-12000:]}"
    selected = re.search(r"Selected: (\d+)/(\d+)\s+Tested: (\d+)", summary)
    assert selected, summary
    assert len(set(selected.groups())) == 1, summary  # every operation was tested
    assert re.search(r"[1-9]\d* generated", summary), summary
    assert re.search(r"✅ Stateful", summary), summary
    assert "❌" not in summary, summary
    server_log = site.log.read_text()
    assert "Traceback" not in server_log, server_log[-4000:]
    assert "Exception on" not in server_log, server_log[-4000:]
