"""événements, occurrences, abonnements des salons, périodes des lettres d'agenda

A branch beside routing's: it grows from the delivery tables (0003), whose outbox carries the digests.

Revision ID: 0005
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'events',
        sa.Column('source', sa.String(length=100), nullable=False),
        sa.Column('uid', sa.String(length=255), nullable=False),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.Column('description', sa.Text(), nullable=True),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('timezone', sa.String(length=64), nullable=False),
        sa.Column('all_day', sa.Boolean(), nullable=False),
        sa.Column('tags', sa.JSON(), nullable=False),
        sa.Column('url', sa.String(length=500), nullable=True),
        sa.Column('place_name', sa.String(length=300), nullable=True),
        sa.Column('address', sa.String(length=300), nullable=True),
        sa.Column('commune', sa.String(length=200), nullable=True),
        sa.Column('insee', sa.String(length=10), nullable=True),
        sa.Column('departement', sa.String(length=3), nullable=True),
        sa.Column('latitude', sa.Float(), nullable=True),
        sa.Column('longitude', sa.Float(), nullable=True),
        sa.Column('point_origine', sa.String(length=10), nullable=True),
        sa.Column('lieu_source', sa.String(length=100), nullable=True),
        sa.Column('lieu_id', sa.String(length=200), nullable=True),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('import_run_id', sa.Integer(), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(['import_run_id'], ['import_runs.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('source', 'uid'),
    )
    op.create_index(op.f('ix_events_insee'), 'events', ['insee'])
    op.create_index(op.f('ix_events_departement'), 'events', ['departement'])
    op.create_index('ix_events_lieu', 'events', ['lieu_source', 'lieu_id'])
    op.create_table(
        'event_occurrences',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('event_source', sa.String(length=100), nullable=False),
        sa.Column('event_uid', sa.String(length=255), nullable=False),
        sa.Column('recurrence', sa.String(length=40), nullable=False),
        sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['event_source', 'event_uid'], ['events.source', 'events.uid'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('event_source', 'event_uid', 'recurrence', name='uq_event_occurrences_recurrence'),
    )
    op.create_index(op.f('ix_event_occurrences_starts_at'), 'event_occurrences', ['starts_at'])
    op.create_table(
        'event_subscriptions',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('platform', sa.String(length=20), nullable=False),
        sa.Column('room', sa.String(length=255), nullable=False),
        sa.Column('thread', sa.String(length=255), nullable=True),
        sa.Column('zone_kind', sa.String(length=12), nullable=False),
        sa.Column('zone_code', sa.String(length=10), nullable=False),
        sa.Column('zone_name', sa.String(length=200), nullable=False),
        sa.Column('zone_dep', sa.String(length=3), nullable=False),
        sa.Column('latitude', sa.Float(), nullable=True),
        sa.Column('longitude', sa.Float(), nullable=True),
        sa.Column('radius_km', sa.Float(), nullable=True),
        sa.Column('themes', sa.JSON(), nullable=False),
        sa.Column('cadence', sa.String(length=12), nullable=False),
        sa.Column('created_by', sa.String(length=255), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_event_subscriptions_room', 'event_subscriptions', ['platform', 'room'])
    op.create_table(
        'digest_periods',
        sa.Column('subscription_id', sa.Integer(), nullable=False),
        sa.Column('period', sa.String(length=40), nullable=False),
        sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('outcome', sa.String(length=10), nullable=False),
        sa.Column('events', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['subscription_id'], ['event_subscriptions.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('subscription_id', 'period'),
    )


def downgrade() -> None:
    op.drop_table('digest_periods')
    op.drop_index('ix_event_subscriptions_room', table_name='event_subscriptions')
    op.drop_table('event_subscriptions')
    op.drop_index(op.f('ix_event_occurrences_starts_at'), table_name='event_occurrences')
    op.drop_table('event_occurrences')
    op.drop_index('ix_events_lieu', table_name='events')
    op.drop_index(op.f('ix_events_departement'), table_name='events')
    op.drop_index(op.f('ix_events_insee'), table_name='events')
    op.drop_table('events')
