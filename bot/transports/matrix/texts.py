"""Every French sentence of the Matrix transport: setting errors, log lines, what it says in rooms."""

from __future__ import annotations

from typing import Final

# ------------------------------------------------------------------ settings (checked at start)
SETTINGS_HEADER: Final = "Configuration Matrix incomplète ou invalide :"
MISSING_HOMESERVER: Final = (
    "MATRIX_HOMESERVER manque : adresse du serveur Matrix du bot, par exemple https://matrix.example.org."
)
BAD_HOMESERVER: Final = (
    "MATRIX_HOMESERVER « {value} » n'est pas une adresse http(s) : écrivez par exemple "
    "https://matrix.example.org."
)
MISSING_USER_ID: Final = (
    "MATRIX_USER_ID manque : identifiant complet du compte du bot, par exemple @epnbot:example.org."
)
BAD_USER_ID: Final = (
    "MATRIX_USER_ID « {value} » n'est pas un identifiant Matrix : il s'écrit @nom:serveur (par exemple "
    "@epnbot:example.org)."
)
MISSING_SECRET: Final = (
    "MATRIX_PASSWORD ou MATRIX_ACCESS_TOKEN manque : donnez le mot de passe du compte du bot, ou un jeton "
    "d'accès (Element : Paramètres → Aide et à propos → Jeton d'accès)."
)
BAD_ALLOWED: Final = (
    "MATRIX_ALLOWED : « {value} » n'est ni un serveur (example.org) ni un utilisateur (@ana:example.org) ; "
    "séparez les entrées par des virgules, ou « * » pour accepter toutes les invitations."
)
BAD_NUMBER: Final = "{name} « {value} » n'est pas un nombre valide ({hint})."
BAD_STORE: Final = "MATRIX_STORE_PATH « {value} » : dossier impossible à créer ou à écrire ({error})."
BAD_PREFIX: Final = "MATRIX_COMMAND_PREFIX « {value} » : un mot sans espace est attendu (par exemple !epn)."

# ------------------------------------------------------------------ connection (log lines and fatal errors)
LOGIN_REFUSED: Final = (
    "Le serveur Matrix refuse la connexion de {user_id} ({error}) : vérifiez MATRIX_PASSWORD ou "
    "MATRIX_ACCESS_TOKEN."
)
TOKEN_OTHER_USER: Final = (
    "MATRIX_ACCESS_TOKEN appartient à {actual}, pas à MATRIX_USER_ID {expected} : corrigez l'un ou l'autre."
)
HOMESERVER_DOWN: Final = "Serveur Matrix {homeserver} injoignable ({error}) : nouvel essai dans {delay:.0f} s."
SYNC_FAILED: Final = "Synchronisation Matrix en échec ({error}) : nouvel essai dans {delay:.0f} s."
CONNECTED: Final = "Connecté à {homeserver} en tant que {user_id} (appareil {device_id}), chiffrement {encryption}."
RESUMED: Final = "Reprise de la synchronisation au jeton enregistré."
FIRST_START: Final = "Premier démarrage : pas de jeton de synchronisation enregistré."
STOPPED: Final = "Transport Matrix arrêté, jeton de synchronisation enregistré."
INVITE_REFUSED: Final = "Invitation de {inviter} dans {room} refusée : hors de MATRIX_ALLOWED."
INVITE_ACCEPTED: Final = "Invitation de {inviter} acceptée : salon {room} rejoint."

# ------------------------------------------------------------------ in rooms
CANNOT_READ_ENCRYPTED: Final = (
    "Ce salon est chiffré de bout en bout et je ne peux pas lire les messages chiffrés ici. Écrivez-moi "
    "dans un salon non chiffré, ou en message direct non chiffré."
)
UNDECRYPTABLE: Final = (
    "Je n'ai pas pu déchiffrer votre message (clés de chiffrement pas encore reçues). Renvoyez-le dans un "
    "instant, ou écrivez-moi dans un salon non chiffré."
)
REACT_FOR: Final = "{emoji} pour « {label} »"
REACTIONS_LINE: Final = "Réagissez {choices}"
TYPE_LINE: Final = "ou écrivez {commands}"
TYPE_ONLY_LINE: Final = "Écrivez {commands}"
CHOICES_LINE: Final = "Motifs : {choices}"
LINK_LABEL: Final = "Lien"
