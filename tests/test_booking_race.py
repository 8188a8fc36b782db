"""Race-free booking against a real HTTP server, and the database constraints themselves.

SQLite runs on a file database (an in-memory one cannot be shared across threads); PostgreSQL on
``TEST_DATABASE_URL``. The gunicorn variant with 4 workers is ``bench/race_booking.py``.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from matchmaker.auth import services as auth_services
from matchmaker.companies import services as company_services
from matchmaker.extensions import db
from matchmaker.meetings.models import Meeting, MeetingParticipant
from tests.booking_support import at, open_day, post_json, race, seeded, serving
from tests.databases import ON_PG

N = 20


@pytest.mark.slow
def test_twenty_firms_race_for_one_room(race_app):
    c = seeded()
    day = open_day()
    tokens, pairs = [], []
    for i in range(N):
        az = company_services.create_company(name=f"Race AZ {i}", country="AZ", external_id=f"race-az-{i}")
        ru = company_services.create_company(name=f"Race RU {i}", country="RU", external_id=f"race-ru-{i}")
        user = auth_services.create_user(f"race{i}@az.example", "correct horse battery", company=az)
        tokens.append(auth_services.issue_token(user, "race")[1])
        pairs.append((az.id, ru.id))
    db.session.commit()
    room_id, other_room_id = c["kur"].id, c["volga"].id
    start, end = at(day, "10:00"), at(day, "11:00")
    db.session.remove()

    with serving(race_app) as base:
        meetings = f"{base}/api/v1/meetings"
        bodies = [
            {"partner_id": ru, "room_id": room_id, "start": start.isoformat(), "end": end.isoformat()}
            for _az, ru in pairs
        ]
        statuses = race(meetings, tokens, bodies)
        assert sorted(statuses) == [201] + [409] * (N - 1), statuses
        winner = db.session.scalar(select(Meeting).where(Meeting.active.is_(True)))
        w = next(i for i, (az, _ru) in enumerate(pairs) if az == winner.requester_id)
        db.session.remove()  # end the read transaction: on SQLite every transaction holds the write lock
        # the winner's firm cannot be in another room at that time, nor can its partner
        other = (w + 1) % N
        body = {
            "partner_id": pairs[other][1],
            "room_id": other_room_id,
            "start": (start + timedelta(minutes=30)).isoformat(),
            "end": (end + timedelta(minutes=30)).isoformat(),
        }
        assert post_json(meetings, tokens[w], body) == 409
        body["partner_id"] = pairs[w][1]
        assert post_json(meetings, tokens[other], body) == 409
        body["start"], body["end"] = end.isoformat(), (end + timedelta(hours=1)).isoformat()
        right_after = {**body, "partner_id": pairs[other][1]}  # right after: fine
        assert post_json(meetings, tokens[w], right_after) == 201
        assert db.session.scalar(select(func.count(Meeting.id))) == 2


def _meeting(az, ru, room, start, end):
    m = Meeting(
        requester_id=az.id,
        partner_id=ru.id,
        proposed_by_id=az.id,
        room_id=room.id,
        room_capacity=room.capacity,
        start_at=start,
        end_at=end,
        status="accepted",
        active=True,
    )
    m.participants = [
        MeetingParticipant(company_id=cid, start_at=start, end_at=end, active=True) for cid in (az.id, ru.id)
    ]
    return m


def test_the_database_refuses_double_bookings_without_the_service(app, factory):
    c = seeded()
    day = open_day()
    az, az2 = factory.company(), factory.company()
    ru, ru2 = factory.company(country="RU"), factory.company(country="RU")
    start = at(day, "10:00")
    db.session.add(_meeting(az, ru, c["kur"], start, start + timedelta(hours=1)))
    db.session.commit()
    # same room, same start: refused on both databases (partial unique index; exclusion on PG)
    db.session.add(_meeting(az2, ru2, c["kur"], start, start + timedelta(minutes=30)))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    # the same firm in another room at the same start: refused on both databases
    db.session.add(_meeting(az, ru2, c["volga"], start, start + timedelta(minutes=30)))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    # an inactive (cancelled) row does not block
    m = _meeting(az2, ru2, c["kur"], start, start + timedelta(minutes=30))
    m.status, m.active = "cancelled", False
    for p in m.participants:
        p.active = False
    db.session.add(m)
    db.session.commit()
    if ON_PG:  # overlapping but different starts: only the exclusion constraints can see it
        db.session.add(
            _meeting(az2, ru2, c["kur"], start + timedelta(minutes=30), start + timedelta(hours=2))
        )
        with pytest.raises(IntegrityError, match="ex_meetings_room_during"):
            db.session.commit()
        db.session.rollback()
        db.session.add(
            _meeting(az, ru2, c["volga"], start + timedelta(minutes=30), start + timedelta(hours=2))
        )
        with pytest.raises(IntegrityError, match="ex_meeting_participants_company_during"):
            db.session.commit()
        db.session.rollback()


def test_the_database_keeps_bookings_within_capacity(app, factory):
    c = seeded()
    day = open_day()
    az, ru = factory.company(), factory.company(country="RU")
    room = c["kur"]  # 8 seats
    start = at(day, "10:00")
    too_many = _meeting(az, ru, room, start, start + timedelta(hours=1))
    too_many.attendees = 9
    db.session.add(too_many)
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    lying = _meeting(az, ru, room, start, start + timedelta(hours=1))
    lying.room_capacity, lying.attendees = 50, 20  # a capacity the room does not have
    db.session.add(lying)
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    ok = _meeting(az, ru, room, start, start + timedelta(hours=1))
    ok.attendees = 6
    db.session.add(ok)
    db.session.commit()
    room.capacity = 4  # shrinking below an active booking: the cascaded update fails the check
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    room.capacity = 10  # growing follows into the meeting row
    db.session.commit()
    db.session.refresh(ok)
    assert ok.room_capacity == 10
