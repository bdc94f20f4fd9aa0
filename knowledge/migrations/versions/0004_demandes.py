"""demandes transmises aux médiateurs : demandes, offres, journal, présence, comptes anonymes

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'demandes',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('state', sa.String(length=20), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('asker_platform', sa.String(length=20), nullable=False),
        sa.Column('asker_id', sa.String(length=255), nullable=True),
        sa.Column('asker_name', sa.String(length=200), nullable=True),
        sa.Column('asker_room', sa.String(length=255), nullable=True),
        sa.Column('asker_thread', sa.String(length=255), nullable=True),
        sa.Column('text', sa.Text(), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('contact', sa.String(length=300), nullable=True),
        sa.Column('need', sa.String(length=50), nullable=True),
        sa.Column('audiences', sa.JSON(), nullable=False),
        sa.Column('departement', sa.String(length=3), nullable=True),
        sa.Column('lieu_source', sa.String(length=100), nullable=False),
        sa.Column('lieu_id', sa.String(length=200), nullable=False),
        sa.Column('lieu_name', sa.String(length=300), nullable=False),
        sa.Column('consent_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('consent_text', sa.Text(), nullable=False),
        sa.Column('mediator_id', sa.String(length=100), nullable=True),
        sa.Column('outcome', sa.String(length=300), nullable=True),
        sa.Column('escalated_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('purged_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_demandes_duplicate', 'demandes', ['asker_platform', 'asker_id', 'lieu_source', 'lieu_id'])
    op.create_index(op.f('ix_demandes_asker_id'), 'demandes', ['asker_id'])
    op.create_index(op.f('ix_demandes_departement'), 'demandes', ['departement'])
    op.create_index(op.f('ix_demandes_mediator_id'), 'demandes', ['mediator_id'])
    op.create_index(op.f('ix_demandes_state'), 'demandes', ['state'])
    op.create_table(
        'offres',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('mediator_id', sa.String(length=100), nullable=False),
        sa.Column('offered_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('answer', sa.String(length=20), nullable=False),
        sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('reason', sa.String(length=30), nullable=True),
        sa.Column('detail', sa.String(length=500), nullable=True),
        sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['request_id'], ['demandes.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('uq_offres_une_en_attente', 'offres', ['request_id'], unique=True,
                    sqlite_where=sa.text("answer = 'en attente'"), postgresql_where=sa.text("answer = 'en attente'"))
    op.create_index(op.f('ix_offres_mediator_id'), 'offres', ['mediator_id'])
    op.create_index(op.f('ix_offres_request_id'), 'offres', ['request_id'])
    op.create_table(
        'demande_journal',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('request_id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('actor', sa.String(length=255), nullable=False),
        sa.Column('event', sa.String(length=30), nullable=False),
        sa.Column('from_state', sa.String(length=20), nullable=True),
        sa.Column('to_state', sa.String(length=20), nullable=True),
        sa.Column('reason', sa.String(length=30), nullable=True),
        sa.Column('detail', sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(['request_id'], ['demandes.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_demande_journal_request_id'), 'demande_journal', ['request_id'])
    op.create_table(
        'mediateur_presence',
        sa.Column('mediator_id', sa.String(length=100), nullable=False),
        sa.Column('away_until', sa.Date(), nullable=True),
        sa.Column('capacity', sa.Integer(), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('mediator_id'),
    )
    op.create_table(
        'demande_comptes',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('event', sa.String(length=30), nullable=False),
        sa.Column('need', sa.String(length=50), nullable=True),
        sa.Column('departement', sa.String(length=3), nullable=True),
        sa.Column('detail', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_demande_comptes_at'), 'demande_comptes', ['at'])


def downgrade() -> None:
    op.drop_table('demande_comptes')
    op.drop_table('mediateur_presence')
    op.drop_table('demande_journal')
    op.drop_table('offres')
    op.drop_table('demandes')
