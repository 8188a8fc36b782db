"""The staff's additions to the trade lexicon (lemmas linked to concepts, new concepts).

Revision ID: 0011_lexicon
Revises: 0009_pages
Create Date: 2026-12-05

Written by hand (and compared with the models by tests/test_migrations.py). The packaged
``lexicon.json`` stays the base; these rows are merged over it when a process loads the lexicon, so
an upgrade of the packaged file keeps them.
"""

from alembic import op
import sqlalchemy as sa


revision = "0011_lexicon"
down_revision = "0009_pages"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "lexicon_additions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("concept_id", sa.String(length=64), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=True),
        sa.Column("lemma", sa.String(length=200), nullable=True),
        sa.Column("hs", sa.String(length=16), nullable=True),
        sa.Column("group_id", sa.String(length=64), nullable=True),
        sa.Column("broader", sa.String(length=64), nullable=True),
        sa.Column("names", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('lemma', 'concept')", name=op.f("ck_lexicon_additions_kind")),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_lexicon_additions_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lexicon_additions")),
    )
    op.create_index(
        op.f("ix_lexicon_additions_concept_id"), "lexicon_additions", ["concept_id"], unique=False
    )


def downgrade():
    op.drop_index(op.f("ix_lexicon_additions_concept_id"), table_name="lexicon_additions")
    op.drop_table("lexicon_additions")
