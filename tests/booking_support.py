"""Helpers for the centers/meetings tests: seeded centers, firms of both countries, open dates."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from werkzeug.serving import make_server

from matchmaker.centers import services as centers
from matchmaker.centers.models import Center, Room
from matchmaker.extensions import db

BAKU, ASTRAKHAN = "Asia/Baku", "Europe/Astrakhan"


def post_json(url: str, token: str, body: dict, barrier: threading.Barrier | None = None) -> int:
    """POST ``body`` as JSON with the bearer ``token``; the answer's status. With ``barrier``: sent
    once every racer is ready."""
    req = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    if barrier is not None:
        barrier.wait(timeout=30)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def race(url: str, tokens: list[str], bodies: list[dict]) -> list[int]:
    """Every token posts its body at the same moment (one thread each); the statuses, in order."""
    barrier = threading.Barrier(len(tokens))
    with ThreadPoolExecutor(len(tokens)) as pool:
        return list(pool.map(lambda i: post_json(url, tokens[i], bodies[i], barrier), range(len(tokens))))


@contextmanager
def serving(app) -> Iterator[str]:
    """``app`` behind a threaded HTTP server on a free port; yields its base address."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def seeded() -> dict:
    centers.seed_centers()
    db.session.commit()
    baku = db.session.scalar(select(Center).where(Center.slug == "abc-baku"))
    astra = db.session.scalar(select(Center).where(Center.slug == "azbc-astrakhan"))

    def room(center, name_az):
        found = db.session.scalar(select(Room).where(Room.center_id == center.id, Room.name_az == name_az))
        assert found is not None, name_az
        return found

    return {
        "baku": baku,
        "astrakhan": astra,
        "kur": room(baku, "Kür danışıqlar otağı"),  # 8 seats
        "volga": room(baku, "Volqa danışıqlar otağı"),  # 6
        "xezer": room(baku, "Xəzər danışıqlar otağı"),  # 4
        "absheron": room(baku, "Abşeron danışıqlar otağı"),  # 12
        "office502": room(baku, "Biznes ofis 502"),  # not bookable
        "neg1": room(astra, "Danışıqlar otağı 1"),
        "hotel": room(astra, "Mini-otel otağı 1"),
    }


def open_day(min_days: int = 10, weekday: int = 2) -> date:
    """A future weekday on which both centers are open and have no closure."""
    day = datetime.now(UTC).date() + timedelta(days=min_days)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    while True:
        ok = True
        for c in centers.list_centers():
            start, end = (
                datetime.combine(day, datetime.min.time(), tzinfo=ZoneInfo(c.timezone)),
                datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=ZoneInfo(c.timezone)),
            )
            ok = ok and not centers.closures_between(c.id, start, end, center_wide_only=True)
        if ok:
            return day
        day += timedelta(days=7)


def at(day: date, hhmm: str, tz: str = BAKU) -> datetime:
    h, m = (int(x) for x in hhmm.split(":"))
    return datetime(day.year, day.month, day.day, h, m, tzinfo=ZoneInfo(tz))


def iso(day: date, hhmm: str, tz: str = BAKU) -> str:
    return at(day, hhmm, tz).isoformat()


class World:
    """Two AZ firms, two RU firms, their members and tokens, and staff of each center."""

    def __init__(self, factory, client):
        self.client = client
        self.c = seeded()
        self.day = open_day()
        self.az = factory.company(name="Gəncə Aqro MMC")
        self.az2 = factory.company(name="Şəki İpək")
        self.ru = factory.company(name="ООО Волга Агро", country="RU", city="Астрахань")
        self.ru2 = factory.company(name="АО Каспий", country="RU", city="Махачкала")
        self.az_user = factory.user(email="member@az.example", company=self.az)
        self.az2_user = factory.user(email="member@az2.example", company=self.az2)
        self.ru_user = factory.user(email="member@ru.example", company=self.ru)
        self.ru2_user = factory.user(email="member@ru2.example", company=self.ru2)
        self.nofirm_user = factory.user(email="nofirm@example.com")
        self.staff_baku = factory.user(email="staff@baku.example", role="staff")
        self.staff_astra = factory.user(email="staff@astrakhan.example", role="staff")
        self.staff_baku.center_id = self.c["baku"].id
        self.staff_astra.center_id = self.c["astrakhan"].id
        self.admin = factory.user(email="admin@example.com", role="admin")
        db.session.commit()
        self.tokens = {
            u.email: factory.token(u)
            for u in (
                self.az_user,
                self.az2_user,
                self.ru_user,
                self.ru2_user,
                self.nofirm_user,
                self.staff_baku,
                self.staff_astra,
                self.admin,
            )
        }

    def call(self, method, path, user=None, **kw):
        user = user or self.az_user
        headers = {"Authorization": f"Bearer {self.tokens[user.email]}"}
        return self.client.open(path, method=method, headers=headers, **kw)

    def book(self, user=None, partner=None, room=None, start="10:00", end="11:00", tz=BAKU, **extra):
        body = {
            "partner_id": (partner or self.ru).id,
            "room_id": (room or self.c["kur"]).id,
            "start": iso(self.day, start, tz),
            "end": iso(self.day, end, tz),
        }
        body.update(extra)
        return self.call("POST", "/api/v1/meetings", user=user, json=body)

    def login(self, user):
        self.client.post("/logout")
        return self.client.post("/login", data={"email": user.email, "password": "correct horse battery"})
