"""Suggestions without foreign keys.

Revision ID: 0015_suggestions_without_keys
Revises: 0014_accounts
Create Date: 2026-12-05

Written by hand (and compared with the models by tests/test_migrations.py).

``suggestions`` is derived data that ``matches rebuild`` rewrites whole (400,000 rows at 20,000
firms). The check of its two foreign keys on every row cost three quarters of that write on
PostgreSQL (a row lock on the firm per key and row), and dropping them for the rebuild would lock
``companies`` against every reader. The rows of a deleted firm are deleted with it by the
application (``matching.store.forget``); readers join the firms. Stale rows, were there any, are
gone at the next rebuild. A downgrade deletes rows of firms that no longer exist before it adds
the keys back.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_suggestions_without_keys"
down_revision = "0014_accounts"
branch_labels = None
depends_on = None

KEYS = ("fk_suggestions_company_id_companies", "fk_suggestions_partner_id_companies")


def upgrade():
    with op.batch_alter_table("suggestions") as batch:
        for key in KEYS:
            batch.drop_constraint(key, type_="foreignkey")


def downgrade():
    op.execute(
        "DELETE FROM suggestions WHERE company_id NOT IN (SELECT id FROM companies) "
        "OR partner_id NOT IN (SELECT id FROM companies)"
    )
    with op.batch_alter_table("suggestions") as batch:
        for key, column in zip(KEYS, ("company_id", "partner_id"), strict=True):
            batch.create_foreign_key(key, "companies", [column], ["id"], ondelete="CASCADE")
