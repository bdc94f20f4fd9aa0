"""The workflow's vocabulary: request states, offer answers, decline reasons (DESIGN §5)."""

from __future__ import annotations

from typing import Final

from knowledge.textnorm import fold

NOUVELLE: Final = "nouvelle"
PROPOSEE: Final = "proposée"
ACCEPTEE: Final = "acceptée"
CLOTUREE: Final = "clôturée"
REFUSEE: Final = "refusée"
EXPIREE: Final = "expirée"
ANNULEE: Final = "annulée"
STATES: Final = (NOUVELLE, PROPOSEE, ACCEPTEE, CLOTUREE, REFUSEE, EXPIREE, ANNULEE)
#: States in which nothing can change any more.
TERMINAL: Final = frozenset({CLOTUREE, EXPIREE, ANNULEE})
#: States that still count as « open » for duplicates and mediators' load.
OPEN: Final = frozenset({NOUVELLE, PROPOSEE, ACCEPTEE, REFUSEE})

#: Answers of one offer.
OFFER_OPEN: Final = "en attente"
OFFER_ACCEPTED: Final = "acceptée"
OFFER_DECLINED: Final = "refusée"
OFFER_TIMED_OUT: Final = "sans réponse"
OFFER_WITHDRAWN: Final = "retirée"

#: Decline reasons, by code (the words people type, folded) → label.
REASONS: Final[dict[str, str]] = {
    "hors-competence": "hors compétence",
    "pas-disponible": "pas disponible",
    "public-non-accueilli": "public non accueilli",
    "doublon": "doublon",
    "autre": "autre",
}
_REASON_WORDS: Final[dict[str, str]] = {
    **{fold(label): code for code, label in REASONS.items()},
    **{fold(code.replace("-", " ")): code for code in REASONS},
    "competence": "hors-competence", "hors competences": "hors-competence", "indisponible": "pas-disponible",
    "pas dispo": "pas-disponible", "complet": "pas-disponible", "public": "public-non-accueilli",
}


def parse_reason(text: str) -> tuple[str | None, str]:
    """(reason code, free text) from « hors compétence on ne fait pas ça » ; (None, text) if none.

    The longest reason words at the start win, so « pas disponible » is not « pas ».
    """
    words = text.split()
    for count in range(min(4, len(words)), 0, -1):
        code = _REASON_WORDS.get(fold(" ".join(words[:count])))
        if code is not None:
            return code, " ".join(words[count:])
    return None, text.strip()
