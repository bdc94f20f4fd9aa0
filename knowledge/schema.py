"""Every table of the bot, for Alembic and the tests: importing this module registers all models."""

from __future__ import annotations

from knowledge.delivery import models as delivery_models
from knowledge.events import models as events_models
from knowledge.models import Base
from knowledge.routing import models as routing_models
from knowledge.scheduling import models as scheduling_models

__all__ = ["Base", "delivery_models", "events_models", "routing_models", "scheduling_models"]
