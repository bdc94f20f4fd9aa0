"""boîte d'envoi, événements vus, état des transports, minuteries

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'outbox',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('key', sa.String(length=200), nullable=False),
        sa.Column('platform', sa.String(length=20), nullable=False),
        sa.Column('recipient_kind', sa.String(length=10), nullable=False),
        sa.Column('recipient', sa.String(length=255), nullable=False),
        sa.Column('thread', sa.String(length=255), nullable=True),
        sa.Column('payload', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column('not_before', sa.DateTime(timezone=True), nullable=False),
        sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('abandoned_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('platform_ref', sa.String(length=255), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('key'),
    )
    op.create_index('ix_outbox_pending', 'outbox', ['platform', 'sent_at', 'not_before'])
    op.create_table(
        'seen_events',
        sa.Column('platform', sa.String(length=20), nullable=False),
        sa.Column('event_id', sa.String(length=255), nullable=False),
        sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('platform', 'event_id'),
    )
    op.create_index(op.f('ix_seen_events_seen_at'), 'seen_events', ['seen_at'])
    op.create_table(
        'transport_state',
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('name'),
    )
    op.create_table(
        'timers',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('key', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.String(length=50), nullable=False),
        sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('payload', sa.JSON(), nullable=False),
        sa.Column('fired_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('key'),
    )
    op.create_index('ix_timers_due', 'timers', ['fired_at', 'cancelled_at', 'due_at'])


def downgrade() -> None:
    op.drop_index('ix_timers_due', table_name='timers')
    op.drop_table('timers')
    op.drop_table('transport_state')
    op.drop_index(op.f('ix_seen_events_seen_at'), table_name='seen_events')
    op.drop_table('seen_events')
    op.drop_index('ix_outbox_pending', table_name='outbox')
    op.drop_table('outbox')
