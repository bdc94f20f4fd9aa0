"""Every French message of the importers, in one place so wording is reviewed without touching logic.

Row messages are completed by `common.RowReport.message` into « ligne 12 : … ».
"""

from __future__ import annotations

from typing import Final

# --------------------------------------------------------------------------- whole file refused
NOT_FOUND: Final = "Fichier introuvable : {path}."
NOT_A_FILE: Final = "{path} n'est pas un fichier."
UNREADABLE_OS: Final = "Impossible de lire {path} : {error}."
EMPTY_FILE: Final = "{path} est vide : rien à importer."
NOT_UTF8: Final = (
    "{path} n'est pas encodé en UTF-8 (caractère illisible ligne {line}). "
    "Enregistrez-le en UTF-8 (LibreOffice : « Enregistrer sous » puis jeu de caractères "
    "« Unicode (UTF-8) » ; "
    "Excel : « CSV UTF-8 ») puis relancez l'import. Rien n'a été modifié."
)
UNKNOWN_FORMAT: Final = (
    "Format de {path} non reconnu : utilisez un fichier .json (cartographie), .csv (standard v1) "
    "ou .yaml (médiateurs) — ou, pour des événements, .ics, un export JSON d'OpenAgenda ou le CSV "
    "d'événements —, ou précisez --format json|v1-csv|yaml|ics|openagenda|evenements-csv."
)
BAD_JSON: Final = (
    "{path} n'est pas un JSON valide (ligne {line}, colonne {column} : {error}). "
    "Le fichier est peut-être tronqué. Rien n'a été modifié."
)
JSON_NO_LIST: Final = (
    "{path} ne contient pas de liste de lieux : attendu une liste JSON, un objet {{\"lieux\": […]}} "
    "ou une FeatureCollection GeoJSON. Rien n'a été modifié."
)
CSV_MISSING_COLUMNS: Final = (
    "{path} : colonne(s) obligatoire(s) absente(s) : {columns}. Colonnes trouvées : {found}. "
    "Vérifiez la première ligne (en-têtes) et le séparateur. Rien n'a été modifié."
)
CSV_BROKEN: Final = "{path} : CSV illisible ligne {line} ({error}). Rien n'a été modifié."
BAD_YAML: Final = "{path} n'est pas un YAML valide (ligne {line} : {error}). Rien n'a été modifié."
YAML_NOT_MAPPING: Final = (
    "{path} : le YAML doit être un dictionnaire avec les clés « mediateurs: » et/ou « coordinateurs: ». "
    "Rien n'a été modifié."
)
YAML_SECTION_NOT_LIST: Final = "{path} : « {section} » doit être une liste. Rien n'a été modifié."
DATABASE_FAILED: Final = "Écriture en base impossible pour {path} : {error}. Rien n'a été modifié."

# --------------------------------------------------------------------------- one row refused
ROW_PREFIX: Final = "ligne {line} : {reason}"
REPLACES_OTHER_FILE: Final = (
    "remplace le lieu {source}:{id} importé depuis {path} (même source et même id dans deux fichiers)"
)
NOT_AN_OBJECT: Final = "l'enregistrement n'est pas un objet JSON"
UNKNOWN_COLUMNS: Final = (
    "colonne(s) inconnue(s) du standard, gardées telles quelles avec chaque lieu : {columns}"
)
DOUBTFUL: Final = "placement douteux, à vérifier : {doubts}"
INCONSISTENT: Final = "adresse incohérente (lieu placé d'après le reste) : {doubts}"
DOUBT_INSEE: Final = "le code INSEE {code} est celui de {commune}, placé à {chosen} d'après le reste de l'adresse"
DOUBT_POSTCODE: Final = "le code postal {code} est celui de {commune}, pas de {chosen}"
DOUBT_POINT: Final = (
    "coordonnées à {km} km de {chosen} : remplacées par le point de la commune (gardées dans « extra »)"
)
MISSING_ID: Final = "identifiant (id) manquant"
MISSING_NAME: Final = "nom manquant"
MISSING_PLACE: Final = "ni commune, ni code postal, ni code INSEE"
UNKNOWN_COMMUNE: Final = "commune introuvable (« {commune} », code postal « {postcode} »)"
AMBIGUOUS_LIEU: Final = (
    "le lieu « {id} » est ambigu : plusieurs sources ont cet identifiant ; écrivez l'un de {choices}"
)
DUPLICATE_ID: Final = "identifiant « {id} » déjà présent ligne {first}"
TOO_LONG: Final = "{field} trop long ({length} caractères, {limit} au plus)"
UNREADABLE_NUMBER: Final = "{field} « {value} » illisible"
OUT_OF_RANGE: Final = "{field} {value} hors limites ({low} à {high})"
ONLY_ONE_COORDINATE: Final = "latitude et longitude vont ensemble : une seule est renseignée"
UNREADABLE_DATE: Final = "{field} « {value} » illisible (attendu AAAA-MM-JJ ou JJ/MM/AAAA)"
NOT_A_MAPPING: Final = "l'entrée n'est pas un dictionnaire (id: …, nom: …)"
UNKNOWN_NEED: Final = "besoin inconnu « {value} » (codes possibles : {codes})"
UNKNOWN_DEPARTEMENT: Final = "département inconnu « {value} »"
BAD_CAPACITY: Final = "capacité « {value} » invalide (un entier de 0 à 100)"
BAD_ABSENCE: Final = "absence invalide {value!r} (attendu {{du: AAAA-MM-JJ, au: AAAA-MM-JJ}})"
ABSENCE_REVERSED: Final = "absence du {start} au {end} : la date de début est après la date de fin"
BAD_MATRIX_ID: Final = "identifiant Matrix « {value} » invalide (attendu @nom:serveur)"
BAD_LIST: Final = "« {field} » doit être une liste"
TOO_MANY_CELLS: Final = (
    "{found} cellules au lieu de {expected} (séparateur dans une valeur sans guillemets ?)"
)
UNKNOWN_KEYS: Final = "clé(s) inconnue(s) : {keys}"

# --------------------------------------------------------------------------- statuses of a run
STATUS_DONE: Final = "terminé"
STATUS_PARTIAL: Final = "partiel"

# --------------------------------------------------------------------------- `epnbot kb …`
CLI_SUMMARY: Final = (
    "{path} ({format}) : {total} ligne(s) lue(s) — {added} ajoutée(s), {changed} modifiée(s), "
    "{unchanged} inchangée(s), {rejected} rejetée(s) [import n° {run}, {seconds:.2f} s]"
)
CLI_PEOPLE: Final = "  dont {mediateurs} médiateur(s) et {coordinateurs} coordinateur(s) valides"
CLI_REJECTED_TITLE: Final = "Lignes rejetées :"
CLI_NOTICES_TITLE: Final = "À vérifier (lignes importées) :"
CLI_MORE_NOTICES: Final = "  … et {count} autre(s) remarque(s)."
CLI_MORE_REJECTED: Final = "  … et {count} autres"
CLI_FULL_REPORT: Final = "Rapport complet des lignes rejetées : {path}"
CLI_FILE_FAILED: Final = "Échec de l'import : {message}"
CLI_PROGRESS: Final = "Import de {name}"
CLI_NO_DATA: Final = "La base ne contient aucun lieu. Importez un fichier : epnbot kb import FICHIER"
CLI_STATS_LIEUX: Final = "Lieux : {count}"
CLI_STATS_POINTS: Final = (
    "  dont {commune} placé(s) au centre de leur commune (sans coordonnées dans la source) "
    "et {none} sans aucun point"
)
CLI_STATS_BY_DEP: Final = "Lieux par département :"
CLI_STATS_BY_NEED: Final = "Lieux par besoin :"
CLI_STATS_PEOPLE: Final = (
    "Médiateurs : {mediateurs} ({links} rattachement(s) à des lieux) ; coordinateurs : {coordinateurs}"
)
CLI_STATS_LAST: Final = (
    "Dernier import : {path} ({status}, {added} ajoutée(s), {changed} modifiée(s), {rejected} rejetée(s))"
)
CLI_COLUMN_DEP: Final = "Département"
CLI_COLUMN_NEED: Final = "Besoin"
CLI_COLUMN_COUNT: Final = "Lieux"
CLI_EXPORTED: Final = "{count} lieu(x) exporté(s) vers {path}"
