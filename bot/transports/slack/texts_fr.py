"""Every French sentence of the Slack transport: start-up checks, App Home, fallbacks."""

from __future__ import annotations

from typing import Final

# ------------------------------------------------------------------ settings checked at start
MISSING_BOT_TOKEN: Final = (
    "SLACK_BOT_TOKEN manquant : copiez le « Bot User OAuth Token » (xoxb-…) de la page « OAuth & Permissions » "
    "de votre application Slack."
)
BAD_BOT_TOKEN: Final = (
    "SLACK_BOT_TOKEN invalide : un jeton de bot commence par « xoxb- » (celui-ci commence par « {start} »)."
)
MISSING_SIGNING_SECRET: Final = (
    "SLACK_SIGNING_SECRET manquant : copiez le « Signing Secret » de la page « Basic Information » de votre "
    "application (nécessaire avec --http)."
)
BAD_SIGNING_SECRET: Final = "SLACK_SIGNING_SECRET invalide : il doit faire au moins 16 caractères, sans espace."
MISSING_APP_TOKEN: Final = (
    "SLACK_APP_TOKEN manquant : créez un « App-Level Token » (xapp-…) avec la portée connections:write, page "
    "« Basic Information » (nécessaire avec --socket)."
)
BAD_APP_TOKEN: Final = (
    "SLACK_APP_TOKEN invalide : un jeton d'application commence par « xapp- » (celui-ci commence par « {start} »)."
)
BAD_API_URL: Final = (
    "SLACK_API_URL invalide : « {url} » n'est pas une adresse http(s) (par défaut https://slack.com/api/)."
)
TOKEN_REFUSED: Final = "SLACK_BOT_TOKEN refusé par Slack (auth.test a répondu « {error} ») : vérifiez le jeton."
APP_TOKEN_REFUSED: Final = (
    "SLACK_APP_TOKEN refusé par Slack (apps.connections.open a répondu « {error} ») : vérifiez le jeton et "
    "que le Socket Mode est activé dans l'application."
)
API_UNREACHABLE: Final = "Slack injoignable à {url} (auth.test) : {error}. Vérifiez SLACK_API_URL et le réseau."
SETTINGS_INTRO: Final = "Configuration Slack incomplète :"
MODE_NEEDED: Final = "Choisissez --http (événements sur /slack/events) ou --socket (Socket Mode)."
BOTH_MODES: Final = "Choisissez --http ou --socket, pas les deux."
LISTENING: Final = "epnbot écoute Slack sur http://{host}:{port}/slack/events (santé : /healthz)"
SOCKET_LISTENING: Final = "epnbot est connecté à Slack en Socket Mode"

# ------------------------------------------------------------------ App Home
HOME_TITLE: Final = "epnbot — médiation numérique"
HOME_HOW_TO_ASK: Final = (
    "*Comment poser une question* : écrivez-moi ici en message direct, mentionnez-moi dans un canal "
    "(je réponds dans le fil), ou tapez `/epn votre question` n'importe où. Par exemple : « {example} »"
)
HOME_COMMANDS: Final = "`/epn aide` donne toutes les commandes ; `/epn mes demandes` suit vos demandes."

# ------------------------------------------------------------------ fallbacks
EMPTY_COMMAND: Final = "aide"
