"""A French disk magazine of 2004 in six issue folders, 36 pages, written by hand:
``zine31/Zine31/html/`` ... ``zine36/Zine36/html/``. Each page of an issue prints the
issue's nav as an image map (``<area>`` links: Sommaire, Editorial, A propos). Each issue
holds two signed articles, a short signed editorial, an unsigned page of classified ads
("Petites annonces", which reads as a plain page on its own), its "A propos" page and its
contents. One article quotes a film's credits ("Réalisation : ...") and reads as a film
review on its own, on a site that holds no film reviews.

What the importer must see: one template across the issue folders (one cluster, not
six); the ads pages are articles of the issue, not top-level pages (no nav links them),
a template of their own, filed as one with the reason noted, not flagged (no page of
theirs reads otherwise); the credits-like article is an article like the others, flagged; the
editorial, signed, is a short article; "A propos", which every page's nav links, is the
only plain page at the top."""

import random
from html import escape

from .pages import Raw, Site

ISSUES = range(31, 37)
WRITERS = ["Hélène Marchal", "Olivier Garnier", "Sophie Lambert", "Thierry Rouvière"]
SUBJECTS = [
    "Le Scanner à Main",
    "Modem Express",
    "Le Tableur Libre",
    "Vieilles Disquettes",
    "Le Clavier Français",
    "Une Tour pour Tous",
    "Sons et Modules",
    "Le Réseau Maison",
    "Images de Synthèse",
    "La Carte Accélératrice",
    "Le Lecteur de CD",
    "Programmer en C",
]
SENTENCES = [
    "{s} fait parler de lui depuis le dernier salon.",
    "Nous l'avons installé sur deux machines de la rédaction pendant un mois entier.",
    "La notice tient en vingt pages et se lit sans peine, même pour un débutant.",
    "Les premiers essais ont été encourageants, malgré quelques plantages au démarrage.",
    "Le distributeur nous promet une nouvelle version pour la rentrée.",
    "Son prix reste raisonnable si l'on compare avec ce qui se vend ailleurs.",
    "Les utilisateurs les plus anciens retrouveront vite leurs habitudes.",
    "Il faudra pourtant un peu de patience pour tout configurer correctement.",
    "La communauté a déjà publié plusieurs astuces sur les forums.",
    "Au bout du compte, {s} trouve sa place dans notre configuration.",
    "Nous reviendrons sur ce sujet dans un prochain numéro, avec vos remarques.",
    "Les lecteurs qui nous ont écrit partagent presque tous cet avis.",
]
ADS = [
    "Vends moniteur couleur en bon état, câble fourni. Contacter Marc.",
    "Cherche extension mémoire pour machine de bureau. Contacter Julie.",
    "Vends lot de revues anciennes, une trentaine de numéros. Contacter Paul.",
    "Recherche manuel du tableur en français, photocopie acceptée. Contacter Anne.",
    "Échange jeux sur disquettes contre lecteur externe. Contacter Louis.",
    "Vends souris optique et tapis assorti, très peu servis. Contacter Nina.",
]
ABOUT = [
    "Les articles restent la propriété de leurs auteurs, qui seuls en répondent.",
    "Pour nous écrire, utilisez l'adresse de la rédaction donnée dans le sommaire.",
    "Il faut une machine avec deux mégaoctets de mémoire pour lire ce numéro.",
    "Merci aux clubs qui distribuent le magazine dans leurs réunions mensuelles.",
]
FILM_ISSUE = 33  # the issue whose second article quotes a film's credits


def _page(issue: int, title: str, body: str) -> str:
    return (
        "<html>\n<head>\n"
        f"  <title>{escape(title)}</title>\n"
        '  <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">\n'
        '</head>\n<body bgcolor="#000033" text="#dddddd" link="#ffcc00">\n'
        f'<img src="../gfx/bandeau{issue}.gif" usemap="#nav" border="0" alt="">\n'
        '<map name="nav">\n'
        '  <area shape="rect" coords="0,0,60,20" href="sommaire.html" alt="Sommaire">\n'
        '  <area shape="rect" coords="70,0,150,20" href="edito.html" alt="Editorial">\n'
        '  <area shape="rect" coords="160,0,240,20" href="apropos.html" alt="A propos">\n'
        "</map>\n"
        f'<table align="center" width="80%"><tr><td>\n{body}\n'
        '<p align="center"><a href="#top">Retour en haut</a></p>\n'
        "</td></tr></table>\n</body>\n</html>\n"
    )


def _prose(rng: random.Random, subject: str, count: int) -> list[str]:
    return [
        " ".join(s.format(s=subject) for s in rng.sample(SENTENCES, k=5)) for _ in range(count)
    ]


def _signed_headline(title: str, writer: str) -> str:
    """The headline and its byline on one centred line, as hand-made fanzines print them."""
    name = escape(writer).replace(" ", "&nbsp;", 1)
    return (
        f'<div align="center"><font size="+2">{escape(title)} </font>'
        f'par&nbsp;<a href="mailto:redaction@zine.example">{name}</a></div><br>\n'
    )


def _article(rng: random.Random, subject: str, writer: str, credits: str = "") -> str:
    quoted = f"<p>{escape(credits)}</p>\n" if credits else ""
    paragraphs = _prose(rng, subject, 6)
    return (
        _signed_headline(subject, writer)
        + quoted
        + "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    )


def build(seed: int = 31) -> Site:
    rng = random.Random(seed)
    site = Site(name="Octet Bleu", template="handmade", language="fr", charset="iso-8859-1")
    subjects = iter(SUBJECTS)
    for issue in ISSUES:
        folder = f"zine{issue}/Zine{issue}/html"
        contents = []
        for number in (1, 2):
            subject = next(subjects)
            writer = WRITERS[(issue + number) % len(WRITERS)]
            credits = ""
            if issue == FILM_ISSUE and number == 2:
                credits = "Réalisation : Paul Verneuil. Avec : Anne Roux, Luc Morel. France, 1997."
            path = f"{folder}/z{issue}-article{number}.html"
            body = _article(rng, subject, writer, credits)
            expect = {"kind": "feature", "flagged": bool(credits), "top": False}
            site.add(Raw(path, _page(issue, subject, body), expect))
            contents.append(f'<a href="z{issue}-article{number}.html">{escape(subject)}</a><br>')
        ads = rng.sample(ADS, k=4)
        body = (
            '<p align="center"><font size="+2"><b>Petites annonces</b></font></p>\n'
            + "\n".join(f"<p>{escape(ad)}</p>" for ad in ads)
        )
        expect = {"kind": "feature", "flagged": False, "top": False}
        site.add(
            Raw(f"{folder}/z{issue}-annonces.html", _page(issue, "Petites annonces", body), expect)
        )
        contents.append(f'<a href="z{issue}-annonces.html">Petites annonces</a><br>')
        editorial = _signed_headline("Editorial", WRITERS[issue % len(WRITERS)]) + "\n".join(
            f"<p>{escape(p)}</p>" for p in _prose(rng, "Ce numéro", 2)
        )
        expect = {"kind": "feature", "flagged": False, "top": False}
        site.add(Raw(f"{folder}/edito.html", _page(issue, "Editorial", editorial), expect))
        about = (
            '<p align="center"><font size="+2"><b>A propos</b></font></p>\n'
            f"<p>Octet Bleu numéro {issue} est un magazine sur disquette, gratuit et "
            f"librement copiable, tiré cette fois à {issue * 40} exemplaires.</p>\n"
            f"<p>{escape(rng.choice(ABOUT))}</p>"
        )
        expect = {"kind": "page", "flagged": False, "top": True}
        site.add(Raw(f"{folder}/apropos.html", _page(issue, "A propos", about), expect))
        site.add(
            Raw(
                f"{folder}/sommaire.html",
                _page(issue, "Sommaire", "\n".join(contents)),
                {"kind": "listing"},
            )
        )
    return site
