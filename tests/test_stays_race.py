"""Concurrent requests for the same room and nights against a real HTTP server: exactly one wins, the
others get 409, never a 500. SQLite on a file database, PostgreSQL on ``TEST_DATABASE_URL``."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from matchmaker.auth import services as auth_services
from matchmaker.companies import services as company_services
from matchmaker.extensions import db
from matchmaker.stays.models import Stay
from tests.booking_support import ASTRAKHAN, post_json, race, seeded, serving

N = 12


def test_firms_race_for_the_same_nights(race_app):
    c = seeded()
    tokens = []
    for i in range(N):
        firm = company_services.create_company(name=f"Stay AZ {i}", country="AZ", external_id=f"stay-az-{i}")
        user = auth_services.create_user(f"stay{i}@az.example", "correct horse battery", company=firm)
        tokens.append(auth_services.issue_token(user, "race")[1])
    db.session.commit()
    room_id = c["hotel"].id
    today = datetime.now(ZoneInfo(ASTRAKHAN)).date()
    db.session.remove()

    with serving(race_app) as base:
        # every firm wants night 20; their stays start and end on different days (partial overlaps)
        bodies = [
            {
                "room_id": room_id,
                "guests": 1,
                "check_in": (today + timedelta(days=20 - i % 3)).isoformat(),
                "check_out": (today + timedelta(days=21 + i % 2)).isoformat(),
            }
            for i in range(N)
        ]
        statuses = race(f"{base}/api/v1/stays", tokens, bodies)
        assert sorted(statuses) == [201] + [409] * (N - 1), statuses
        assert db.session.scalar(select(func.count(Stay.id)).where(Stay.active.is_(True))) == 1
        winner = db.session.scalar(select(Stay))
        db.session.remove()  # on SQLite every transaction holds the write lock
        # the winner's check-out day is free for the next guest
        body = {
            "room_id": room_id,
            "guests": 1,
            "check_in": winner.check_out.isoformat(),
            "check_out": (winner.check_out + timedelta(days=1)).isoformat(),
        }
        loser = next(i for i, s in enumerate(statuses) if s == 409)
        assert post_json(f"{base}/api/v1/stays", tokens[loser], body) == 201
