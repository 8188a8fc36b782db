"""Browser fixtures: the real app behind a real HTTP server, driven by Debian's Chromium.

No pytest-playwright: ``playwright install`` cannot download here, so we launch ``/usr/bin/chromium``
ourselves (sync API) and serve the app from a werkzeug ``make_server`` thread. CSRF stays on: the
browser submits the real forms with their tokens.

SQLite (default): every test gets its own database file in ``tmp_path``. PostgreSQL
(``TEST_DATABASE_URL``): a separate database next to it (``<test database>_browser``) is created for the
session and dropped afterwards, and every table is emptied after each test. A separate database,
because the live server commits from its own threads: tests of another run sharing
``TEST_DATABASE_URL`` would otherwise empty the tables under a browser test (and the other way round).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.browser.support import CHROMIUM, NO_BROWSER, ROOT, SKIP_REASON, TRANSLATIONS

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

TEST_DB = os.environ.get("TEST_DATABASE_URL", "")
ON_PG = TEST_DB.startswith("postgresql")
# next to the test database and named after it: runs on different test databases (several
# worktrees on one server) do not drop each other's browser database
PG_NAME = (TEST_DB.rsplit("/", 1)[-1].split("?")[0] or "matchmaker") + "_browser"


def compile_translations() -> None:
    """Compile the message catalogs (``make translations``) so the server speaks az and ru."""
    if TRANSLATIONS.is_dir() and any(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")):
        pybabel = Path(sys.executable).with_name("pybabel")
        cmd = [str(pybabel)] if pybabel.exists() else [sys.executable, "-m", "babel.messages.frontend"]
        subprocess.run(
            [*cmd, "compile", "-d", str(TRANSLATIONS), "-f"], check=True, cwd=ROOT, capture_output=True
        )


class LiveServer:
    """The app behind werkzeug's threaded server on an ephemeral port."""

    def __init__(self, app):
        from werkzeug.serving import make_server

        self.app = app
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="live-server", daemon=True)
        self._thread.start()

    def __call__(self, path: str = "/") -> str:
        return self.url + path

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def build_app(database_uri: str, **overrides):
    from matchmaker import create_app
    from matchmaker.extensions import db

    config = {
        "MATCHMAKER_ENV": "testing",
        "SQLALCHEMY_DATABASE_URI": database_uri,
        "WTF_CSRF_ENABLED": True,
        "SERVER_NAME": None,
    }
    config.update(overrides)
    app = create_app(config)
    with app.app_context():
        db.create_all()
    return app


def empty_database(app) -> None:
    from matchmaker.extensions import db

    with app.app_context():
        db.session.remove()
        if db.engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
            with db.engine.begin() as conn:
                conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        db.engine.dispose()


@pytest.fixture(scope="session")
def _translations():
    compile_translations()


@pytest.fixture(scope="session")
def browser():
    if NO_BROWSER:
        pytest.skip(SKIP_REASON)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _pg_admin(statement: str) -> None:
    from sqlalchemy import create_engine

    admin = create_engine(TEST_DB.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(statement))
    finally:
        admin.dispose()


@pytest.fixture(scope="session")
def _pg_database():
    if not ON_PG:
        yield None
        return
    _pg_admin(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
    _pg_admin(f"CREATE DATABASE {PG_NAME}")
    yield TEST_DB.rsplit("/", 1)[0] + "/" + PG_NAME
    _pg_admin(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")


@pytest.fixture
def app(tmp_path, _translations, _pg_database):
    uri = _pg_database or f"sqlite:///{tmp_path / 'browser.sqlite3'}"
    app = build_app(uri)
    yield app
    empty_database(app)


@pytest.fixture
def live_server(app):
    server = LiveServer(app)
    yield server
    server.stop()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    assert not errors, f"JavaScript errors on the page: {errors}"
