"""`knowledge.parser.Parser` over the shipped gazetteer: what a French question is understood to ask.

Protects the three answers the evaluation scores (first need, audiences exactly, place exactly) on
sentences written for this file, following `LABELING.md`: every need and audience code, the traps
(« ma femme », « contrôle parental », a social worker's own job, « depuis 10 ans »), SMS spellings,
every way of naming a place (typos, no accents, St/Ste, short forms, postal codes, arrondissements,
départements by name or number) and common words that are also commune names (« en ligne »,
« des cours »). Cases the parser once got wrong stay here as plain cases.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from knowledge.gazetteer import default_gazetteer
from knowledge.parser import Parser
from knowledge.query import Query


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser(default_gazetteer())


@dataclass(frozen=True)
class Case:
    """A question and its label: acceptable first needs, exact audiences, place as « c:INSEE » / « d:CODE »."""

    text: str
    needs: tuple[str, ...]
    audiences: tuple[str, ...] = ()
    place: str | None = None




CASES = [
    # --- one per need
    Case("Comment faire ma déclaration d'impôts en ligne à Toulon ?", ("demarches",), place="c:83137"),
    Case("Je cherche de l'aide pour envoyer des mails depuis ma tablette, vers Hyères", ("outils-quotidien",),
         place="c:83069"),
    Case("Besoin d'un coup de main pour refaire mon CV à Avignon", ("insertion-pro",), place="c:84007"),
    Case("On m'a piraté mon mot de passe Facebook, je suis à Gap", ("securite",), place="c:05061"),
    Case("Un atelier sur le temps d'écran, à Manosque ?", ("parentalite",), place="c:04112"),
    Case("Je voudrais apprendre le montage vidéo à Cannes", ("loisirs-creation",), place="c:06029"),
    Case("Un atelier sur la désinformation et l'esprit critique à Arles ?", ("culture-numerique",),
         place="c:13004"),
    Case("Où imprimer et scanner un document à Digne-les-Bains ?", ("acces-equipement",), place="c:04070"),
    Case("Je cherche un ordinateur reconditionné pas cher à Marseille", ("materiel-solidaire",),
         place="c:13055"),
    Case("Je voudrais un site vitrine et une boutique e-commerce pour vendre mes savons, à Grasse",
         ("entreprise",), place="c:06069"),
    # --- one per audience
    Case("Je suis créatrice d'entreprise et je veux faire mon site internet, à Gap", ("entreprise",),
         ("createurs-entreprise",), "c:05061"),
    Case("Je suis porteuse de projet, comment faire ma facturation en ligne à Avignon", ("entreprise",),
         ("createurs-entreprise",), "c:84007"),
    Case("Je suis gérant d'une petite boulangerie et je veux un site vitrine à Antibes", ("entreprise",),
         ("tpe-pme",), "c:06004"),
    Case("Je suis demandeuse d'emploi, aide pour postuler en ligne à Nice", ("insertion-pro",),
         ("demandeurs-emploi",), "c:06088"),
    Case("Je touche le RSA et je dois déclarer mes ressources à la CAF à Orange", ("demarches",),
         ("beneficiaires-rsa",), "c:84087"),
    Case("Je suis jeune et je cherche mon premier emploi à Gap", ("insertion-pro",),
         ("demandeurs-emploi", "jeunes"), "c:05061"),
    Case("Je suis étudiante et je cherche où imprimer mon mémoire à Aix-en-Provence", ("acces-equipement",),
         ("etudiants",), "c:13001"),
    Case("Pour mes enfants, comment gérer le temps d'écran ? à Draguignan", ("parentalite",), ("familles",),
         "c:83050"),
    Case("Des ateliers pour les seniors sur la tablette à Antibes ?", ("outils-quotidien",), ("seniors",),
         "c:06004"),
    Case("Atelier réservé aux femmes pour apprendre l'informatique à Vitrolles", ("outils-quotidien",),
         ("femmes",), "c:13117"),
    Case("Je suis en fauteuil roulant, un lieu accessible pour imprimer à Cannes ?", ("acces-equipement",),
         ("handicap",), "c:06029"),
    Case("Ma voisine est réfugiée et doit faire son dossier CAF à Martigues", ("demarches",), ("allophones",),
         "c:13056"),
    Case("Mon oncle ne sait pas lire et doit renouveler sa carte vitale, à Aubagne", ("demarches",),
         ("illettrisme",), "c:13005"),
    # --- LABELING traps
    Case("Ma femme voudrait apprendre à utiliser sa tablette à Istres", ("outils-quotidien",), (), "c:13047"),
    Case("Comment mettre un contrôle parental sur la tablette, à Menton", ("parentalite",), (), "c:06083"),
    Case("Je suis conseillère France Travail, une personne que j'accompagne doit refaire sa carte grise, à Nice",
         ("demarches",), (), "c:06088"),
    Case("Je suis assistante sociale à Hyères, une dame de 80 ans doit faire son dossier retraite en ligne",
         ("demarches",), ("seniors",), "c:83069"),
    Case("Mon père a 70 ans et ne sait pas utiliser son téléphone, à Carpentras", ("outils-quotidien",),
         ("seniors",), "c:84031"),
    Case("Ma cousine a 19 ans et cherche un stage, à Brignoles", ("insertion-pro",), ("jeunes",), "c:83023"),
    Case("J'utilise un ordinateur depuis 10 ans mais je veux apprendre Excel à Pertuis", ("outils-quotidien",),
         (), "c:84089"),
    Case("Logiciel de facturation pour un commerce, qui peut m'aider à Toulon ?", ("entreprise",), (),
         "c:83137"),
    # --- SMS forms
    Case("jsuis au chomage, qqn pr m'aider a faire mon cv ds le 13", ("insertion-pro",), ("demandeurs-emploi",),
         "d:13"),
    Case("slt jveux apprendre l'ordi pr envoyer des mails a toulon", ("outils-quotidien",), (), "c:83137"),
    Case("qqn pr m'aider a faire mes impots ds le 84 stp", ("demarches",), (), "d:84"),
    # --- communes: typos, accents, St/Ste, hyphens, short forms
    Case("besoin aide demarches caf a draguinan", ("demarches",), (), "c:83050"),
    Case("atelier informatique a sisterno", ("outils-quotidien",), (), "c:04209"),
    Case("atelier informatique pres de manosqe", ("outils-quotidien",), (), "c:04112"),
    Case("impots en ligne aide a st raphael", ("demarches",), (), "c:83118"),
    Case("aide pour la carte grise à Ste Maxime", ("demarches",), (), "c:83115"),
    Case("aide administrative a saint maximin la sainte baume", ("demarches",), (), "c:83116"),
    Case("Je suis au RSA et je cherche un ordinateur pas cher a la seyne sur mer", ("materiel-solidaire",),
         ("beneficiaires-rsa",), "c:83126"),
    Case("atelier smartphone a villeneuve-les-avignon", ("outils-quotidien",), (), "c:30351"),
    Case("atelier smartphone au havre", ("outils-quotidien",), (), "c:76351"),
    Case("imprimer un document à berre", ("acces-equipement",), (), "c:13014"),
    Case("aide au cv vers fos", ("insertion-pro",), (), "c:13039"),
    Case("atelier ordi a laragne", ("outils-quotidien",), (), "c:05070"),
    Case("J'ai du mal à lire et écrire, qui peut m'aider pour mes papiers en ligne à Digne ?", ("demarches",),
         ("illettrisme",), "c:04070"),
    # --- postal codes, homonyms with a hint, arrondissements
    Case("aide pour mon cv vers 83300", ("insertion-pro",), (), "c:83050"),
    Case("aide pour les impôts à Draguignan 83300", ("demarches",), (), "c:83050"),
    Case("aide démarche a sainte maxime 83120", ("demarches",), (), "c:83115"),
    Case("ordi pas cher à Saint-Paul (974)", ("materiel-solidaire",), (), "c:97415"),
    Case("Aide CAF à Saint-Denis (93)", ("demarches",), (), "c:93066"),
    Case("atelier pronote à Lyon 3e", ("parentalite",), (), "c:69383"),
    Case("aide pour le cv à paris 18eme", ("insertion-pro",), (), "c:75118"),
    Case("aide caf à Marseille 13015", ("demarches",), (), "c:13215"),
    Case("Je suis étudiant, ou imprimer à Marseille 5e", ("acces-equipement",), ("etudiants",), "c:13205"),
    # --- départements by name and number; a commune then its département stays the commune
    Case("atelier smartphone dans le Vaucluse", ("outils-quotidien",), (), "d:84"),
    Case("ateliers cv en Gironde", ("insertion-pro",), (), "d:33"),
    Case("aide dans les Bouches-du-Rhône pour mon cv", ("insertion-pro",), (), "d:13"),
    Case("aide impots ds le 59", ("demarches",), (), "d:59"),
    Case("atelier mails dans le 06", ("outils-quotidien",), (), "d:06"),
    Case("aide démarches à Toulon dans le Var", ("demarches",), (), "c:83137"),
    Case("aide cv à Avignon (Vaucluse)", ("insertion-pro",), (), "c:84007"),
    # --- common words that are also commune names
    Case("démarches en ligne pour la CAF, je ne sais pas comment faire", ("demarches",)),
    Case("je cherche dans tous les sens un atelier pour mon cv", ("insertion-pro",)),
    Case("Je voudrais prendre des cours pour utiliser mon téléphone", ("outils-quotidien",)),
    Case("Je cherche un atelier le matin pour apprendre Word", ("outils-quotidien",)),
    # --- out of scope: no need
    Case("Bonjour", ()),
    Case("Merci beaucoup pour votre aide !", ()),
    Case("Quels sont les horaires de la piscine municipale de Gap ?", (), (), "c:05061"),
    Case("Quel temps fera-t-il demain à Nice ?", (), (), "c:06088"),
    # --- once mistakes: everyday places are not communes, a starting auto-entrepreneur creates
    Case("Je lance mon auto-entreprise, besoin d'aide pour mon site à Grasse", ("entreprise",),
         ("createurs-entreprise",), "c:06069"),
    Case("je cherche un atelier à côté de la gare pour mon cv", ("insertion-pro",)),
    Case("Besoin d'aide pour la carte grise, je suis à la maison toute la journée", ("demarches",)),
    Case("Ma mère est à l'hôpital, je dois faire sa demande de retraite en ligne", ("demarches",)),
    # --- places: article-free misspellings, « au » = « à le », misspelt compounds, headings, numbers
    Case("Un cours de traitement de texte à Roquebrussane ?", ("outils-quotidien",), place="c:83108"),
    Case("Au Lavandou, un atelier tablette ?", ("outils-quotidien",), place="c:83070"),
    Case("Des cours d'informatique au Puy ?", ("outils-quotidien",), place="c:43157"),
    Case("Aide CAF à Saint-Jean-de-Mont ?", ("demarches",), place="c:85234"),
    Case("aix en provance atelier cv", ("insertion-pro",), place="c:13001"),
    Case("Seine-Saint-Denis : qui aide à faire son CV ?", ("insertion-pro",), place="d:93"),
    Case("Vaucluse, un atelier sur les arnaques ?", ("securite",), place="d:84"),
    Case("ordinateur a prix solidaire dans le 84", ("materiel-solidaire",), place="d:84"),
    Case("Je tiens un gîte à Sisteron et je voudrais être mieux noté sur Google", ("entreprise",), ("tpe-pme",),
         "c:04209"),
    # --- punctuation ends a phrase: « bourse, je suis étudiante » is a student, not a topic
    Case("Pour ma demande de bourse, je suis étudiante à Nîmes", ("demarches",), ("etudiants",), "c:30189"),
    # --- a present-tense opening is a creator; one's parents are relatives, not parenthood
    Case("Ma sœur ouvre un salon de coiffure à Orange, elle voudrait un site", ("entreprise",),
         ("createurs-entreprise",), "c:84087"),
    Case("Mes parents ont un nouvel ordinateur, il y a des cours à Apt ?", ("outils-quotidien",), place="c:84003"),
    Case("Je viens de me mettre micro-entrepreneur, comment déclarer mon chiffre d'affaires ?",
         ("entreprise", "demarches"), ("createurs-entreprise",)),
    Case("Vendre mes confitures sur Facebook, qui peut m'aider à Forcalquier ?", ("entreprise",), place="c:04088"),
    # --- a département number right after the commune; « du » folds the commune's article
    Case("Saint-Pierre 974, un atelier sur les arnaques ?", ("securite",), place="c:97416"),
    Case("Une formation Facebook pour les artisans du Pradet ?", ("entreprise",), ("tpe-pme",), "c:83098"),
    # --- an article opening a misspelt name; long names of common words; a heading number; « le 3e à Lyon »
    Case("Les Mureau : atelier sur les mots de passe", ("securite",), place="c:78440"),
    Case("les ateliers du moment sur les arnaques ?", ("securite",)),
    Case("saint paul trois chateaux aide pour la carte grise", ("demarches",), place="c:26324"),
    Case("84, un atelier cv ?", ("insertion-pro",), place="d:84"),
    Case("quelqu'un pour m'aider avec Ameli dans le 3e à Lyon ?", ("demarches",), place="c:69383"),
    # --- messages asking to confirm something are scams; a shop owner's tools serve the shop
    Case("J'ai reçu un SMS de la Poste pour un colis bloqué, c'est louche non ? Je suis à Cavaillon",
         ("securite",), place="c:84035"),
    Case("atelier instagram pour ma crêperie à Menton", ("entreprise",), ("tpe-pme",), "c:06083"),
    # --- ages in words or after a comma; a thing's age and a child's own age are no audience
    Case("J'ai soixante-dix ans et je voudrais apprendre WhatsApp à Brignoles", ("outils-quotidien",), ("seniors",),
         "c:83023"),
    Case("Ma voisine, 81 ans, doit prendre rendez-vous sur Doctolib, une aide à Manosque ?", ("demarches",),
         ("seniors",), "c:04112"),
    Case("Ma tablette a 8 ans et ne s'allume plus, où en trouver une d'occasion à Apt ?", ("materiel-solidaire",),
         place="c:84003"),
    Case("J'ai 12 ans et je veux apprendre à coder à Hyères", ("loisirs-creation",), place="c:83069"),
    # --- a business a few weeks old is being created; a language named alone is not French
    Case("Micro-entrepreneuse depuis 2 semaines, comment faire mes factures ? Je suis à Gap", ("entreprise",),
         ("createurs-entreprise",), "c:05061"),
    Case("Mon père ne parle que turc, il doit faire sa demande de retraite, un lieu à Vitrolles ?", ("demarches",),
         ("allophones",), "c:13117"),
    # --- a département with its article; arrondissements said around the city, in Roman numerals
    Case("Un atelier sur l'IA dans la Drôme ?", ("culture-numerique",), place="d:26"),
    Case("J'habite Marseille, dans le 5e, où imprimer un document ?", ("acces-equipement",), place="c:13205"),
    Case("Dans le XVe à Paris, un atelier smartphone ?", ("outils-quotidien",), place="c:75115"),
    Case("S. Raphaël, atelier Excel ?", ("outils-quotidien",), place="c:83118"),
    Case("un coffre-fort de mots de passe, y a mieux ? vers Pertuis", ("securite",), place="c:84089"),
    # --- keyword questions: the town first or last, a lieu « de » its town, a number opening the text
    Case("Vence atelier tablette", ("outils-quotidien",), place="c:06157"),
    Case("Aide impôts Narbonne", ("demarches",), place="c:11262"),
    Case("imprimer a la bibliotheque de carpentras ?", ("acces-equipement",), place="c:84031"),
    Case("06 atelier arnaques", ("securite",), place="d:06"),
    Case("st paul les durance atelier smartphone", ("outils-quotidien",), place="c:13099"),
    Case("une grand-mère de 3 petits-enfants, des cours d'informatique ?", ("outils-quotidien",), ("seniors",)),
    # --- two towns: the help is wanted at the last one said plainly
    Case("J'habite à Hyères mais je travaille à Toulon, où scanner un document près du travail ?",
         ("acces-equipement",), place="c:83137"),
    Case("Tout a changé depuis la mise à jour de mon téléphone, qui peut m'aider à Draguignan ?",
         ("outils-quotidien",), place="c:83050"),
    # --- a commune's own words are not clues (« pour débutants à Salon »), nor « donner » in « données »
    Case("ateliers smartphone pour debutants a salon de provence ?", ("outils-quotidien",), place="c:13103"),
    Case("protéger les données de ma tablette, un atelier à Orange ?", ("securite",), place="c:84087"),
    # --- chat writing: « g 20 ans », « ma mère 82 ans », a misspelt town closing the message
    Case("g 22 ans et jsais pas faire un cv, aide a nimes stp", ("insertion-pro",), ("jeunes",), "c:30189"),
    Case("aider mon pere 80 ans pour ses impots a hyeres", ("demarches",), ("seniors",), "c:83069"),
    Case("ordi reconditionne pas cher ou ca avigon", ("materiel-solidaire",), place="c:84007"),
    Case("atelier sur le faux support technique au Pontet", ("securite",), place="c:84092"),
    # --- a gift received is no cheap device; a postal code beats an ordinary word; a thing's age
    Case("smartphone offert par ma fille, je sais pas m'en servir, des cours vers 13500 ?", ("outils-quotidien",),
         ("familles",), "c:13056"),
    Case("mon ordinateur date de 8 ans, il rame, un atelier a Apt ?", ("outils-quotidien", "securite"),
         place="c:84003"),
    Case("Depuis le décès de papa, ma mère doit gérer ses comptes en ligne, de l'aide à Sisteron ?",
         ("outils-quotidien", "demarches"), place="c:04209"),
    # --- a game-hooked child is parenting; a virus on a shop's computer is security
    Case("ma fille de 13 ans est accro à TikTok, des conseils à Cavaillon ?", ("parentalite",), ("familles",),
         "c:84035"),
    Case("Je tiens une épicerie et mon ordinateur a un virus, qui peut m'aider à Pertuis ?", ("securite",),
         ("tpe-pme",), "c:84089"),
    # --- reading one's mails is no illiteracy; a child's phone is parenting; harassment at school
    Case("ma mère veut apprendre à lire ses mails sur sa tablette, un atelier à Manosque ?", ("outils-quotidien",),
         place="c:04112"),
    Case("bloquer des applis sur la tablette de mon fils, qqn a Apt ?", ("parentalite",), ("familles",), "c:84003"),
    Case("harcèlement au lycée, une réunion pour en parler à Gap ?", ("parentalite",), place="c:05061"),
    # --- a decisive cue is not outweighed by the audience's usual need
    Case("Mon restaurant a été victime d'un rançongiciel, qui peut m'aider à Fréjus ?", ("securite",), ("tpe-pme",),
         "c:83061"),
    # --- typo correction leaves real French words alone (« commence » is not « commerce »)
    Case("Le festival de Cannes commence quand ?", (), (), "c:06029"),
]


def _place_label(query: Query) -> str | None:
    if query.place is None:
        return None
    return f"{query.place.kind[0]}:{query.place.code}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.text[:60] if isinstance(c, Case) else None)
def test_understands(parser: Parser, case: Case) -> None:
    query = parser.parse(case.text)
    audiences, place = set(query.audiences), _place_label(query)
    # Scored like the evaluation: the first need must be acceptable; no need when none is.
    need_ok = query.needs[:1] != () and query.needs[0] in case.needs if case.needs else query.needs == ()
    assert need_ok and (audiences, place) == (set(case.audiences), case.place), (
        f"got needs={list(query.needs)} audiences={sorted(audiences)} place={place}; "
        f"expected needs∈{list(case.needs)} audiences={sorted(case.audiences)} place={case.place}")


def test_every_code_is_covered_by_a_case() -> None:
    from knowledge.taxonomy import AUDIENCE_CODES, NEED_CODES

    plain = [c for c in CASES if isinstance(c, Case)]
    assert {n for c in plain for n in c.needs} >= set(NEED_CODES)
    assert {a for c in plain for a in c.audiences} >= set(AUDIENCE_CODES)


def test_ambiguous_name_without_hint_counts_alternatives(parser: Parser) -> None:
    query = parser.parse("atelier smartphone à Saint-Denis")
    assert query.place is not None
    assert query.place.code == "97411"  # the most populous
    assert query.place.alternatives > 0


def test_ambiguous_name_with_hint_has_its_commune(parser: Parser) -> None:
    query = parser.parse("atelier smartphone à Saint-Denis 93200")
    assert query.place is not None and query.place.code == "93066"


def test_typo_is_found_fuzzily(parser: Parser) -> None:
    query = parser.parse("atelier smartphone a avigon")
    assert query.place is not None
    assert (query.place.code, query.place.how) == ("84007", "fuzzy")


def test_exact_name_is_not_fuzzy(parser: Parser) -> None:
    query = parser.parse("atelier smartphone à Avignon")
    assert query.place is not None
    assert (query.place.how, query.place.alternatives) == ("exact", 0)


def test_place_json_has_the_contract_keys(parser: Parser) -> None:
    query = parser.parse("aide CAF à Draguignan")
    assert query.place is not None
    place = query.place.as_json()
    assert set(place) == {"kind", "code", "name", "lat", "lon"}
    assert place["name"] == "Draguignan"
    assert place["lat"] == pytest.approx(43.54, abs=0.05) and place["lon"] == pytest.approx(6.46, abs=0.05)
    departement = parser.parse("aide CAF dans le Var").place
    assert departement is not None and departement.as_json()["name"] == "Var"


def test_lieu_kind_fills_lieu_words(parser: Parser) -> None:
    query = parser.parse("aide pour le CV à l'EPN de Martigues")
    assert "epn" in query.lieu_words
    assert query.place is not None and query.place.code == "13056"


def test_no_lieu_words_without_a_lieu_kind(parser: Parser) -> None:
    assert parser.parse("aide pour le CV à Martigues").lieu_words == ()


def test_long_text_is_truncated_but_still_parsed(parser: Parser) -> None:
    head = "Bonjour, je cherche de l'aide pour ma déclaration d'impôts à Draguignan. "
    text = head + "Je vous remercie beaucoup de votre patience. " * 120
    assert len(text) >= 5000
    query = parser.parse(text)
    assert query.truncated is True
    assert query.needs[:1] == ("demarches",)
    assert query.place is not None and query.place.code == "83050"
    assert parser.parse(head).truncated is False


def test_bound_cuts_at_a_word_boundary(parser: Parser) -> None:
    text = "mot " * 2000
    cut, truncated = parser.bound(text)
    assert truncated
    assert len(cut) <= parser.max_input_chars
    assert cut.endswith("mot")


def test_parsing_is_deterministic(parser: Parser) -> None:
    text = "jsuis au chomage, qqn pr m'aider a faire mon cv a draguinan"
    assert parser.parse(text) == parser.parse(text)


@pytest.mark.parametrize(("text", "modes"), [
    ("un atelier pour apprendre la tablette à Fréjus", ("collectif",)),
    ("quelqu'un pour m'aider seul à seul avec ma tablette à Fréjus", ("individuel",)),
    ("un ordinateur en libre accès à Fréjus", ("autonomie",)),
    ("aide pour la CAF à Fréjus", ()),
])
def test_accompaniment_asked(parser: Parser, text: str, modes: tuple[str, ...]) -> None:
    assert parser.parse(text).modes == modes
