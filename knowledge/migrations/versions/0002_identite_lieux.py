"""identité des lieux : (source, id)

Real regional files number their lieux « 0 », « 1 »…, so `id` alone collided across files. Lieux
are re-keyed on (source, id); a lieu imported without a source takes the stem of the file it came
from, as new imports do. Mediator links gain `lieu_source`, filled when exactly one lieu has the id.

The tables are rebuilt (create, copy, drop, rename) rather than altered: SQLite cannot change a
primary key in place and PostgreSQL named the old one implicitly.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import re
from pathlib import PurePath

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_SLUG = re.compile(r"[^a-z0-9]+")


def _source_of_path(path: str | None) -> str:
    """Same rule as `knowledge.importers.lieu_record.source_of_file`, frozen here on purpose."""
    stem = PurePath(path or "").stem.lower()
    return (_SLUG.sub("-", stem).strip("-") or "inconnue")[:100]


def _lieux_columns() -> list[sa.Column[object]]:
    json_columns = ('services', 'besoins', 'publics', 'publics_codes', 'frais', 'modalites_acces',
                    'modalites_accompagnement', 'typologie', 'labels', 'courriels', 'site_web', 'extra')
    columns: list[sa.Column[object]] = [
        sa.Column('source', sa.String(length=100), nullable=False),
        sa.Column('id', sa.String(length=200), nullable=False),
        sa.Column('pivot', sa.String(length=40), nullable=True),
        sa.Column('nom', sa.String(length=300), nullable=False),
        sa.Column('adresse', sa.String(length=300), nullable=True),
        sa.Column('complement_adresse', sa.String(length=300), nullable=True),
        sa.Column('commune', sa.String(length=200), nullable=False),
        sa.Column('code_postal', sa.String(length=10), nullable=True),
        sa.Column('code_insee', sa.String(length=10), nullable=True),
        sa.Column('departement', sa.String(length=3), nullable=True),
        sa.Column('latitude', sa.Float(), nullable=True),
        sa.Column('longitude', sa.Float(), nullable=True),
        sa.Column('point_origine', sa.String(length=10), nullable=True),
        sa.Column('horaires', sa.Text(), nullable=True),
        sa.Column('prise_rdv', sa.String(length=500), nullable=True),
        sa.Column('telephone', sa.String(length=50), nullable=True),
        sa.Column('presentation', sa.Text(), nullable=True),
        sa.Column('itinerance', sa.String(length=100), nullable=True),
        sa.Column('structure_parente', sa.String(length=300), nullable=True),
        sa.Column('date_maj', sa.Date(), nullable=True),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('import_run_id', sa.Integer(), sa.ForeignKey('import_runs.id', ondelete='SET NULL'),
                  nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    ]
    columns += [sa.Column(name, sa.JSON(), nullable=False) for name in json_columns]
    return columns


def upgrade() -> None:
    bind = op.get_bind()
    missing = bind.execute(sa.text(
        "SELECT l.id, r.path FROM lieux l LEFT JOIN import_runs r ON r.id = l.import_run_id "
        "WHERE l.source IS NULL OR l.source = ''")).all()
    for lieu_id, path in missing:
        bind.execute(sa.text("UPDATE lieux SET source = :source WHERE id = :id"),
                     {"source": _source_of_path(path), "id": lieu_id})

    columns = _lieux_columns()
    names = ", ".join(column.name for column in columns)
    op.create_table('lieux_v2', *columns, sa.PrimaryKeyConstraint('source', 'id', name='pk_lieux'))
    bind.execute(sa.text(f"INSERT INTO lieux_v2 ({names}) SELECT {names} FROM lieux"))
    op.drop_index('ix_lieux_code_insee', table_name='lieux')
    op.drop_index('ix_lieux_departement', table_name='lieux')
    op.drop_table('lieux')
    op.rename_table('lieux_v2', 'lieux')
    op.create_index('ix_lieux_code_insee', 'lieux', ['code_insee'])
    op.create_index('ix_lieux_departement', 'lieux', ['departement'])
    op.create_index('ix_lieux_id', 'lieux', ['id'])

    op.create_table(
        'mediateur_lieux_v2',
        sa.Column('mediateur_id', sa.String(length=100),
                  sa.ForeignKey('mediateurs.id', ondelete='CASCADE'), nullable=False),
        sa.Column('lieu_source', sa.String(length=100), nullable=False),
        sa.Column('lieu_id', sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint('mediateur_id', 'lieu_source', 'lieu_id', name='pk_mediateur_lieux'),
    )
    bind.execute(sa.text(
        "INSERT INTO mediateur_lieux_v2 (mediateur_id, lieu_source, lieu_id) "
        "SELECT m.mediateur_id, COALESCE((SELECT MIN(l.source) FROM lieux l WHERE l.id = m.lieu_id "
        "HAVING COUNT(*) = 1), ''), m.lieu_id FROM mediateur_lieux m"))
    op.drop_index('ix_mediateur_lieux_lieu', table_name='mediateur_lieux')
    op.drop_table('mediateur_lieux')
    op.rename_table('mediateur_lieux_v2', 'mediateur_lieux')
    op.create_index('ix_mediateur_lieux_lieu', 'mediateur_lieux', ['lieu_id'])


def downgrade() -> None:
    raise NotImplementedError("Retour à l'identité par id seul impossible : des lieux de sources différentes "
                              "partagent le même id.")
