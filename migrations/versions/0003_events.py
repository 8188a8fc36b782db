"""Brokerage days: events, registrations, meeting requests, scheduled meetings, seats, feedback.

Revision ID: 0003_events
Revises: 0002_centers_meetings
Create Date: 2026-11-27

Reviewed by hand. The schedule's integrity lives here: UNIQUE (event_id, slot, table_no) on
event_meetings (no table twice in a slot) and UNIQUE (event_id, slot, company_id) on event_seats (no
firm twice in a slot; one seat row per firm of each scheduled meeting). A seat's slot is tied to its
meeting's by the composite key (meeting_id, event_id, slot) -> event_meetings (id, event_id, slot),
ON UPDATE CASCADE, which needs the UNIQUE (id, event_id, slot) on event_meetings. Constraint names
follow the metadata naming convention; timestamps are timezone-aware (UTC).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003_events'
down_revision = '0002_centers_meetings'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('center_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('sessions', sa.JSON(), nullable=False),
    sa.Column('slot_minutes', sa.Integer(), nullable=False),
    sa.Column('tables', sa.Integer(), nullable=False),
    sa.Column('room_ids', sa.JSON(), nullable=False),
    sa.Column('max_meetings', sa.Integer(), nullable=False),
    sa.Column('request_deadline', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'open', 'scheduled', 'published', 'closed')", name=op.f('ck_events_status')),
    sa.CheckConstraint('max_meetings > 0', name=op.f('ck_events_max_meetings_positive')),
    sa.CheckConstraint('slot_minutes IN (15, 20, 30)', name=op.f('ck_events_slot_minutes')),
    sa.CheckConstraint('tables > 0', name=op.f('ck_events_tables_positive')),
    sa.ForeignKeyConstraint(['center_id'], ['centers.id'], name=op.f('fk_events_center_id_centers')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_events_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_center_id'), ['center_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_status'), ['status'], unique=False)

    op.create_table('event_registrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('present_slots', sa.JSON(), nullable=True),
    sa.Column('registered_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_event_registrations_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_registrations_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['registered_by_id'], ['users.id'], name=op.f('fk_event_registrations_registered_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_registrations')),
    sa.UniqueConstraint('event_id', 'company_id', name=op.f('uq_event_registrations_event_id_company_id'))
    )
    with op.batch_alter_table('event_registrations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_registrations_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_registrations_event_id'), ['event_id'], unique=False)

    op.create_table('event_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('requester_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'accepted', 'declined', 'lapsed', 'withdrawn', 'cancelled')", name=op.f('ck_event_requests_status')),
    sa.CheckConstraint('requester_id <> partner_id', name=op.f('ck_event_requests_two_firms')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_event_requests_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_requests_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['partner_id'], ['companies.id'], name=op.f('fk_event_requests_partner_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requester_id'], ['companies.id'], name=op.f('fk_event_requests_requester_id_companies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_requests')),
    sa.UniqueConstraint('event_id', 'requester_id', 'partner_id', name=op.f('uq_event_requests_event_id_requester_id_partner_id'))
    )
    with op.batch_alter_table('event_requests', schema=None) as batch_op:
        batch_op.create_index('ix_event_requests_event_partner', ['event_id', 'partner_id'], unique=False)

    op.create_table('event_meetings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('az_company_id', sa.Integer(), nullable=False),
    sa.Column('ru_company_id', sa.Integer(), nullable=False),
    sa.Column('slot', sa.Integer(), nullable=True),
    sa.Column('table_no', sa.Integer(), nullable=True),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('active', 'cancelled')", name=op.f('ck_event_meetings_status')),
    sa.CheckConstraint('(slot IS NULL) = (table_no IS NULL)', name=op.f('ck_event_meetings_slot_and_table')),
    sa.CheckConstraint('az_company_id <> ru_company_id', name=op.f('ck_event_meetings_two_firms')),
    sa.CheckConstraint('slot >= 0 AND table_no >= 1', name=op.f('ck_event_meetings_placement_range')),
    sa.ForeignKeyConstraint(['az_company_id'], ['companies.id'], name=op.f('fk_event_meetings_az_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_meetings_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['request_id'], ['event_requests.id'], name=op.f('fk_event_meetings_request_id_event_requests'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ru_company_id'], ['companies.id'], name=op.f('fk_event_meetings_ru_company_id_companies'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_meetings')),
    sa.UniqueConstraint('event_id', 'slot', 'table_no', name=op.f('uq_event_meetings_event_id_slot_table_no')),
    sa.UniqueConstraint('id', 'event_id', 'slot', name=op.f('uq_event_meetings_id_event_id_slot')),
    sa.UniqueConstraint('request_id', name=op.f('uq_event_meetings_request_id'))
    )
    with op.batch_alter_table('event_meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_meetings_az_company_id'), ['az_company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_meetings_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_meetings_ru_company_id'), ['ru_company_id'], unique=False)

    op.create_table('event_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('no_show', sa.Boolean(), nullable=False),
    sa.Column('took_place', sa.Boolean(), nullable=True),
    sa.Column('usefulness', sa.Integer(), nullable=True),
    sa.Column('follow_up', sa.Boolean(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('usefulness BETWEEN 1 AND 5', name=op.f('ck_event_feedback_usefulness')),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_event_feedback_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['event_meetings.id'], name=op.f('fk_event_feedback_meeting_id_event_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_feedback')),
    sa.UniqueConstraint('meeting_id', 'company_id', name=op.f('uq_event_feedback_meeting_id_company_id'))
    )
    with op.batch_alter_table('event_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_feedback_company_id'), ['company_id'], unique=False)

    op.create_table('event_seats',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('slot', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['companies.id'], name=op.f('fk_event_seats_company_id_companies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_seats_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id', 'event_id', 'slot'], ['event_meetings.id', 'event_meetings.event_id', 'event_meetings.slot'], name=op.f('fk_event_seats_meeting_id_event_meetings'), onupdate='CASCADE', ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_seats')),
    sa.UniqueConstraint('event_id', 'slot', 'company_id', name=op.f('uq_event_seats_event_id_slot_company_id')),
    sa.UniqueConstraint('meeting_id', 'company_id', name=op.f('uq_event_seats_meeting_id_company_id'))
    )
    with op.batch_alter_table('event_seats', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_seats_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_seats_meeting_id'), ['meeting_id'], unique=False)


def downgrade():
    with op.batch_alter_table('event_seats', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_seats_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_event_seats_company_id'))

    op.drop_table('event_seats')
    with op.batch_alter_table('event_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_feedback_company_id'))

    op.drop_table('event_feedback')
    with op.batch_alter_table('event_meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_meetings_ru_company_id'))
        batch_op.drop_index(batch_op.f('ix_event_meetings_event_id'))
        batch_op.drop_index(batch_op.f('ix_event_meetings_az_company_id'))

    op.drop_table('event_meetings')
    with op.batch_alter_table('event_requests', schema=None) as batch_op:
        batch_op.drop_index('ix_event_requests_event_partner')

    op.drop_table('event_requests')
    with op.batch_alter_table('event_registrations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_registrations_event_id'))
        batch_op.drop_index(batch_op.f('ix_event_registrations_company_id'))

    op.drop_table('event_registrations')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_status'))
        batch_op.drop_index(batch_op.f('ix_events_day'))
        batch_op.drop_index(batch_op.f('ix_events_center_id'))

    op.drop_table('events')
