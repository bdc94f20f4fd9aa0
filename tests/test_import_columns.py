"""Column and key names as real files write them: case, accents, spaces and the aliases seen in the
wild are forgiven; a name the standard does not know is kept with each lieu and listed once in the
report, never dropped in silence (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.app import App
from knowledge.importers.columns import normalise, unknown_columns, v1_name
from knowledge.importers.runner import import_file
from knowledge.models import Lieu


@pytest.mark.parametrize(("raw", "name"), [
    ("Adresse", "adresse"), ("Code Postal", "code_postal"), ("CODE_INSEE", "code_insee"),
    ("Itinérance", "itinerance"), ("Itinerance", "itinerance"), ("modalite_acces", "modalites_acces"),
    ("Modalités d'accompagnement", "modalites_accompagnement"), ('"Téléphone"', "telephone"),
    ("\ufeffid", "id"), ("publics_accueillis", "publics_specifiquement_adresses"),
    ("labels_autres", "autres_formations_labels"), ("Courriel", "courriels"), ("E-mail", "courriels"),
    ("Site web", "site_web"), ("Date de mise à jour", "date_maj"), ("Horaires d'été", "horaires_d_ete"),
])
def test_names_are_read_without_case_accents_or_old_spellings(raw: str, name: str) -> None:
    assert v1_name(raw) == name


def test_normalise_keeps_unknown_names_readable() -> None:
    assert normalise("  Horaires d'été ") == "horaires_d_ete"
    assert unknown_columns([{"id": "1", "horaires_d_ete": "x"}, {"nom": "a", "wifi_gratuit": ""}]) == \
        ["horaires_d_ete", "wifi_gratuit"]


def test_a_v1_csv_with_variant_headers_imports_and_reports_its_unknown_columns(app: App, tmp_path: Path) -> None:
    path = tmp_path / "lieux-variantes.csv"
    path.write_text(
        "ID;Nom;Adresse;Code Postal;Commune;Itinérance;modalite_acces;Horaires d'été;Services\n"
        "a1;EPN de Draguignan;1 rue Cisson;83300;Draguignan;Fixe;Se présenter;9h-12h;"
        "Aide aux démarches administratives\n"
        "a2;Médiathèque de Fréjus;2 place Agricola;83600;Fréjus;Itinérant;Téléphoner;;"
        "Maîtrise des outils numériques du quotidien\n",
        encoding="utf-8")
    report = import_file(app.engine, path)
    assert (report.added, report.rejected) == (2, [])
    unknown = [n for n in report.notices if "colonne(s) inconnue(s)" in n.reason]
    assert len(unknown) == 1 and unknown[0].reason.endswith(": horaires_d_ete")
    with app.sessions() as session:
        lieu = session.get(Lieu, ("lieux-variantes", "a1"))
        assert lieu is not None
        assert (lieu.adresse, lieu.code_postal, lieu.itinerance) == ("1 rue Cisson", "83300", "Fixe")
        assert lieu.modalites_acces == ["Se présenter"]
        assert lieu.extra["horaires_d_ete"] == "9h-12h"
        assert lieu.besoins == ["demarches"]


def test_json_keys_are_read_the_same_way(app: App, tmp_path: Path) -> None:
    path = tmp_path / "lieux.json"
    path.write_text(json.dumps([{"Id": "x", "Nom": "Espace numérique", "Commune": "Nouméa", "Code_Postal": "98800",
                                 "Adresse": "1 rue de Sébastopol", "Services": "Prendre en main un ordinateur",
                                 "wifi": "oui"}], ensure_ascii=False), encoding="utf-8")
    report = import_file(app.engine, path)
    assert (report.added, report.rejected) == (1, [])
    assert [n.reason.rsplit(": ", 1)[1] for n in report.notices] == ["wifi"]
    with app.sessions() as session:
        lieu = session.get(Lieu, ("lieux", "x"))
        assert lieu is not None
        assert (lieu.code_insee, lieu.adresse, lieu.besoins) == ("98818", "1 rue de Sébastopol", ["outils-quotidien"])
