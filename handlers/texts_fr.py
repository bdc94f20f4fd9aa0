"""Every French string the chat shows, in one place, so wording is reviewed without touching logic.

Templates use `str.format` with named fields; the code never concatenates French words itself
except through the helpers at the bottom (départements' articles, numbers, hours).
"""

from __future__ import annotations

from typing import Final

# --- Greeting, help, leaving -------------------------------------------------------------------

WELCOME: Final = (
    "Bonjour ! Je vous indique les lieux de médiation numérique près de chez vous "
    "(EPN, France Services, conseillers numériques, tiers-lieux) et ce qu'ils proposent "
    "aux particuliers, aux TPE et PME, aux demandeurs d'emploi et aux créateurs d'entreprise."
)
WELCOME_EXAMPLE: Final = "Posez votre question, par exemple : « {example} »"
EXAMPLE_QUESTION: Final = "qui peut m'aider à faire mes démarches CAF à Draguignan ?"
WELCOME_HINT: Final = "Tapez « aide » pour la liste des commandes."
GOODBYE: Final = "À bientôt !"

HELP_TITLE: Final = "Ce que je sais faire"
HELP_INTRO: Final = (
    "Écrivez simplement votre question, avec ce dont vous avez besoin et votre commune ; "
    "par exemple : « {example} »."
)
HELP_COMMANDS: Final = "Commandes :"
HELP_LINE: Final = "• {usage}{aliases} — {help}"
HELP_ALIASES: Final = " (ou {aliases})"
#: How many aliases `aide` shows per command (the others still work).
HELP_ALIASES_SHOWN: Final = 3
HELP_NEEDS: Final = "Je peux vous orienter pour : {needs}."
HELP_ONE: Final = "{usage} — {help}"

HELP_AIDE: Final = "affiche cette aide, ou l'aide d'une commande (« aide plus »)."
HELP_AIDE_ARGUMENT: Final = "commande"
HELP_GREETING: Final = "vous dit bonjour et explique ce que fait le bot."
HELP_PLUS: Final = "montre les lieux suivants de la dernière recherche."
HELP_QUIT: Final = "termine la conversation (dans le terminal)."

# --- Answers -----------------------------------------------------------------------------------

UNDERSTOOD: Final = "J'ai compris : {parts}"
UNDERSTOOD_SEPARATOR: Final = " · "
NEEDS_SEPARATOR: Final = ", "
FOR_AUDIENCES: Final = "pour {audiences}"
NEAR_COMMUNE: Final = "près de {name} ({dep})"
IN_DEPARTEMENT: Final = "{preposition} {name} ({code})"
NAMED_LIEU: Final = "lieu nommé « {words} »"
CHOSEN_COMMUNE: Final = (
    "(plusieurs communes s'appellent ainsi : j'ai choisi {name} ({dep}), la plus peuplée — "
    "précisez le code postal sinon)"
)
READ_AS: Final = "(j'ai lu « {name} »)"
TRUNCATED: Final = "(question tronquée à {limit} caractères)"

NONE_AT_ALL: Final = (
    "Aucun lieu de la base ne propose encore cette aide. Essayez une aide voisine, "
    "ou demandez à un lieu proche : il saura souvent vous orienter."
)
NONE_NEAR: Final = "Rien à moins de {km} km ne propose cette aide ; voici les plus proches :"
NONE_IN_REACH: Final = (
    "Je ne connais aucun lieu à moins de {km} km qui propose cette aide : la base n'en compte pas "
    "encore dans ce secteur. La mairie ou le point d'accueil le plus proche saura souvent vous orienter."
)
UNPLACED: Final = (
    "Je ne sais pas encore situer {name} sur une carte : voici des lieux de son territoire ({dep}), "
    "sans distance."
)
NO_RESULT: Final = "Je n'ai trouvé aucun lieu pour cette demande."
WHICH_COMMUNE: Final = "Dans quelle commune ?"
NOT_UNDERSTOOD: Final = (
    "Je n'ai pas compris de quelle aide vous avez besoin. Je peux vous orienter pour : {needs}. "
    "Pouvez-vous reformuler ? Par exemple : « {example} »"
)
MORE_AVAILABLE: Final = "Tapez « plus » pour voir d'autres lieux."
NOTHING_MORE: Final = "C'est tout pour cette recherche."
NO_SEARCH_YET: Final = "Posez d'abord une question ; « plus » montre ensuite les lieux suivants."

# --- Lieu cards --------------------------------------------------------------------------------

FIELD_ADDRESS: Final = "Adresse"
FIELD_DISTANCE: Final = "Distance"
FIELD_SERVICES: Final = "Services"
FIELD_FEES: Final = "Tarifs"
FIELD_ACCESS: Final = "Accès"
FIELD_ACCOMPANIMENT: Final = "Accompagnement"
FIELD_HOURS: Final = "Horaires"
FIELD_PHONE: Final = "Téléphone"
FIELD_MEDIATORS: Final = "Médiateurs"
APPOINTMENT_LINK: Final = "Prendre rendez-vous"
DISTANCE: Final = "à {km} km"
LIST_SEPARATOR: Final = ", "

# --- Opening hours -----------------------------------------------------------------------------

OPEN_UNTIL: Final = "ouvert maintenant (jusqu'à {time})"
OPEN_UNTIL_DAY: Final = "ouvert maintenant (jusqu'à {day} {time})"
OPEN_NOW: Final = "ouvert maintenant"
CLOSED_OPENS: Final = "fermé — ouvre {day} à {time}"
CLOSED: Final = "fermé"
HOURS_WITH_SCHEDULE: Final = "{status} · {schedule}"
TODAY: Final = "aujourd'hui"
TOMORROW: Final = "demain"
WEEKDAYS: Final[tuple[str, ...]] = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
#: OSM opening_hours tokens, shown in French once the library has accepted the string.
OSM_WORDS: Final[dict[str, str]] = {
    "Mo": "lun.", "Tu": "mar.", "We": "mer.", "Th": "jeu.", "Fr": "ven.", "Sa": "sam.", "Su": "dim.",
    "PH": "jours fériés", "off": "fermé", "closed": "fermé",
}

# --- Errors ------------------------------------------------------------------------------------

APOLOGY: Final = "Désolé, quelque chose s'est mal passé de mon côté. Réessayez dans un instant."
EMPTY_MESSAGE: Final = "Je n'ai rien reçu : posez votre question."

# --- Demo --------------------------------------------------------------------------------------

DEMO_LOADED: Final = (
    "Base d'exemple chargée : {lieux} lieux de médiation numérique et {mediateurs} médiateurs."
)
DEMO_PRESENT: Final = "Base déjà prête : {lieux} lieux de médiation numérique."
UNKNOWN_PERSON: Final = (
    "« {id} » n'est ni médiateur ni coordinateur de la base : importez d'abord le fichier YAML "
    "(epnbot kb import mediateurs.yaml) ou vérifiez l'identifiant."
)
DEMO_IMPORT_FAILED: Final = "Impossible de charger la base d'exemple : {error}"

# --- Helpers -----------------------------------------------------------------------------------

#: Départements named with « dans la », « dans les » or « en »; the others take « dans le »/« dans l' ».
_FEMININE: Final = frozenset({
    "02", "16", "17", "19", "21", "23", "24", "26", "2B", "31", "33", "42", "43", "44", "50", "51", "52",
    "53", "55", "57", "58", "63", "70", "73", "74", "76", "80", "85", "86", "87",
})
_PLURAL: Final = frozenset({
    "04", "05", "06", "08", "13", "22", "40", "64", "65", "66", "78", "79", "88", "92",
})
_SPECIAL: Final[dict[str, str]] = {
    "2A": "en", "971": "en", "972": "en", "973": "en", "974": "à", "976": "à", "75": "à",
    "975": "à", "977": "à", "978": "à", "986": "à", "987": "en", "988": "en",
}
_VOWELS: Final = "AEÉÈÊIÎOUYaeéèêiîouy"


def departement_preposition(code: str, name: str) -> str:
    """« dans le », « dans la », « dans les », « dans l' » or « en » before a département's name."""
    if code in _SPECIAL:
        return _SPECIAL[code]
    if code in _PLURAL:
        return "dans les"
    if name[:1] in _VOWELS:
        return "dans l'"
    return "dans la" if code in _FEMININE else "dans le"


def in_departement(code: str, name: str) -> str:
    """« dans le Var (83) », « dans l'Ain (01) », « à La Réunion (974) »."""
    preposition = departement_preposition(code, name)
    if preposition.endswith("'"):
        return f"{preposition}{name} ({code})"
    return IN_DEPARTEMENT.format(preposition=preposition, name=name, code=code)


def decimal(value: float, digits: int = 1) -> str:
    """A French decimal: « 0,8 », « 12 » (no decimals beyond ten), thin thousands separator."""
    if value >= 10:
        return f"{round(value):,}".replace(",", "\u202f")
    return f"{value:.{digits}f}".replace(".", ",")


def thousands(value: int) -> str:
    """« 2 000 » with a narrow no-break space."""
    return f"{value:,}".replace(",", "\u202f")


def clock(hour: int, minute: int) -> str:
    """« 9 h », « 12 h 30 »."""
    return f"{hour} h" if minute == 0 else f"{hour} h {minute:02d}"

# Small talk after an answer (« merci », « ok super », « bonne journée »).
THANKS_REPLY: Final = "Avec plaisir ! Posez une autre question quand vous voulez."
