"""The test databases. SQLite: a fresh in-memory database per test (see conftest). PostgreSQL
(``TEST_DATABASE_URL``): each pytest-xdist worker gets its own database next to the given one
(``test`` → ``test_gw0``, ``test_gw1``…), so ``make test-pg PYTEST_ARGS="-n auto"`` works, and tests
that need a whole database of their own (migrations, gunicorn) create one named after theirs."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text

_GIVEN = os.environ.get("TEST_DATABASE_URL", "")
ON_PG = _GIVEN.startswith("postgresql")


def _admin():
    return create_engine(_GIVEN.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")


def _worker_database(url: str) -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not ON_PG or not worker:
        return url
    server, name = url.rsplit("/", 1)
    own = f"{name}_{worker}"
    admin = _admin()
    with admin.connect() as conn:
        if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": own}).scalar():
            conn.execute(text(f'CREATE DATABASE "{own}"'))
    admin.dispose()
    return f"{server}/{own}"


TEST_DB = _worker_database(_GIVEN)
if ON_PG:
    os.environ["TEST_DATABASE_URL"] = TEST_DB  # what TestingConfig reads


@contextmanager
def sibling_database(suffix: str) -> Iterator[str]:
    """A new, empty PostgreSQL database named after the test database, dropped afterwards."""
    server, name = TEST_DB.rsplit("/", 1)
    own = f"{name}_{suffix}"
    admin = _admin()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{own}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{own}"'))
    try:
        yield f"{server}/{own}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{own}" WITH (FORCE)'))
        admin.dispose()
