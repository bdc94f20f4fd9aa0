"""Every French sentence of routing (DESIGN §5), in one place so wording is reviewed apart from logic."""

from __future__ import annotations

from typing import Final

# ------------------------------------------------------------------ help of the commands
HELP_TRANSMIT: Final = "transmettre votre demande au lieu de la réponse (le 1er, ou « transmettre 2 »)"
HELP_YES: Final = "accepter que votre pseudo et votre message soient transmis (après « transmettre »)"
HELP_NO: Final = "ne rien transmettre (après « transmettre »)"
HELP_MY_REQUESTS: Final = "vos demandes et où elles en sont (médiateurs : celles qui vous sont confiées)"
HELP_ACCEPT: Final = "médiateurs : accepter la demande n° N"
HELP_DECLINE: Final = ("médiateurs : refuser la demande n° N avec un motif (hors compétence, pas disponible, "
                       "public non accueilli, doublon, autre) et une précision")
HELP_CLOSE: Final = "médiateurs : clore la demande n° N, avec son issue"
HELP_CANCEL: Final = "annuler votre demande n° N"
HELP_AWAY: Final = "médiateurs : ne plus recevoir de demande jusqu'à une date (« absent jusqu'au 12/01 »)"
HELP_BACK: Final = "médiateurs : recevoir de nouveau des demandes"
HELP_CAPACITY: Final = "médiateurs : nombre de demandes ouvertes à la fois (« capacité 3 »)"
HELP_REASSIGN: Final = "coordinateurs : proposer la demande n° N à un autre médiateur (« réattribuer 12 med-ana »)"
HELP_NOTE: Final = "ajouter un message et un moyen de vous joindre à votre demande n° N"

# ------------------------------------------------------------------ asking for it
TRANSMIT_BUTTON: Final = "Transmettre"
TRANSMIT_BUTTON_N: Final = "Transmettre au n° {rank}"
NOTHING_TO_TRANSMIT: Final = (
    "Il n'y a rien à transmettre pour l'instant : posez d'abord votre question (par exemple « aide pour "
    "créer le site de ma boutique à Draguignan »), puis répondez « transmettre »."
)
NO_SUCH_RANK: Final = "La réponse précédente n'a pas de lieu n° {rank} : choisissez entre 1 et {count}."
NEED_REQUIRED: Final = (
    "Pour transmettre, dites-moi de quelle aide vous avez besoin (par exemple « faire mon CV à Gap »)."
)
CONSENT_TITLE: Final = "Transmettre votre demande"
CONSENT_QUESTION: Final = (
    "Je peux transmettre votre demande ({need}) à « {lieu} » ({commune}). Le médiateur qui la prendra "
    "verra votre pseudo ({handle}) et votre message : « {text} ». Êtes-vous d'accord ? Répondez « oui » "
    "(vous pouvez ajouter un message et un moyen de vous joindre : « oui, joignable au 06… ») ou « non »."
)
CONSENT_YES: Final = "Oui, transmettre"
CONSENT_NO: Final = "Non"
CONSENT_TEXT_LABEL: Final = "Message et moyen de vous joindre (facultatif)"
CONSENT_SUBMIT: Final = "Envoyer"
NO_PENDING_CONSENT: Final = "Je n'ai rien à transmettre en attente ici : répondez « transmettre » après une réponse."
DECLINED_CONSENT: Final = "D'accord, je n'ai rien transmis et rien gardé de votre message."
DUPLICATE: Final = (
    "C'est une demande en doublon : vous avez déjà demandé « {need} » à « {lieu} » le {date} "
    "(demande n° {number}, {state}). Je ne la crée pas une seconde fois."
)
CREATED_OFFERED: Final = (
    "C'est transmis : demande n° {number} pour « {lieu} ». Je l'ai proposée à un médiateur ; je vous "
    "préviens ici dès qu'il répond. « mes demandes » pour suivre, « annuler {number} » pour l'annuler."
)
CREATED_NOBODY: Final = (
    "Demande n° {number} enregistrée pour « {lieu} », mais aucun médiateur n'est disponible pour le moment "
    "(absents ou déjà très sollicités). La coordination de votre territoire est prévenue et vous "
    "répondra ici. « annuler {number} » pour l'annuler."
)
ADD_NOTE_HINT: Final = (
    "Vous pouvez ajouter un message et un moyen de vous joindre : « précision {number} votre texte »."
)
NOTE_ADDED: Final = "C'est noté : le médiateur de la demande n° {number} verra votre message."

# ------------------------------------------------------------------ to the mediator
OFFER_TEXT: Final = (
    "Nouvelle demande n° {number} — besoin : {need} — lieu : {lieu} ({commune}).\nMessage : « {text} »\n"
    "Répondez « accepter {number} » ou « refuser {number} motif » (hors compétence, pas disponible, "
    "public non accueilli, doublon, autre)."
)
ACCEPT_BUTTON: Final = "Accepter"
DECLINE_BUTTON: Final = "Refuser"
DECLINE_TITLE: Final = "Motif du refus"
DECLINE_INTRO: Final = "Pourquoi refusez-vous la demande n° {number} ? Elle sera proposée à un autre médiateur."
DECLINE_TEXT_LABEL: Final = "Précision (facultatif)"
REMINDER_TEXT: Final = (
    "Rappel : la demande n° {number} ({need}, {lieu}) attend votre réponse depuis le {date}. "
    "« accepter {number} » ou « refuser {number} motif »."
)
ACCEPTED_FOR_MEDIATOR: Final = (
    "Vous avez accepté la demande n° {number}. Personne à recontacter : {handle}{name}.\n"
    "Message : « {text} »{note}{contact}\n« clore {number} issue » quand c'est fini."
)
NOTE_FOR_MEDIATOR: Final = "Précision de la personne pour la demande n° {number} : « {note} »"
CANCELLED_FOR_MEDIATOR: Final = "La demande n° {number} a été annulée par la personne : rien à faire."
WITHDRAWN_FOR_MEDIATOR: Final = "La demande n° {number} a été confiée à quelqu'un d'autre : rien à faire."
DECLINED_DONE: Final = "C'est noté : demande n° {number} refusée ({reason}). Elle part vers un autre médiateur."
CLOSED_DONE: Final = "Demande n° {number} close{outcome}. Merci !"
REASON_NEEDED: Final = (
    "Donnez un motif : « refuser {number} hors compétence », « pas disponible », « public non accueilli », "
    "« doublon » ou « autre » (suivi d'une précision)."
)

# ------------------------------------------------------------------ to the asker (outbox notices)
NOTICE_ACCEPTED: Final = (
    "Bonne nouvelle : votre demande n° {number} a été acceptée par {mediator} ({lieu}). Cette personne "
    "va vous recontacter."
)
NOTICE_REOFFERED: Final = (
    "Votre demande n° {number} : le médiateur contacté n'a pas pu la prendre ; je la propose à un autre."
)
NOTICE_ESCALATED: Final = (
    "Votre demande n° {number} : aucun médiateur n'est disponible pour le moment. La coordination de votre "
    "territoire est prévenue et vous répondra ici."
)
NOTICE_EXPIRED: Final = (
    "Votre demande n° {number} n'a pas trouvé de médiateur en {days} jours : elle est close. N'hésitez pas à "
    "reposer votre question ou à contacter directement « {lieu} »."
)
NOTICE_CLOSED: Final = "Votre demande n° {number} est close{outcome}. Merci d'avoir utilisé epnbot."
NOTICE_REASSIGNED: Final = "Votre demande n° {number} a été confiée à un autre médiateur par la coordination."
CANCELLED_DONE: Final = "Votre demande n° {number} est annulée."

# ------------------------------------------------------------------ to coordinators
COORDINATOR_NOBODY: Final = (
    "Demande n° {number} sans médiateur disponible — besoin : {need} — lieu : {lieu} ({commune}, {dep}). "
    "« réattribuer {number} ID » pour la confier à quelqu'un."
)

# ------------------------------------------------------------------ lists
MY_REQUESTS_NONE: Final = "Vous n'avez aucune demande en cours."
MY_REQUESTS_TITLE: Final = "Vos demandes :"
ASSIGNED_TITLE: Final = "Demandes qui vous sont confiées :"
AREA_TITLE: Final = "Demandes de vos départements ({deps}) :"
REQUEST_LINE: Final = "n° {number} — {state} — {need} — {lieu} — {date}"
LOG_LINE: Final = "{date} : {what}"

# ------------------------------------------------------------------ presence
AWAY_DONE: Final = "C'est noté : vous ne recevrez pas de nouvelle demande jusqu'au {date} inclus."
BACK_DONE: Final = "Bon retour : vous pouvez de nouveau recevoir des demandes."
CAPACITY_DONE: Final = "C'est noté : au plus {count} demande(s) ouverte(s) à la fois."
BAD_DATE: Final = "Date illisible : écrivez-la JJ/MM ou JJ/MM/AAAA (« absent jusqu'au 12/01 »)."
PAST_DATE: Final = "Cette date est déjà passée : écrivez une date à venir."

# ------------------------------------------------------------------ refusals (UserFacingError)
NOT_A_MEDIATOR: Final = "Cette commande est réservée aux médiateurs inscrits dans la base."
NOT_A_COORDINATOR: Final = "Cette commande est réservée aux coordinateurs."
UNKNOWN_REQUEST: Final = "Je ne connais pas de demande n° {number}."
NUMBER_NEEDED: Final = "Précisez le numéro de la demande : « {command} 12 »."
NOT_YOUR_OFFER: Final = "Vous n'êtes pas le médiateur à qui la demande n° {number} est proposée."
NOT_YOUR_REQUEST: Final = "La demande n° {number} n'est pas la vôtre."
ALREADY_ACCEPTED_BY_YOU: Final = "Vous avez déjà accepté la demande n° {number} : rien de plus à faire."
ALREADY_TAKEN: Final = "La demande n° {number} est déjà {state} : elle ne peut plus être {action}."
NOT_ACCEPTED_YET: Final = "La demande n° {number} n'a pas encore été acceptée : elle ne peut pas être close."
UNKNOWN_MEDIATOR: Final = "Je ne connais pas de médiateur « {id} »."
MEDIATOR_ALREADY_OFFERED: Final = "La demande n° {number} a déjà été proposée à {id}."

# ------------------------------------------------------------------ states, for people
STATE_LABELS: Final[dict[str, str]] = {
    "nouvelle": "en attente d'un médiateur",
    "proposée": "proposée à un médiateur",
    "acceptée": "acceptée",
    "clôturée": "close",
    "refusée": "refusée par les médiateurs disponibles, en attente de la coordination",
    "expirée": "expirée",
    "annulée": "annulée",
}
EVENT_LABELS: Final[dict[str, str]] = {
    "créée": "demande créée",
    "proposée": "proposée à {actor}",
    "acceptée": "acceptée par {actor}",
    "refusée": "refusée par {actor} ({reason})",
    "sans réponse": "{actor} n'a pas répondu à temps",
    "rappel": "rappel envoyé à {actor}",
    "escaladée": "transmise à la coordination",
    "réattribuée": "réattribuée par {actor}",
    "clôturée": "close par {actor}",
    "annulée": "annulée",
    "expirée": "expirée",
    "précision": "message ajouté",
    "purgée": "données personnelles effacées",
}
