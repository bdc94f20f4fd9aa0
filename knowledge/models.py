"""SQLAlchemy 2 models of the knowledge base: lieux, mediators, coordinators and import runs.

A lieu is one row (its multi-valued fields are JSON lists), so importing it is atomic and a bad row
can never leave half a lieu behind. Schema changes go through the Alembic migrations in
`knowledge/migrations`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base shared by every model."""


class Lieu(Base):
    """A lieu de médiation numérique, keyed by its record's (`source`, `id`).

    Real regional files number their lieux « 0 », « 1 »…: an `id` is unique only within its source,
    so the pair is the identity every other table refers to.
    """

    __tablename__ = "lieux"

    source: Mapped[str] = mapped_column(String(100), primary_key=True)
    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    pivot: Mapped[str | None] = mapped_column(String(40))
    nom: Mapped[str] = mapped_column(String(300))
    adresse: Mapped[str | None] = mapped_column(String(300))
    complement_adresse: Mapped[str | None] = mapped_column(String(300))
    commune: Mapped[str] = mapped_column(String(200))
    code_postal: Mapped[str | None] = mapped_column(String(10))
    code_insee: Mapped[str | None] = mapped_column(String(10), index=True)
    departement: Mapped[str | None] = mapped_column(String(3), index=True)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    #: "source" when the coordinates come from the file, "commune" when the gazetteer gave them.
    point_origine: Mapped[str | None] = mapped_column(String(10))
    services: Mapped[list[str]] = mapped_column(JSON, default=list)
    besoins: Mapped[list[str]] = mapped_column(JSON, default=list)
    publics: Mapped[list[str]] = mapped_column(JSON, default=list)
    publics_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    frais: Mapped[list[str]] = mapped_column(JSON, default=list)
    modalites_acces: Mapped[list[str]] = mapped_column(JSON, default=list)
    modalites_accompagnement: Mapped[list[str]] = mapped_column(JSON, default=list)
    typologie: Mapped[list[str]] = mapped_column(JSON, default=list)
    labels: Mapped[list[str]] = mapped_column(JSON, default=list)
    horaires: Mapped[str | None] = mapped_column(Text)
    prise_rdv: Mapped[str | None] = mapped_column(String(500))
    telephone: Mapped[str | None] = mapped_column(String(50))
    courriels: Mapped[list[str]] = mapped_column(JSON, default=list)
    site_web: Mapped[list[str]] = mapped_column(JSON, default=list)
    presentation: Mapped[str | None] = mapped_column(Text)
    itinerance: Mapped[str | None] = mapped_column(String(100))
    structure_parente: Mapped[str | None] = mapped_column(String(300))
    date_maj: Mapped[dt.date | None] = mapped_column(Date)
    #: Extra fields of the source row that have no column, kept so an export loses nothing.
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    content_hash: Mapped[str] = mapped_column(String(64))
    import_run_id: Mapped[int | None] = mapped_column(ForeignKey("import_runs.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (Index("ix_lieux_id", "id"),)


class Mediateur(Base):
    """A mediator: a person who may receive routed requests for the lieux they work at."""

    __tablename__ = "mediateurs"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    nom: Mapped[str] = mapped_column(String(200))
    slack: Mapped[str | None] = mapped_column(String(50), index=True)
    matrix: Mapped[str | None] = mapped_column(String(255), index=True)
    besoins: Mapped[list[str]] = mapped_column(JSON, default=list)
    capacite: Mapped[int] = mapped_column(Integer, default=5)
    absences: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    content_hash: Mapped[str] = mapped_column(String(64))
    import_run_id: Mapped[int | None] = mapped_column(ForeignKey("import_runs.id", ondelete="SET NULL"))


class MediateurLieu(Base):
    """Which lieux a mediator works at, by (`lieu_source`, `lieu_id`); a link may precede its lieu.

    `lieu_source` is "" when the YAML named a bare id that no imported lieu carried yet: such a link
    is resolved when exactly one lieu has that id (`knowledge.lieux.identity`).
    """

    __tablename__ = "mediateur_lieux"

    mediateur_id: Mapped[str] = mapped_column(
        ForeignKey("mediateurs.id", ondelete="CASCADE"), primary_key=True
    )
    lieu_source: Mapped[str] = mapped_column(String(100), primary_key=True, default="")
    lieu_id: Mapped[str] = mapped_column(String(200), primary_key=True)

    __table_args__ = (Index("ix_mediateur_lieux_lieu", "lieu_id"),)


class Coordinateur(Base):
    """A network coordinator: may import and edit the knowledge base for some départements."""

    __tablename__ = "coordinateurs"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    nom: Mapped[str] = mapped_column(String(200))
    slack: Mapped[str | None] = mapped_column(String(50), index=True)
    matrix: Mapped[str | None] = mapped_column(String(255), index=True)
    departements: Mapped[list[str]] = mapped_column(JSON, default=list)
    content_hash: Mapped[str] = mapped_column(String(64))
    import_run_id: Mapped[int | None] = mapped_column(ForeignKey("import_runs.id", ondelete="SET NULL"))


class ImportRun(Base):
    """One `kb import` of one file: what it did, row by row, for the coordinators' follow-up."""

    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    path: Mapped[str] = mapped_column(String(1000))
    format: Mapped[str] = mapped_column(String(30))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(20), default="en cours")
    added: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    #: Rejected rows: [{"line": 12, "id": "...", "reason": "..."}], bounded in size.
    report: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
