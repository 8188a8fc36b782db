"""Stays by the night in the mini-hotel rooms and residential flats; the room kind ``flat``.

Revision ID: 0013_stays
Revises: 0006_change_log
Create Date: 2026-12-05

Written by hand (and compared with the models by tests/test_migrations.py). ``stays`` holds a room's
nights [check_in, check_out) for a firm; only active rows (requested, confirmed) hold them:

* PostgreSQL: ``EXCLUDE USING gist (room_id WITH =, daterange(check_in, check_out, '[)') WITH &&)
  WHERE (active)`` (``btree_gist`` exists since 0002);
* SQLite: two triggers refuse an active stay whose nights meet another active stay of the room;
* both: a partial unique index on (room_id, check_in), and the guests within the room's beds through
  the composite foreign key to rooms (id, capacity) ON UPDATE CASCADE, as meetings carry their seats.

``stay_policies`` holds a center's check-in and check-out hours, shortest and longest stay and
whether staff confirm requests (``flask seed-demo`` gives the two centers theirs). The rooms' kind
check gains ``flat`` (on SQLite by rebuilding ``rooms``; migrations/env.py runs with foreign keys
off there).
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_stays"
down_revision = "0006_change_log"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)
OLD_KINDS = "kind IN ('meeting_room', 'conference', 'exhibition_hall', 'office', 'hotel_room')"
NEW_KINDS = "kind IN ('meeting_room', 'conference', 'exhibition_hall', 'office', 'hotel_room', 'flat')"

_OVERLAP = (
    "SELECT RAISE(ABORT, 'stays: the room is taken for one of these nights') WHERE EXISTS ("
    "SELECT 1 FROM stays AS s WHERE s.room_id = NEW.room_id AND s.active AND s.id IS NOT NEW.id "
    "AND s.check_in < NEW.check_out AND NEW.check_in < s.check_out)"
)
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS tr_stays_nights_insert BEFORE INSERT ON stays WHEN NEW.active "
    f"BEGIN {_OVERLAP}; END",
    f"CREATE TRIGGER IF NOT EXISTS tr_stays_nights_update BEFORE UPDATE OF room_id, check_in, check_out, "
    f"active ON stays WHEN NEW.active BEGIN {_OVERLAP}; END",
)


def _is_pg() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def _room_kinds(check: str) -> None:
    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_rooms_kind"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_rooms_kind"), check)


def upgrade():
    _room_kinds(NEW_KINDS)
    op.create_table(
        "stay_policies",
        sa.Column("center_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("check_in_from", sa.Time(), nullable=False),
        sa.Column("check_out_until", sa.Time(), nullable=False),
        sa.Column("min_nights", sa.Integer(), nullable=False),
        sa.Column("max_nights", sa.Integer(), nullable=False),
        sa.Column("needs_confirmation", sa.Boolean(), nullable=False),
        sa.CheckConstraint("min_nights >= 1", name=op.f("ck_stay_policies_min_nights_positive")),
        sa.CheckConstraint("max_nights >= min_nights", name=op.f("ck_stay_policies_max_after_min")),
        sa.ForeignKeyConstraint(
            ["center_id"], ["centers.id"], name=op.f("fk_stay_policies_center_id_centers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("center_id", name=op.f("pk_stay_policies")),
    )
    op.create_table(
        "stays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=80), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("room_capacity", sa.Integer(), nullable=False),
        sa.Column("check_in", sa.Date(), nullable=False),
        sa.Column("check_out", sa.Date(), nullable=False),
        sa.Column("guests", sa.Integer(), nullable=False),
        sa.Column("arrival_time", sa.Time(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("staff_note", sa.Text(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.CheckConstraint("check_out > check_in", name=op.f("ck_stays_check_out_after_check_in")),
        sa.CheckConstraint("guests >= 1", name=op.f("ck_stays_guests_positive")),
        sa.CheckConstraint(
            "status IN ('requested', 'confirmed', 'declined', 'cancelled')", name=op.f("ck_stays_status")
        ),
        sa.CheckConstraint(
            "active = (status IN ('requested', 'confirmed'))", name=op.f("ck_stays_active_matches_status")
        ),
        sa.CheckConstraint("NOT active OR guests <= room_capacity", name=op.f("ck_stays_guests_within_beds")),
        sa.ForeignKeyConstraint(
            ["company_id"], ["companies.id"], name=op.f("fk_stays_company_id_companies"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["room_id", "room_capacity"],
            ["rooms.id", "rooms.capacity"],
            name=op.f("fk_stays_room_id_rooms"),
            ondelete="RESTRICT",
            onupdate="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name=op.f("fk_stays_created_by_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stays")),
        sa.UniqueConstraint("uid", name=op.f("uq_stays_uid")),
    )
    with op.batch_alter_table("stays", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stays_company_id"), ["company_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stays_status"), ["status"], unique=False)
        batch_op.create_index("ix_stays_room_nights", ["room_id", "check_in", "check_out"], unique=False)
        batch_op.create_index(
            "uq_stays_room_check_in",
            ["room_id", "check_in"],
            unique=True,
            sqlite_where=sa.text("active"),
            postgresql_where=sa.text("active"),
        )
    if _is_pg():
        op.execute(
            "ALTER TABLE stays ADD CONSTRAINT ex_stays_room_nights "
            "EXCLUDE USING gist (room_id WITH =, daterange(check_in, check_out, '[)') WITH &&) WHERE (active)"
        )
    else:
        for ddl in SQLITE_TRIGGERS:
            op.execute(ddl)


def downgrade():
    op.drop_table("stays")  # its triggers go with it
    op.drop_table("stay_policies")
    op.execute("DELETE FROM rooms WHERE kind = 'flat' AND id NOT IN (SELECT room_id FROM meetings)")
    _room_kinds(OLD_KINDS)
