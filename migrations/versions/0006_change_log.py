"""The change log workers follow: numbers handed out in commit order, not timestamps.

Revision ID: 0006_change_log
Revises: 0005_languages
Create Date: 2026-12-05

Written by hand (and compared with the models by tests/test_migrations.py). ``change_counter`` holds
one row (id 1) whose ``seq`` a changing transaction raises just before it commits (which locks the
row until the commit, so numbers follow the commit order); ``company_changes`` has one row per firm
and number, no foreign key (a deleted firm's last change stays). Workers that followed
``companies.updated_at`` before this release start again with a full load, which is what a restart
after the upgrade does anyway.
"""
from alembic import op
import sqlalchemy as sa


revision = "0006_change_log"
down_revision = "0005_languages"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "company_changes",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_company_changes")),
    )
    op.create_index(op.f("ix_company_changes_changed_at"), "company_changes", ["changed_at"], unique=False)
    op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_change_counter_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_counter")),
    )
    op.execute("INSERT INTO change_counter (id, seq) VALUES (1, 0)")


def downgrade():
    op.drop_table("change_counter")
    op.drop_index(op.f("ix_company_changes_changed_at"), table_name="company_changes")
    op.drop_table("company_changes")
