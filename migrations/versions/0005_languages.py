"""Names and descriptions per language; room equipment as vocabulary keys.

Revision ID: 0005_languages
Revises: 0004_mail
Create Date: 2026-12-02

Reviewed by hand. Every translatable text becomes three nullable columns, ``<field>_az``,
``<field>_ru``, ``<field>_en`` (NULL: not given in that language; docs/i18n.md says why columns and
not a JSON object):

* centers: name, city, address, description;  rooms: name, description (new);
* closures: reason;  events: title, description.

Existing texts were written in English: they move to the ``_en`` column, nothing is lost. The
seeded centers, rooms and holidays get their real Azerbaijani, Russian and English names from
``flask seed-demo`` (``centers.seed``), which recognises them by their old English names and leaves
anything the staff renamed alone. A room's name is unique within its center in each language
(UNIQUE (center_id, name_xx); NULLs never clash). Room equipment, free text until now, becomes the
keys of ``centers.models.Equipment`` (``"Wi-Fi"`` -> ``"wifi"``); a text outside the vocabulary is
kept as it is.

SQLite rebuilds a table to drop a column: migrations/env.py runs migrations with foreign keys off
there, so dropping the old ``rooms`` or ``centers`` table does not cascade into closures, opening
hours or meetings.
"""

import json

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0005_languages"
down_revision = "0004_mail"
branch_labels = None
depends_on = None

LANGS = ("az", "ru", "en")
FIELDS = {
    "centers": {
        "name": sa.String(200),
        "city": sa.String(100),
        "address": sa.String(300),
        "description": sa.Text(),
    },
    "rooms": {"name": sa.String(120), "description": sa.Text()},
    "closures": {"reason": sa.String(200)},
    "events": {"title": sa.String(200), "description": sa.Text()},
}
# the old single-language columns (rooms had no description)
OLD = {
    "centers": {
        "name": sa.String(200),
        "city": sa.String(100),
        "address": sa.String(300),
        "description": sa.Text(),
    },
    "rooms": {"name": sa.String(120)},
    "closures": {"reason": sa.String(200)},
    "events": {"title": sa.String(200), "description": sa.Text()},
}
REQUIRED = {"centers": ("name", "city"), "rooms": ("name",), "events": ("title",)}
EQUIPMENT = {
    "projector": "projector",
    "screen": "screen",
    "whiteboard": "whiteboard",
    "flipchart": "flipchart",
    "flip chart": "flipchart",
    "wi-fi": "wifi",
    "wifi": "wifi",
    "video conferencing": "video_conferencing",
    "microphones": "microphones",
    "sound system": "sound_system",
    "interpretation booth": "interpretation_booth",
    "desks": "desks",
    "stands": "stands",
    "bed": "bed",
    "beds": "bed",
}


def _any_of(field):
    return f"COALESCE({field}_az, {field}_ru, {field}_en) IS NOT NULL"


def upgrade():
    for table, fields in FIELDS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for field, type_ in fields.items():
                for lang in LANGS:
                    batch_op.add_column(sa.Column(f"{field}_{lang}", type_, nullable=True))
        moves = ", ".join(f"{field}_en = NULLIF(TRIM({field}), '')" for field in OLD[table])
        op.execute(f"UPDATE {table} SET {moves}")

    _equipment_to_keys()

    with op.batch_alter_table("rooms", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_rooms_center_id_name"), type_="unique")
    for table, fields in OLD.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for field in fields:
                batch_op.drop_column(field)
            for field in REQUIRED.get(table, ()):
                batch_op.create_check_constraint(batch_op.f(f"ck_{table}_has_{field}"), _any_of(field))
            if table == "rooms":
                for lang in LANGS:
                    batch_op.create_unique_constraint(
                        batch_op.f(f"uq_rooms_center_id_name_{lang}"), ["center_id", f"name_{lang}"]
                    )


def _equipment_to_keys():
    conn = op.get_bind()
    rooms = sa.table("rooms", sa.column("id", sa.Integer), sa.column("equipment", sa.JSON))
    for room_id, equipment in conn.execute(sa.select(rooms.c.id, rooms.c.equipment)).all():
        items = equipment if isinstance(equipment, list) else json.loads(equipment or "[]")
        keys = []
        for item in items:
            key = EQUIPMENT.get(str(item).strip().lower(), str(item).strip())
            if key and key not in keys:
                keys.append(key)
        if keys != items:
            conn.execute(sa.update(rooms).where(rooms.c.id == room_id).values(equipment=keys))


def downgrade():
    """Back to one text per field: English where given, else Azerbaijani, else Russian."""
    for table, fields in OLD.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for field, type_ in fields.items():
                batch_op.add_column(sa.Column(field, type_, nullable=True))
        moves = ", ".join(f"{field} = COALESCE({field}_en, {field}_az, {field}_ru, '')" for field in fields)
        op.execute(f"UPDATE {table} SET {moves}")
    for table, fields in FIELDS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for field in REQUIRED.get(table, ()):
                batch_op.drop_constraint(batch_op.f(f"ck_{table}_has_{field}"), type_="check")
            if table == "rooms":
                for lang in LANGS:
                    batch_op.drop_constraint(batch_op.f(f"uq_rooms_center_id_name_{lang}"), type_="unique")
            for field in fields:
                for lang in LANGS:
                    batch_op.drop_column(f"{field}_{lang}")
            for field, type_ in OLD[table].items():
                batch_op.alter_column(field, existing_type=type_, nullable=False)
            if table == "rooms":
                batch_op.create_unique_constraint(
                    batch_op.f("uq_rooms_center_id_name"), ["center_id", "name"]
                )
