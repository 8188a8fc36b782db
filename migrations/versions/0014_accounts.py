"""Accounts and privacy: consent to the privacy notice, the audit log, read state per member.

Revision ID: 0014_accounts
Revises: 0013_stays
Create Date: 2026-12-05

Written by hand (and compared with the models by tests/test_migrations.py).

* ``users.privacy_version`` / ``privacy_accepted_at``: the notice a member agreed to at registration
  (NULL for accounts made before, or by the staff or the command line).
* ``companies.logo`` / ``logo_updated_at``: the firm's logo, re-encoded as PNG (bytea/blob).
* ``audit_log``: one row per staff or admin action; ``actor_id`` is cleared when the account is
  deleted; no foreign key to the row acted on, so the entry outlives it.
* ``users.calendar_token`` keeps the SHA-256 of the feed token from now on (existing ones are
  hashed here, so subscribed addresses keep working; a downgrade clears them).
* ``notification_reads``: which member read which of their firm's notes. Notes already read
  (``notifications.read_at``) stay read for everybody: the column is kept and still honoured.
"""

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0014_accounts"
down_revision = "0013_stays"
branch_labels = None
depends_on = None

AUDIT_ACTIONS = ("verify", "hide", "edit_firm", "act_for_firm", "cancel", "schedule", "account")


def upgrade():
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("privacy_version", sa.String(20), nullable=True))
        batch.add_column(sa.Column("privacy_accepted_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("companies") as batch:
        batch.add_column(sa.Column("logo", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("logo_updated_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_role", sa.String(16), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("target_kind", sa.String(20), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.String(300), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.CheckConstraint(
            "action IN (" + ", ".join(f"'{a}'" for a in AUDIT_ACTIONS) + ")", name=op.f("ck_audit_log_action")
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_audit_log_actor_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"])
    op.create_index(op.f("ix_audit_log_actor_id"), "audit_log", ["actor_id"])
    op.create_index(op.f("ix_audit_log_action"), "audit_log", ["action"])
    op.create_index(op.f("ix_audit_log_company_id"), "audit_log", ["company_id"])
    op.create_table(
        "notification_reads",
        sa.Column("notification_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["notification_id"],
            ["notifications.id"],
            name=op.f("fk_notification_reads_notification_id_notifications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_notification_reads_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("notification_id", "user_id", name=op.f("pk_notification_reads")),
    )
    op.create_index(op.f("ix_notification_reads_user_id"), "notification_reads", ["user_id"])
    # calendar-feed tokens are kept as their SHA-256, like API tokens: the addresses people
    # already subscribed to keep working (the feed hashes the token in the address it is asked for)
    conn = op.get_bind()
    users = sa.table("users", sa.column("id", sa.Integer), sa.column("calendar_token", sa.String))
    for uid, token in conn.execute(
        sa.select(users.c.id, users.c.calendar_token).where(users.c.calendar_token.isnot(None))
    ).all():
        digest = hashlib.sha256(token.encode()).hexdigest()
        conn.execute(users.update().where(users.c.id == uid).values(calendar_token=digest))


def downgrade():
    # a hash cannot be turned back into the address: members make a new one
    users = sa.table("users", sa.column("calendar_token", sa.String))
    op.get_bind().execute(users.update().values(calendar_token=None))
    op.drop_index(op.f("ix_notification_reads_user_id"), table_name="notification_reads")
    op.drop_table("notification_reads")
    for name in ("company_id", "action", "actor_id", "at"):
        op.drop_index(op.f(f"ix_audit_log_{name}"), table_name="audit_log")
    op.drop_table("audit_log")
    with op.batch_alter_table("companies") as batch:
        batch.drop_column("logo_updated_at")
        batch.drop_column("logo")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("privacy_accepted_at")
        batch.drop_column("privacy_version")
