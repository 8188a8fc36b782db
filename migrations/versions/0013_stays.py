"""Stays by the night in the mini-hotel rooms and residential flats; the room kind ``flat``.

Revision ID: 0013_stays
Revises: 0011_lexicon
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
off there) and a nullable ``area_m2`` (floor area of offices and flats).

Office rental (``office_rentals``): a rental is promised while ``offered`` or ``accepted``; an
office is never promised twice for overlapping days: on PostgreSQL ``EXCLUDE USING gist (room_id
WITH =, daterange(first_day, last_day, '[]') WITH &&) WHERE (promised)``, on SQLite two triggers.

Exhibitions (``exhibitions``, ``stands``, ``stand_requests``): each stand goes to one firm, a
partial unique index on the stand of allocated requests; a firm has one live request per exhibition.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_stays"
down_revision = "0011_lexicon"
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


OFFICE_OVERLAP = (
    "SELECT RAISE(ABORT, 'office_rentals: the office is promised for part of this period') WHERE EXISTS ("
    "SELECT 1 FROM office_rentals AS r WHERE r.room_id = NEW.room_id AND r.promised AND r.id IS NOT NEW.id "
    "AND r.first_day <= NEW.last_day AND NEW.first_day <= r.last_day)"
)
OFFICE_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS tr_office_rentals_insert BEFORE INSERT ON office_rentals "
    f"WHEN NEW.promised BEGIN {OFFICE_OVERLAP}; END",
    f"CREATE TRIGGER IF NOT EXISTS tr_office_rentals_update BEFORE UPDATE OF room_id, first_day, last_day, "
    f"promised ON office_rentals WHEN NEW.promised BEGIN {OFFICE_OVERLAP}; END",
)


def _room_kinds(check: str, area: bool) -> None:
    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_rooms_kind"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_rooms_kind"), check)
        if area:
            batch_op.add_column(sa.Column("area_m2", sa.Integer(), nullable=True))
        else:
            batch_op.drop_column("area_m2")


def upgrade():
    _room_kinds(NEW_KINDS, area=True)
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
    _offices()
    _exhibitions()


def _offices():
    op.create_table(
        "office_rentals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("answer_note", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("promised", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.CheckConstraint("last_day >= first_day", name=op.f("ck_office_rentals_last_day_after_first")),
        sa.CheckConstraint("people >= 1", name=op.f("ck_office_rentals_people_positive")),
        sa.CheckConstraint(
            "status IN ('requested', 'offered', 'accepted', 'declined', 'withdrawn')",
            name=op.f("ck_office_rentals_status"),
        ),
        sa.CheckConstraint(
            "promised = (status IN ('offered', 'accepted'))",
            name=op.f("ck_office_rentals_promised_matches_status"),
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["rooms.id"], name=op.f("fk_office_rentals_room_id_rooms"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_office_rentals_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_office_rentals_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_rentals")),
    )
    with op.batch_alter_table("office_rentals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_office_rentals_company_id"), ["company_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_office_rentals_status"), ["status"], unique=False)
        batch_op.create_index(
            "ix_office_rentals_room_days", ["room_id", "first_day", "last_day"], unique=False
        )
    if _is_pg():
        op.execute(
            "ALTER TABLE office_rentals ADD CONSTRAINT ex_office_rentals_room_days EXCLUDE USING gist "
            "(room_id WITH =, daterange(first_day, last_day, '[]') WITH &&) WHERE (promised)"
        )
    else:
        for ddl in OFFICE_TRIGGERS:
            op.execute(ddl)


def _exhibitions():
    op.create_table(
        "exhibitions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("center_id", sa.Integer(), nullable=False),
        sa.Column("title_az", sa.String(length=200), nullable=True),
        sa.Column("title_ru", sa.String(length=200), nullable=True),
        sa.Column("title_en", sa.String(length=200), nullable=True),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("accepts_requests", sa.Boolean(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.CheckConstraint("last_day >= first_day", name=op.f("ck_exhibitions_last_day_after_first")),
        sa.CheckConstraint(
            "COALESCE(title_az, title_ru, title_en) IS NOT NULL", name=op.f("ck_exhibitions_has_title")
        ),
        sa.ForeignKeyConstraint(
            ["center_id"], ["centers.id"], name=op.f("fk_exhibitions_center_id_centers"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_exhibitions_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exhibitions")),
    )
    op.create_index(op.f("ix_exhibitions_center_id"), "exhibitions", ["center_id"], unique=False)
    op.create_table(
        "stands",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exhibition_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("width_m", sa.Numeric(precision=4, scale=1, asdecimal=False), nullable=False),
        sa.Column("depth_m", sa.Numeric(precision=4, scale=1, asdecimal=False), nullable=False),
        sa.CheckConstraint("width_m > 0 AND depth_m > 0", name=op.f("ck_stands_positive_size")),
        sa.ForeignKeyConstraint(
            ["exhibition_id"],
            ["exhibitions.id"],
            name=op.f("fk_stands_exhibition_id_exhibitions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stands")),
        sa.UniqueConstraint("exhibition_id", "code", name=op.f("uq_stands_exhibition_id_code")),
    )
    op.create_table(
        "stand_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exhibition_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("stand_id", sa.Integer(), nullable=True),
        sa.Column("area_m2", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("answer_note", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.CheckConstraint(
            "status IN ('requested', 'allocated', 'declined', 'withdrawn')",
            name=op.f("ck_stand_requests_status"),
        ),
        sa.CheckConstraint(
            "(status = 'allocated') = (stand_id IS NOT NULL)",
            name=op.f("ck_stand_requests_allocated_has_stand"),
        ),
        sa.CheckConstraint("area_m2 >= 1", name=op.f("ck_stand_requests_area_positive")),
        sa.ForeignKeyConstraint(
            ["exhibition_id"],
            ["exhibitions.id"],
            name=op.f("fk_stand_requests_exhibition_id_exhibitions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["companies.id"],
            name=op.f("fk_stand_requests_company_id_companies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stand_id"], ["stands.id"], name=op.f("fk_stand_requests_stand_id_stands"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_stand_requests_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stand_requests")),
    )
    with op.batch_alter_table("stand_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stand_requests_exhibition_id"), ["exhibition_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_stand_requests_company_id"), ["company_id"], unique=False)
        batch_op.create_index(
            "uq_stand_requests_stand",
            ["stand_id"],
            unique=True,
            sqlite_where=sa.text("status = 'allocated'"),
            postgresql_where=sa.text("status = 'allocated'"),
        )
        batch_op.create_index(
            "uq_stand_requests_live_firm",
            ["exhibition_id", "company_id"],
            unique=True,
            sqlite_where=sa.text("status IN ('requested', 'allocated')"),
            postgresql_where=sa.text("status IN ('requested', 'allocated')"),
        )


def downgrade():
    op.drop_table("stand_requests")
    op.drop_table("stands")
    op.drop_index(op.f("ix_exhibitions_center_id"), table_name="exhibitions")
    op.drop_table("exhibitions")
    op.drop_table("office_rentals")  # its triggers go with it
    op.drop_table("stays")
    op.drop_table("stay_policies")
    op.execute("DELETE FROM rooms WHERE kind = 'flat' AND id NOT IN (SELECT room_id FROM meetings)")
    _room_kinds(OLD_KINDS, area=False)
