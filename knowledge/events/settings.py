"""Settings of agendas, subscriptions and digests, read once from the environment (prefix `EPNBOT_`).

    EPNBOT_AGENDA_SUBSCRIBERS=coordinateurs   # who may subscribe a channel: coordinateurs | tous | personne
    EPNBOT_FETE_START=03-15  EPNBOT_FETE_END=03-31   # the Fête de l'Internet season (MM-JJ)
    EPNBOT_DIGEST_HOUR=8     EPNBOT_DIGEST_GRACE_HOURS=12
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from knowledge.events.zones import DEFAULT_TIMEZONE, is_known

_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")


class EventSettings(BaseSettings):
    """What coordinators may tune about agendas and digests; errors name the setting, in French."""

    model_config = SettingsConfigDict(env_prefix="EPNBOT_", extra="ignore")

    agenda_subscribers: Literal["coordinateurs", "tous", "personne"] = Field(
        default="coordinateurs", description="Qui peut abonner un salon : coordinateurs, tous ou personne.")
    fete_start: str = Field(default="03-15", description="Début de la Fête de l'Internet (MM-JJ).")
    fete_end: str = Field(default="03-31", description="Fin de la Fête de l'Internet (MM-JJ, inclus).")
    fete_announce_days: int = Field(default=14, ge=1, le=60,
                                    description="Jours avant la fête où les salons sont invités à publier.")
    digest_hour: int = Field(default=8, ge=0, le=23, description="Heure locale d'envoi des lettres.")
    digest_grace_hours: float = Field(default=12.0, gt=0, lt=24,
                                      description="Retard au-delà duquel une lettre manquée n'est plus envoyée.")
    digest_timezone: str = Field(default=DEFAULT_TIMEZONE, description="Fuseau des heures d'envoi.")
    digest_max_events: int = Field(default=25, ge=1, le=100, description="Événements montrés par lettre.")
    agenda_days: int = Field(default=30, ge=1, le=366, description="Horizon de « agenda » sans date, en jours.")
    max_subscriptions_per_room: int = Field(default=10, ge=1, le=100)

    @field_validator("fete_start", "fete_end")
    @classmethod
    def _month_day(cls, value: str) -> str:
        match = _MONTH_DAY.match(value.strip())
        if not match:
            raise ValueError(f"« {value} » : écrivez le mois et le jour, MM-JJ (par exemple 03-15)")
        dt.date(2024, int(match.group(1)), int(match.group(2)))  # raises for 02-30
        return value.strip()

    @field_validator("digest_timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        if not is_known(value):
            raise ValueError(f"fuseau « {value} » inconnu (par exemple Europe/Paris)")
        return value

    @model_validator(mode="after")
    def _ordered(self) -> EventSettings:
        if self.fete_end < self.fete_start:
            raise ValueError("la fin de la Fête de l'Internet (EPNBOT_FETE_END) précède son début")
        return self

    def fete_days(self, year: int) -> tuple[dt.date, dt.date]:
        """First and last day of the season in `year`."""
        start_month, start_day = (int(part) for part in self.fete_start.split("-"))
        end_month, end_day = (int(part) for part in self.fete_end.split("-"))
        return dt.date(year, start_month, start_day), dt.date(year, end_month, end_day)
