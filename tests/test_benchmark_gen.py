"""The benchmark's data generator: seeded, in the exact v1 layout, over the real gazetteer.

Why: `benchmarks/bench_ask.py` compares runs over time and against the naive design; that only means
something if the same seed gives the same files and if the file is one the importer must accept.
Small sizes keep this test under a couple of seconds.
"""

from __future__ import annotations

import csv
import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
V1_HEADER = (
    "id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,latitude,longitude,typologie,"
    "telephone,courriels,site_web,horaires,presentation_resume,presentation_detail,source,itinerance,"
    "structure_parente,date_maj,services,publics_specifiquement_adresses,prise_en_charge_specifique,"
    "frais_a_charge,dispositif_programmes_nationaux,formations_labels,autres_formations_labels,"
    "modalites_acces,modalites_accompagnement,fiche_acces_libre,prise_rdv,besoins_epnbot"
)
V1_SERVICE_LABELS = {
    "Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien",
    "Insertion professionnelle via le numérique", "Utilisation sécurisée du numérique",
    "Parentalité et éducation avec le numérique", "Loisirs et créations numériques",
    "Compréhension du monde numérique", "Accès internet et matériel informatique",
    "Acquisition de matériel informatique à prix solidaire",
}


def _load_generator() -> ModuleType:
    """Import `benchmarks/gen_national.py`, which is a script folder, not a package."""
    path = ROOT / "benchmarks" / "gen_national.py"
    spec = importlib.util.spec_from_file_location("gen_national", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_national"] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


@pytest.fixture(scope="module")
def communes() -> list[object]:
    """The gazetteer, read once for the module."""
    return list(gen.load_gazetteer())


def test_same_seed_same_lieux_and_questions(communes: list[object]) -> None:
    """Determinism: the benchmark must measure the same work twice."""
    departements = gen.load_departements()
    assert gen.generate_lieux(300, 7, communes) == gen.generate_lieux(300, 7, communes)
    assert gen.generate_questions(200, 7, communes, departements) == \
        gen.generate_questions(200, 7, communes, departements)
    assert gen.generate_lieux(50, 7, communes) != gen.generate_lieux(50, 8, communes)


def test_csv_has_the_exact_v1_header_and_valid_rows(communes: list[object], tmp_path: Path) -> None:
    """The file is what the v1 importer reads: exact header, `|` lists of v1 labels, sane values."""
    rows = gen.generate_lieux(400, 3, communes)
    path = tmp_path / "lieux.csv"
    gen.write_lieux_csv(rows, path)
    with path.open(encoding="utf-8", newline="") as f:
        assert f.readline().rstrip("\n") == V1_HEADER
    with path.open(encoding="utf-8", newline="") as f:
        read_back = list(csv.DictReader(f))
    assert read_back == rows
    by_insee = {c.insee: c for c in communes}  # type: ignore[attr-defined]
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    for row in rows:
        assert list(row) == V1_HEADER.split(",")
        assert row["nom"] and row["commune"] and row["code_postal"]
        assert set(row["services"].split("|")) <= V1_SERVICE_LABELS
        assert row["besoins_epnbot"] in ("", "entreprise")
        assert bool(row["latitude"]) == bool(row["longitude"])
        if row["code_insee"]:
            commune = by_insee[row["code_insee"]]
            assert row["code_postal"] in commune.postcodes
            if row["latitude"] and commune.lat is not None:
                dlat = (float(row["latitude"]) - commune.lat) * 111.32
                dlon = (float(row["longitude"]) - commune.lon) * 111.32 * math.cos(math.radians(commune.lat))
                assert math.hypot(dlat, dlon) <= 2.1
        assert not row["prise_rdv"] or row["prise_rdv"].startswith("https://")
    assert any(not r["code_insee"] for r in rows), "some rows carry only postal code + commune name"
    assert any(not r["latitude"] for r in rows), "some rows have no coordinates"
    assert any(r["besoins_epnbot"] == "entreprise" for r in rows)


def test_questions_are_single_non_empty_lines(communes: list[object]) -> None:
    """`ask --jsonl` reads one question a line: no line breaks, bounded length, varied kinds."""
    questions = gen.generate_questions(400, 11, communes, gen.load_departements())
    assert len(questions) == 400
    tags = {t for q in questions for t in q["tags"]}
    assert {"out-of-scope", "no-place", "commune", "audience"} <= tags
    for q in questions:
        text = q["text"]
        assert isinstance(text, str) and text.strip()
        assert not any(ch in text for ch in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        assert len(text) <= 2100
