"""Migrations: one head, they build the schema the models describe, and they run on both databases."""

from __future__ import annotations

import subprocess
import sys
from contextlib import nullcontext
from datetime import UTC, datetime, time

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import upgrade
from sqlalchemy import text

from matchmaker.extensions import db
from tests.databases import ON_PG, sibling_database


def test_single_head(app):
    config = app.extensions["migrate"].migrate.get_config()
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, f"several Alembic heads: {heads}"


def test_flask_db_works_though_a_start_imports_no_alembic(app):
    """matchmaker/migrating.py: Flask-Migrate is set up when ``flask db`` is first used; a start of
    the application (a worker, any other command) does not import it."""
    started = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; import matchmaker; matchmaker.create_app('testing');"
            " print(sorted(m for m in ('alembic', 'flask_migrate') if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert started.stdout.strip() == "[]", started.stderr[-2000:]
    head = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config()).get_current_head()
    flask = [sys.executable, "-m", "flask", "--app", "matchmaker:create_app('testing')", "db"]
    heads = subprocess.run([*flask, "heads"], capture_output=True, text=True, check=True)
    assert f"{head} (head)" in heads.stdout, heads.stderr[-2000:]
    shown = subprocess.run([*flask, "--help"], capture_output=True, text=True, check=True).stdout
    assert "upgrade" in shown
    assert "--directory" in shown


def test_upgrade_builds_the_models_schema(make_app, tmp_path):
    sqlite = nullcontext(f"sqlite:///{tmp_path / 'migrated.sqlite3'}")
    with sibling_database("migrations") if ON_PG else sqlite as target:
        app = make_app(create_schema=False, SQLALCHEMY_DATABASE_URI=target)
        with app.app_context():
            upgrade()
            with db.engine.connect() as conn:
                ctx = MigrationContext.configure(conn, opts={"compare_type": True})
                diff = compare_metadata(ctx, db.metadata)
            assert diff == [], diff
            db.session.remove()
            db.engine.dispose()


OLD_ROWS = [
    "INSERT INTO companies (id, name, country, city, offers, needs, languages, website, email, phone, "
    "description, verified, hidden, created_at, updated_at) VALUES "
    "(1, 'Gəncə Aqro', 'AZ', 'Gəncə', '[]', '[]', '[]', '', '', '', '', false, false, :now, :now), "
    "(2, 'Волга Агро', 'RU', 'Астрахань', '[]', '[]', '[]', '', '', '', '', false, false, :now, :now)",
    "INSERT INTO centers (id, slug, name, city, country, timezone, address, description, created_at) VALUES "
    "(1, 'abc-baku', 'Astrakhan Business Center', 'Baku', 'AZ', 'Asia/Baku', 'Baku, Azerbaijan', '', :now)",
    "INSERT INTO rooms (id, center_id, name, kind, floor, capacity, equipment, bookable, active, created_at) "
    "VALUES (1, 1, 'Meeting room Kür', 'meeting_room', 3, 8, "
    '\'["screen", "Wi-Fi", "Video conferencing"]\', true, true, :now), '
    "(2, 1, 'Tea room', 'office', 1, 4, '[\"samovar\"]', true, true, :now)",
    "INSERT INTO opening_hours (id, center_id, room_id, weekday, opens, closes) VALUES "
    "(1, 1, NULL, 0, :nine, :six), (2, 1, 2, 1, :nine, :six)",
    "INSERT INTO closures (id, center_id, room_id, start_at, end_at, kind, reason, created_at) VALUES "
    "(1, 1, NULL, :start, :end, 'holiday', 'Novruz bayramı', :now), "
    "(2, 1, 2, :start, :end, 'block', '', :now)",
    "INSERT INTO meetings (id, uid, requester_id, partner_id, proposed_by_id, room_id, room_capacity, "
    "start_at, end_at, status, active, topic, attendees, interpreter, note, sequence, created_at, "
    "updated_at) VALUES "
    "(1, 'm-1@mm', 1, 2, 1, 1, 8, :start, :end, 'requested', true, 'Tea', 2, false, '', 0, :now, :now)",
    "INSERT INTO events (id, center_id, title, description, day, sessions, slot_minutes, tables, room_ids, "
    "max_meetings, request_deadline, status, created_at, updated_at) VALUES "
    "(1, 1, 'Agro Day', 'Bring samples', :day, '[]', 20, 4, '[]', 8, :start, 'draft', :now, :now)",
]


def test_upgrade_keeps_the_old_single_language_rows(make_app, tmp_path):
    """0005 moves the English texts to the _en columns and maps equipment to keys, losing nothing:
    on SQLite it rebuilds centers and rooms, which closures, hours and meetings point at."""
    sqlite = nullcontext(f"sqlite:///{tmp_path / 'langdata.sqlite3'}")
    with sibling_database("langdata") if ON_PG else sqlite as target:
        _upgrade_keeps_rows(make_app, target)


def _upgrade_keeps_rows(make_app, target: str) -> None:
    app = make_app(create_schema=False, SQLALCHEMY_DATABASE_URI=target)
    # literals as each database stores them (SQLAlchemy keeps SQLite's as naive UTC text)
    stamp, clock = (
        ("%Y-%m-%d %H:%M:%S+00:00", "%H:%M:%S") if ON_PG else ("%Y-%m-%d %H:%M:%S.%f", "%H:%M:%S.%f")
    )
    values = {
        "now": datetime(2026, 11, 1, tzinfo=UTC).strftime(stamp),
        "start": datetime(2027, 3, 20, tzinfo=UTC).strftime(stamp),
        "end": datetime(2027, 3, 25, tzinfo=UTC).strftime(stamp),
        "day": "2027-04-01",
        "nine": time(9).strftime(clock),
        "six": time(18).strftime(clock),
    }
    with app.app_context():
        upgrade(revision="0003_events")
        with db.engine.begin() as conn:
            for statement in OLD_ROWS:
                conn.execute(text(statement), values)
            for table in (
                "companies",
                "centers",
                "rooms",
                "opening_hours",
                "closures",
                "meetings",
                "events",
            ):
                if ON_PG:  # the rows above were given their ids
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 10)"))
        upgrade()
        with db.engine.connect() as conn:
            counts = {
                t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar()
                for t in ("centers", "rooms", "opening_hours", "closures", "meetings", "events")
            }
            center = conn.execute(
                text("SELECT name_az, name_en, city_en, address_en, description_en FROM centers")
            ).one()
            rooms = conn.execute(text("SELECT name_az, name_en, equipment FROM rooms ORDER BY id")).all()
            reasons = conn.execute(text("SELECT reason_az, reason_en FROM closures ORDER BY id")).all()
            event = conn.execute(text("SELECT title_en, description_en FROM events")).one()
        assert counts == {
            "centers": 1,
            "rooms": 2,
            "opening_hours": 2,
            "closures": 2,
            "meetings": 1,
            "events": 1,
        }
        assert tuple(center) == (None, "Astrakhan Business Center", "Baku", "Baku, Azerbaijan", None)
        assert [tuple(r[:2]) for r in rooms] == [(None, "Meeting room Kür"), (None, "Tea room")]
        equipment = [r[2] if isinstance(r[2], list) else __import__("json").loads(r[2]) for r in rooms]
        assert equipment == [["screen", "wifi", "video_conferencing"], ["samovar"]]
        assert [tuple(r) for r in reasons] == [(None, "Novruz bayramı"), (None, None)]
        assert tuple(event) == ("Agro Day", "Bring samples")

        from matchmaker.centers.services import seed_centers

        seed_centers()  # the seeded center and room get their three names
        db.session.commit()
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT name_az FROM centers")).scalar() == "Həştərxan Biznes Mərkəzi"
            names = dict(conn.execute(text("SELECT name_en, name_ru FROM rooms")).all())
            assert names["Kura meeting room"] == "Переговорная «Кура»"
            assert names["Tea room"] is None
            assert conn.execute(text("SELECT COUNT(*) FROM meetings WHERE room_id = 1")).scalar() == 1
        db.session.remove()
        db.engine.dispose()
