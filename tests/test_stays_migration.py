"""Migration 0013 builds the guarantees itself (not only ``create_all``): after ``upgrade`` the
database refuses a room sold twice for a night and an office promised twice, and ``downgrade``
goes back to 0006 cleanly."""

from __future__ import annotations

from contextlib import nullcontext

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from matchmaker.extensions import db
from tests.databases import ON_PG, sibling_database

ROWS = [
    "INSERT INTO companies (id, name, country, city, offers, needs, languages, website, email, phone, "
    "description, verified, hidden, created_at, updated_at) VALUES "
    "(1, 'Lənkəran Çay', 'AZ', 'Lənkəran', '[]', '[]', '[]', '', '', '', '', false, false, :now, :now)",
    "INSERT INTO centers (id, slug, name_en, city_en, country, timezone, created_at) VALUES "
    "(1, 'azbc-astrakhan', 'Azerbaijan Business Center', 'Astrakhan', 'RU', 'Europe/Astrakhan', :now)",
    "INSERT INTO rooms (id, center_id, name_en, kind, floor, capacity, equipment, bookable, active, "
    "created_at) VALUES (1, 1, 'Mini-hotel room 1', 'hotel_room', 4, 2, '[]', false, true, :now), "
    "(2, 1, 'Flat 1', 'flat', 4, 4, '[]', false, true, :now), "
    "(3, 1, 'Office 301', 'office', 3, 4, '[]', true, true, :now)",
]
STAY = (
    "INSERT INTO stays (uid, company_id, room_id, room_capacity, check_in, check_out, guests, notes, status, "
    "active, staff_note, sequence, created_at, updated_at) VALUES "
    "(:uid, 1, 1, 2, :a, :b, 1, '', 'confirmed', true, '', 0, :now, :now)"
)
RENTAL = (
    "INSERT INTO office_rentals (room_id, company_id, first_day, last_day, people, message, terms, "
    "answer_note, status, promised, created_at, updated_at) VALUES "
    "(3, 1, :a, :b, 1, '', '', '', 'accepted', true, :now, :now)"
)


def test_the_migrated_schema_keeps_its_promises(make_app, tmp_path):
    sqlite = nullcontext(f"sqlite:///{tmp_path / 'stays.sqlite3'}")
    with sibling_database("stays") if ON_PG else sqlite as target:
        app = make_app(create_schema=False, SQLALCHEMY_DATABASE_URI=target)
        with app.app_context():
            upgrade()
            now = "2026-12-01 00:00:00+00:00" if ON_PG else "2026-12-01 00:00:00.000000"
            with db.engine.begin() as conn:
                for statement in ROWS:
                    conn.execute(text(statement), {"now": now})
                conn.execute(text(STAY), {"uid": "s1", "a": "2027-01-10", "b": "2027-01-13", "now": now})
                conn.execute(text(RENTAL), {"a": "2027-02-01", "b": "2027-04-30", "now": now})
            for a, b in (
                ("2027-01-12", "2027-01-14"),
                ("2027-01-09", "2027-01-11"),
                ("2027-01-10", "2027-01-11"),
            ):
                with pytest.raises(IntegrityError), db.engine.begin() as conn:
                    conn.execute(text(STAY), {"uid": f"x{a}", "a": a, "b": b, "now": now})
            with db.engine.begin() as conn:  # back to back: fine
                conn.execute(text(STAY), {"uid": "s2", "a": "2027-01-13", "b": "2027-01-15", "now": now})
            with pytest.raises(IntegrityError), db.engine.begin() as conn:
                conn.execute(text(RENTAL), {"a": "2027-04-30", "b": "2027-06-30", "now": now})
            with db.engine.begin() as conn:
                conn.execute(text(RENTAL), {"a": "2027-05-01", "b": "2027-06-30", "now": now})
            downgrade(revision="0006_change_log")
            with db.engine.connect() as conn:
                kinds = conn.execute(text("SELECT kind FROM rooms ORDER BY id")).scalars().all()
            assert kinds == ["hotel_room", "office"]  # the flat goes with the kind
            upgrade()
            db.session.remove()
            db.engine.dispose()
