"""Migration 0012 keeps subscribed calendar addresses working: the stored tokens become their hash."""

from __future__ import annotations

import hashlib
from contextlib import nullcontext

from flask_migrate import upgrade
from sqlalchemy import text

from matchmaker.extensions import db
from matchmaker.meetings.calendar import user_for_feed
from tests.databases import ON_PG, sibling_database


def test_existing_feed_tokens_are_hashed_and_still_open_the_feed(make_app, tmp_path):
    sqlite = nullcontext(f"sqlite:///{tmp_path / 'feeds.sqlite3'}")
    with sibling_database("feeds") if ON_PG else sqlite as target:
        app = make_app(create_schema=False, SQLALCHEMY_DATABASE_URI=target)
        with app.app_context():
            upgrade(revision="0006_change_log")
            with db.engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO users (id, email, password_hash, full_name, role, membership, "
                        "session_version, is_active, calendar_token, created_at) VALUES (1, 'a@x.example', "
                        "'x', 'A', 'member', 'none', 1, true, 'raw-token-1', '2026-11-01 00:00:00')"
                    )
                )
            upgrade()
            with db.engine.connect() as conn:
                stored = conn.execute(text("SELECT calendar_token FROM users")).scalar()
            assert stored == hashlib.sha256(b"raw-token-1").hexdigest()
            assert user_for_feed("raw-token-1").email == "a@x.example"
            assert user_for_feed(stored) is None  # the hash itself opens nothing
            db.session.remove()
            db.engine.dispose()
