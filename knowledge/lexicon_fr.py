"""The French lexicon the parser reads: SMS forms, need and audience patterns, place words.

Grammar as data: adding a way people say something is adding a line here. A pattern is a string of
words, folded and stemmed like the question (so « lettres de motivation » matches « lettre
motivation »); a word ending in `*` matches any folded word starting with it; up to two stop words
may stand between the words of a pattern, never across punctuation. Weights rank the needs when a
question names several; a word ending in `!` matches only itself (« retraitées! » is not
« retraite », « une! » keeps an article that patterns otherwise skip); the longest pattern wins
where patterns overlap (« impression 3d » over « impression »), and a pattern mapped to `None` only
hides its words (« conseiller en insertion » is a job, not a need).

After adding words, run `scripts/build_common_words.py`: it lists the ordinary French words the typo
correction must leave alone (« commence » is not a misspelt « commerce »).
"""

from __future__ import annotations

from typing import Final

#: SMS and chat forms → what they stand for (folded words).
SMS: Final[dict[str, str]] = {
    "pr": "pour", "ds": "dans", "dns": "dans", "qqn": "quelqu un", "qqun": "quelqu un", "qq1": "quelqu un",
    "kelkun": "quelqu un", "qq": "quelque", "qqch": "quelque chose", "qqc": "quelque chose", "svp": "",
    "stp": "", "slvp": "", "mrc": "merci", "mci": "merci", "jme": "je me", "jsuis": "je suis",
    "chui": "je suis", "jsui": "je suis", "chuis": "je suis", "jai": "j ai", "jvoudrais": "je voudrais",
    "jveux": "je veux", "g": "j ai", "motiv": "motivation", "biz": "business", "jlance": "je lance",
    "jcree": "je cree", "jmonte": "je monte", "cest": "c est",
    "jpeux": "je peux", "jcherche": "je cherche", "jsais": "je sais", "ki": "qui",
    "koi": "quoi", "kan": "quand", "pk": "pourquoi", "pq": "pourquoi", "pcq": "parce que",
    "bcp": "beaucoup", "tt": "tout", "ts": "tous", "tte": "toute", "tjr": "toujours", "tjrs": "toujours",
    "dc": "donc", "vs": "vous", "ns": "nous", "mm": "meme", "bjr": "bonjour", "bsr": "bonsoir",
    "slt": "salut", "cc": "coucou", "pb": "probleme", "pbm": "probleme", "pblm": "probleme",
    "rdv": "rendez vous", "mdp": "mot de passe", "ordi": "ordinateur", "ordis": "ordinateurs",
    "pc": "ordinateur", "tel": "telephone", "tél": "telephone", "smartphon": "smartphone",
    "portab": "portable", "appli": "application", "applis": "applications", "app": "application",
    "apps": "applications", "asso": "association", "assos": "associations", "admin": "administratif",
    "infos": "informations", "dispo": "disponible", "dispos": "disponibles", "insta": "instagram",
    "fb": "facebook", "ya": "il y a", "y a": "il y a", "ptit": "petit", "ptite": "petite",
    "bcq": "beaucoup", "nn": "non", "ok": "", "stv": "si tu veux", "cad": "c est a dire", "msg": "message",
    "mel": "mail", "ae": "auto entrepreneur", "dem": "demande", "taf": "travail", "doss": "dossier", "tkt": "",
    "mtn": "maintenant", "auj": "aujourd hui", "ajd": "aujourd hui", "cmt": "comment",
    "cmnt": "comment", "pa": "pas", "pce": "provence", "occase": "occasion", "occaz": "occasion",
    "resto": "restaurant", "qd": "quand", "qdm": "quand meme",
}

#: Languages other than French (« ma mère ne parle qu'arabe »).
LANGUAGES: Final[tuple[str, ...]] = (
    "arabe", "anglais", "espagnol", "portugais", "turc", "russe", "ukrainien", "roumain", "chinois", "mandarin",
    "tamoul", "pachto", "dari", "farsi", "persan", "albanais", "serbe", "bulgare", "polonais", "italien", "allemand",
    "wolof", "lingala", "swahili", "somali", "tigrinya", "ourdou", "bengali", "vietnamien", "berbere", "kabyle",
    "kurde", "armenien", "georgien", "soninke", "bambara", "peul", "haoussa", "comorien", "mahorais", "shimaore",
    "creole",
)

#: Small businesses people own: (possessive, indefinite article, noun). « mon bar », « j'ai un gîte »,
#: « pour ma pizzeria » say the asker runs one (tpe-pme) and asks about it (entreprise).
OWN_BUSINESSES: Final[tuple[tuple[str, str, str], ...]] = (
    ("mon", "un", "bar"), ("mon", "un", "snack"), ("mon", "un", "gite"), ("mon", "un", "hotel"),
    ("mon", "un", "camping"), ("mon", "un", "restaurant"), ("mon", "un", "salon"), ("mon", "un", "magasin"),
    ("mon", "un", "commerce"), ("mon", "un", "garage"), ("mon", "un", "cabinet"), ("mon", "un", "institut"),
    ("mon", "un", "food truck"), ("mon", "un", "atelier de"), ("mon", "un", "domaine"), ("mon", "un", "caveau"),
    ("ma", "une", "pizzeria"), ("ma", "une", "creperie"), ("ma", "une", "brasserie"), ("ma", "une", "boulangerie"),
    ("ma", "une", "epicerie"), ("ma", "une", "boutique"), ("ma", "une", "ferme"), ("ma", "une", "societe"),
    ("ma", "une", "chambre d hote"), ("ma", "une", "librairie"), ("ma", "une", "agence"), ("ma", "une", "entreprise"),
    ("mon", "une", "exploitation"), ("mon", "une", "entreprise"), ("mon", "une", "auberge"), ("mon", "une", "onglerie"),
    ("ma", "une", "sarl"), ("ma", "une", "sas"), ("ma", "une", "sasu"), ("mon", "une", "eurl"),
    ("mon", "un", "bar tabac"), ("mon", "un", "tabac"), ("mon", "un", "resto"),
    ("mon", "un", "cafe"), ("mon", "un", "salon de the"), ("ma", "une", "quincaillerie"), ("ma", "une", "patisserie"),
    ("ma", "une", "boucherie"), ("ma", "une", "fromagerie"), ("ma", "une", "pharmacie"), ("ma", "une", "cave a vin*"),
    ("mon", "un", "foodtruck"), ("mon", "un", "pressing"), ("ma", "une", "laverie"), ("ma", "une", "menuiserie"),
    ("ma", "une", "microbrasserie"), ("ma", "une", "start up"), ("ma", "une", "startup"), ("mon", "une", "auto ecole"),
    ("ma", "une", "friperie"), ("ma", "une", "micro entreprise"), ("mon", "un", "domaine viticole"),
    ("mon", "un", "salon de coiffure"), ("ma", "une", "ferme pedagogique"), ("mon", "un", "cabinet de"),
    ("ma", "une", "fleuristerie"), ("mon", "un", "salon de toilettage"), ("mon", "une", "imprimerie"),
    ("mon", "une", "agence immobiliere"), ("mon", "une", "agence web"), ("ma", "une", "cave"),
)
#: Feminine nouns that take « mon » before their vowel (« mon épicerie », « mon agence »).
_VOWEL_FEMININE: Final = tuple((own, a, noun) for own, a, noun in OWN_BUSINESSES
                               if own == "ma" and noun[0] in "aeiouh")
#: Trades people run on their own account: « je suis plombière », « coiffeur à domicile »,
#: « taxi depuis 10 ans », « infirmière libérale » (tpe-pme).
TRADES: Final[tuple[str, ...]] = (
    "plombier*", "electricien*", "menuisier*", "macon", "coiffeur*", "coiffeuse*", "boulanger*", "patissier*",
    "boucher*", "fleuriste", "carreleur*", "couvreur*", "charpentier*", "ebeniste", "serrurier*", "garagiste",
    "mecanicien*", "estheticienne*", "traiteur", "peintre en batiment", "paysagiste", "chauffagiste",
    "agriculteur*", "agricultrice*", "viticult*", "vigneron*", "maraich*", "eleveur*", "eleveuse*", "apiculteur*",
    "apicultrice*", "horticult*", "arboricult*", "pepinieriste", "ceramiste", "potier*", "bijoutier*",
    "couturier*", "tapissier*", "luthier", "forgeron", "photographe", "graphiste", "taxi", "chauffeur vtc",
    "hotelier*", "aubergiste", "cafetier*", "libraire", "epicier*", "fromager*",
    "caviste", "toiletteur*", "toiletteuse*", "plaquiste", "platrier*", "terrassier*", "vitrier*", "cordonnier*",
    "antiquaire", "brocanteur*", "tatoueur*", "tatoueuse*", "ambulancier*", "moniteur d auto ecole",
    "createur* de bijoux", "creatrice* de bijoux", "artisan*", "commercant*", "restaurateur*", "restauratrice*",
    "traductrice", "traducteur",
)
#: Liberal professions: the asker's own practice (« je suis kinésithérapeute, sécuriser ma messagerie
#: pro ») unless the text is about someone they help (« une de mes patientes »: `FOR_SOMEONE_ELSE`).
LIBERAL: Final[tuple[str, ...]] = (
    "infirmier* liberal*", "infirmiere* liberale*", "kinesitherapeute", "kine", "osteopathe", "sophrologue",
    "naturopathe", "architecte", "orthophoniste", "podologue", "psychomotricien*", "dieteticien*", "avocat*",
    "expert* comptable*", "geometre", "notaire", "veterinaire", "dentiste", "sage femme",
)
#: Someone else is the person helped: the asker's own status is then no audience.
FOR_SOMEONE_ELSE: Final = "~autrui"
FOR_SOMEONE_ELSE_PHRASES: Final[tuple[str, ...]] = (
    "une! de mes", "un! de mes", "j accompagne", "que j accompagne", "que je suis!", "mes usager*", "mon usager",
    "mes beneficiaires", "ma beneficiaire", "mon beneficiaire",
)
#: Verbs of running a business one has (« nous avons un gîte », « on tient un hôtel »,
#: « j'ai repris la quincaillerie »): (verb phrase, articles it takes).
RUNNING: Final[tuple[str, ...]] = (
    "avons", "on a", "ai", "tiens", "tenons", "on tient", "gere", "gerons", "on gere", "repris", "reprend*",
    "sommes", "on est", "a la tete d", "suis a la tete de",
)
#: « pour en faire mon métier », « à mon compte »: what makes the text about a trade or a business.
OWN_ACCOUNT_MARK: Final = "~a-son-compte"
OWN_ACCOUNT: Final[tuple[str, ...]] = (
    "suis a! mon compte", "travaille* a! mon compte", "travaille* a! son compte", "est a! son compte",
    "etre a! mon compte", "sommes a! notre compte", "installe* en! liberal", "suis en! liberal",
    "comme! independant*", "en! independant*", "en tant qu! independant*",
    *(f"{trade} a! mon compte" for trade in TRADES), *(f"a! mon compte comme! {trade}" for trade in TRADES),
)
#: « mon bar », « ma petite boulangerie », « notre gîte ».
OWNED_BUSINESS_PHRASES: Final[tuple[str, ...]] = (
    *(f"{own} {noun}" for own, _, noun in OWN_BUSINESSES),
    *(f"{own} petit* {noun}" for own, _, noun in OWN_BUSINESSES),
    *(f"notre {noun}" for _, _, noun in OWN_BUSINESSES),
    *(f"mon {noun}" for _, _, noun in _VOWEL_FEMININE),
)
#: « nous avons un petit hôtel », « on a une ferme », « j'ai repris la quincaillerie »: a business one runs.
#: Articles and possessives are stop words, which patterns let stand between their words.
RUN_BUSINESS_PHRASES: Final[tuple[str, ...]] = tuple(dict.fromkeys(
    f"{verb} {small}{noun}" for verb in RUNNING for _, _, noun in OWN_BUSINESSES for small in ("", "petit* ")))
#: What people start: the businesses above and a few general words (« une petite activité »).
_STARTED: Final[tuple[str, ...]] = (*dict.fromkeys(noun for _, _, noun in OWN_BUSINESSES
                                                   if noun not in {"cabinet de", "atelier de"}),
                                    "activite", "marque", "auto entreprise", "autoentreprise")
#: « je crée mon agence », « on lance une marque », « j'ouvre une crêperie », « mon projet de gîte »,
#: « ma future boutique », « l'ouverture de mon salon »: a business being started (createurs-entreprise).
START_BUSINESS_PHRASES: Final[tuple[str, ...]] = (
    *dict.fromkeys(f"{verb} {small}{noun}" for verb in ("cree!", "creent!", "lance!", "lancent!", "monte!")
                   for noun in _STARTED for small in ("", "petit* ")),
    *dict.fromkeys(f"{verb} {article} {small}{noun}" for verb in ("ouvre!", "ouvrent!") for article in ("un!", "une!")
                   for noun in _STARTED for small in ("", "petit* ")),
    *dict.fromkeys(f"projet {of} {noun}" for noun in _STARTED for of in ("de", "d")
                   if noun not in {"activite", "boite"}),
    *dict.fromkeys(f"{future} {noun}" for noun in _STARTED for future in ("futur!", "future!")),
    *dict.fromkeys(f"{act} {own} {noun}" for act in ("ouverture de", "creation de", "lancement de")
                   for noun in _STARTED for own in ("mon", "ma", "notre")),
    *dict.fromkeys(f"projet de creation d une! {noun}" for noun in _STARTED if noun not in {"entreprise", "activite"}),
    "en train de creer", "en cours de creation", "en cours d ouverture", "je m installe comme",
    "m installe a! mon compte", "je m installe en! liberal",
)
#: « créer », « lancer », « ouvrir » a business: someone starting one only after a wish or a plan
#: (« je voudrais ouvrir un restaurant », « mon fils veut lancer sa petite entreprise »), not in
#: « un atelier pour créer sa boutique » (a topic).
START_INFINITIVE_MARK: Final = "~veut-creer"
START_INFINITIVES: Final[tuple[str, ...]] = tuple(dict.fromkeys(
    f"{verb} {small}{noun}" for verb in ("creer", "lancer", "monter", "ouvrir", "reprendre") for noun in _STARTED
    for small in ("", "petit* ")))
#: Opening an online shop is not starting a business (« on a une ferme et on voudrait ouvrir une
#: boutique en ligne »).
NOT_STARTS: Final[tuple[str, ...]] = tuple(
    f"{verb} {article} {shop} {where}" for verb in ("creer", "lancer", "monter", "ouvrir")
    for article in ("une!", "ma", "sa", "notre", "leur") for shop in ("boutique", "magasin")
    for where in ("en ligne", "etsy", "shopify", "sur internet", "web", "vinted", "amazon", "sur etsy"))
WISHES: Final = frozenset({"veux", "veut", "voudrais", "voudrait", "voulons", "voulions", "souhaite", "souhaitons",
                           "souhaiterais", "souhaiterait", "vais", "va", "allons", "aimerais", "aimerait",
                           "aimerions", "compte", "comptons", "envie", "prevois", "prevoit", "prevoyons", "pense",
                           "pensons", "reve", "revons", "espere", "esperons", "projette", "projetons", "decide"})

#: Need patterns: (pattern, weight) per need code.
NEEDS: Final[dict[str, list[tuple[str, float]]]] = {
    "demarches": [
        ("demarche*", 3), ("demarches administratives", 4), ("administrati*", 2.5), ("papiers", 2.5),
        ("paperasse", 3), ("caf", 4), ("apl", 4), ("allocation*", 3), ("allocs", 3), ("prime d activite", 4),
        ("aide au logement", 4), ("demande de logement", 4), ("logement social", 4), ("impot*", 4),
        ("declaration de revenus", 4), ("declar* revenus", 4), ("declaration trimestrielle", 4.5), ("trimestrielle", 3),
        ("declarer mes ressources", 4), ("convocation*", 3.5), ("info retraite", 4), ("portail famille", 4.5),
        ("portail*", 2),
        ("radie", 4), ("radiee", 4), ("radiation", 4), ("inscri* a l ecole", 4.5), ("inscription scolaire", 4.5),
        ("inscription* a l ecole", 4.5), ("inscrire les enfants", 4), ("inscri* a la cantine", 4.5),
        ("taxe d habitation", 4),
        ("taxe fonciere", 4), ("ants", 4), ("carte grise", 4), ("permis de conduire", 4),
        ("passeport", 4), ("carte d identite", 4), ("titre de sejour", 4), ("naturalisation", 4),
        ("prefecture", 3), ("ameli", 4), ("carte vitale", 4), ("securite sociale", 4), ("secu", 3),
        ("cpam", 4), ("doctolib", 4), ("mon espace sante", 4), ("dossier medical", 3), ("mutuelle", 3),
        ("complementaire sante", 4), ("css", 3), ("ma retraite", 3), ("sa retraite", 3), ("la retraite", 2.5),
        ("retraite complementaire", 4),
        ("pension de retraite", 4), ("caisse de retraite", 4), ("dossier retraite", 4),
        ("demande de retraite", 4), ("assurance retraite", 4), ("cnav", 4), ("carsat", 4), ("agirc", 4),
        ("urssaf", 4), ("msa", 4), ("cesu", 3), ("mdph", 4), ("aah", 4), ("cheque energie", 4),
        ("acte de naissance", 4), ("etat civil", 4), ("service public", 3), ("services publics", 3),
        ("franceconnect", 4), ("france connect", 4), ("formulaire*", 3), ("dossier administratif", 4),
        ("attestation*", 3), ("justificatif*", 3), ("amende*", 3), ("antai", 4), ("procuration", 3),
        ("inscription france travail", 4), ("inscri* sur le site de france travail", 4.5),
        ("inscri* sur france travail", 4.5), ("inscri* a france travail", 4.5), ("inscri* a pole emploi", 4.5),
        ("inscri* sur le site de pole emploi", 4.5), ("inscrire france travail", 4),
        ("inscrire pole emploi", 4),
        ("inscription pole emploi", 4), ("actualisation", 4), ("actualiser", 4), ("crous", 3),
        ("bourse", 2.5), ("mes droits", 3), ("porter plainte", 3.5), ("plainte en ligne", 4), ("pre plainte", 4),
        ("espace france travail", 4), ("compte france travail", 4), ("creer son espace", 3), ("creer mon espace", 3),
        ("demande de rsa", 4), ("dossier rsa", 4), ("demande rsa", 4),
        ("impots gouv", 4), ("mairie", 0.7), ("apa", 4), ("demande*", 1.2), ("demande en ligne", 2.5),
        ("sante", 0.9), ("medecin", 0.9), ("retraite", 2.5), ("teleconsultation", 4), ("parcoursup", 3),
        ("declaration* pac", 4.5),
        ("telepac", 4.5), ("declaration*", 2.5), ("vaccin*", 4), ("rendez vous medical", 3),
        ("carte de sejour", 4), ("demande d asile", 3), ("pension*", 3), ("chomage partiel", 3),
        ("espace personnel", 2), ("compte ameli", 4), ("france services", 2), ("administration", 2.5),
        ("dossier", 1), ("fiscal*", 3), ("immatricul*", 3), ("guichet unique", 3.5), ("inpi", 3.5),
        ("recensement", 4), ("carte mobilite inclusion", 4), ("cmi", 3), ("renouveler", 2),
        ("renouvellement", 2.5), ("jdc", 4), ("journee defense", 4), ("journee d appel", 4), ("majdc", 4),
        ("avis d imposition", 4), ("loyer", 2), ("facture d electricite", 2), ("taxe de sejour", 4), ("tva", 3.5),
        ("la pac", 4), ("ma pac", 4), ("leur pac", 4), ("dossier pac", 4.5), ("dossier de pac", 4.5),
    ],
    "outils-quotidien": [
        ("ordinateur*", 2), ("smartphone*", 3), ("telephone*", 2), ("portable*", 2), ("tablette*", 3),
        ("mail*", 3), ("email*", 3), ("e mail*", 3), ("courriel*", 3), ("boite mail", 3),
        ("boite aux lettres electronique", 3), ("gmail", 3), ("outlook", 3), ("piece* jointe*", 3),
        ("traitement de texte", 3), ("word", 3), ("excel", 3), ("tableur", 3), ("bureautique", 3),
        ("libreoffice", 3), ("visio*", 3), ("zoom", 2.5), ("whatsapp", 3), ("skype", 3), ("teams", 2),
        ("internet", 1.5), ("navigateur", 3), ("navigu*", 2.5), ("clavier", 3), ("souris", 2),
        ("debutant*", 1.5), ("initiation", 1), ("initiation a l ordinateur", 3), ("initiation informatique", 3),
        ("informatique", 1), ("numerique", 0.5), ("se servir", 1),
        ("prendre en main", 2), ("cle usb", 3), ("fichier*", 2), ("application*", 1.5), ("sms", 1),
        ("windows", 3), ("android", 3), ("iphone", 3), ("ipad", 3), ("mise* a jour", 2),
        ("installer une application", 3), ("installer un logiciel", 3), ("installer une appli", 3),
        ("apprendre a utiliser un ordinateur", 4), ("courses en ligne", 3), ("commander! en ligne", 3),
        ("faire ses courses", 2.5), ("faire mes courses", 2.5), ("acheter en ligne", 3.5),
        ("formation* numerique*", 2.5), ("formation* informatique*", 2.5), ("photos de mon telephone", 3),
        ("transferer", 1.5), ("cloud", 2),
        ("stockage", 1.5), ("comptes bancaires", 3), ("compte bancaire", 3), ("banque en ligne", 3),
        ("application bancaire", 3), ("appli de ma banque", 3), ("eloigne* du numerique", 3),
        ("decouvrir le numerique", 3),
        ("bases du numerique", 3), ("initiation au numerique", 3), ("initiation numerique", 3), ("en video", 3.5),
        ("appeler en video", 4), ("reglages", 2), ("sait pas utiliser", 4), ("sais pas utiliser", 4),
        ("savent pas utiliser", 4), ("savent pas se servir", 4), ("jamais utilise*", 3.5),
        ("jamais utilise* d ordinateur*", 4),
        ("jamais utilise* un! ordinateur*", 4), ("jamais touche* un! ordinateur*", 4), ("adresse mail", 3.5),
        ("adresse email", 3.5), ("adresse e mail", 3.5),
        ("savoir utiliser", 3), ("transferer mes photos", 4), ("transferer des photos", 4),
        ("transferer les photos", 4),
        ("memoire pleine", 3), ("telephone est plein", 3), ("liberer de la place", 3), ("liberer de l espace", 3),
        ("google drive", 3), ("pdf", 2), ("imprimer un pdf", 1), ("cours d informatique", 3),
        ("bases de l informatique", 3), ("ateliers numeriques", 1), ("atelier numerique", 1),
        ("accompagnement numerique", 1), ("appel video", 3), ("envoyer des photos", 2), ("copier coller", 3),
        ("messagerie", 3), ("recherche sur internet", 3), ("naviguer sur internet", 3), ("utiliser internet", 2.5),
        ("mac", 2), ("linux", 2), ("logiciel*", 1.5), ("autonome", 1), ("autonomie", 1),
        ("message* vocal", 3), ("gerer* ses comptes", 3), ("gerer* mes comptes", 3), ("comptes en ligne", 3),
        ("lecteur d ecran", 3), ("grossir!", 3.5), ("agrandir!", 3.5), ("boite gmail", 3),
        ("boite outlook", 3), ("boite hotmail", 3),
        ("boite yahoo", 3), ("mon imprimante", 3), ("son imprimante", 3), ("mon scanner", 3), ("son scanner", 3),
        ("ai achete un ordi* reconditionn*", 3), ("ai achete un ordinateur reconditionn*", 3),
        ("ai achete une tablette reconditionn*", 3), ("ai achete un telephone reconditionn*", 3),
        ("taille du texte", 4),
        ("taille des caracteres", 4), ("sauvegard*", 3.5), ("changer de telephone", 3.5),
        ("changeant de telephone", 3.5),
        ("nouveau telephone", 3), ("perdu* mes photos", 4), ("billet* de train", 4), ("sncf", 3.5), ("billet*", 2.5),
        ("box internet", 3.5), ("ma box", 3), ("mettre le wifi", 4.5), ("installer ma box", 4.5), ("configurer", 3.5),
        ("parametrer", 3.5), ("le bon coin", 4), ("leboncoin", 4), ("vinted", 4), ("annonce*", 2),
        ("envoyer des messages", 3.5), ("envoyer un message", 3.5), ("envo* des messages", 3.5),
        ("signature* electronique*", 4), ("signer des documents", 4), ("signer en ligne", 4), ("signer un document", 4),
        ("atelier info", 3), ("cours d info", 3), ("initiation info", 3), ("initiation ordi*", 3),
        ("envoyer* photo*", 3.5), ("envo* des photo*", 3.5), ("facebook", 1.5),
        ("photo* par mail", 4), ("qr code", 4.5),
        ("code qr", 4.5), ("messages vocaux", 3), ("message vocaux", 3), ("debuter", 1.5),
        ("debuter sur internet", 3.5), ("debuter en informatique", 3.5), ("debuter sur ordinateur", 3.5),
        ("cours pour debuter", 3), ("cours pour utiliser", 3.5), ("cours pour utiliser un ordinateur", 4),
        ("cours d ordinateur", 3.5),
        ("achats en ligne", 4), ("achat en ligne", 4), ("achats sur internet", 4), ("acheter sur internet", 3.5),
        ("vien* d acheter", 2), ("ai achete", 2), ("a achete", 2), ("ont achete", 2),
        ("vien* d acheter un ordinateur*", 3), ("vien* d acheter une tablette*", 3),
        ("vien* d acheter un telephone*", 3), ("vien* d acheter un smartphone*", 3),
        ("vien* d acheter un portable*", 3), ("vien* d acheter un ordi", 3),
    ],
    "insertion-pro": [
        ("cv", 4), ("curriculum", 4), ("apprentissage", 3.5), ("contrat d apprentissage", 4.5),
        ("contrat pro*", 3.5), ("reprendre une formation", 4), ("reprendre mes etudes", 4),
        ("consulter ses offres", 4), ("consulter mes offres", 4), ("candidater", 3.5), ("en insertion", 3.5),
        ("jeunes en insertion", 4), ("en faire mon metier", 5), ("en faire son metier", 5),
        ("pour devenir", 4), ("devenir developpeu*", 4.5),
        ("repondre a* offre*", 4),
        ("entrain* entretien*", 4), ("prepar* entretien*", 4), ("simulation d entretien", 4),
        ("entretien* en visio", 4),
        ("video de presentation", 4), ("cv video", 4), ("trouve* une offre", 3.5), ("lettre* de motivation", 4),
        ("recherche d emploi", 4),
        ("chercher un emploi", 4), ("chercher du travail", 4), ("trouver un emploi", 4),
        ("trouver du travail", 4), ("trouver un travail", 4), ("trouver un job", 4), ("emploi", 2.5),
        ("offre* d emploi", 4), ("candidature*", 3), ("postuler", 3.5), ("entretien d embauche", 4),
        ("entretien* d embauche", 4), ("embauche", 3), ("recrutement", 3), ("indeed", 4), ("linkedin", 4),
        ("welcome to the jungle", 4), ("stage", 2.5), ("stages", 2.5), ("alternance", 3),
        ("formation a distance", 4), ("formation en ligne", 3), ("formation*", 1.5), ("mooc", 3),
        ("reconversion", 3.5), ("reconvert*", 4), ("premier emploi", 4), ("metier", 2), ("competences", 1.5),
        ("insertion professionnelle", 4),
        ("insertion", 2), ("job", 3), ("boulot", 3), ("travail", 1.5), ("france travail", 2),
        ("pole emploi", 2), ("mission locale", 1), ("cpf", 3), ("mon compte formation", 4),
        ("profil professionnel", 3), ("interim", 3), ("jobboard", 3), ("apec", 3), ("vae", 3),
    ],
    "securite": [
        ("arnaque*", 5), ("escroquerie*", 5), ("escroc*", 4), ("phishing", 5), ("hameconnage", 5),
        ("mot de passe", 3), ("mots de passe", 3), ("mot de passe oublie", 1), ("oublie mon mot de passe", 1),
        ("perdu mon mot de passe", 1), ("virus", 5), ("antivirus", 5), ("pirat*", 5),
        ("hack*", 4), ("vol de compte", 5), ("voler mon compte", 5), ("vole mon compte", 5),
        ("fait voler", 4), ("usurpation", 4), ("cybersecurite", 5), ("cyber securite", 5),
        ("cyberharcelement", 4), ("cyber harcelement", 4),  ("faux colis", 4),
        ("faux mail*", 4), ("faux sms", 4), ("spam*", 3), ("fraude*", 4), ("frauduleu*", 4),
        ("donnees personnelles", 3), ("rgpd", 3), ("vie privee", 3), ("securiser", 4), ("securite", 3),
        ("securite numerique", 5), ("double authentification", 4), ("rancongiciel", 5.5), ("ransomware", 5.5),
        ("rancon*", 4.5),
        ("se proteger", 3), ("proteger mes donnees", 4), ("protection des donnees", 3),
        ("compte bloque", 2), ("faux", 3), ("vole* mon telephone", 4), ("vol de telephone", 4),
        ("bloquer mes comptes", 4),
        ("confidentialite", 3.5), ("parametres de confidentialite", 4.5), ("reglages de confidentialite", 4.5),
        ("donnees perso*", 3), ("fausse*", 3),
        ("fausse* amende*", 5), ("faux technicien*", 5),
        ("reconnaitre un faux", 5), ("compte pirate", 5), ("sextorsion", 4), ("chantage", 3), ("malveillant*", 3),
        ("cyberattaque*", 5), ("se proteger contre", 4), ("harcel*", 3), ("proteg*", 3), ("surveillance", 3.5),
        ("espion*", 4),
        ("clique* sur le lien", 4), ("cliquer sur un lien", 4), ("lien suspect", 4), ("coordonnees bancaires", 4),
        ("danger*", 2.5), ("dangereu*", 4.5), ("plus sur que", 4), ("securise*", 4),
        ("chiffrement", 4), ("surveille*", 4), ("vol* mon identite", 5), ("vol d identite", 5),
        ("violence* conjugale*", 3), ("piege*", 3), ("faire avoir", 3.5), ("colis bloque", 4.5),
        ("donne ma carte bancaire", 5), ("numero de carte", 4),
        ("traceur", 4.5), ("autorisations", 3.5), ("permissions", 3.5), ("tracker", 4.5), ("logiciel espion", 5),
        ("geolocalis*", 3.5), ("envoyes en mon nom", 5),
        ("en mon nom", 3.5), ("demand* de l argent", 4), ("a fuite", 4), ("ont fuite", 4),
        ("fuite* de donnees", 5), ("fuite* de mes donnees", 5),
        ("est* fiable*", 6), ("site* fiable*", 6), ("plein de pub*", 4), ("pop up", 4), ("popup*", 4),
        ("fenetres qui s ouvrent", 4), ("adware", 4), ("suspect*", 3.5), ("bizarre", 0.9), ("louche", 3),
        ("confirme* mes identifiants", 4.5), ("identifiants", 2), ("code* recu* par sms", 4.5),
        ("donne* mon code", 4), ("donne* le code", 4), ("c est grave", 2), ("c vrai", 2), ("c est vrai", 2),
        ("change* mes mot* de passe", 4), ("me faire avoir", 4),
        ("se faire avoir", 4), ("sans risque", 2.5), ("faux site*", 4), ("faux conseiller*", 4), ("demarchage", 2),
        ("fausse* offre*", 5), ("fausse* annonce*", 5), ("faux recruteur*", 5),
        ("fausse* offre* d emploi", 5.5), ("fausse* offre* de travail", 5.5), ("fausse* annonce* d emploi", 5.5),
    ],
    "parentalite": [
        ("controle parental", 5), ("pronote", 5), ("ent", 4), ("espace numerique de travail", 5),
        ("educonnect", 5), ("ecran*", 1.5), ("ecrans", 2.5), ("family link", 5), ("google family", 5),
        ("ecole directe", 5), ("qustodio", 5),
        ("parent* d eleve*", 4.5), ("ce que mon enfant fait", 4.5), ("ce qu elle fait", 4), ("ce qu il fait", 4),
        ("temps d ecran", 5), ("temps passe sur les ecrans", 5),
        ("parentalite", 5), ("education", 2), ("ecole", 2), ("college", 2), ("lycee", 2), ("devoirs", 2.5),
        ("harcelement scolaire", 5), ("jeux video de mes enfants", 5), ("ado*", 1.5), ("adolescent*", 2),
        ("protection des mineurs", 4), ("mes enfants", 1), ("mon enfant", 1), ("enfants", 0.8),
        ("reseaux sociaux de mon fils", 4), ("reseaux sociaux de ma fille", 4), ("parcoursup", 2.5),
        ("scolarite", 3), ("cantine", 2), ("periscolaire", 3), ("notes de", 1),
        ("limite*", 2), ("instagram", 0.5), ("tiktok", 0.5), ("reseaux sociaux", 0.5), ("l accompagner", 1),
        ("fixer des limites", 4), ("parents", 1.5), ("proteger mes enfants", 5),
        ("proteger mon enfant", 5), ("proteger nos enfants", 5), ("proteger les enfants", 5),
        ("proteger ses enfants", 5), ("proteger mon fils", 5), ("proteger ma fille", 5), ("fortnite", 3),
        ("snapchat", 2),
        *((f"{device} de {child}", 4.5) for device in ("telephone", "portable", "smartphone", "tablette", "console")
          for child in ("mon ado", "mon fils", "ma fille", "mes enfants", "mon enfant", "mes ados")),
          ("filtre* parental*", 5), ("filtrer", 3), ("youtube kids", 5), ("contenus choquants", 4),
        ("accro*", 3.5), ("addict*", 3.5), ("passe* ses! nuits", 4), ("passe* des! heures", 3.5),
        ("passe* trop de temps", 4), ("pegi", 5), ("classification* pegi", 5), ("trop de temps", 3), ("quel age", 4),
        ("parents d ado*", 4), ("parents d adolescent*", 4),
        ("pour les parents", 3.5), ("ecrans a la maison", 4),
    ],
    "loisirs-creation": [
        ("photo*", 2.5), ("video*", 3), ("montage", 3), ("monter les videos", 4), ("musique*", 3),
        ("impression 3d", 5.5), ("imprimante 3d", 5.5), ("imprimantes 3d", 5.5), ("imprimer en 3d", 5.5),
        ("imprim* 3d", 5.5), ("3d", 2.5), ("fablab", 4),
        ("fab lab", 4), ("dessin*", 3.5), ("diapositive*", 3.5), ("diapo*", 3),
        ("numeriser* mes vieilles photos", 4), ("faire un album", 4), ("un album", 3), ("crochet", 3),
        ("couture", 3), ("patrons!", 2.5), ("photo smartphone", 4),
        ("photo* avec* smartphone", 4), ("photo* avec mon telephone", 4), ("photo* au smartphone", 4),
        ("musique electronique", 4), ("composer de la musique", 4), ("apprendre la photo", 4), ("cours de photo", 4),
        ("atelier* photo", 4),
        ("photographi*", 4), ("dessiner", 3.5), ("dessin numerique", 5), ("retouche*", 3), ("jeu video", 3),
        ("jeux video", 3),
        ("jeux", 2), ("jeu", 1.5), ("programmation", 2.5), ("coder", 3), ("codage", 3), ("programmer", 2.5),
        ("bande dessinee", 4), ("bd", 3), ("realite virtuelle", 4), ("robotique", 3),
        ("scratch", 3), ("arduino", 3), ("graphisme", 3), ("podcast*", 3), ("blog*", 3.5), ("juste pour moi", 2),
        ("pour le plaisir", 3), ("genealogie", 3),
        ("livre photo", 4), ("album photo", 4), ("canva", 3.5), ("carte* de voeux", 3.5), ("atelier creatif", 3),
        ("creatif*", 3), ("affiche*", 3), ("carte* d anniversaire", 3),
        ("faire part", 3), ("musica*", 3), ("tablette graphique", 4), ("creation musicale", 4), ("loisir*", 3),
        ("creati*", 1.5), ("decoupe laser", 4),
        ("brodeuse", 3), ("broderie", 3), ("tricot", 2), ("creer avec le numerique", 5), ("minecraft", 3),
        ("animation", 1.5), ("stop motion", 4), ("cinema", 2), ("numeriser mes photos", 4),
        ("diaporama", 3), ("infographie", 3), ("mao", 3.5), ("beatmaking", 4),
        ("home studio", 4), ("dj", 3), ("initiation au code", 4), ("atelier* de code", 4), ("cours de code", 3.5),
        ("club de code", 4), ("code informatique", 4), ("montage video", 5), ("modelisation", 3), ("youtube", 2),
    ],
    "culture-numerique": [
        ("intelligence* artificielle*", 5), ("ia", 3.5), ("chatgpt", 5), ("chat gpt", 5), ("fake news", 5),
        ("fausse* info*", 5), ("fausses nouvelles", 5),
        ("comprendre internet", 4), ("comprendre le numerique", 4), ("comprendre reseaux sociaux", 4),
        ("fonctionne* internet", 4), ("fonctionne* reseaux sociaux", 4), ("fonctionnement d internet", 4),
        ("fonctionnement reseaux sociaux", 4), ("info* vraie*", 4), ("savoir si une info*", 4),
        ("une info qui tourne", 4), ("info qui circule", 4),
        ("rumeur*", 4), ("hoax", 4), ("est vraie", 3), ("vraie ou fausse", 4), ("comment marche internet", 4),
        ("ou vont mes donnees", 4), ("comprendre ce qu est", 3), ("moteur* de recherche", 3.5), ("savent de moi", 4),
        ("savent sur moi", 4), ("c est quoi", 0.5),
        ("explication*", 0.5), ("difference entre", 2.5),
        ("le web", 2),
        ("recommandation*", 3), ("vrai ou faux", 4),
        ("verifier une info*", 4), ("verifier les info*", 4), ("verifier l info*", 4), ("image de soi", 3),
        ("reseaux", 1.5),
        ("fake", 3), ("infox", 5), ("desinformation", 5), ("complot*", 3), ("algorithme*", 4),
        ("reseaux sociaux", 2), ("reseau social", 2), ("citoyennete", 4), ("citoyen*", 2),
        ("culture numerique", 5), ("comprendre", 1), ("conference*", 1.5), ("debat*", 1.5),
        ("ecologie numerique", 4), ("sobriete numerique", 4), ("numerique responsable", 4),
        ("open data", 4), ("cookie*", 3), ("pub ciblee", 3), ("publicite ciblee", 3), ("pub* ciblee*", 3),
        ("metavers", 4), ("crypto*", 3), ("blockchain", 4), ("deepfake*", 4),
        ("esprit critique", 4), ("education aux medias", 4), ("medias", 1.5), ("facebook", 1.5),
        ("instagram", 1.5), ("tiktok", 1.5), ("twitter", 1.5), ("wikipedia", 2), ("donnees", 1),
        ("monde numerique", 4), ("enjeux du numerique", 4), ("culture", 2), ("information", 1),
        ("realite virtuelle", 4), ("environnement*", 3), ("environnemental*", 3.5), ("impact du numerique", 4),
        ("pollution numerique", 4), ("sobriete", 3), ("ecologi*", 3),
    ],
    "acces-equipement": [
        ("imprim*", 5), ("faire imprimer", 3.5), ("impression*", 3.5), ("impression* de cv", 4.5),
        ("impression* de document*", 4.5), ("impression* de billet*", 4.5), ("impression* de dossier*", 4.5),
        ("scan*", 4.5), ("numeriser", 3),
        ("numeriser un document", 4),
        ("photocop*", 4), ("wifi", 4), ("wi fi", 4), ("connexion internet", 4), ("connexion", 2.5),
        ("acces internet", 4), ("acces a internet", 4), ("besoin d internet", 4), ("besoin internet", 4),
        ("cyber", 4), ("cybercafe", 4), ("cyber cafe", 4), ("cyberbase", 3), ("cyber base", 3),
        ("libre acces", 3.5), ("libre service", 3.5), ("poste* informatique*", 3), ("poste* en libre acces", 4),
        ("ordinateur en libre service", 5), ("ordinateur a disposition", 5), ("ordinateur sur place", 5),
        ("pas d ordinateur", 4.5), ("pas d ordi", 4.5), ("pas de pc", 4.5), ("pas d internet", 4.5),
        ("pas de connexion", 4.5), ("pas d imprimante", 4.5), ("sans ordinateur", 4), ("sans internet", 4),
        ("emprunter un ordinateur", 4), ("besoin d un ordinateur", 3), ("pret d ordinateur", 4),
        ("preter un ordinateur", 4),
        ("acces au materiel", 4), ("utiliser un ordinateur", 2.5), ("utiliser un ordi", 2.5), ("materiel", 1.5),
        ("photocopieuse", 4),
        ("recharger", 2), ("brancher", 1.5), ("brancher mon ordi*", 3.5), ("box* en panne", 5),
        ("plus d internet", 4.5), ("ou je peux me connecter", 4), ("point d acces", 4), ("acces numerique", 3),
        ("borne internet", 4.5), ("borne* numerique*", 4.5), ("lecteur d ecran", 3), ("clavier braille", 4.5),
        ("braille", 3), ("materiel adapte", 4), ("utiliser internet gratuitement", 5), ("internet gratuit*", 4.5),
        ("acceder a internet", 4.5), ("ni ordinateur", 4), ("acces libre", 4), ("poste avec internet", 4.5),
        ("besoin d un poste", 4), ("se connecter a internet", 4),
        ("me connecter a internet", 4), ("ou se connecter", 4),
        ("ordi* en panne", 4), ("ordinateur en panne", 4), ("un poste pour", 3.5), ("poste pour travailler", 4),
        ("avec des ordinateurs", 3), ("ordinateurs accessibles", 4), ("poste* accessible*", 4), ("webcam", 3.5),
        ("acces a un ordinateur", 4.5), ("acces a un ordi", 4.5), ("acces ordinateur", 4), ("en acces libre", 4.5),
        ("au calme", 2), ("coworking", 4), ("prise* electrique*", 3),
        ("charger mon telephone", 4.5), ("charger mon portable", 4.5), ("charger* mon ordi*", 4),
        ("avoir internet", 4), ("avoir acces a internet", 4), ("4g", 2), ("box", 2), ("fibre", 2),
        ("telecharger un document", 2),
    ],
    "materiel-solidaire": [
        ("pas cher", 0.8), ("pas chere", 0.8), ("pas chers", 0.8), ("moins cher", 0.8), ("petit prix", 3),
        ("petits prix", 3), ("prix solidaire", 5), ("vente solidaire", 5), ("ordinateur* pas cher*", 5),
        ("ordinateur* portable* pas cher*", 5),
        ("pc pas cher*", 5), ("tablette* pas cher*", 5), ("telephone* pas cher*", 5), ("smartphone* pas cher*", 5),
        ("portable* pas cher*", 5), ("ordinateur* a petit prix", 5), ("ordinateur* petit prix", 5),
        ("ordinateur* moins cher*", 5), ("prix reduit", 5), ("bas prix", 3), ("low cost", 3),
        ("reconditionn*", 5), ("d occasion", 4.5), ("occasion", 3.5), ("seconde main", 4.5),
        ("acheter un ordinateur", 4.5), ("acheter un ordi", 4.5), ("acheter une tablette", 4.5),
        ("acheter un telephone", 4.5), ("acheter un pc", 4.5), ("achat d ordinateur", 4.5),
        ("achat ordinateur", 4.5), ("acheter", 0.9), ("achat", 0.9), ("don d ordinateur", 5),
        ("ordinateur gratuit", 5), ("donner un ordinateur", 4.5), ("recyclerie", 3.5), ("ressourcerie", 4),
        ("bon marche", 3), ("emmaus", 4),
        ("emmaus connect", 5), ("s equiper", 3.5), ("m equiper", 3.5), ("ordinateur* donne!", 5),
        ("ordinateur* donnes!", 5),
        ("abordable", 4), ("solidaire", 2.5), ("don!", 0.5),
        *((f"{give} {device}", 5) for give in ("donne!", "donnent!", "donner!", "donnez!", "donnant!")
          for device in ("des ordinateur*", "un! ordinateur", "des ordi", "un! ordi", "des tablette*", "une! tablette",
                         "des telephone*", "un! telephone", "des smartphone*", "un! smartphone")),
        ("dons!", 0.5), ("euros", 0.5), ("euro", 0.5),
        ("budget", 1.5), ("pas les moyens", 4), ("moyens financiers", 3), ("gratuit", 1), ("cout", 0.9),
        ("pas d argent", 4), ("moindre cout", 4), ("me faudrait un ordi*", 4), ("faudrait un ordinateur", 4),
        ("budget serre", 4),
        ("ordi* offert* pour!", 5), ("ordinateur* offert* pour!", 5),
        ("tablette* offerte* pour!", 5), ("modeste*", 2.5), ("revenus modestes", 3.5), ("petits revenus", 3.5),
        ("peu de moyens", 4),
        ("obtenir un ordinateur", 4.5), ("avoir un ordinateur", 4),
        ("trouver un ordinateur", 3), ("carte sim", 3), ("forfait", 2.5),
    ],
    "entreprise": [
        ("entreprise*", 2), ("creer mon entreprise", 5), ("creation d entreprise", 5),
        ("creer une entreprise", 5), ("creer son entreprise", 5), ("monter ma boite", 5), ("ma boite", 3),
        ("auto entrepreneur*", 4), ("autoentrepreneur*", 4), ("micro entrepr*", 4), ("entrepreneu*", 4),
        ("site vitrine", 5), ("site internet pro", 5), ("site pro", 5), ("site professionnel", 5),
        ("site internet", 2.5), ("site web", 2.5), ("un site", 2.5), ("son site", 2.5), ("notre site", 3),
        ("mon site", 3), ("faire un site", 3), ("creer un site", 3),
        ("e commerce", 5), ("ecommerce", 5), ("boutique en ligne", 5), ("vendre en ligne", 5),
        ("vente en ligne", 5), ("vendre sur internet", 5), ("marketplace", 4), ("facturation", 4),
        ("facture*", 3.5), ("devis", 4), ("comptabilite", 4), ("compta", 4), ("google my business", 5),
        ("fiche google", 5), ("google business", 5), ("referenc*", 4), ("seo", 4), ("client*", 2),
        ("clientele", 3), ("publication*", 2.5), ("faire connaitre", 4), ("page pro", 4), ("compte pro", 4),
        ("fiche* produit*", 4), ("prise de rendez vous en ligne", 4), ("agenda en ligne", 3),
        ("rendez vous en ligne", 2.5), ("prospect*", 3), ("commerce", 2.5), ("commercant*", 2), ("boutique", 2.5),
        ("magasin", 2), ("marketing", 3.5), ("communication", 2), ("reseaux sociaux pour ma", 5),
        ("reseaux sociaux pour mon", 5), ("reseaux sociaux de ma boutique", 5),
        ("reseaux sociaux de mon entreprise", 5), ("pro", 1.5), ("professionnel*", 1.5), ("activite", 2),
        ("mon activite", 3), ("kbis", 4), ("siret", 4), ("siren", 4), ("tpe", 1.5), ("pme", 1.5),
        ("artisan*", 1.5), ("transformation numerique", 4), ("kit numerique", 4), ("france num", 4),
        ("lancer mon activite", 5), ("creer mon activite", 5), ("independant*", 2), ("freelance", 3),
        ("porteur* de projet", 2.5), ("createur* d entreprise", 4), ("creatrice* d entreprise", 4),
        ("logo", 3), ("nom de domaine", 4), ("hebergeur", 2.5), ("wordpress", 3), ("shopify", 4),
        ("crm", 4), ("caisse", 2), ("paiement en ligne", 4), ("paiement*", 2.5), ("terminal de paiement", 4),
        ("encaiss*", 4), ("logiciel de paie", 4), ("paie", 3), ("reservation* en ligne", 4), ("camping", 2),
        ("gite", 2), ("click and collect", 5), ("newsletter", 3),
        ("chiffre d affaires", 4), ("association employeuse", 3), ("startup", 4), ("start up", 4),
        ("gestion", 1.5), ("stock", 2), ("salaries", 2), ("tresorerie", 4), ("business", 3),
        ("visibilite", 4), ("visible", 3), ("google", 1.5), ("avis google", 4), ("presence en ligne", 4),
        ("ma boutique", 4.5), ("mon commerce", 4.5), ("mon entreprise", 2.5), ("mes clients", 4),
        ("ma societe", 4), ("mon magasin", 4.5), ("mon restaurant", 4), ("ma boulangerie", 4),
        ("mon salon", 3), ("vendre mes produits", 5), ("mes produits", 3.5), ("nouveaux clients", 4),
        ("vendre", 3), ("immatricul*", 3.5), ("pour une boutique", 4.5), ("pour un commerce", 4.5),
        ("pour mon commerce", 4.5), ("pour ma boutique", 4.5), ("pour mon entreprise", 4.5),
        ("pour mon activite", 4.5), ("pour un restaurant", 4.5), ("pour mon restaurant", 4.5),
        ("pour une entreprise", 4.5), ("pour ma societe", 4.5), ("pour une tpe", 4.5), ("pour ma tpe", 4.5),
        ("pour une pme", 4.5), ("pour les tpe", 4.5), ("pour les pme", 4.5), ("catalogue", 3), ("facebook shop", 4),
        ("instagram shopping", 4), ("creer* sa boite", 5), ("creer* ma boite", 5), ("monter sa boite", 5),
        ("leboncoin pro", 4.5), ("le bon coin pro", 4.5), ("vinted pro", 4.5), ("page facebook pro", 4.5),
        ("facebook pro", 4),
        ("instagram pro", 4),
        ("airbnb", 4), ("booking", 3.5), ("mes gites", 4), ("pour mes gites", 4.5), ("ma marque", 3.5),
        ("lancer* leur boite", 5), ("lancer* leur entreprise", 5),
        ("creer* leur entreprise", 5),
        *((phrase, 3.5) for phrase in OWNED_BUSINESS_PHRASES),
        *((f"d {a} {noun}", 4.5) for _, a, noun in OWN_BUSINESSES), ("visuel* pro", 4.5), ("vends", 3),
        ("je vends", 3.5), ("accepter la carte bancaire", 4.5), ("accepter les paiements", 4.5),
        ("paiement par carte", 4),
        *((f"pour {own} {noun}", 4.5) for own, _, noun in OWN_BUSINESSES),
        *((f"pour {a} {noun}", 4.5) for _, a, noun in OWN_BUSINESSES), ("food truck", 4),
        *((phrase, 3.5) for phrase in RUN_BUSINESS_PHRASES), *((phrase, 4.5) for phrase in START_BUSINESS_PHRASES),
        *((phrase, 4.5) for phrase in START_INFINITIVES),
        ("reservation*", 2), ("reservable*", 3.5), ("page facebook", 3), ("promouvoir", 4), ("faire de la pub*", 4),
        ("publicite*", 3), ("commandes! en ligne", 3.5), ("prendre les commandes", 4), ("prise de commande*", 4),
        ("gerer le site", 4), ("gerer notre site", 4), ("gerer mon site", 4), ("gerer son site", 4),
        ("publier une offre*", 5), ("publier des offres", 5), ("publier l annonce", 5), ("diffuser une offre*", 5),
        ("deposer une offre*", 5), ("recruter", 3.5), *((phrase, 3) for phrase in OWN_ACCOUNT), ("business plan", 5),
        ("plan d affaires", 5),
        ("etude de marche", 4), ("en faire mon activite", 4), ("en faire son activite", 4), ("tripadvisor", 4),
        ("uber eats", 4), ("deliveroo", 4), ("etsy", 4), ("chorus pro", 5),
        ("logiciel de gestion", 4), ("gestion des stocks", 4), ("sans contact", 3), ("terminal", 2.5), ("tpe!", 1.5),
        ("agenda partage*", 3.5), ("fiche* de paie", 4), ("bulletin* de paie", 4), ("appels d offres", 4.5),
        ("marches publics", 4), ("en! creation d entreprise", 4),
    ],
}

#: Words that only hide themselves: a job or a phrase that would otherwise look like a need.
NEUTRAL: Final[tuple[str, ...]] = (
    "conseiller en insertion", "conseillere en insertion", "conseiller d insertion", "travailleur social",
    "travailleuse sociale", "assistant social", "assistante sociale", "assistante de service social",
    "educateur", "educatrice", "conseiller numerique", "conseillere numerique", "mediateur numerique",
    "mediatrice numerique", "jeune entreprise", "en ligne", "sur internet", "par internet",
    "lieu de mediation numerique", "espace numerique", "espace public numerique", "numerique en commun",
    "fete de l internet", "grande ecole du numerique", "suis retraite", "suis retraitee", "suis a la retraite",
    "jeune retraite", "jeune retraitee", "les retraites", "des retraites", "conseiller* france travail",
    "conseillere* france travail", "conseiller* pole emploi", "conseillere* pole emploi", "aide a domicile",
    "demandeur* d emploi", "demandeuse* d emploi", "numero de telephone", "numero de tel", "t a programme",
    "vous a programme", "qui es tu", "tu es qui",
    "mes parents", "ses parents", "nos parents", "leurs parents",
    "code de la route", "code postal", "code pin", "code promo",
    "chambre de commerce", "chambre des metiers", "chambre de metiers", "chambre d agriculture", "cci", "cma",
    "agence france travail", "agence pole emploi", "conseiller* en creation", "conseillere* en creation",
    "conseiller* a la creation", "ai l impression", "a l impression", "l impression que",
    *(f"{shop} {second}" for shop in ("boutique*", "magasin*", "vetements", "depot*", "commerce*")
      for second in ("de seconde main", "d occasion")), "depot vente", "friperie",
)

#: Audience patterns (presence is enough). `weak` ones drop when a stronger audience says otherwise.
AUDIENCES: Final[dict[str, list[str]]] = {
    "createurs-entreprise": [
        "createur*", "creatrice*", "porteur* de projet", "porteuse* de projet", "porteur* d un projet",
        "viens de creer", "viens de lancer", "viens de monter", "viens d ouvrir", "lance mon entreprise",
        "lance mon activite", "lance ma boite", "lancer mon entreprise", "lancer mon activite",
        "lancer ma boite", "monte mon entreprise", "monter mon entreprise", "monter ma boite",
        "cree mon entreprise", "creer mon entreprise", "creer ma boite", "creer mon activite",
        "creation de mon entreprise", "creation de ma boite", "future entreprise", "futur entreprise",
        "mon projet d entreprise", "mon projet de creation", "ai un projet de creation", "ai un projet d entreprise",
        "ai un projet de creer", "en creation", "me lancer",
        "m installer a! mon compte", "me mettre a mon compte", "m installer en! liberal", "m installer comme",
        "ouvrir mon commerce", *START_BUSINESS_PHRASES,
        "creer mon auto entreprise", "creer ma micro entreprise", "creer mon autoentreprise", "creer ma societe",
        "lancer ma micro entreprise", "lance ma micro entreprise", "monter ma micro entreprise",
        "creer ma petite entreprise", "ouvrir mon entreprise", "lance* mon auto entreprise",
        "lance* ma micro entreprise", "lance* mon autoentreprise", "lance* ma societe", "lance* mon commerce",
        "nouvelle entreprise", "jeune createur*", "creent leur entreprise", "creent leur activite",
        "lancer leur boite", "lancer leur entreprise",
        "lancer leur activite", "creer leur entreprise", "creer leur activite",
        "lancent leur entreprise", "lancent leur activite", "creer entreprise*", "creer micro entreprise*",
        "creer auto entreprise*", "creer autoentreprise*", "creer societe", "creer boite", "monter entreprise*",
        "monter micro entreprise*", "lancer micro entreprise*", "lancer auto entreprise*", "ouvrir entreprise*",
        "ouvrir micro entreprise*",
        "arce", "acre", "demarre comme", "je demarre", "debute comme", "je debute mon", "commence comme", "je me lance",
        "vient de se lancer", "viens de m installer", "vient de s installer",
        "viens de me lancer", "demarre son activite", "demarrer son activite",
        "demarre mon activite", "lancer son activite", "lance son activite", "creer son activite",
        "ouvrir ma boutique", "creer ma micro", "demarrer mon activite", "debut d activite",
        "me mettre auto entrepreneur*", "monte! mon projet", "je monte mon projet", "me declarer auto entrepreneur*",
        "me declarer en auto entrepreneur*",
        "me declarer micro entrepreneur*", "me declarer en micro entrepreneur*", "lancer mon business",
        "lancer mon biz",
        "monter mon business", "lance! ma marque", "lancer ma marque", "creer ma marque",
        "me mettre en auto entrepreneur*", "me mettre micro entrepreneur*",
        "me mettre en micro entrepreneur*", "devenir auto entrepreneur*", "devenir micro entrepreneur*",
        "passer auto entrepreneur*", "passer micro entrepreneur*", "devenu auto entrepreneur*",
        "devenue auto entrepreneuse*", "on lance", "lancons", "on ouvre", "ouvrons",
        "m immatricul*", "viens de m immatriculer", "vien* d immatriculer",
        *(f"{act} {what}" for act in ("creation de", "immatriculation de", "lancement de", "ouverture de",
        "immatricul*")
          for what in ("mon entreprise", "ma micro entreprise", "mon auto entreprise", "ma societe", "mon activite",
                       "ma boite", "mon commerce", "ma boutique", "mon autoentreprise")),
        *(f"{verb} {own} {noun}" for verb in ("cree!", "monte!", "lance!",
        "ouvre!") for own, _, noun in OWN_BUSINESSES),
        *(f"{verb} {what}" for verb in ("cree!", "monte!", "lance!")
          for what in ("mon auto entreprise", "ma micro entreprise", "mon autoentreprise", "ma societe",
                       "mon activite", "ma boite", "mon commerce", "ma boutique", "ma sarl", "ma sas", "ma sasu",
                       "mon eurl")),
        *(f"{verb} {what}" for verb in ("ouvre!", "ouvrent!", "lance!", "lancent!", "cree!", "creent!", "monte!")
          for what in ("une! boutique", "un! commerce", "un! restaurant", "un! magasin", "un! salon", "une! entreprise",
                       "un! food truck", "une! activite", "un! cafe", "une! epicerie", "une! boulangerie", "un! bar",
                       "un! snack", "un! gite", "un! cabinet", "une! societe", "sa boutique", "son commerce",
                       "son entreprise", "son activite", "sa societe", "son restaurant", "son magasin",
                       "son salon", "notre")),
    ],
    "tpe-pme": [
        "artisan*", "commercant*", "gerant*", "gerante*", "chef* d entreprise", "cheffe* d entreprise",
        "dirigeant*", "tpe", "pme", "association employeuse", "mon commerce", "ma boutique", "mon magasin",
        "mon restaurant", "ma boulangerie", "mon salon", "mon cabinet", "mon garage", "ma societe",
        "ma petite entreprise", "mes salaries", "mes employes", "restaurateur",
        "suis plombier", "suis electricien", "suis menuisier", "suis macon", "suis coiffeur*",
        "suis boulanger*", "suis patissier*", "suis boucher*", "suis fleuriste", "suis carreleur",
        "suis couvreur", "suis charpentier", "suis ebeniste", "suis serrurier", "suis garagiste",
        "suis mecanicien*", "suis estheticienne", "suis traiteur", "suis peintre en batiment",
        "suis paysagiste", "suis chauffagiste", "suis agriculteur*", "suis viticult*", "suis maraich*",
        "suis commercant*", "suis patron*", "suis le patron", "suis la patronne", "patron d un",
        "patronne d un", "patron d une", "patronne d une", "patron de", "patronne de", "suis souffleur*",
        "suis potier*",
        "suis ceramiste", "suis bijoutier*", "suis couturier*", "suis couturiere", "suis tapissier*", "suis luthier",
        "suis forgeron", "suis photographe", "suis graphiste", "suis apiculteur*", "suis brasseur*", "suis vigneron*",
        "suis fromager*", "suis caviste", "suis taxi", "suis chauffeur vtc", "suis artisan*", "mon entreprise",
        "notre entreprise", "mon auto entreprise", "ma micro entreprise",
        "mon exploitation", "mon hotel", "mon gite", "ma ferme", "mon atelier de", "je tiens un!", "je tiens une!",
        "je gere un!", "je gere une!", "mon camping", "mes chambres d hote*", "mon bar", "mon snack",
        "mon institut",
        "micro entrepreneur*", "micro entrepreneuse*", "auto entrepreneur*", "auto entrepreneuse*",
        "autoentrepreneur*", "ai une petite entreprise", "ai une entreprise", "ai un commerce", "ai une boutique",
        "ai une societe", "petites! entreprises!", "petits commerces!", "petits commercants",
        *OWNED_BUSINESS_PHRASES, *(f"ai {a} {noun}" for _, a, noun in OWN_BUSINESSES),
        *(f"ai {a} petit* {noun}" for _, a, noun in OWN_BUSINESSES),
        *(f"tiens {a} {noun}" for _, a, noun in OWN_BUSINESSES), *RUN_BUSINESS_PHRASES,
        *(f"suis {trade}" for trade in TRADES), *(f"{trade} {mark}" for trade in TRADES
                                                  for mark in ("a domicile", "depuis")),
        "groupement d employeurs", *(f"suis {liberal}" for liberal in LIBERAL),
        "createur* de bijoux", "creatrice* de bijoux", "createur* de mode", "creatrice* de mode",
        "chef* d une! entreprise", "chef* d une! petite entreprise", "cheffe* d une! entreprise",
        "cheffe* d une! petite entreprise", "vends au marche", "vends sur le marche", "vends sur les marches",
        "vends des legumes", "vends mes legumes", "vends des fruits", "vends mes fruits", "vend* au marche",
        "vend* sur les marches", "on vend", "nous vendons",
    ],
    "demandeurs-emploi": [
        "chomage", "chomeur*", "chomeuse*", "demandeur* d emploi", "demandeuse* d emploi", "sans emploi",
        "sans travail", "sans boulot", "cherche du travail", "cherche un travail", "cherche un emploi",
        "cherche du boulot", "cherche un boulot", "cherche un job", "recherche un emploi",
        "recherche du travail", "recherche un travail", "suis en recherche d emploi",
        "suis en recherche de travail", "inscrit* a pole emploi", "inscrit* a france travail",
        "inscrite* a pole emploi", "inscrite* a france travail", "mon dossier france travail",
        "mon dossier pole emploi", "mon conseiller france travail", "mon conseiller pole emploi",
        "ma conseillere france travail", "ma conseillere pole emploi", "licencie*", "perdu mon emploi",
        "perdu mon travail", "perdu mon boulot", "fin de contrat", "en recherche d emploi", "perdre mon emploi",
        "perdre mon travail", "perdre mon boulot", "viens de perdre", "m actualiser", "mon actualisation",
        "actualis* france travail",
        "actualis* pole emploi", "actualisation mensuelle", "ma situation france travail",
        "fin de droits", "mes demarches pole emploi", "radie* de france travail", "radie* de pole emploi",
        "situation france travail", "situation pole emploi",
        "mes demarches france travail", "inscription a france travail",
        "inscription a pole emploi", "inscription france travail", "inscription pole emploi", "m a radie", "m a radiee",
        "suis radie*", "cherche mon premier job",
        "cherche mon premier emploi", "cherche un premier emploi",
        "cherche* un premier job",
        "mon espace france travail", "m inscrire a france travail", "m inscrire a pole emploi",
        "mon attestation* france travail", "mes attestation* france travail", "mon attestation* pole emploi",
        "mes attestation* pole emploi", "mon compte france travail", "mon compte pole emploi",
        "mon inscription a france travail", "mon inscription a pole emploi",
        *(f"cherche* un petit* {work}" for work in ("emploi", "boulot", "travail", "job")),
    ],
    "beneficiaires-rsa": ["rsa", "minima sociaux", "minimum social", "allocataire* du rsa",
                          "beneficiaire* du rsa", "revenu de solidarite"],
    "jeunes": ["jeune", "jeunes", "jeune diplome*", "jeunes diplome*", "mission locale", "16 25 ans", "16 a 25 ans",
    "moins de 26 ans",
               "moins de 25 ans", "18 25 ans", "jeune majeur*"],
    "etudiants": ["etudiant*", "etudiante*", "la fac", "en fac", "ma fac", "universite", "suis en licence",
                  "suis en master", "mes etudes", "ses etudes", "suis en bts", "suis en but", "suis en iut",
                  "en premiere annee", "en l1", "en l2",
                  "en l3", "en m1", "en m2", "ma bourse etudiante", "ma demande de bourse etudiante"],
    "familles": ["parent", "parents", "jeunes parents", "jeune parent", "jeune maman", "jeune papa", "mes enfants",
    "mon enfant", "mes enfant", "nos enfants",
                 "mon fils", "ma fille", "mes fils", "mes filles", "famille*", "enfant*", "bebe",
                 "mon ado", "mes ados", "suis maman", "suis papa", "maman solo", "papa solo", "maman de", "papa de",
                 "une maman", "un papa",
                 "mamans", "papas", "mere de famille", "pere de famille",
                 "mes gamins", "mes petits", "nos ados"],
    "seniors": ["suis retraite*", "suis a la retraite", "pere retraite", "mere retraitee", "mari retraite",
                "femme retraitee", "parents retraites", "voisin retraite", "voisine retraitee", "est retraite!",
                "sont retraites!", "est retraitee!", "retraitee!", "retraitees!", "retraites!",
                "un retraite!", "une retraitee!", "les retraites!", "personne* agee*", "senior*",
                "3eme age", "troisieme age", "retraite depuis", "retraitee depuis", "retraites depuis",
                "vieilles personnes", "pour les vieux", "aux vieux", "dame agee",
                "monsieur age",
                "homme age", "femme agee", "parents ages", "parents agees", "agees!", "personnes vieillissantes",
                "3e age",
                "grand mere", "grand pere", "grands parents",
                "grand parent", "papy", "papi", "mamie", "mamy", "aines!", "ehpad", "residence autonomie",
                "residence* senior*", "maison de retraite", "foyer logement",
                "est a la retraite", "sont a la retraite", "agriculteur* a la retraite", "artisan a la retraite",
                "habitants ages", "usagers ages", "residents ages", "personnes ages", "gens ages", "hommes ages",
                "petit* enfant*", "petite fille", "petit fils", "petites filles"],
    "femmes": ["femmes", "suis une femme", "suis femme", "entre femmes", "feminin*", "en tant que femme", "non mixte",
               "femme victime*", "victime* de violences conjugales"],
    "handicap": ["handicap*", "sourd*", "malentendant*", "mal entendant*", "malvoyant*", "mal voyant*",
                 "aveugle*", "non voyant*", "fauteuil*", "pmr", "mobilite reduite", "autis*",
                 "trisomi*", "langue des signes", "lsf", "deficien*", "paralys*", "dyslexi*",
                 "troubles cognitifs", "en situation de handicap"],
    "allophones": ["parle pas francais", "parle pas bien francais", "parle pas le francais",
                   "parle mal francais", "parle mal le francais", "parle peu francais",
                   "parle peu le francais", "parle pas bien le francais", "comprend pas le francais",
                   "comprend pas francais", "parlent pas francais", "parlent pas le francais",
                   "refugie*", "allophone*", "fle", "francais langue etrangere", "migrant*",
                   "demandeur* d asile", "exile*", "primo arrivant*", "apprendre le francais", "apprennent le francais",
                   "apprend le francais", "apprends le francais", "cours de francais", "personne parle francais",
                   "personne ne parle francais", "parlons pas francais", "nouvel arrivant en france",
                   "nouvelle arrivante en france",
                   *(f"parl* {que} {language}" for que in ("que", "qu", "seulement", "uniquement")
                     for language in LANGUAGES),
                   "non francophone*", "pas francophone", "parl* pas francais", "parl* pas bien francais",
                   "parl* mal francais", "parl* presque pas francais", "parl* presque pas le francais",
                   "parl* tres peu francais", "parl* tres peu le francais", "parl* peu francais", "parl* seulement",
                   "parl* uniquement",
                   "parl* que anglais", "parl* que arabe", "anglophone*", "arabophone*", "comprend* mal francais",
                   "maitrise* pas francais", "maitrise* mal francais", "francais hesitant", "francais approximatif",
                   "francais limite", "francais est hesitant", "pas bien le francais", "pas bien francais",
                   "pas tres bien le francais", "pas tres bien francais", "pas encore bien le francais"],
    "illettrisme": ["illettr*", "analphabet*", "sait pas lire", "sait ni lire", "sais pas lire",
                    "sais ni lire", "savent pas lire", "sait pas ecrire", "sais pas ecrire", "lit pas",
                    "pas lire ni ecrire", "difficulte* a lire", "difficulte* avec la lecture",
                    "difficultes de lecture", "apprendre a lire", "savent a peine lire", "sait a peine lire",
                    "sais a peine lire", "alphabetisation", "savent pas ecrire", "ne sait pas ecrire",
                    "lire et ecrire", "lis tres mal", "lis mal",
                    "lit mal",
                    "lit tres mal", "lisent mal", "ecris mal", "ecrit mal", "sais pas bien lire", "lis difficilement"],
}

#: Audience patterns that give way when a stronger audience is found (creators own their company).
WEAK_AUDIENCES: Final[dict[str, tuple[str, frozenset[str]]]] = {
    "mon entreprise": ("tpe-pme", frozenset({"createurs-entreprise"})),
    "notre entreprise": ("tpe-pme", frozenset({"createurs-entreprise"})),
    "mon auto entreprise": ("tpe-pme", frozenset({"createurs-entreprise"})),
    "ma micro entreprise": ("tpe-pme", frozenset({"createurs-entreprise"})),
    "ma boutique": ("tpe-pme", frozenset({"createurs-entreprise"})),
    "mon commerce": ("tpe-pme", frozenset({"createurs-entreprise"})),
    "enfant*": ("familles", frozenset({"seniors"})),
    "ma fille": ("familles", frozenset({"seniors"})),
    "mon fils": ("familles", frozenset({"seniors"})),
    "jeune": ("jeunes", frozenset({"createurs-entreprise", "tpe-pme"})),
    "mes enfants": ("familles", frozenset({"seniors"})),
    "parents": ("familles", frozenset({"seniors"})),
    "parent": ("familles", frozenset({"seniors"})),
    "mon enfant": ("familles", frozenset({"seniors"})),
    "nos enfants": ("familles", frozenset({"seniors"})),
    "petit* enfant*": ("seniors", frozenset({"jeunes", "familles"})),
    "petite fille": ("seniors", frozenset({"jeunes", "familles"})),
    "petit fils": ("seniors", frozenset({"jeunes", "familles"})),
    "micro entrepreneur*": ("tpe-pme", frozenset({"createurs-entreprise"})),
    "micro entrepreneuse*": ("tpe-pme", frozenset({"createurs-entreprise"})),
    "auto entrepreneur*": ("tpe-pme", frozenset({"createurs-entreprise"})),
    "auto entrepreneuse*": ("tpe-pme", frozenset({"createurs-entreprise"})),
    "autoentrepreneur*": ("tpe-pme", frozenset({"createurs-entreprise"})),
    **{own: ("tpe-pme", frozenset({"createurs-entreprise"})) for own in (
        "ma societe", "mon magasin", "mon restaurant", "ma boulangerie", "mon salon", "mon cabinet", "mon garage",
        "ma petite entreprise", "mon exploitation", "mon hotel", "mon gite", "ma ferme", "mon camping", "mon bar",
        "mon snack", "mon institut", "mon atelier de", *OWNED_BUSINESS_PHRASES)},
    **{f"suis {liberal}": ("tpe-pme", frozenset({FOR_SOMEONE_ELSE, "createurs-entreprise"})) for liberal in LIBERAL},
}

#: Phrases that look like an audience but are not one (a relative, a job, an object).
NOT_AUDIENCES: Final[tuple[str, ...]] = (
    "ma femme", "sa femme", "ta femme", "votre femme", "une femme de menage", "jeune entreprise",
    "jeunes entreprises", "dossier retraite", "demande de retraite", "ma retraite", "sa retraite",
    "depart a la retraite", "assurance retraite", "caisse de retraite", "pension de retraite",
    "controle parental", "mon conseiller", "travail a domicile", "ma famille", "sa famille", "leur famille",
    "leurs familles", "ta famille", "votre famille", "mes proches", "bourse etudiante", "bourses etudiantes",
    "logement etudiant", "carte etudiante", "job etudiant", "fini mes etudes", "demande de rsa", "demande rsa",
    "dossier rsa", "dossier de rsa", "eleve mes enfants", "elever mes enfants", "eleve* mes enfants",
    "creer* une boite mail", "creer* une boite email", "creer* ma boite mail", "creer* une boite aux lettres",
    "creer* une adresse mail", "portail famille", "lire mes mail*", "lire mes message*", "lire mes sms",
    "lire les message*", "lire mes courrier*", "lire un pdf", "lire mes email*",
    *(f"lire {own} {thing}" for own in ("ses", "les", "ces", "leurs", "son", "sa")
      for thing in ("mail*", "message*", "sms", "courrier*", "email*", "document*", "pdf")), "trouver un job etudiant",
    "trouver un job d ete", "cherche un job etudiant",
    "cherche un job d ete", "allocation adulte handicape",
    "allocation aux adultes handicapes", "nom de famille",
    "medecin de famille", "photo* de famille",
    "album de famille", "repas de famille", "livret de famille", "allocations familiales", "mes parents",
    "ses parents", "nos parents", "leurs parents", "montant du rsa", "conseiller* en creation",
    "conseillere* en creation", "ouvrir une! boutique en ligne", "ouvrir ma boutique en ligne",
    "ouvrir notre boutique en ligne", "creer une! boutique en ligne", "lancer une! boutique en ligne",
    "ouvrir un! site", "ouvrir une! page", "creer une! page",
)

#: Ages: a number of years after these words is the age of the person helped.
AGE_CUES: Final[frozenset[str]] = frozenset({"a", "ai", "as", "avons", "ont", "de", "age", "agee", "ages",
                                              "agees", "agé", "ans", "entre", "et", "plus", "moins",
                                              # « ma mère 82 ans »
                                              "mere", "pere", "fils", "fille", "voisin", "voisine", "mari", "oncle",
                                              "tante", "cousin", "cousine", "neveu", "niece", "frere", "soeur",
                                              "papa", "maman", "dame", "monsieur", "homme", "personne", "grand",
                                              "belle", "beau", "parrain", "marraine"})
AGE_BLOCKERS: Final[frozenset[str]] = frozenset({"depuis", "pendant", "durant", "dans", "il", "y", "ya"})
#: « mon ordinateur a 5 ans »: the age of a thing, not of a person.
AGE_OBJECTS: Final[tuple[str, ...]] = ("ordi", "pc", "scanner", "imprimante", "telephone", "tablette", "portable",
                                       "box", "voiture", "compte", "ecran", "smartphone", "iphone", "mac", "machine",
                                       "appareil", "logiciel", "site", "entreprise", "societe", "commerce", "boutique",
                                       "activite", "maison", "cv", "dossier", "contrat", "abonnement", "forfait")
#: « depuis 3 jours », « il y a deux semaines »: a business this young is just starting.
RECENT_UNITS: Final[dict[str, int]] = {"jour": 99, "jours": 99, "semaine": 99, "semaines": 99, "sem": 99, "sems": 99,
                                        "mois": 6}

#: Words after which a place usually comes (« à Draguignan », « vers Berre », « j'habite Apt »).
PLACE_PREPOSITIONS: Final[dict[str, float]] = {
    "a": 3.0, "au": 2.0, "aux": 2.0, "vers": 3.0, "sur": 2.0, "pres": 3.0, "de": 1.5, "d": 1.5,
    "dans": 2.0, "habite": 3.0, "habitons": 3.0, "vis": 2.0, "secteur": 3.0, "cote": 2.0, "autour": 3.0,
    "region": 2.0, "commune": 3.0, "ville": 3.0, "en": 1.0, "du": 1.0, "quartier": 2.5, "proche": 3.0,
    "alentours": 3.0, "environs": 3.0, "par": 1.0, "pour": 0.5, "sis": 2.0, "situe": 2.0, "situee": 2.0,
    "coin": 2.0, "entre": 1.5, "et": 0.3, "ou": 0.5, "le": 0.3, "la": 0.3, "les": 0.3, "l": 0.3,
}

#: Words before a département code (« dans le 34 », « département 83 »).
DEPARTEMENT_CUES: Final[frozenset[str]] = frozenset(
    {"le", "du", "departement", "dept", "dpt", "dep", "dans", "en", "au"}
)

#: Words that name a kind of lieu (« l'EPN de Martigues ») and make a question a lieu search.
LIEU_WORDS: Final[tuple[str, ...]] = (
    "epn", "france services", "maison france services", "mediatheque", "bibliotheque", "centre social",
    "mjc", "maison de quartier", "cyberbase", "cyber base", "fablab", "tiers lieu", "pimms", "ccas",
    "maison des services", "point numerique", "espace numerique", "espace public numerique",
    "cyber centre", "cybercentre", "maison de l emploi", "relais", "la poste", "mairie annexe",
    "centre culturel", "ludotheque", "cite des metiers", "emmaus connect", "maison du numerique",
)

#: Looking for work, said in the first person (« je veux trouver du travail »), makes the asker a
#: job seeker; said in general (« une formation pour trouver un emploi ») it is only a topic.
FIRST_PERSON_JOB_SEARCH: Final = "~recherche-emploi"
JOB_SEARCH: Final[tuple[str, ...]] = (
    "trouver du travail", "trouver un travail", "trouver un emploi", "trouver du boulot", "trouver un boulot",
    "trouver un job", "premier emploi", "cherche du travail", "retrouver un emploi", "retrouver du travail",
    "retrouver un travail",
    "reprendre un travail", "reprendre une activite", "reprendre un emploi", "recherche d emploi",
    "recherches d emploi", "chercher du travail", "chercher un emploi", "premier job",
)
FIRST_PERSON: Final = frozenset({"je", "j", "m", "moi", "me", "mon", "ma", "mes"})

#: Words that together name an audience (an association that employs people is a small employer).
COMBOS: Final[tuple[tuple[tuple[str, ...], str], ...]] = (
    (("associ", "salari"), "tpe-pme"),
    (("associ", "employe"), "tpe-pme"),
    (("asso", "salari"), "tpe-pme"),
    (("inscrit", "travail"), "demandeurs-emploi"),
    (("inscrit", "pole"), "demandeurs-emploi"),
)

#: The audience said makes its own need more likely when the text already hints at it.
AUDIENCE_NEEDS: Final[dict[str, str]] = {
    "familles": "parentalite",
    "tpe-pme": "entreprise",
    "createurs-entreprise": "entreprise",
}
AUDIENCE_BOOST: Final = 1.5
#: A cue this strong (« rançongiciel », « cyberattaque ») decides the need: the audience's boost
#: never lifts a weaker-cued need above it.
DECISIVE_WEIGHT: Final = 5.0
#: Below this score a need is noise (« mairie » alone, « numérique » alone).
MIN_NEED_SCORE: Final = 1.0

#: Everyday places that are also (parts of) commune names: in lower case they are never the place
#: asked about (« à côté de la gare », « je suis à la maison », « ma mère est à l'hôpital »).
NOT_PLACES: Final[frozenset[str]] = frozenset({
    "coin", "maison", "hopital", "gare", "poste", "ecole", "college", "lycee", "mairie", "banque", "plage", "mer",
    "montagne", "campagne", "cote", "bureau", "travail", "fac", "ville", "retraite", "caf", "prefecture",
    "bibliotheque", "mediatheque", "boulangerie", "piscine", "fin", "main", "place", "domicile", "rue",
    "centre", "sortie", "porte", "foyer", "eglise", "marche", "port", "parc", "cite", "quartier", "village",
    "bourg", "chateau", "moulin", "ferme", "pont", "source", "fontaine", "plaine", "vallee", "lac",
    "jour", "pied", "distance", "temps", "vie", "part", "peine", "fond", "moitie", "nouveau", "cause", "propos",
    "travers", "priori", "vendre", "louer", "droite", "gauche", "terme", "court", "long", "jamais", "bientot",
    "demain", "present", "tort", "raison", "aide", "heure", "ecoute", "mesure", "volonte", "avance", "etranger",
    "usage", "cheval", "velo", "bord", "table", "point", "niveau", "tour", "suite", "fois", "lettre", "minute",
    "alo",  # « allô » in SMS, not Alo of Wallis-et-Futuna
})

#: What an audience asks for when the text asks for help and names no other need: a business owner
#: about their business, a job seeker about finding work.
AUDIENCE_DEFAULT_NEEDS: Final[dict[str, str]] = {
    "createurs-entreprise": "entreprise", "tpe-pme": "entreprise", "demandeurs-emploi": "insertion-pro",
}
#: Words that make a text a request for help (for `AUDIENCE_DEFAULT_NEEDS`).
HELP_WORDS: Final = frozenset({"comment", "aide", "aider", "aidez", "besoin", "accompagnement", "accompagner",
                               "atelier", "ateliers", "formation", "conseil", "conseils", "ligne", "numerique",
                               "internet", "outil", "outils", "apprendre", "mettre", "place", "voudrais",
                               "voudrait", "veux", "veut", "souhaite", "cherche"})

#: « depuis peu », « tout juste »: a beginning, which makes a business owner a creator.
JUST_STARTED: Final[tuple[str, ...]] = (
    "depuis hier", "depuis peu", "depuis quelques jours", "depuis quelques semaines", "depuis une semaine",
    "depuis ce matin", "depuis un mois", "tout juste", "fraichement", "nouvelle*", "nouveau", "debut*",
    "depuis janvier", "depuis fevrier", "depuis mars", "depuis avril", "depuis mai", "depuis juin", "depuis juillet",
    "depuis aout", "depuis septembre", "depuis octobre", "depuis novembre", "depuis decembre", "veu* ouvrir",
    "qui demarre", "qui debute", "mois prochain", "semaine prochaine", "annee prochaine", "prochainement",
    "je lance", "que je lance", "je commence", "commence tout juste", "vien* de commencer", "qui se lance",
    "qui vient d ouvrir", "qui ouvre", "je m installe", "m installe!", "lancee*", "lance* ce mois",
    "ouvert* ce mois", "ouverte* ce mois",
    "voudrai* ouvrir", "vais ouvrir", "souhait* ouvrir", "projet d ouvrir",
)
JUST_STARTED_MARK: Final = "~debut"
#: Word beginnings that make the text about one's own business.
BUSINESS_WORDS: Final[tuple[str, ...]] = ("entrepr", "activite", "societe", "commerce", "boutique", "autoentrepr",
                                          "client", "salon", "restaurant", "magasin", "atelier de", "truck", "compta",
                                          "factur", "caisse", "commer", "artisan", "epicerie", "boulangerie", "gite",
                                          "snack", "traiteur")
BUSINESS_EXACT: Final = frozenset({"pro", "professionnel", "professionnelle", "onglerie", "institut"})

#: Needs that two cues say together: a price word next to a device is buying cheap equipment.
NEED_COMBOS: Final[tuple[tuple[tuple[str, ...], tuple[str, ...], str, float], ...]] = (
    (("ordinateur", "pc", "tablette", "telephone", "smartphone", "portable", "materiel", "imprimante"),
     ("pas cher", "pas chere", "pas chers", "moins cher", "petit prix", "petits prix", "bas prix", "low cost",
      "prix solidaire", "prix reduit", "solidaire", "acheter", "achat", "don!",
      "dons!", "euros", "euro"), "materiel-solidaire", 4.5),
    (("sms", "mail", "message", "appel", "courriel", "lien", "texto"),
     ("c vrai", "c est vrai", "bizarre", "suspect*", "louche", "c est grave", "fake"), "securite", 5.5),
    (("college", "ecole", "lycee", "eleve", "classe"), ("harcel*", "cyberharcelement", "cyber harcelement"),
     "parentalite", 4.5),
    (("tiktok", "instagram", "facebook", "youtube", "snapchat", "reseau", "twitter", "algorithm", "cloud", "donnees",
      "intelligence"), ("comprendre", "c est quoi", "explication*"), "culture-numerique", 3.5),
    (("ecran",), ("jeux video", "jeu video"), "parentalite", 4.0),
)

#: Need cues that only say who the person is (« artisan », « auto-entrepreneur », « porteur de
#: projet »): once that audience is found they weigh no more than this, so a need said in words
#: (« sécuriser nos mots de passe », « jamais utilisé d'ordinateur ») comes first.
STATUS_NEED_CUES: Final[frozenset[str]] = frozenset({
    "auto entrepreneur*", "autoentrepreneur*", "micro entrepr*", "entrepreneu*", "porteur* de projet",
    "createur* d entreprise", "creatrice* d entreprise", "tpe", "tpe!", "pme", "artisan*", "commercant*",
    "association employeuse", "independant*", "freelance", "en! creation d entreprise", "salaries", *OWN_ACCOUNT,
    *OWNED_BUSINESS_PHRASES, *RUN_BUSINESS_PHRASES,
})
STATUS_NEED_WEIGHT: Final = 2.0
#: Audiences that run or start a business.
BUSINESS_AUDIENCES: Final = frozenset({"createurs-entreprise", "tpe-pme"})

#: Cues of other needs that mean the business itself when the person helped runs or starts one
#: (« des vidéos pour mes clients sur TikTok », « Canva pour mes menus », « être sur les réseaux »).
BUSINESS_CONTEXT_CUES: Final[frozenset[str]] = frozenset({
    "reseaux sociaux", "reseaux", "reseau social", "facebook", "instagram", "tiktok", "youtube", "snapchat",
    "video*", "montage", "montage video", "monter les videos", "photo*", "photographi*", "canva", "graphisme",
    "affiche*", "logiciel*", "application*", "tableur", "excel", "signature* electronique*", "signer en ligne",
    "signer des documents", "commander! en ligne", "cloud", "stockage", "google drive", "annonce*", "vinted",
    "le bon coin", "leboncoin", "dessin*", "creati*", "blog*", "podcast*",
    "diaporama", "infographie", "modelisation",
})

#: How the person wants to be helped (the standard's `modalites_accompagnement`), from their words.
ACCOMPANIMENT: Final[dict[str, tuple[str, ...]]] = {
    "collectif": ("atelier*", "cours", "formation*", "initiation", "stage collectif", "en groupe", "collectif"),
    "individuel": ("individuel*", "seul a seul", "un rendez vous", "accompagnement personnalise",
                   "m accompagne*", "quelqu un pour m aider", "personnalise*"),
    "autonomie": ("libre acces", "libre service", "en autonomie", "sur place", "a disposition"),
    "distance": ("a distance", "par telephone", "en visio", "par visio"),
}

#: Words that open (or close) a follow-up in the same thread: « et pour la facturation ? », « aussi
#: la CAF », « la CAF aussi ? » ask a new need where the last question was.
FOLLOW_UP_OPENINGS: Final = frozenset({"et", "aussi", "pour", "sinon", "egalement", "idem", "pareil", "puis",
                                       "ensuite", "meme"})
FOLLOW_UP_CLOSINGS: Final = frozenset({"aussi", "egalement", "pareil", "idem"})
#: Thanks and leave-taking, answered briefly rather than « je n'ai pas compris » (« merci », « ok
#: super », « parfait, bonne journée »): every word of the message is one of these, one of
#: `THANKS_SIGNALS` at least.
THANKS_SIGNALS: Final = frozenset({"merci", "mercii", "merciii", "mrc", "mci", "thanks", "thx", "ok", "okay", "oki",
                                   "okok", "super", "parfait", "top", "genial", "cool", "nickel", "impeccable",
                                   "bravo", "revoir", "bye", "ciao", "journee", "soiree", "week", "entendu",
                                   "compris", "excellent", "formidable", "chouette", "extra", "topissime"})
THANKS_WORDS: Final = THANKS_SIGNALS | frozenset({
    "beaucoup", "bcp", "bien", "tres", "vraiment", "mille", "fois", "pour", "votre", "ton", "ta", "vos", "tes",
    "aide", "infos", "info", "information", "informations", "reponse", "reponses", "c", "est", "ca", "cela",
    "marche", "bonne", "bon", "fin", "de", "la", "le", "a", "au", "vous", "toi", "tout", "e", "et", "je", "vais",
    "voir", "regarder", "m", "en", "occuper", "y", "aller", "alors", "donc", "d", "accord", "oui", "ah", "oh",
    "bah", "ben", "trop", "encore", "plein", "ces", "ce", "cette", "plus", "tard",
    "demain", "bientot", "salut", "bonsoir", "bonjour", "madame", "monsieur", "l", "end", "coup", "main", "gentil",
    "sympa", "adorable", "parfaitement", "me", "suffit", "convient", "va",
})
