"""Settings read once at start from the environment (prefix `EPNBOT_`, plus `DATABASE_URL`)."""

from __future__ import annotations

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
