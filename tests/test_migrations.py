"""Migrations: one head, they build the schema the models describe, and they run on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import upgrade
from sqlalchemy import create_engine, text

from matchmaker.extensions import db
from tests.conftest import ON_PG, TEST_DB


def test_single_head(app):
    config = app.extensions["migrate"].migrate.get_config()
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, f"several Alembic heads: {heads}"


def test_upgrade_builds_the_models_schema(make_app, tmp_path):
    if ON_PG:
        url = TEST_DB.rsplit("/", 1)[0] + "/postgres"
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("DROP DATABASE IF EXISTS matchmaker_migrations"))
            conn.execute(text("CREATE DATABASE matchmaker_migrations"))
        admin.dispose()
        target = TEST_DB.rsplit("/", 1)[0] + "/matchmaker_migrations"
    else:
        target = f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
    app = make_app(create_schema=False, SQLALCHEMY_DATABASE_URI=target)
    try:
        with app.app_context():
            upgrade()
            with db.engine.connect() as conn:
                ctx = MigrationContext.configure(conn, opts={"compare_type": True})
                diff = compare_metadata(ctx, db.metadata)
            assert diff == [], diff
            db.session.remove()
            db.engine.dispose()
    finally:
        if ON_PG:
            admin = create_engine(TEST_DB.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text("DROP DATABASE IF EXISTS matchmaker_migrations WITH (FORCE)"))
            admin.dispose()
