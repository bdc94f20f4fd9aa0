"""`knowledge.gazetteer` over the shipped data: the lookups the parser and the importers build on.

Protects the place answers users see: an INSEE code or a postal code lands on the right commune
(arrondissement first in Paris/Lyon/Marseille), names are found without their article or by the
short form people use (« Fos », « Berre », « Les Pennes »), homonyms come most populous first,
départements are found by code or name, a misspelt name still resolves, and a lieu's address
fields resolve to its commune.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.gazetteer import Gazetteer, default_gazetteer, haversine_km
from knowledge.textnorm import fold


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def test_by_insee(gazetteer: Gazetteer) -> None:
    draguignan = gazetteer.commune("83050")
    assert draguignan is not None
    assert (draguignan.nom, draguignan.dep, draguignan.type) == ("Draguignan", "83", "COM")
    assert "83300" in draguignan.postcodes
    assert draguignan.point is not None
    assert draguignan.population > 30000
    assert gazetteer.commune(" 2a004 ") is not None  # Ajaccio, case and spaces forgiven
    assert gazetteer.commune("99999") is None


def test_by_postal_code(gazetteer: Gazetteer) -> None:
    assert gazetteer.by_postal_code("83300")[0].insee == "83050"
    assert gazetteer.by_postal_code("00000") == ()


def test_marseille_postal_code_gives_the_arrondissement_first(gazetteer: Gazetteer) -> None:
    communes = gazetteer.by_postal_code("13015")
    assert communes[0].insee == "13215"
    assert communes[0].type == "ARM"


def test_postal_code_shared_by_several_communes_most_populous_first(gazetteer: Gazetteer) -> None:
    communes = gazetteer.by_postal_code("04200")
    assert len(communes) > 1
    assert communes[0].insee == "04209"  # Sisteron
    populations = [c.population for c in communes]
    assert populations == sorted(populations, reverse=True)


@pytest.mark.parametrize(
    ("folded", "insee", "how"),
    [
        ("draguignan", "83050", "exact"),
        ("le havre", "76351", "exact"),
        ("havre", "76351", "article"),
        ("fos", "13039", "short"),  # Fos-sur-Mer, not the hamlets called Fos
        ("berre", "13014", "short"),  # Berre-l'Étang before Berre-les-Alpes
        ("les pennes", "13071", "short"),
        ("laragne", "05070", "short"),
        ("st raphael", "83118", "exact"),
    ],
)
def test_names(gazetteer: Gazetteer, folded: str, insee: str, how: str) -> None:
    match = gazetteer.names(folded)
    assert match is not None
    assert match.communes[0].insee == insee
    assert match.how == how


def test_short_form_keeps_the_exact_namesakes_as_alternatives(gazetteer: Gazetteer) -> None:
    match = gazetteer.names("fos")
    assert match is not None
    assert {c.nom for c in match.communes[1:]} == {"Fos"}


def test_unknown_name(gazetteer: Gazetteer) -> None:
    assert gazetteer.names("zzyzx") is None


def test_homonyms_most_populous_first(gazetteer: Gazetteer) -> None:
    match = gazetteer.names("st denis")
    assert match is not None
    assert len(match.communes) >= 4
    assert match.communes[0].insee == "97411"  # La Réunion, then Seine-Saint-Denis
    assert match.communes[1].insee == "93066"
    populations = [c.population for c in match.communes]
    assert populations == sorted(populations, reverse=True)


@pytest.mark.parametrize(
    ("city", "number", "insee"),
    [("lyon", 7, "69387"), ("paris", 11, "75111"), ("marseille", 3, "13203"), ("marseille", 16, "13216"),
     ("paris", 20, "75120"), ("lyon", 1, "69381")],
)
def test_arrondissements(gazetteer: Gazetteer, city: str, number: int, insee: str) -> None:
    arrondissement = gazetteer.arrondissement(city, number)
    assert arrondissement is not None
    assert arrondissement.insee == insee
    assert arrondissement.type == "ARM"


def test_no_such_arrondissement(gazetteer: Gazetteer) -> None:
    assert gazetteer.arrondissement("lyon", 10) is None
    assert gazetteer.arrondissement("toulon", 1) is None


@pytest.mark.parametrize(
    ("code", "expected", "name"),
    [("6", "06", "Alpes-Maritimes"), ("06", "06", "Alpes-Maritimes"), ("2a", "2A", "Corse-du-Sud"),
     ("2B", "2B", "Haute-Corse"), ("83", "83", "Var"), ("974", "974", "La Réunion")],
)
def test_departement_by_code(gazetteer: Gazetteer, code: str, expected: str, name: str) -> None:
    departement = gazetteer.departement(code)
    assert departement is not None
    assert (departement.code, departement.nom) == (expected, name)
    assert departement.lat is not None and departement.lon is not None


@pytest.mark.parametrize("code", ["20", "99", "00", "976x", ""])
def test_unknown_departement_code(gazetteer: Gazetteer, code: str) -> None:
    assert gazetteer.departement(code) is None


@pytest.mark.parametrize(
    ("folded", "code"),
    [("bouches du rhone", "13"), ("var", "83"), ("vaucluse", "84"), ("alpes maritimes", "06"),
     ("alpes de haute provence", "04"), ("hautes alpes", "05"), ("gironde", "33"), ("isere", "38")],
)
def test_departement_by_name(gazetteer: Gazetteer, folded: str, code: str) -> None:
    departement = gazetteer.departement_by_name(folded)
    assert departement is not None
    assert departement.code == code


def test_departement_centre_lies_inside_its_area(gazetteer: Gazetteer) -> None:
    var = gazetteer.departement("83")
    toulon = gazetteer.commune("83137")
    assert var is not None and var.lat is not None and var.lon is not None
    assert toulon is not None and toulon.point is not None
    assert haversine_km(var.lat, var.lon, *toulon.point) < 60


@pytest.mark.parametrize(
    ("misspelt", "insee"),
    [("malijay", "04108"), ("draguinan", "83050"), ("sisterno", "04209"), ("manosqe", "04112")],
)
def test_fuzzy(gazetteer: Gazetteer, misspelt: str, insee: str) -> None:
    match = gazetteer.fuzzy(misspelt)
    assert match is not None
    assert match.how == "fuzzy"
    assert match.communes[0].insee == insee


@pytest.mark.parametrize("text", ["xyzw", "abc", "qqqqqqqqqq"])
def test_fuzzy_refuses_nonsense(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.fuzzy(text) is None


@pytest.mark.parametrize(
    ("insee", "postcode", "name", "expected"),
    [
        ("83050", "", "", "83050"),  # INSEE first
        ("83050", "13003", "Marseille", "83050"),  # even when the other fields disagree
        ("", "13003", "Marseille 3e", "13203"),
        ("", "13003", "Marseille", "13203"),
        ("", "04000", "DIGNE-LES-BAINS", "04070"),
        ("", "04000", "Digne les Bains", "04070"),
        ("", "83300", "Dragignan", "83050"),  # misspelt, saved by the postal code
        ("", "", "Draguignan", "83050"),
        ("", "04200", "Sisteron", "04209"),
    ],
)
def test_resolve_lieu_address(gazetteer: Gazetteer, insee: str, postcode: str, name: str, expected: str) -> None:
    commune = gazetteer.resolve(insee, postcode, name)
    assert commune is not None
    assert commune.insee == expected


def test_resolve_gives_up_without_anything_known(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("", "", "Nulle-Part-sur-Rien") is None


def test_haversine_km() -> None:
    assert haversine_km(43.3, 5.4, 43.3, 5.4) == 0.0
    marseille_nice = haversine_km(43.2965, 5.3698, 43.7102, 7.2620)
    assert 155 < marseille_nice < 165
    assert haversine_km(43.7102, 7.2620, 43.2965, 5.3698) == pytest.approx(marseille_nice)
    one_degree_of_latitude = haversine_km(45.0, 2.0, 46.0, 2.0)
    assert one_degree_of_latitude == pytest.approx(111.2, abs=0.2)
    antipodes = haversine_km(0.0, 0.0, 0.0, 180.0)
    assert antipodes == pytest.approx(3.14159 * 6371.0088, rel=1e-4)


def test_cached_gazetteer_round_trips_and_survives_a_damaged_cache(tmp_path: Path) -> None:
    from knowledge.gazetteer import cached_gazetteer

    path = tmp_path / "cache" / "gazetteer.pickle"
    built = cached_gazetteer(path)
    assert path.is_file()
    loaded = cached_gazetteer(path)
    assert loaded is not built
    for name in ("draguignan", "marseille", "st maximin la ste baume"):
        assert loaded.names(name) == built.names(name)
    assert loaded.fuzzy("draguigan") == built.fuzzy("draguigan")
    path.write_bytes(b"not a pickle")
    assert cached_gazetteer(path).names("draguignan") == built.names("draguignan")


def test_cached_gazetteer_removes_caches_of_older_versions(tmp_path: Path) -> None:
    from knowledge.gazetteer import cached_gazetteer

    stale = tmp_path / "gazetteer-0000000000000000.pickle"
    stale.write_bytes(b"old")
    cached_gazetteer(tmp_path / "gazetteer-1111111111111111.pickle")
    assert not stale.exists()
    assert (tmp_path / "gazetteer-1111111111111111.pickle").is_file()


# ------------------------------------------------------------------ overseas collectivités

#: The communes of Nouvelle-Calédonie in the COG: 98801 Belep … 98833 Kouaoua.
NOUVELLE_CALEDONIE = 33


def test_every_commune_of_nouvelle_caledonie_is_there_with_its_postal_code(gazetteer: Gazetteer) -> None:
    communes = [c for c in gazetteer.by_insee.values() if c.dep == "988"]
    assert len(communes) == NOUVELLE_CALEDONIE
    assert {c.insee for c in communes} == {f"988{n:02d}" for n in range(1, NOUVELLE_CALEDONIE + 1)}
    assert all(c.postcodes and all(p.startswith("988") for p in c.postcodes) for c in communes)
    # All but two villages (Farino, Kouaoua) that GeoNames does not list at 500 inhabitants.
    assert {c.nom for c in communes if c.point is None} == {"Farino", "Kouaoua"}


@pytest.mark.parametrize(("name", "insee", "postcode", "point"), [
    ("noumea", "98818", "98800", (-22.27, 166.45)),
    ("dumbea", "98805", "98835", (-22.16, 166.46)),
    ("paita", "98821", "98889", (-22.13, 166.36)),
    ("kone", "98811", "98859", (-21.06, 164.87)),
    ("lifou", "98814", "98820", (-20.92, 167.26)),
    ("papeete", "98735", "98714", (-17.53, -149.57)),
    ("mata utu", None, None, None),  # a village, not a commune: Uvea is
    ("uvea", "98613", "98600", (-13.28, -176.17)),
    ("saint pierre et miquelon", None, None, None),  # the collectivité, not a commune
    ("miquelon langlade", "97501", "97500", (47.10, -56.38)),
])
def test_overseas_communes_by_name(gazetteer: Gazetteer, name: str, insee: str | None, postcode: str | None,
                                   point: tuple[float, float] | None) -> None:
    found = gazetteer.names(fold(name))
    if insee is None:
        assert found is None
        return
    assert found is not None
    commune = found.communes[0]
    assert (commune.insee, commune.type) == (insee, "COM")
    assert postcode in commune.postcodes
    assert insee in {c.insee for c in gazetteer.by_postal_code(str(postcode))}
    assert point is not None and commune.point is not None
    assert haversine_km(*commune.point, *point) < 3


def test_le_mont_dore_of_nouvelle_caledonie_outweighs_the_village_of_puy_de_dome(gazetteer: Gazetteer) -> None:
    found = gazetteer.names("mont dore")
    assert found is not None
    assert [c.insee for c in found.communes] == ["98817", "63236"]
    assert gazetteer.resolve("", "63240", "Mont-Dore").insee == "63236"  # type: ignore[union-attr]
    assert gazetteer.resolve("", "98809", "Mont-Dore").insee == "98817"  # type: ignore[union-attr]


@pytest.mark.parametrize(("code", "name", "alias", "point"), [
    ("975", "Saint-Pierre-et-Miquelon", "spm", (46.8, -56.2)),
    ("977", "Saint-Barthélemy", "st barth", (17.9, -62.85)),
    ("978", "Saint-Martin", "saint martin", (18.07, -63.08)),
    ("986", "Wallis-et-Futuna", "wallis", (-13.5, -176.5)),
    ("987", "Polynésie française", "la polynesie", (-17.6, -149.5)),
    ("988", "Nouvelle-Calédonie", "la nouvelle caledonie", (-22.0, 166.2)),
])
def test_overseas_collectivites_are_departements(gazetteer: Gazetteer, code: str, name: str, alias: str,
                                                 point: tuple[float, float]) -> None:
    """« en Nouvelle-Calédonie » is a territory as « dans le Var » is a département, centred where
    its people live (Tahiti for Polynésie, the south of the Grande Terre for Nouvelle-Calédonie)."""
    departement = gazetteer.departement(code)
    assert departement is not None and departement.nom == name
    assert gazetteer.departement_by_name(fold(alias)) == departement
    assert departement.lat is not None and departement.lon is not None
    assert haversine_km(departement.lat, departement.lon, *point) < 120


def test_overseas_points_lie_in_their_collectivite(gazetteer: Gazetteer) -> None:
    """The points of the overseas file are GeoNames chef-lieux: none has been matched to a namesake
    on another island group (Polynésie spans 2,000 km, Nouvelle-Calédonie 600)."""
    spread = {"975": 60, "977": 15, "978": 15, "986": 300, "987": 2500, "988": 600}
    for commune in gazetteer.by_insee.values():
        if commune.dep in spread and commune.point is not None:
            departement = gazetteer.departement(commune.dep)
            assert departement is not None and departement.lat is not None and departement.lon is not None
            assert haversine_km(departement.lat, departement.lon, *commune.point) < spread[commune.dep], commune


def test_the_overseas_file_can_be_left_out(tmp_path: Path) -> None:
    """A gazetteer built from another communes file alone (as tests and tools do) has no overseas
    collectivité unless that file is given too."""
    data = Path(__file__).resolve().parents[1] / "knowledge" / "data"
    alone = Gazetteer.load(communes_path=data / "communes-fr.csv.gz")
    assert alone.commune("98818") is None
    both = Gazetteer.load(communes_path=data / "communes-fr.csv.gz", overseas_path=data / "communes-outremer.csv")
    assert both.commune("98818") is not None
