"""Business centers, rooms, opening hours, closures, meetings and meeting participants.

Revision ID: 0002_centers_meetings
Revises: 0001_initial
Create Date: 2026-11-27

Written by hand. Constraint names follow the metadata naming convention. On PostgreSQL the
``btree_gist`` extension and two exclusion constraints guarantee that a room is never double-booked
and that a firm is never in two meetings at once (only rows with ``active`` true count). On both
databases a meeting carries its room's capacity through a composite foreign key (ON UPDATE CASCADE)
checked against the attendees, so no booking exceeds the room, even after the room shrinks. SQLite gets
the same tables (write transactions there are ``BEGIN IMMEDIATE``, see ``setup.register_database``)
and partial unique indexes on the start time.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_centers_meetings'
down_revision = '0001_initial'
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def _is_pg() -> bool:
    return op.get_bind().dialect.name == 'postgresql'


def upgrade():
    op.create_table(
        'centers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('slug', sa.String(length=40), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('city', sa.String(length=100), nullable=False),
        sa.Column('country', sa.String(length=2), nullable=False),
        sa.Column('timezone', sa.String(length=64), nullable=False),
        sa.Column('address', sa.String(length=300), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('created_at', TZ, nullable=False),
        sa.CheckConstraint("country IN ('AZ', 'RU')", name=op.f('ck_centers_country')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_centers')),
        sa.UniqueConstraint('slug', name=op.f('uq_centers_slug')),
    )
    op.create_table(
        'rooms',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('center_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('floor', sa.Integer(), nullable=True),
        sa.Column('capacity', sa.Integer(), nullable=False),
        sa.Column('equipment', sa.JSON(), nullable=False),
        sa.Column('bookable', sa.Boolean(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('created_at', TZ, nullable=False),
        sa.CheckConstraint('capacity > 0', name=op.f('ck_rooms_capacity_positive')),
        sa.CheckConstraint("kind IN ('meeting_room', 'conference', 'exhibition_hall', 'office', 'hotel_room')",
                           name=op.f('ck_rooms_kind')),
        sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_rooms_center_id_centers'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_rooms')),
        sa.UniqueConstraint('center_id', 'name', name=op.f('uq_rooms_center_id_name')),
        sa.UniqueConstraint('id', 'capacity', name=op.f('uq_rooms_id_capacity')),
    )
    with op.batch_alter_table('rooms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rooms_center_id'), ['center_id'], unique=False)

    op.create_table(
        'opening_hours',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('center_id', sa.Integer(), nullable=False),
        sa.Column('room_id', sa.Integer(), nullable=True),
        sa.Column('weekday', sa.Integer(), nullable=False),
        sa.Column('opens', sa.Time(), nullable=False),
        sa.Column('closes', sa.Time(), nullable=False),
        sa.CheckConstraint('weekday BETWEEN 0 AND 6', name=op.f('ck_opening_hours_weekday')),
        sa.CheckConstraint('closes > opens', name=op.f('ck_opening_hours_closes_after_opens')),
        sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_opening_hours_center_id_centers'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], name=op.f('fk_opening_hours_room_id_rooms'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_opening_hours')),
    )
    with op.batch_alter_table('opening_hours', schema=None) as batch_op:
        batch_op.create_index('ix_opening_hours_scope', ['center_id', 'room_id', 'weekday'], unique=False)

    op.create_table(
        'closures',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('center_id', sa.Integer(), nullable=False),
        sa.Column('room_id', sa.Integer(), nullable=True),
        sa.Column('start_at', TZ, nullable=False),
        sa.Column('end_at', TZ, nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('reason', sa.String(length=200), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', TZ, nullable=False),
        sa.CheckConstraint('end_at > start_at', name=op.f('ck_closures_end_after_start')),
        sa.CheckConstraint("kind IN ('holiday', 'maintenance', 'block')", name=op.f('ck_closures_kind')),
        sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_closures_center_id_centers'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['room_id'], ['rooms.id'], name=op.f('fk_closures_room_id_rooms'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_closures_created_by_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_closures')),
    )
    with op.batch_alter_table('closures', schema=None) as batch_op:
        batch_op.create_index('ix_closures_center_start', ['center_id', 'start_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_closures_room_id'), ['room_id'], unique=False)

    op.create_table(
        'meetings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uid', sa.String(length=80), nullable=False),
        sa.Column('requester_id', sa.Integer(), nullable=False),
        sa.Column('partner_id', sa.Integer(), nullable=False),
        sa.Column('proposed_by_id', sa.Integer(), nullable=False),
        sa.Column('room_id', sa.Integer(), nullable=False),
        sa.Column('room_capacity', sa.Integer(), nullable=False),
        sa.Column('start_at', TZ, nullable=False),
        sa.Column('end_at', TZ, nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('topic', sa.String(length=200), nullable=False),
        sa.Column('attendees', sa.Integer(), nullable=False),
        sa.Column('interpreter', sa.Boolean(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('sequence', sa.Integer(), nullable=False),
        sa.Column('expires_at', TZ, nullable=True),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', TZ, nullable=False),
        sa.Column('updated_at', TZ, nullable=False),
        sa.CheckConstraint('end_at > start_at', name=op.f('ck_meetings_end_after_start')),
        sa.CheckConstraint('requester_id <> partner_id', name=op.f('ck_meetings_two_firms')),
        sa.CheckConstraint('attendees >= 1', name=op.f('ck_meetings_attendees_positive')),
        sa.CheckConstraint("status IN ('requested', 'accepted', 'declined', 'cancelled', 'expired')",
                           name=op.f('ck_meetings_status')),
        sa.CheckConstraint("active = (status IN ('requested', 'accepted'))",
                           name=op.f('ck_meetings_active_matches_status')),
        sa.ForeignKeyConstraint(['requester_id'], ['companies.id'],
                                name=op.f('fk_meetings_requester_id_companies'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['partner_id'], ['companies.id'],
                                name=op.f('fk_meetings_partner_id_companies'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['proposed_by_id'], ['companies.id'],
                                name=op.f('fk_meetings_proposed_by_id_companies'), ondelete='CASCADE'),
        sa.CheckConstraint('NOT active OR attendees <= room_capacity',
                           name=op.f('ck_meetings_attendees_within_capacity')),
        sa.ForeignKeyConstraint(['room_id', 'room_capacity'], ['rooms.id', 'rooms.capacity'],
                                name=op.f('fk_meetings_room_id_rooms'), ondelete='RESTRICT', onupdate='CASCADE'),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_meetings_created_by_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings')),
        sa.UniqueConstraint('uid', name=op.f('uq_meetings_uid')),
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_requester_id'), ['requester_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index('ix_meetings_room_window', ['room_id', 'start_at', 'end_at'], unique=False)
        batch_op.create_index('uq_meetings_room_start', ['room_id', 'start_at'], unique=True,
                              sqlite_where=sa.text('active'), postgresql_where=sa.text('active'))

    op.create_table(
        'meeting_participants',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('meeting_id', sa.Integer(), nullable=False),
        sa.Column('company_id', sa.Integer(), nullable=False),
        sa.Column('start_at', TZ, nullable=False),
        sa.Column('end_at', TZ, nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.CheckConstraint('end_at > start_at', name=op.f('ck_meeting_participants_end_after_start')),
        sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'],
                                name=op.f('fk_meeting_participants_meeting_id_meetings'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['company_id'], ['companies.id'],
                                name=op.f('fk_meeting_participants_company_id_companies'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_participants')),
    )
    with op.batch_alter_table('meeting_participants', schema=None) as batch_op:
        batch_op.create_index('uq_meeting_participants_company_start', ['company_id', 'start_at'], unique=True,
                              sqlite_where=sa.text('active'), postgresql_where=sa.text('active'))
        batch_op.create_index('uq_meeting_participants_meeting_company', ['meeting_id', 'company_id'], unique=True)
        batch_op.create_index('ix_meeting_participants_company_window', ['company_id', 'start_at', 'end_at'],
                              unique=False)

    if _is_pg():
        op.execute('CREATE EXTENSION IF NOT EXISTS btree_gist')
        op.execute(
            "ALTER TABLE meetings ADD CONSTRAINT ex_meetings_room_during "
            "EXCLUDE USING gist (room_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&) WHERE (active)")
        op.execute(
            "ALTER TABLE meeting_participants ADD CONSTRAINT ex_meeting_participants_company_during "
            "EXCLUDE USING gist (company_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&) WHERE (active)")


def downgrade():
    # The btree_gist extension stays: other schemas may use it.
    op.drop_table('meeting_participants')
    op.drop_table('meetings')
    op.drop_table('closures')
    op.drop_table('opening_hours')
    op.drop_table('rooms')
    op.drop_table('centers')
