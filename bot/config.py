"""Settings read once at start from the environment (prefix `EPNBOT_`, plus `DATABASE_URL`)."""

from __future__ import annotations

import os

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything the bot can be told from outside; errors name the setting, in French."""

    model_config = SettingsConfigDict(env_prefix="EPNBOT_", extra="ignore")

    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL", "EPNBOT_DATABASE_URL"),
        description="Adresse SQLAlchemy de la base ; par défaut un fichier SQLite dans le dossier de données.",
    )
    max_input_chars: int = Field(default=2000, ge=50, le=100_000,
                                 description="Longueur maximale d'une question ; au-delà elle est tronquée.")
    results: int = Field(default=5, ge=1, le=50, description="Nombre de lieux renvoyés par `ask`.")
    shown: int = Field(default=3, ge=1, le=10, description="Nombre de lieux montrés par réponse de chat.")
    near_km: float = Field(default=30.0, gt=0, le=500,
                           description="Rayon au-delà duquel la réponse dit que rien n'est proche.")
    log_level: str = Field(default="WARNING", description="Niveau de journalisation.")
    # ----------------------------------------------------------------- routing (DESIGN §5)
    transports: str | None = Field(
        default=None,
        description="Plateformes servies, par ordre de préférence pour joindre un médiateur (« slack,matrix ») ; "
                    "par défaut celles dont les jetons sont présents (SLACK_BOT_TOKEN, MATRIX_HOMESERVER).",
    )
    remind_after_hours: float = Field(default=48, gt=0, le=24 * 60,
                                      description="Rappel au médiateur sans réponse après ce délai (heures).")
    reoffer_after_hours: float = Field(default=96, gt=0, le=24 * 90,
                                       description="Proposition au médiateur suivant après ce délai (heures).")
    expire_after_days: float = Field(default=30, gt=0, le=365,
                                     description="Une demande que personne n'a prise expire après ce délai (jours).")
    duplicate_days: float = Field(default=7, ge=0, le=365,
                                  description="Même personne, même lieu, même besoin dans ce délai : doublon (jours).")
    purge_after_days: float = Field(default=365, gt=0, le=3650,
                                    description="Données personnelles d'une demande close effacées après (jours).")
    tick_seconds: float = Field(default=10, gt=0, le=3600,
                                description="Intervalle de vérification des minuteries (secondes).")

    def platforms(self) -> tuple[str, ...]:
        """The platforms served, from `transports` or from which tokens the environment holds."""
        if self.transports:
            return tuple(name.strip().lower() for name in self.transports.split(",") if name.strip())
        found = []
        if os.environ.get("SLACK_BOT_TOKEN"):
            found.append("slack")
        if os.environ.get("MATRIX_HOMESERVER"):
            found.append("matrix")
        return tuple(found)
