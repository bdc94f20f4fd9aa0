"""Every French text of the events part: importer messages, dates, agenda, subscriptions, digests.

Kept in one place so wording can be reviewed without touching logic.
"""

from __future__ import annotations

from typing import Final

# --------------------------------------------------------------------------- dates
WEEKDAYS: Final = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS: Final = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                 "octobre", "novembre", "décembre")
FIRST_OF_MONTH: Final = "1er"
AT_TIME: Final = "{day} à {time}"
TIME_RANGE: Final = "{start} – {end}"
ALL_DAY: Final = "toute la journée"
UNTIL_DAY: Final = "jusqu'au {day}"

# --------------------------------------------------------------------------- import
UNKNOWN_EVENTS_FORMAT: Final = "{path} : fichier d'événements non reconnu."
BAD_ICS: Final = "{path} n'est pas un fichier iCalendar lisible ({error}). Rien n'a été modifié."
NO_EVENTS_LIST: Final = (
    "{path} ne contient pas d'événements OpenAgenda : attendu un objet {{\"events\": […]}} ou une liste "
    "d'événements avec « timings ». Rien n'a été modifié."
)
CSV_EVENTS_MISSING: Final = (
    "{path} : colonne(s) obligatoire(s) absente(s) pour des événements : {columns}. Colonnes trouvées : "
    "{found}. Rien n'a été modifié."
)
MISSING_UID: Final = "identifiant (uid) manquant"
MISSING_TITLE: Final = "titre manquant"
MISSING_START: Final = "date de début manquante"
UNREADABLE_MOMENT: Final = "{field} « {value} » illisible (attendu AAAA-MM-JJTHH:MM, éventuellement avec décalage)"
END_BEFORE_START: Final = "la fin ({end}) précède le début ({start})"
NO_OCCURRENCE: Final = "aucune date (timings vides)"
NO_PLACE: Final = "ni lieu connu, ni commune, ni code postal, ni coordonnées"
UNKNOWN_PLACE: Final = "commune introuvable (« {commune} », code postal « {postcode} »)"
UNKNOWN_LIEU: Final = "lieu « {lieu} » inconnu de la base (importez d'abord ses lieux)"
UNKNOWN_TIMEZONE: Final = "fuseau horaire « {value} » inconnu (attendu par exemple Europe/Paris)"
BAD_EVENT: Final = "événement illisible ({error})"
TOO_MANY_OCCURRENCES: Final = "récurrence coupée à {limit} dates"
STATUS_UNKNOWN: Final = "statut « {value} » inconnu (programmé, complet, reporté, en ligne ou annulé)"

# --------------------------------------------------------------------------- statuses shown
STATUS_FULL: Final = "complet"
STATUS_ONLINE: Final = "en ligne"

# --------------------------------------------------------------------------- the `agenda` command
HELP_AGENDA: Final = "les prochains événements près d'une commune (« agenda Fréjus », « agenda Var »)"
HELP_AGENDA_ARGUMENT: Final = "lieu"
HELP_SUBSCRIBE: Final = (
    "abonne ce salon à la lettre d'agenda d'une zone : « abonner Fréjus 20 km ateliers hebdo », "
    "« abonner Var quotidien »"
)
HELP_SUBSCRIBE_ARGUMENT: Final = "zone [thèmes] [hebdo|quotidien]"
HELP_SUBSCRIPTIONS: Final = "les abonnements de ce salon, avec leurs numéros"
HELP_UNSUBSCRIBE: Final = "arrête l'abonnement n° N de ce salon"
AGENDA_WHERE: Final = "Près de quelle commune ? Par exemple : « agenda Fréjus » ou « agenda Var »."
AGENDA_UNKNOWN_PLACE: Final = "Je ne connais pas « {text} » : donnez une commune, un code postal ou un département."
AGENDA_HEADING: Final = "Prochains événements {where}{themes} :"
AGENDA_HEADING_FETE: Final = "Fête de l'Internet {where} ({start} – {end}) :"
AGENDA_THEMES: Final = " ({themes})"
AGENDA_NOTHING: Final = "Aucun événement annoncé {where} {when}."
AGENDA_NOTHING_FETE: Final = (
    "Aucun atelier de la Fête de l'Internet n'est encore annoncé {where}. Les lieux peuvent publier les "
    "leurs sur OpenAgenda ou envoyer un fichier ICS à leur coordination."
)
AGENDA_WHEN_DEFAULT: Final = "dans les {days} prochains jours"
AGENDA_WHEN_RANGE: Final = "du {start} au {end}"
AGENDA_MORE: Final = "… et {count} autre(s) : précisez une date ou un thème."
AGENDA_NO_THEME_MATCH: Final = "Rien ne porte sur « {themes} » ; voici tout ce qui est annoncé :"
NEAR_COMMUNE: Final = "près de {name} ({dep})"
WITHIN_KM: Final = "à moins de {km} km de {name} ({dep})"
IN_DEPARTEMENT: Final = "dans le {code} ({name})"
EVENT_AT: Final = "{title} — {place}"
EVENT_DISTANCE: Final = " (à {km} km)"
EVENT_FULL: Final = " [complet]"
EVENT_ONLINE: Final = " [en ligne]"

# --------------------------------------------------------------------------- subscriptions
SUBSCRIBE_USAGE: Final = (
    "Écrivez la zone, puis les thèmes et le rythme si vous voulez : « abonner Fréjus 20 km ateliers hebdo » "
    "ou « abonner Var quotidien »."
)
SUBSCRIBED: Final = (
    "Abonnement n° {number} : ce salon recevra {cadence} les événements {where}{themes}. "
    "« abonnements » pour les voir, « désabonner {number} » pour l'arrêter."
)
CADENCE_WEEKLY: Final = "chaque lundi"
CADENCE_DAILY: Final = "chaque matin"
SUBSCRIPTIONS_TITLE: Final = "Abonnements de ce salon :"
SUBSCRIPTION_LINE: Final = "n° {number} — {where}{themes}, {cadence}"
SUBSCRIPTION_WEEKLY: Final = "hebdomadaire"
SUBSCRIPTION_DAILY: Final = "quotidien"
NO_SUBSCRIPTION: Final = "Ce salon n'a aucun abonnement. « abonner Fréjus » pour en créer un."
UNSUBSCRIBED: Final = "Abonnement n° {number} arrêté : ce salon ne recevra plus la lettre {where}."
UNKNOWN_SUBSCRIPTION: Final = "Ce salon n'a pas d'abonnement n° {number} (« abonnements » pour la liste)."
ALREADY_SUBSCRIBED: Final = "Ce salon est déjà abonné à cette zone (n° {number})."
TOO_MANY_SUBSCRIPTIONS: Final = "Ce salon a déjà {count} abonnements, le maximum : arrêtez-en un d'abord."
TOO_MANY_THEMES: Final = "Au plus {count} thèmes par abonnement."
BAD_RADIUS: Final = "Rayon de {km} km impossible : entre 1 et {limit} km."
NOT_IN_DIRECT: Final = "Les abonnements se font dans un salon ou un canal, pas en message privé."
REFUSED_NOT_COORDINATOR: Final = (
    "Seuls les coordinateurs du réseau peuvent abonner un salon (réglage EPNBOT_AGENDA_SUBSCRIBERS) ; "
    "votre identifiant n'est pas celui d'un coordinateur du fichier des médiateurs."
)
REFUSED_CONSOLE_HINT: Final = " Sur la console, lancez « epnbot chat --as ID » avec l'identifiant du fichier."
REFUSED_OUTSIDE_AREA: Final = (
    "Vous coordonnez {departements} : abonner ce salon à une zone du {dep} revient à un autre coordinateur."
)
REFUSED_NOBODY: Final = "Les abonnements sont fermés sur ce bot (réglage EPNBOT_AGENDA_SUBSCRIBERS=personne)."

# --------------------------------------------------------------------------- digests
DIGEST_WEEKLY: Final = "Agenda de la semaine {where}{themes} — du {start} au {end}"
DIGEST_DAILY: Final = "Agenda du jour {where}{themes} — {day}"
DIGEST_FETE: Final = "Fête de l'Internet {where} — {day}"
DIGEST_FOOTER: Final = "Abonnement n° {number} · « désabonner {number} » pour ne plus recevoir cette lettre"
DIGEST_MORE: Final = "… et {count} autre(s) : « agenda {zone} » pour tout voir."
FETE_ANNOUNCEMENT: Final = (
    "La Fête de l'Internet commence le {start} et dure jusqu'au {end}. Lieux {where} : publiez dès "
    "maintenant vos ateliers et portes ouvertes (OpenAgenda, fichier ICS ou CSV envoyé à votre "
    "coordination) pour qu'ils paraissent ici chaque jour de la fête."
)
FETE_TAG: Final = "Fête de l'Internet"
