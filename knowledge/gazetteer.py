"""The gazetteer of French communes, arrondissements and départements.

Loaded once per process from the package's copy of `communes-fr.csv.gz` (metropole and the five
overseas départements) and `communes-outremer.csv` (the overseas collectivités: Saint-Pierre-et-
Miquelon, Saint-Barthélemy, Saint-Martin, Wallis-et-Futuna, Polynésie française, Nouvelle-Calédonie,
see `knowledge/data/README.md`) into dictionaries keyed by INSEE code, postal code and folded name,
so that the parser resolves a place with exact lookups and only falls back to fuzzy matching on a
small bucket of names (never the 35,000 of them). A collectivité is a `Departement` like the Var:
« en Nouvelle-Calédonie » is code 988 as « dans le Var » is 83.

Données communales : INSEE, IGN, La Poste — Licence Ouverte 2.0 ; GeoNames — CC BY 4.0.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import math
import os
import pickle
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Final

from rapidfuzz import fuzz, process

from knowledge.textnorm import fold

ATTRIBUTION: Final = "Données communales : INSEE, IGN, La Poste — Licence Ouverte 2.0 ; GeoNames — CC BY 4.0"

#: Leading articles that people drop (« au Havre », « Havre »).
_ARTICLES: Final = frozenset({"le", "la", "les", "l"})
#: Words that join the parts of a compound name; a short form never ends on one.
_CONNECTORS: Final = frozenset(
    {"sur", "sous", "les", "lez", "en", "de", "du", "des", "d", "la", "le", "l", "et", "aux", "au", "st",
     "ste", "sts", "stes", "a"}
)
#: A short form must be this many times more populous than a commune bearing the exact name.
SHORT_FORM_FACTOR: Final = 4.0
#: The communes of the overseas collectivités (975, 977, 978, 986, 987, 988), built by
#: `scripts/build_overseas.py`.
OVERSEAS_FILE: Final = "communes-outremer.csv"


@dataclass(frozen=True, slots=True)
class Commune:
    """A commune (`COM`) or a municipal arrondissement of Paris, Lyon or Marseille (`ARM`)."""

    insee: str
    nom: str
    type: str
    dep: str
    postcodes: tuple[str, ...]
    lat: float | None
    lon: float | None
    population: int

    @property
    def point(self) -> tuple[float, float] | None:
        """(lat, lon), or None for the few communes without one."""
        return None if self.lat is None or self.lon is None else (self.lat, self.lon)


@dataclass(frozen=True, slots=True)
class Departement:
    """A département, with a population-weighted centre used for distances."""

    code: str
    nom: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class NameMatch:
    """Communes a folded name designates, and how (exact, without article, short form, fuzzy)."""

    communes: tuple[Commune, ...]
    how: str


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _float(value: str | None) -> float | None:
    try:
        number = float((value or "").replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _commune(row: dict[str, str]) -> Commune:
    return Commune(
        row["insee"].strip(),
        row["nom"].strip(),
        sys.intern((row.get("type") or "COM").strip()),
        sys.intern((row.get("dep") or "").strip()),
        tuple(sys.intern(code) for code in (row.get("codes_postaux") or "").split("|") if code),
        _float(row.get("lat")),
        _float(row.get("lon")),
        int(_float(row.get("population")) or 0),
    )


def _by_population(communes: Iterable[Commune]) -> tuple[Commune, ...]:
    return tuple(sorted(communes, key=lambda c: (-c.population, c.insee)))


def _short_forms(folded: str) -> list[str]:
    """Prefixes of a compound name people use alone: « fos sur mer » → « fos »."""
    words = folded.split()
    out = []
    for end in range(1, len(words)):
        prefix = words[:end]
        if prefix[-1] in _CONNECTORS or all(w in _ARTICLES for w in prefix):
            continue
        text = " ".join(prefix)
        if len(text.replace(" ", "")) >= 3:
            out.append(text)
    return out


def _suffix_form(folded: str) -> str | None:
    """The last part of a compound name, used alone when no other commune ends so (« bagneres de
    luchon » → « luchon »)."""
    words = folded.split()
    for index in range(len(words) - 2, 0, -1):
        if words[index] in _CONNECTORS and words[index] not in _ARTICLES:
            tail = words[index + 1:]
            while tail and tail[0] in _ARTICLES:
                tail = tail[1:]
            text = " ".join(tail)
            return text if len(text.replace(" ", "")) >= 4 and tail[0] not in _CONNECTORS else None
    return None


class Gazetteer:
    """Lookups over communes and départements; build it with `Gazetteer.load()`."""

    def __init__(self, communes: Iterable[Commune], departements: Iterable[tuple[str, str, list[str]]]) -> None:
        self.by_insee: dict[str, Commune] = {}
        postcodes: dict[str, list[Commune]] = {}
        names: dict[str, list[Commune]] = {}
        article_free: dict[str, list[Commune]] = {}
        short: dict[str, list[Commune]] = {}
        self.arrondissements: dict[str, dict[int, Commune]] = {}
        for commune in communes:
            self.by_insee[commune.insee] = commune
            for code in commune.postcodes:
                postcodes.setdefault(code, []).append(commune)
            if commune.type == "ARM":
                city, _, rest = commune.nom.partition(" ")
                number = int("".join(ch for ch in rest.split()[0] if ch.isdigit()))
                self.arrondissements.setdefault(fold(city), {})[number] = commune
                continue
            folded = fold(commune.nom)
            names.setdefault(folded, []).append(commune)
            words = folded.split()
            if len(words) > 1 and words[0] in _ARTICLES:
                article_free.setdefault(" ".join(words[1:]), []).append(commune)
            for prefix in _short_forms(folded):
                short.setdefault(prefix, []).append(commune)
        suffixes: dict[str, list[Commune]] = {}
        for folded, communes_named in names.items():
            suffix = _suffix_form(folded)
            if suffix and suffix not in names:
                suffixes.setdefault(suffix, []).extend(communes_named)
        for suffix, communes_named in suffixes.items():
            ranked = _by_population(communes_named)
            # A suffix many communes share is a river or a region (« sur mer », « de provence »).
            if len(ranked) == 1 or (len(ranked) <= 8 and ranked[0].population >= 3 * ranked[1].population):
                short.setdefault(suffix, []).append(ranked[0])
        self.by_postcode = {code: _by_population(cs) for code, cs in postcodes.items()}
        self.by_name = {name: _by_population(cs) for name, cs in names.items()}
        self.by_article_free = {name: _by_population(cs) for name, cs in article_free.items()}
        self.by_short = {name: _by_population(cs) for name, cs in short.items()}
        self.max_name_words = max(len(name.split()) for name in self.by_name)
        self._fuzzy_buckets: dict[tuple[str, int], list[str]] = {}
        self._fuzzy_names: dict[str, tuple[Commune, ...]] = {**self.by_article_free, **self.by_name}
        for name in self._fuzzy_names:
            self._fuzzy_buckets.setdefault((name[0], len(name)), []).append(name)
        self.departements: dict[str, Departement] = {}
        self.departement_names: dict[str, str] = {}
        centres = self._departement_centres()
        for code, nom, aliases in departements:
            lat, lon = centres.get(code, (None, None))
            self.departements[code] = Departement(code, nom, lat, lon)
            for alias in (nom, *aliases):
                folded = fold(alias)
                self.departement_names[folded] = code
                # « dans la Marne », « les Bouches-du-Rhône »: the article belongs to the name.
                for article in ("le", "la", "les", "l"):
                    self.departement_names.setdefault(f"{article} {folded}", code)

    def _departement_centres(self) -> dict[str, tuple[float, float]]:
        sums: dict[str, list[float]] = {}
        for commune in self.by_insee.values():
            if commune.type == "COM" and commune.lat is not None and commune.lon is not None:
                weight = float(max(commune.population, 1))
                acc = sums.setdefault(commune.dep, [0.0, 0.0, 0.0])
                acc[0] += weight * commune.lat
                acc[1] += weight * commune.lon
                acc[2] += weight
        return {dep: (a / w, b / w) for dep, (a, b, w) in sums.items()}

    @classmethod
    def load(cls, communes_path: Path | None = None, departements_path: Path | None = None,
             overseas_path: Path | None = None) -> Gazetteer:
        """Read the shipped CSV files (or the given ones). The overseas collectivités are read from
        their own file, in the same columns, unless `communes_path` is given without it."""
        data = resources.files("knowledge") / "data"
        communes_file = communes_path or Path(str(data / "communes-fr.csv.gz"))
        departements_file = departements_path or Path(str(data / "departements.csv"))
        files = [communes_file]
        if overseas_path is not None or communes_path is None:
            files.append(overseas_path or Path(str(data / OVERSEAS_FILE)))
        communes: list[Commune] = []
        for path in files:
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8", newline="") as handle:
                communes.extend(_commune(row) for row in csv.DictReader(handle))
        with open(departements_file, encoding="utf-8", newline="") as handle:
            departements = [
                (row["code"], row["nom"], [a for a in (row.get("aliases") or "").split("|") if a])
                for row in csv.DictReader(handle)
            ]
        return cls(communes, departements)

    # ------------------------------------------------------------------ lookups

    def commune(self, insee: str) -> Commune | None:
        """The commune or arrondissement of an INSEE code."""
        return self.by_insee.get(insee.strip().upper())

    def by_postal_code(self, code: str) -> tuple[Commune, ...]:
        """Communes served by a postal code, arrondissements first, then by population."""
        found = self.by_postcode.get(code.strip(), ())
        return tuple(sorted(found, key=lambda c: (c.type != "ARM", -c.population)))

    def names(self, folded: str) -> NameMatch | None:
        """Communes called `folded` exactly, without their article, or by a short form.

        An exact name beats a short form unless the short form's commune is much more populous
        (« fos » is Fos-sur-Mer, not the hamlet of Fos).
        """
        exact = self.by_name.get(folded, ())
        bare = self.by_article_free.get(folded, ())
        short = self.by_short.get(folded, ())
        if not (exact or bare or short):
            return None
        best_exact = max((c.population for c in (*exact, *bare)), default=-1)
        if short and short[0].population > SHORT_FORM_FACTOR * max(best_exact, 0) and short[0] not in exact:
            return NameMatch(_by_population((*short, *exact, *bare)), "short")
        if exact:
            return NameMatch(_by_population((*exact, *bare)), "exact")
        if bare:
            return NameMatch(bare, "article")
        return NameMatch(short, "short")

    @lru_cache(maxsize=4096)  # noqa: B019 - one gazetteer per process, the cache lives as long
    def fuzzy(self, folded: str, cutoff: float = 85.0) -> NameMatch | None:
        """The commune name closest to a misspelt one, searched among names (with or without
        their article: « Roquebrussane » is La Roquebrussanne) of the same initial and a similar
        length only."""
        if len(folded) < 4:
            return None
        spread = max(2, len(folded) // 4)  # « st max la ste baume » misses four letters
        bucket = [name for size in range(len(folded) - spread, len(folded) + spread + 1)
                  for name in self._fuzzy_buckets.get((folded[0], size), ())]
        found = process.extract(folded, bucket, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8)
        if not found:
            return None
        # Equally close names (« Lile »: Lille, Lisle): the one people mean is the most populous.
        top = found[0][1]
        names = [name for name, score, _ in found if score >= top - 0.01]
        best = max(names, key=lambda name: self._fuzzy_names[name][0].population)
        return NameMatch(self._fuzzy_names[best], "fuzzy")

    def arrondissement(self, city_folded: str, number: int) -> Commune | None:
        """Municipal arrondissement `number` of Paris, Lyon or Marseille."""
        return self.arrondissements.get(city_folded, {}).get(number)

    def departement(self, code: str) -> Departement | None:
        """A département by its code (« 06 », « 2A », « 974 »)."""
        code = code.strip().upper()
        if len(code) == 1 and code.isdigit():
            code = "0" + code
        return self.departements.get(code)

    def departement_by_name(self, folded: str) -> Departement | None:
        """A département by its folded name or an alias (« bouches du rhone », « var »)."""
        code = self.departement_names.get(folded)
        return self.departements[code] if code else None

    def resolve(self, insee: str, postcode: str, name: str) -> Commune | None:
        """The commune of a lieu from its (often partial) address fields.

        Its INSEE code when known; else the arrondissement of a Paris/Lyon/Marseille postal code;
        else the commune of that name among its postal code's; else that name in the postal
        code's département; else the closest name among the postal code's communes.
        """
        if insee and (found := self.commune(insee)):
            return found
        folded, code = fold(name), postcode.strip()
        candidates = self.by_postcode.get(code, ()) if code else ()
        arms = [c for c in candidates if c.type == "ARM"]
        if len(arms) == 1 and fold(arms[0].nom).startswith(folded.split(" ")[0] if folded else "\0"):
            return arms[0]
        named = [c for c in candidates if fold(c.nom) == folded]
        if named:
            return named[0]
        dep_hint = code[:3] if code.startswith(("97", "98")) else code[:2]
        exact = self.by_name.get(folded, ())
        in_dep = [c for c in exact if c.dep == dep_hint]
        if in_dep or (exact and not candidates):
            return (in_dep or list(exact))[0]
        if candidates:
            if len(arms) == 1:
                return arms[0]
            return max(candidates, key=lambda c: (fuzz.ratio(folded, fold(c.nom)), c.population))
        return None


def _cache_path() -> Path | None:
    """Where the built gazetteer is kept between runs, named after everything it is built from
    (the data files and the code that indexes them), so a change to any of them rebuilds it."""
    if os.environ.get("EPNBOT_NO_CACHE"):
        return None
    from platformdirs import user_cache_dir

    digest = hashlib.sha256(str(sys.version_info[:2]).encode())
    data = resources.files("knowledge") / "data"
    sources = [Path(str(data / "communes-fr.csv.gz")), Path(str(data / OVERSEAS_FILE)),
               Path(str(data / "departements.csv")),
               Path(__file__), Path(__file__).with_name("textnorm.py")]
    for source in sources:
        digest.update(source.read_bytes())
    return Path(user_cache_dir("epnbot")) / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process (through the cache of `cached_gazetteer`)."""
    return cached_gazetteer(_cache_path())


def cached_gazetteer(path: Path | None) -> Gazetteer:
    """The shipped gazetteer, from the pickle at `path` when it is there and sound, else built and
    written there.

    Building it folds 35,000 names (~0.7 s); the pickle of the built object loads in ~0.2 s, which
    shortens every start. The file is only ever written by this function, in the user's own cache
    folder; any problem reading or writing it falls back to building."""
    if path is not None and path.is_file():
        try:
            with path.open("rb") as handle:
                cached = pickle.load(handle)
            if isinstance(cached, Gazetteer):
                return cached
        except Exception:  # a damaged cache is rebuilt, never fatal
            pass
    gazetteer = Gazetteer.load()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            with temporary.open("wb") as handle:
                pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(path)
            for stale in path.parent.glob("gazetteer-*.pickle"):
                if stale != path:
                    stale.unlink(missing_ok=True)  # built from older data or code
        except OSError:
            pass
    return gazetteer
