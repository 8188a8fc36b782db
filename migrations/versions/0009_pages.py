"""Verification turned down with a reason: ``companies.verification_rejected_at`` and
``companies.verification_reason``.

Revision ID: 0009_pages
Revises: 0006_change_log
Create Date: 2026-12-05

Written by hand. A firm whose verification the staff turned down leaves the verification queue
(``verification_rejected_at`` set) until it changes its profile; the reason is what it was told.
"""
from alembic import op
import sqlalchemy as sa


revision = "0009_pages"
down_revision = "0006_change_log"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.add_column(sa.Column("verification_rejected_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("verification_reason", sa.Text(), server_default="", nullable=False))


def downgrade():
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.drop_column("verification_reason")
        batch_op.drop_column("verification_rejected_at")
