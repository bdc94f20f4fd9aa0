"""Telling an agenda question from a question about help, and reading its time words.

« quels ateliers cette semaine près de Fréjus ? » and « qu'est-ce qui se passe pour la fête de
l'internet à Nice ? » ask what is on; « un atelier CV à Saint-Étienne » or « qui peut m'aider à faire
mon CV cette semaine » ask for a lieu that helps. The rules, as data:

- a strong sign is enough: the Fête de l'Internet, « l'agenda », « événement(s) », « qu'est-ce qui se
  passe », « quoi de prévu », « programme », « à venir »;
- an event word (atelier, animation, conférence, rencontre, webinaire, portes ouvertes…) counts only
  with a time word (cette semaine, demain, samedi, en mars, prochains…) or a question about which
  ones (« quels ateliers ») — « y a-t-il des ateliers à Menton ? » asks for a lieu that runs some;
- a request for help to someone (« qui peut m'aider », « j'ai besoin d'aide ») wins over an event
  word, never over a strong sign.

    >>> detect("quels ateliers cette semaine près de Fréjus ?").window
    'semaine'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from knowledge.textnorm import fold

_STRONG: Final = re.compile(
    r"\b(fete de l internet|fete internet|l agenda|agenda des|agenda du|evenements?|manifestations?|"
    r"qu est ce qui se passe|que se passe t il|qu est ce qu il y a de prevu|quoi de prevu|"
    r"a venir|au programme)\b")
_EVENT_WORDS: Final = re.compile(
    r"\b(ateliers?|animations?|conferences?|rencontres?|webinaires?|webinars?|portes ouvertes|"
    r"journees? portes ouvertes|cafes? numeriques?|initiations?|demonstrations?)\b")
_EVENT_NOUNS: Final = (r"(ateliers?|animations?|conferences?|rencontres?|webinaires?|webinars?|portes ouvertes|"
                      r"cafes? numeriques?|initiations?|demonstrations?|evenements?)")
_WHICH: Final = re.compile(r"\b(quels?|quelles?|prochains?|prochaines?|liste des) " + _EVENT_NOUNS + r"\b")
_HELP: Final = re.compile(
    r"\b(qui peut|m aider|nous aider|l aider|les aider|besoin d aide|besoin d un coup de main|"
    r"aidez moi|aide moi|accompagner|accompagnement)\b")
_DAYS: Final = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTHS: Final = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
                  "octobre", "novembre", "decembre")
#: Time words, most specific first: (pattern, window name).
_WINDOWS: Final = (
    (re.compile(r"\b(aujourd hui|ce jour|ce soir|cet apres midi|ce matin)\b"), "jour"),
    (re.compile(r"\bapres demain\b"), "apres-demain"),
    (re.compile(r"\bdemain\b"), "demain"),
    (re.compile(r"\b(ce week end|ce weekend|ce we|week end prochain|weekend prochain)\b"), "week-end"),
    (re.compile(r"\b(semaine prochaine|la semaine d apres)\b"), "semaine-prochaine"),
    (re.compile(r"\b(cette semaine|dans la semaine|en ce moment|ces jours ci)\b"), "semaine"),
    (re.compile(r"\b(mois prochain)\b"), "mois-prochain"),
    (re.compile(r"\b(ce mois ci|ce mois)\b"), "mois"),
    (re.compile(r"\b(" + "|".join(_DAYS) + r")\b"), "jour-nomme"),
    (re.compile(r"\b(?:en |au mois d |au mois de |de |d )?(" + "|".join(_MONTHS) + r")\b"), "mois-nomme"),
    (re.compile(r"\b(prochainement|bientot)\b"), "bientot"),
)
_FETE: Final = re.compile(r"\b(fete de l internet|fete internet|fdi)\b")


@dataclass(frozen=True, slots=True)
class AgendaIntent:
    """An agenda question: the time words it used (a window name and its word), the Fête or not."""

    window: str | None = None
    word: str | None = None
    fete: bool = False
    #: Asked by a strong sign (not just an event word): an empty agenda is then said, not replaced
    #: by lieux that can help.
    strong: bool = False


def detect(text: str) -> AgendaIntent | None:
    """The agenda question `text` asks, or None when it asks for help (or is no question at all)."""
    folded = f" {fold(text)} "
    window, word = _window(folded)
    fete = bool(_FETE.search(folded))
    if _STRONG.search(folded) or fete:
        return AgendaIntent(window, word, fete, strong=True)
    if not _EVENT_WORDS.search(folded) or _HELP.search(folded):
        return None
    if window is not None or _WHICH.search(folded):
        return AgendaIntent(window, word, fete)
    return None


def _window(folded: str) -> tuple[str | None, str | None]:
    for pattern, name in _WINDOWS:
        if match := pattern.search(folded):
            return name, match.group(1) if match.groups() else match.group(0)
    return None, None


def _midnight(day: dt.date, zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=zone)


def time_window(intent: AgendaIntent, now: dt.datetime, default_days: int) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of what the question asks about, in `now`'s zone (the place's)."""
    today = now.date()
    zone = now.tzinfo or dt.UTC
    tomorrow = _midnight(today + dt.timedelta(days=1), zone)
    name = intent.window
    if name == "jour":
        return now, tomorrow
    if name == "demain":
        return tomorrow, tomorrow + dt.timedelta(days=1)
    if name == "apres-demain":
        return tomorrow + dt.timedelta(days=1), tomorrow + dt.timedelta(days=2)
    if name == "week-end":
        saturday = today + dt.timedelta(days=(5 - today.weekday()) % 7 if today.weekday() < 5 else 0)
        start = max(now, _midnight(saturday, zone))
        return start, _midnight(saturday + dt.timedelta(days=2 if saturday.weekday() == 5 else 1), zone)
    monday = today - dt.timedelta(days=today.weekday())
    if name == "semaine":
        return now, _midnight(monday + dt.timedelta(days=7), zone)
    if name == "semaine-prochaine":
        return _midnight(monday + dt.timedelta(days=7), zone), _midnight(monday + dt.timedelta(days=14), zone)
    if name in ("mois", "mois-prochain"):
        first = today.replace(day=1)
        if name == "mois-prochain":
            first = (first + dt.timedelta(days=32)).replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return max(now, _midnight(first, zone)), _midnight(following, zone)
    if name == "jour-nomme" and intent.word in _DAYS:
        ahead = (_DAYS.index(intent.word) - today.weekday()) % 7
        day = today + dt.timedelta(days=ahead)
        return max(now, _midnight(day, zone)), _midnight(day + dt.timedelta(days=1), zone)
    if name == "mois-nomme" and intent.word in _MONTHS:
        month = _MONTHS.index(intent.word) + 1
        year = today.year + (1 if month < today.month else 0)
        first = dt.date(year, month, 1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return max(now, _midnight(first, zone)), _midnight(following, zone)
    return now, now + dt.timedelta(days=default_days)
