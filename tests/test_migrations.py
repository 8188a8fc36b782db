"""Migrations: one head, they build the schema the models describe, and they run on both databases."""

from __future__ import annotations

from contextlib import nullcontext

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import upgrade

from matchmaker.extensions import db
from tests.databases import ON_PG, sibling_database


def test_single_head(app):
    config = app.extensions["migrate"].migrate.get_config()
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, f"several Alembic heads: {heads}"


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
