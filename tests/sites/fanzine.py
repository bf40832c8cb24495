"""A French computer fanzine of 2003, written by hand: 26 pages. Each article opens with
one centred line holding a kicker, the title and the writer, "Test de Glace Noire
par <a href="mailto:...">Hélène Marchal</a>", the way hand-made fanzines printed their
bylines; four writers sign 20 articles, two of them on one line ("par X et Y"). The
<title> is the article's own title; a contents page lists the articles."""

import random
from html import escape

from .pages import Raw, Site

WRITERS = ["Hélène Marchal", "Olivier Garnier", "Sophie Lambert", "Thierry Rouvière"]
KICKERS = ["Test de", "Labo :", "Dossier :", "Reportage :"]
SUBJECTS = [
    "Glace Noire",
    "Mosaïque 3",
    "PhotoVue",
    "Le Grand Tournoi",
    "Cartes Réseau",
    "Sauvegarde Facile",
    "Orbite Lente",
    "Musique en Boîte",
    "Pixel Rouge",
    "Le Petit Serveur",
    "Courrier Express",
    "Tempête de Sable",
    "Archives Vivantes",
    "Écran Double",
    "Clavier Muet",
    "Lumière Froide",
    "La Souris Verte",
    "Radio Libre",
    "Le Disque Dur",
    "Vieux Papiers",
]
SENTENCES = [
    "{s} arrive enfin chez nous après des mois d'attente.",
    "L'installation se fait en quelques minutes, sans mauvaise surprise.",
    "La documentation est claire, même pour un débutant.",
    "On regrette pourtant quelques lenteurs sur les machines modestes.",
    "Les auteurs promettent une mise à jour avant la fin de l'année.",
    "Le prix reste raisonnable pour ce qui est proposé.",
    "Nous l'avons essayé pendant trois semaines sur deux configurations.",
    "Les menus sont bien pensés et les raccourcis nombreux.",
    "Il manque encore une traduction complète de l'interface.",
    "Au final, {s} mérite largement sa place sur vos disques.",
]


def _page(title: str, body: str) -> str:
    return (
        "<html>\n <head>\n"
        f"  <title>{escape(title)}</title>\n"
        ' <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">\n'
        ' </head>\n<body bgcolor="#000000" text="#cccccc" link="#cccc33">\n'
        '<table align="center" width="760"><tr><td align="center">\n'
        '<a href="sommaire.html">Sommaire</a> | <a href="edito.html">Editorial</a> | '
        '<a href="apropos.html">A propos</a><br><br>\n'
        f'<table align="center" width="75%"><tr><td>\n{body}\n'
        '<br><br><div align="center"><a href="#top">Retour en haut</a> | '
        '<a href="sommaire.html">Retour au sommaire</a></div>\n'
        "</td></tr></table>\n</td></tr></table>\n</body>\n</html>\n"
    )


def _signed(names: list[str]) -> str:
    links = [
        f'<a href="mailto:{name.split()[0].lower()}@fanzine.example">{escape(name)}</a>'.replace(
            " ", "&nbsp;", 0
        )
        for name in names
    ]
    return "par&nbsp;" + " et ".join(links)


def build(seed: int = 6) -> Site:
    rng = random.Random(seed)
    site = Site(name="Octet Libre", template="handmade", language="fr", charset="iso-8859-1")
    entries = []
    for number, subject in enumerate(SUBJECTS):
        path = f"art{number + 1:02d}.html"
        kicker = KICKERS[number % len(KICKERS)]
        names = [WRITERS[number % len(WRITERS)]]
        if number % 7 == 6:
            names.append(WRITERS[(number + 1) % len(WRITERS)])
        sentences = rng.sample(SENTENCES, k=6)
        paragraphs = [
            " ".join(s.format(s=subject) for s in sentences[:3]),
            " ".join(s.format(s=subject) for s in sentences[3:]),
            f"Article numéro {number + 1} de notre numéro d'été, écrit pour {subject}.",
        ]
        head = (
            f'<div align="center"><font size="+3">{escape(kicker)} {escape(subject)} </font>'
            f"{_signed(names)}</div><br><br><br>\n"
        )
        body = head + "\n".join(f"{escape(p)}<br><br>" for p in paragraphs)
        site.add(
            Raw(
                path,
                _page(subject, body),
                {
                    "title": subject,
                    "headline": f"{kicker} {subject}",
                    "people": names,
                    "kind": "feature",
                },
            )
        )
        entries.append(f'<a href="{path}">{escape(kicker)} {escape(subject)}</a><br>')
    site.add(
        Raw("sommaire.html", _page("Sommaire", "\n".join(entries)), {"kind": "listing"}),
        Raw(
            "edito.html",
            _page(
                "Editorial",
                "Bienvenue dans ce numéro d'été, plus épais que jamais.<br><br>"
                "Merci à tous ceux qui nous ont écrit pendant l'hiver.",
            ),
            {"kind": "page"},
        ),
        Raw(
            "apropos.html",
            _page(
                "A propos",
                "Octet Libre est un fanzine gratuit écrit par des passionnés.<br><br>"
                "Vous pouvez le copier librement tant que rien n'est modifié.",
            ),
            {"kind": "page"},
        ),
        Raw(
            "index.html",
            _page("Octet Libre", '<a href="sommaire.html">Entrer</a>'),
            {"kind": "home"},
        ),
        Raw(
            "archives.html",
            _page("Archives", "Les anciens numéros sont sur le disque du mois dernier."),
            {"kind": "page"},
        ),
        Raw(
            "courrier.html",
            _page("Courrier", "Écrivez-nous, nous répondons à toutes les lettres."),
            {"kind": "page"},
        ),
    )
    return site
