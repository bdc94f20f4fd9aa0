"""The few French words the markup renderers add themselves (Block Kit labels, cut notices)."""

from __future__ import annotations

from typing import Final

LINK_BUTTON: Final = "Ouvrir le lien"
CUT_NOTICE: Final = "… (réponse raccourcie : demandez « plus » ou précisez votre question)"
MORE_CHARACTERS: Final = "…"
FORM_CHOICE_LABEL: Final = "Votre réponse"
FORM_CLOSE: Final = "Annuler"
ACTION_DONE: Final = "✔ {outcome}"
