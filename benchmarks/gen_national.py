"""Seeded generator of a national knowledge base and of varied French questions, for benchmarks.

Why: the real open data we ship covers one region (646 lieux); the bot must stay fast at the national
scale (~20,000 lieux), so `bench_ask.py` needs a file of that size in the exact v1 CSV layout the
importer reads, placed over the real gazetteer so that places in the questions resolve, plus questions
as messy as people write them. Everything is drawn from one `random.Random(seed)`: the same seed gives
byte-identical files, so two runs of the benchmark measure the same work.

Usage (standalone; `bench_ask.py` imports it):
    .venv/bin/python benchmarks/gen_national.py --lieux 20000 --questions 1000 --seed 7 --out /tmp/nat
writes `lieux-national-v1.csv` and `questions.jsonl` (one `{"text", "tags"}` a line) into `--out`.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import gzip
import itertools
import json
import math
import random
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TypedDict

ROOT: Final = Path(__file__).resolve().parent.parent
GAZETTEER: Final = ROOT / "knowledge" / "data" / "communes-fr.csv.gz"
#: The overseas collectivités (Nouvelle-Calédonie, Polynésie…), in the same columns.
OVERSEAS: Final = ROOT / "knowledge" / "data" / "communes-outremer.csv"
DEPARTEMENTS: Final = ROOT / "knowledge" / "data" / "departements.csv"

#: The national standard v1 columns, in order, then the epnbot extension column (data/README.md).
V1_COLUMNS: Final = (
    "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse",
    "latitude", "longitude", "typologie", "telephone", "courriels", "site_web", "horaires",
    "presentation_resume", "presentation_detail", "source", "itinerance", "structure_parente", "date_maj",
    "services", "publics_specifiquement_adresses", "prise_en_charge_specifique", "frais_a_charge",
    "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
    "modalites_accompagnement", "fiche_acces_libre", "prise_rdv", "besoins_epnbot",
)

#: v1 service labels with a relative frequency close to the real files (few offer security or
#: cheap equipment, most offer administrative help and everyday tools).
SERVICES: Final = (
    ("Aide aux démarches administratives", 0.80, "demarches"),
    ("Maîtrise des outils numériques du quotidien", 0.85, "outils-quotidien"),
    ("Insertion professionnelle via le numérique", 0.45, "insertion-pro"),
    ("Utilisation sécurisée du numérique", 0.25, "securite"),
    ("Parentalité et éducation avec le numérique", 0.25, "parentalite"),
    ("Loisirs et créations numériques", 0.30, "loisirs-creation"),
    ("Compréhension du monde numérique", 0.35, "culture-numerique"),
    ("Accès internet et matériel informatique", 0.60, "acces-equipement"),
    ("Acquisition de matériel informatique à prix solidaire", 0.06, "materiel-solidaire"),
)
#: v1 service label -> need code (DESIGN §2), for consumers of the generated file.
V1_LABEL_CODES: Final = {label: code for label, _p, code in SERVICES}
PUBLICS: Final = ("Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes")
PRISE_EN_CHARGE: Final = ("Surdité", "Handicaps moteurs", "Handicaps mentaux", "Illettrisme",
                          "Langues étrangères (anglais)", "Langues étrangères (autres)",
                          "Déficience visuelle")
FRAIS: Final = ("Gratuit", "Gratuit", "Gratuit", "Gratuit sous condition", "Payant")
DISPOSITIFS: Final = ("Conseillers numériques", "France Services", "Aidants Connect", "Point numérique CAF",
                      "Territoires d'industrie", "Grande école du numérique")
FORMATIONS: Final = ("Pix", "Certificat Pix", "Campus connecté", "Fabriques de territoire",
                     "Label Numérique Inclusif")
MODALITES_ACCES: Final = ("Se présenter", "Téléphoner", "Contacter par mail",
                          "Envoyer un mail avec une fiche de prescription")
ACCOMPAGNEMENT: Final = ("Accompagnement individuel", "Dans un atelier collectif", "En autonomie",
                         "À distance")
TYPOLOGIES: Final = ("FS", "BIB", "CS", "TIERS_LIEUX", "MUNI", "ASSO", "CCAS", "PE", "ML")
SOURCES: Final = ("dora", "conseiller-numerique", "france-services", "hinaura", "mednum", "coop-numerique")
STREETS: Final = ("rue de la République", "avenue Jean Jaurès", "place de la Mairie", "rue Victor Hugo",
                  "boulevard Gambetta", "rue du Général de Gaulle", "chemin des Écoles", "rue Pasteur",
                  "allée des Tilleuls", "rue de l'Église", "quai Lucien Toulmond", "route de la Gare")
HORAIRES: Final = (
    "Mo-Fr 09:00-12:00,14:00-17:00",
    "Mo-Fr 08:30-12:30,13:30-17:00",
    "Tu-Sa 10:00-18:00",
    "Mo,We,Fr 09:00-12:00",
    "Mo-Th 09:00-12:00,14:00-17:30; Fr 09:00-12:00",
    "Tu,Th 14:00-18:00; Sa 09:00-12:00",
    "Mo-Fr 09:00-17:00; PH off",
    "We 14:00-18:00; Sa 10:00-12:30,14:00-17:00",
    "Mo-Sa 09:00-19:00",
    "Th 14-18:10-19",  # refused by opening-hours-py, as in the real data: must be shown as written
)
#: Name patterns; `{c}` is the commune, `{q}` a quartier-like word.
NAME_PATTERNS: Final = (
    ("France Services {c}", 0.22), ("EPN de {c}", 0.16), ("Médiathèque {q} de {c}", 0.14),
    ("Espace numérique {c}", 0.12), ("Conseiller numérique — Mairie de {c}", 0.10),
    ("Centre social {q}", 0.08), ("Tiers-lieu {q} ({c})", 0.06), ("Emploi & Numérique {c}", 0.04),
    ("Maison de quartier {q}", 0.04), ("Point numérique CAF {c}", 0.04),
)
QUARTIERS: Final = ("municipale", "Jules Verne", "des Chênes", "Louise Michel", "du Centre", "Saint-Exupéry",
                    "Les Lilas", "Marie Curie", "du Port", "La Fontaine", "Émile Zola", "des Arts")

# ------------------------------------------------------------------ questions vocabulary

#: (verb phrase, short SMS form) per need as people say it; the need codes are DESIGN §2's.
NEED_PHRASES: Final = (
    ("faire ma déclaration à la CAF", "CAF", "demarches"),
    ("déclarer mes impôts en ligne", "impots", "demarches"),
    ("faire ma carte grise sur le site de l'ANTS", "carte grise", "demarches"),
    ("créer mon compte Ameli", "ameli", "demarches"),
    ("m'inscrire à France Travail", "inscription france travail", "demarches"),
    ("faire mon CV", "CV", "insertion-pro"),
    ("écrire une lettre de motivation", "lettre de motivation", "insertion-pro"),
    ("postuler à des offres d'emploi en ligne", "candidature en ligne", "insertion-pro"),
    ("apprendre à me servir de mon smartphone", "smartphone", "outils-quotidien"),
    ("utiliser mon ordinateur", "ordinateur", "outils-quotidien"),
    ("envoyer des mails avec une pièce jointe", "mails", "outils-quotidien"),
    ("faire une visio avec mes petits-enfants", "visio", "outils-quotidien"),
    ("savoir si ce SMS est une arnaque", "arnaque", "securite"),
    ("gérer mes mots de passe", "mots de passe", "securite"),
    ("enlever un virus de mon PC", "virus", "securite"),
    ("mettre le contrôle parental sur la tablette de mon fils", "controle parental", "parentalite"),
    ("suivre Pronote pour mes enfants", "pronote", "parentalite"),
    ("retoucher mes photos", "photo", "loisirs-creation"),
    ("monter une vidéo", "video", "loisirs-creation"),
    ("comprendre l'IA et ChatGPT", "IA", "culture-numerique"),
    ("repérer les fake news", "fake news", "culture-numerique"),
    ("imprimer un document", "imprimer", "acces-equipement"),
    ("avoir du wifi pour une démarche", "wifi", "acces-equipement"),
    ("scanner des papiers", "scanner", "acces-equipement"),
    ("acheter un ordinateur pas cher", "ordinateur pas cher", "materiel-solidaire"),
    ("trouver un ordinateur reconditionné", "pc reconditionne", "materiel-solidaire"),
    ("créer mon entreprise", "créer mon entreprise", "entreprise"),
    ("faire un site vitrine pour ma boutique", "site vitrine", "entreprise"),
    ("faire ma facturation en ligne", "facturation", "entreprise"),
    ("vendre en ligne (e-commerce)", "e-commerce", "entreprise"),
)
AUDIENCE_PHRASES: Final = (
    "retraité", "retraitée de 78 ans", "demandeur d'emploi", "au chômage", "étudiante", "artisan plombier",
    "commerçante", "créatrice d'entreprise", "auto-entrepreneur qui démarre", "maman de trois enfants",
    "au RSA", "jeune de 19 ans suivi par la mission locale", "malvoyant", "sourde",
    "réfugié, je parle mal français", "gérant d'une petite PME",
)
TEMPLATES: Final = (
    "Bonjour, je cherche de l'aide pour {need} {place} ?",
    "qui peut m'aider à {need} {place}",
    "{short} {place}",
    "Où trouver un EPN {place} pour {need} ?",
    "y a-t-il un lieu {place} où on peut m'aider à {need}",
    "besoin d'aide {short} {place} svp",
    "Je voudrais {need}, il y a quelque chose {place} ?",
    "Est-ce qu'un conseiller numérique {place} peut m'aider à {need} ?",
)
AUDIENCE_TEMPLATES: Final = (
    "Je suis {aud} et j'ai besoin d'aide pour {need} {place}.",
    "{aud}, je n'arrive pas à {need}, qui peut m'aider {place} ?",
    "Bonjour, je suis {aud} et je voudrais {need} {place}",
)
NO_PLACE_TEMPLATES: Final = (
    "Comment {need} ?", "je n'arrive pas à {need}", "aide {short}", "Qui peut m'aider à {need} ?",
)
#: A place preposition before an ordinary word, a lieu kind or a need (« dans un CCAS », « à la
#: poste », « en ligne »): no place, but every n-gram after it is tried as one.
COMMON_WORD_PLACES: Final = (
    "dans un CCAS", "à la mairie", "au centre social", "dans une médiathèque", "à la poste", "vers la gare",
    "dans le quartier", "à la maison", "sur place", "en ligne", "au travail", "à l'école de mon fils",
    "à la bibliothèque", "dans une association", "au bureau", "dans la salle des fêtes", "chez moi",
    "à côté de chez moi", "dans un tiers-lieu", "à la maison France services", "par téléphone",
)
#: Départements where few lieux stand (overseas, the least peopled), asked about as a whole.
FEW_LIEUX_DEPARTEMENTS: Final = (
    ("976", "à Mayotte"), ("973", "en Guyane"), ("48", "en Lozère"), ("23", "dans la Creuse"),
    ("975", "à Saint-Pierre-et-Miquelon"), ("977", "à Saint-Barthélemy"), ("978", "à Saint-Martin"),
    ("986", "à Wallis-et-Futuna"), ("987", "en Polynésie française"), ("988", "en Nouvelle-Calédonie"),
    ("976", "dans le 976"), ("988", "dans le 988"), ("05", "dans les Hautes-Alpes"), ("90", "dans le 90"),
)
OUT_OF_SCOPE: Final = ("Bonjour", "merci", "Merci beaucoup !", "ok", "salut ça va ?", "bonne journée",
                       "Quelle heure est-il ?", "👍", "test", "?")
PREPOSITIONS: Final = ("à", "à", "près de", "vers", "autour de", "sur")
LONG_FILLERS: Final = (
    "Je vous écris parce que je suis un peu perdu avec tout ce qui se fait sur internet maintenant.",
    "Avant j'allais au guichet et on m'aidait, mais maintenant tout est en ligne et je n'y comprends rien.",
    "Mon fils habite loin et ne peut pas venir m'aider, et ma voisine est trop occupée.",
    "J'ai essayé plusieurs fois mais le site me dit que mon mot de passe n'est pas bon.",
    "Je n'ai pas d'imprimante à la maison et mon téléphone est très vieux.",
    "On m'a dit qu'il existait des lieux avec des médiateurs qui aident gratuitement.",
)
ODD_UNICODE: Final = ("\u00a0", "\u200b", "🙏", "😅", "’", "«\u202f", "\u202f»", "ﬁ", "Ａ")


class Question(TypedDict):
    """One generated question and the tags saying how it was built (`commune`, `typo`, `long`…)."""

    text: str
    tags: list[str]


@dataclass(frozen=True, slots=True)
class GazCommune:
    """One row of the gazetteer, as much as the generator needs."""

    insee: str
    nom: str
    type: str
    dep: str
    postcodes: tuple[str, ...]
    lat: float | None
    lon: float | None
    population: int


class WeightedPicker:
    """Draws items with given weights in O(log n) (cumulative weights + bisect), from a caller's RNG."""

    def __init__(self, items: Sequence[GazCommune], weights: Sequence[float]) -> None:
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(weights))

    def pick(self, rng: random.Random) -> GazCommune:
        """One item, with probability proportional to its weight."""
        x = rng.random() * self.cumulative[-1]
        return self.items[min(bisect.bisect_right(self.cumulative, x), len(self.items) - 1)]


def load_gazetteer(path: Path = GAZETTEER, overseas: Path | None = OVERSEAS) -> list[GazCommune]:
    """All communes and arrondissements, in file order (so draws do not depend on dict order),
    then the overseas collectivités' communes."""
    out: list[GazCommune] = []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if overseas is not None:
        with overseas.open(encoding="utf-8", newline="") as f:
            rows += list(csv.DictReader(f))
    for row in rows:
        lat = float(row["lat"]) if row["lat"] else None
        lon = float(row["lon"]) if row["lon"] else None
        out.append(GazCommune(row["insee"], row["nom"], row["type"], row["dep"],
                              tuple(p for p in row["codes_postaux"].split("|") if p), lat, lon,
                              int(row["population"] or 0)))
    return out


def load_departements(path: Path = DEPARTEMENTS) -> list[tuple[str, str]]:
    """(code, name) of every département, from the project's table."""
    with path.open(encoding="utf-8", newline="") as f:
        return [(row["code"], row["nom"]) for row in csv.DictReader(f)]


def _placeable(communes: Sequence[GazCommune]) -> list[GazCommune]:
    """Communes where a lieu may stand: Paris, Lyon and Marseille count through their arrondissements."""
    with_arrondissements = {"75056", "69123", "13055"}
    return [c for c in communes if c.insee not in with_arrondissements]


def lieu_pickers(communes: Sequence[GazCommune]) -> tuple[WeightedPicker, WeightedPicker]:
    """(by population, uniform): most lieux follow people, some are spread over small communes."""
    places = _placeable(communes)
    by_population = WeightedPicker(places, [max(c.population, 1) ** 0.9 for c in places])
    uniform = WeightedPicker(places, [1.0] * len(places))
    return by_population, uniform


def display_commune(c: GazCommune) -> str:
    """How a lieu file spells its commune: arrondissements as the city name, as real files do."""
    if c.type == "ARM":
        return c.nom.split(" ")[0]
    return c.nom


def _jitter(rng: random.Random, lat: float, lon: float, radius_km: float = 2.0) -> tuple[float, float]:
    """A point drawn uniformly within `radius_km` of (lat, lon)."""
    r = radius_km * math.sqrt(rng.random())
    theta = rng.random() * 2 * math.pi
    dlat = r * math.cos(theta) / 111.32
    dlon = r * math.sin(theta) / (111.32 * max(math.cos(math.radians(lat)), 0.01))
    return round(lat + dlat, 6), round(lon + dlon, 6)


def _choose_name(rng: random.Random, commune: str) -> str:
    patterns = [pattern for pattern, _weight in NAME_PATTERNS]
    pattern: str = rng.choices(patterns, [weight for _pattern, weight in NAME_PATTERNS])[0]
    return pattern.format(c=commune, q=rng.choice(QUARTIERS))


def _some(rng: random.Random, values: Sequence[str], p_any: float, most: int) -> str:
    """`|`-joined random subset (empty with probability 1 - p_any)."""
    if rng.random() >= p_any:
        return ""
    return "|".join(rng.sample(list(values), rng.randint(1, min(most, len(values)))))


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(ch if ch.isalnum() else " " for ch in folded).split())[:40] or "lieu"


def generate_lieux(n: int, seed: int, communes: Sequence[GazCommune]) -> list[dict[str, str]]:
    """`n` lieux as v1 CSV rows (every value a string, every column of `V1_COLUMNS` present)."""
    rng = random.Random(f"lieux-{seed}")
    by_population, uniform = lieu_pickers(communes)
    rows: list[dict[str, str]] = []
    for i in range(n):
        commune = (uniform if rng.random() < 0.15 else by_population).pick(rng)
        city = display_commune(commune)
        if rng.random() < 0.04:
            city = city.upper()
        name = _choose_name(rng, display_commune(commune))
        source = rng.choice(SOURCES)
        lat = lon = ""
        if commune.lat is not None and commune.lon is not None and rng.random() >= 0.03:
            jl, jo = _jitter(rng, commune.lat, commune.lon)
            lat, lon = f"{jl:.6f}", f"{jo:.6f}"
        services = [label for label, p, _code in SERVICES if rng.random() < p]
        if not services:
            services = [SERVICES[1][0]]
        slug = _slug(name)
        row = {
            "id": f"{source}-{uuid.UUID(int=rng.getrandbits(128), version=4)}",
            "pivot": rng.choice(("00000000000000", f"{rng.randrange(10**13, 10**14)}")),
            "nom": name,
            "commune": city,
            "code_postal": rng.choice(commune.postcodes) if commune.postcodes else "",
            "code_insee": commune.insee if rng.random() >= 0.35 else "",
            "adresse": f"{rng.randint(1, 120)} {rng.choice(STREETS)}",
            "complement_adresse": rng.choice(("", "", "", "1er étage", "Bâtiment B", "Entrée par la cour")),
            "latitude": lat,
            "longitude": lon,
            "typologie": rng.choice(TYPOLOGIES) if rng.random() < 0.7 else "",
            "telephone": f"+33{rng.choice('1234589')}{rng.randrange(10**7, 10**8)}"
            if rng.random() < 0.6 else "",
            "courriels": f"contact@{slug}.fr" if rng.random() < 0.5 else "",
            "site_web": f"https://www.{slug}.fr" if rng.random() < 0.35 else "",
            "horaires": rng.choice(HORAIRES) if rng.random() < 0.65 else "",
            "presentation_resume": f"Accompagnement au numérique à {display_commune(commune)}."
            if rng.random() < 0.5 else "",
            "presentation_detail": " ".join(rng.sample(LONG_FILLERS, 3)) if rng.random() < 0.2 else "",
            "source": source,
            "itinerance": rng.choice(("Fixe", "Fixe", "Fixe", "Itinérant", "Fixe|Itinérant")),
            "structure_parente": rng.choice(("", "", f"Mairie de {display_commune(commune)}",
                                             "Emmaüs Connect")),
            "date_maj": f"{rng.choice((2023, 2024, 2025))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "services": "|".join(services),
            "publics_specifiquement_adresses": _some(rng, PUBLICS, 0.3, 3),
            "prise_en_charge_specifique": _some(rng, PRISE_EN_CHARGE, 0.15, 2),
            "frais_a_charge": rng.choice(FRAIS) if rng.random() < 0.8 else "",
            "dispositif_programmes_nationaux": _some(rng, DISPOSITIFS, 0.5, 2),
            "formations_labels": _some(rng, FORMATIONS, 0.2, 2),
            "autres_formations_labels": rng.choice(("", "", "", "Label Ville Internet")),
            "modalites_acces": _some(rng, MODALITES_ACCES, 0.6, 3),
            "modalites_accompagnement": _some(rng, ACCOMPAGNEMENT, 0.7, 3),
            "fiche_acces_libre": f"https://acceslibre.beta.gouv.fr/app/{commune.dep}-{slug}/"
            if rng.random() < 0.1 else "",
            "prise_rdv": f"https://rdv.anct.gouv.fr/prendre_rdv?lieu={i}" if rng.random() < 0.3 else "",
            "besoins_epnbot": "entreprise" if rng.random() < 0.15 else "",
        }
        rows.append(row)
    return rows


def write_lieux_csv(rows: Sequence[dict[str, str]], path: Path) -> None:
    """Write rows in the v1 layout (comma-separated, `|` inside a cell, UTF-8, `\\n` line ends)."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=V1_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# ------------------------------------------------------------------ questions


def _strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _typo(rng: random.Random, word: str) -> str:
    """One deletion, swap or doubled letter inside the word (never the first letter)."""
    if len(word) < 5:
        return word
    i = rng.randint(1, len(word) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


def _departement_phrase(rng: random.Random, name: str) -> str:
    if name[0] in "AEIOUÉÈ":
        return f"en {name}"
    if name.split("-")[0].endswith("s") or name.startswith(("Bouches", "Hautes", "Alpes", "Pyrénées")):
        return f"dans les {name}"
    usual = f"en {name}" if name.endswith("e") else f"dans le {name}"
    return rng.choice((f"dans le département {name}", usual))


def _arrondissement_phrase(rng: random.Random, c: GazCommune) -> str:
    city, number = c.nom.split(" ")[0], int(c.insee[-2:]) if c.insee[:2] != "69" else int(c.insee[-1])
    suffix = "er" if number == 1 else "e"
    postcode = c.postcodes[0] if c.postcodes else ""
    return rng.choice((f"à {city} {postcode}", f"à {city} {number}{suffix}",
                       f"dans le {number}{suffix} arrondissement de {city}"))


class PlaceMaker:
    """Turns a draw into the way someone names a place: name, typo, postal code, département…"""

    def __init__(self, communes: Sequence[GazCommune], departements: Sequence[tuple[str, str]]) -> None:
        coms = [c for c in communes if c.type == "COM"]
        self.by_population = WeightedPicker(coms, [max(c.population, 1) ** 0.8 for c in coms])
        overseas = [c for c in coms if c.dep[:3] in {"975", "977", "978", "986", "987", "988"}]
        self.overseas = WeightedPicker(overseas, [max(c.population, 1) ** 0.5 for c in overseas])
        self.arrondissements = [c for c in communes if c.type == "ARM"]
        self.departements = list(departements)

    def make(self, rng: random.Random) -> tuple[str, str]:
        """(phrase such as « près de Draguignan », tag saying how it was written)."""
        roll = rng.random()
        if roll < 0.05:
            code = rng.choice(self.departements)[0]
            return f"dans le {code}", "dep-number"
        if roll < 0.10:
            return _departement_phrase(rng, rng.choice(self.departements)[1]), "dep-name"
        if roll < 0.15:
            return _arrondissement_phrase(rng, rng.choice(self.arrondissements)), "arrondissement"
        c = self.by_population.pick(rng)
        prep = rng.choice(PREPOSITIONS)
        name = c.nom
        postcode = rng.choice(c.postcodes) if c.postcodes else ""
        if roll < 0.22 and postcode:
            return f"{prep} {name} {postcode}", "postcode"
        if roll < 0.26 and postcode:
            return f"dans le {postcode}" if rng.random() < 0.5 else f"{postcode}", "postcode-only"
        if roll < 0.36:
            return f"{prep} {name.lower()}", "lowercase"
        if roll < 0.46:
            return f"{prep} {_strip_accents(name).lower()}", "no-accents"
        if roll < 0.54:
            return f"{prep} {_typo(rng, name)}", "typo"
        if roll < 0.58 and name.startswith(("Saint-", "Sainte-")):
            return f"{prep} {name.replace('Saint-', 'St ').replace('Sainte-', 'Ste ')}", "saint"
        return f"{prep} {name}", "commune"


def _odd(rng: random.Random, text: str) -> str:
    """Sprinkle odd Unicode: NBSP, zero-width space, emoji, NFD accents, ligatures (never a line break)."""
    words = text.split(" ")
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(words))
        words[i] = words[i] + rng.choice(ODD_UNICODE)
    out = " ".join(words)
    return unicodedata.normalize("NFD", out) if rng.random() < 0.5 else out


def generate_questions(n: int, seed: int, communes: Sequence[GazCommune],
                       departements: Sequence[tuple[str, str]]) -> list[Question]:
    """`n` one-line French questions `{"text", "tags"}`; the tags say how each was built."""
    rng = random.Random(f"questions-{seed}")
    places = PlaceMaker(communes, departements)
    out: list[Question] = []
    for _ in range(n):
        roll = rng.random()
        need, short, _code = rng.choice(NEED_PHRASES)
        tags: list[str] = []
        if roll < 0.05:
            text = rng.choice(OUT_OF_SCOPE)
            tags.append("out-of-scope")
        elif roll < 0.13:
            text = rng.choice(NO_PLACE_TEMPLATES).format(need=need, short=short)
            tags.append("no-place")
        elif roll < 0.15:
            target = rng.randint(300, 1900)
            filler = []
            while sum(len(s) + 1 for s in filler) < target:
                filler.append(rng.choice(LONG_FILLERS))
            text = " ".join([*filler, rng.choice(NO_PLACE_TEMPLATES).format(need=need, short=short)])
            tags.append("long-no-place")
        elif roll < 0.18:
            text = rng.choice(TEMPLATES).format(need=need, short=short, place=rng.choice(COMMON_WORD_PLACES))
            tags.append("common-word")
        elif roll < 0.20:
            text = rng.choice(TEMPLATES).format(need=need, short=short,
                                                place=rng.choice(FEW_LIEUX_DEPARTEMENTS)[1])
            tags.append("few-lieux-dep")
        elif roll < 0.22:
            commune = places.overseas.pick(rng)
            text = rng.choice(TEMPLATES).format(need=need, short=short,
                                                place=f"{rng.choice(PREPOSITIONS)} {commune.nom}")
            tags.append("overseas")
        else:
            place, how = places.make(rng)
            tags.append(how)
            if rng.random() < 0.2:
                text = rng.choice(AUDIENCE_TEMPLATES).format(aud=rng.choice(AUDIENCE_PHRASES), need=need,
                                                             place=place)
                tags.append("audience")
            else:
                text = rng.choice(TEMPLATES).format(need=need, short=short, place=place)
            if rng.random() < 0.04:
                target = rng.randint(300, 1900)  # whole sentences overshoot by < 110 characters
                filler: list[str] = []
                while sum(len(s) + 1 for s in filler) < target - len(text):
                    filler.append(rng.choice(LONG_FILLERS))
                text = " ".join([*filler, text])
                tags.append("long")
        if rng.random() < 0.03:
            text = _odd(rng, text)
            tags.append("odd-unicode")
        if rng.random() < 0.1:
            text = text.lower()
        out.append({"text": text, "tags": tags})
    return out


def write_questions(questions: Sequence[Question], path: Path) -> None:
    """One JSON object a line, UTF-8."""
    with path.open("w", encoding="utf-8") as f:
        for q in questions:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write the knowledge base and the questions into `--out`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--lieux", type=int, default=20_000)
    parser.add_argument("--questions", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    communes = load_gazetteer()
    write_lieux_csv(generate_lieux(args.lieux, args.seed, communes), args.out / "lieux-national-v1.csv")
    write_questions(generate_questions(args.questions, args.seed, communes, load_departements()),
                    args.out / "questions.jsonl")
    print(f"wrote {args.lieux} lieux and {args.questions} questions into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
