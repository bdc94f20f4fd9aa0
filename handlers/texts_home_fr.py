"""French sentences of a person's home page (Slack App Home; any transport may show it)."""

from __future__ import annotations

from typing import Final

PRESENT: Final = "Vous recevez des demandes (au plus {capacity} ouvertes à la fois)."
AWAY_UNTIL: Final = "Vous êtes noté absent jusqu'au {date} inclus : aucune nouvelle demande ne vous est proposée."
AWAY_BUTTON: Final = "Je m'absente"
AWAY_FORM_TITLE: Final = "Absence"
AWAY_FORM_INTRO: Final = "Jusqu'à quel jour ne voulez-vous plus recevoir de demande ?"
AWAY_FORM_LABEL: Final = "Jusqu'au (JJ/MM)"
BACK_BUTTON: Final = "Je suis de retour"
