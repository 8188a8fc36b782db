"""Shared fixtures (flaskr style: ``app``, ``client``, ``runner``, ``auth``) on a real database.

SQLite (default): every test gets a fresh in-memory database. PostgreSQL (``TEST_DATABASE_URL``):
the schema is created once per run and every table is emptied after each test.
"""

from __future__ import annotations

import pytest
from flask import g, has_app_context
from flask.testing import FlaskClient
from sqlalchemy import text

from matchmaker import create_app
from matchmaker.extensions import db
from tests.booking_support import World
from tests.databases import ON_PG, TEST_DB
from tests.support import PASSWORD


class IsolatedClient(FlaskClient):
    """Tests keep an app context pushed so they can use ``db.session``; Flask then reuses it (and
    its ``g``) for every test request. Give each request a clean ``g`` as in production, and roll
    back afterwards so a view that forgot to commit is caught by the test's next query."""

    def open(self, *args, **kwargs):
        try:
            return super().open(*args, **kwargs)
        finally:
            if has_app_context():
                db.session.rollback()


def _make_app(**overrides):
    config = {"MATCHMAKER_ENV": "testing", "WTF_CSRF_ENABLED": False, "SERVER_NAME": None}
    config.update(overrides)
    app = create_app(config)
    app.test_client_class = IsolatedClient

    def _fresh_g():
        for key in list(g.__dict__):
            if not key.startswith("_sa"):
                g.__dict__.pop(key, None)

    app.before_request_funcs.setdefault(None, []).insert(0, _fresh_g)  # first, as a new request's g

    return app


@pytest.fixture(scope="session")
def _pg_schema():
    if not ON_PG:
        yield
        return
    app = _make_app()
    with app.app_context():
        db.drop_all()
        with db.engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        db.create_all()
    yield


def _empty_tables():
    names = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
    db.session.remove()
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture
def make_app(_pg_schema):
    """Build an app with config overrides; its database is ready and cleaned up afterwards."""
    apps = []

    def factory(create_schema=True, **overrides):
        app = _make_app(**overrides)
        with app.app_context():
            if create_schema and not ON_PG:
                db.create_all()
        apps.append(app)
        return app

    yield factory
    for app in apps:
        with app.app_context():
            if ON_PG and app.config["SQLALCHEMY_DATABASE_URI"] == TEST_DB:
                _empty_tables()
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def race_app(make_app, tmp_path):
    """An application whose database threads share: a file on SQLite (an in-memory database cannot
    be shared across threads), ``TEST_DATABASE_URL`` on PostgreSQL; its context pushed."""
    overrides = {} if ON_PG else {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'race.sqlite3'}"}
    app = make_app(**overrides)
    with app.app_context():
        yield app


@pytest.fixture
def app(make_app):
    app = make_app()
    with app.app_context():
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AuthActions:
    def __init__(self, client):
        self._client = client

    def login(self, email="member@az.example", password=PASSWORD, **kw):
        return self._client.post("/login", data={"email": email, "password": password, **kw})

    def logout(self):
        return self._client.post("/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def factory(app):
    """Builds persisted rows through the services (the real code path)."""
    from tests.factories import Factory

    return Factory()


@pytest.fixture
def w(client, factory):
    """The shared world: two centers with rooms and staff, firms of both countries with members
    (``tests/booking_support.World``)."""
    return World(factory, client)
