"""A French e-zine of 2004 written by hand, three issues of 10 pages each (30 in all), one
folder per issue. Every article opens with one centred line, a kicker, its title and
its writers, "Point de vue : faut-il tout réécrire ? par Odile Ferrand", as hand-made
e-zines printed them. What makes the line hard to read is the title: it may end in "!"
or "?" before "par", hold the word "par" itself ("la Loire par monts et par vaux"), or
run long with two writers. Each issue opens with a short editorial (about 120 words)
signed the same way by the editor, and carries short news-like tests of 150 words: short
signed pieces are articles too. A contents page lists each issue's articles."""

from html import escape

from .pages import Raw, Site

EDITOR = "Odile Ferrand"
WRITERS = ["Bastien Mercier", "Lucie Aubrac", "Gaëtan Roussel", "Inès Delorme"]
# (kicker, title, writers by index in WRITERS): the lines that open the articles
ARTICLES = [
    [
        ("Point de vue", "faut-il tout réécrire ?", [0]),
        ("Test", "la Loire par monts et par vaux", [1]),
        ("Programmation", "Bonjour le monde !", [2]),
        (
            "En pratique",
            "copier ses vieilles disquettes sur une carte mémoire par le port parallèle",
            [3, 0],
        ),
        ("Test", "Marelle 2", [1]),
        ("Reportage", "la fête de Lyon", [2]),
    ],
    [
        ("Point de vue", "où va la scène ?", [3]),
        ("Test", "Paris par la petite porte", [0]),
        ("Atelier", "dessiner une icône !", [1]),
        (
            "En pratique",
            "remplacer le processeur par un modèle plus rapide sur la carte mère",
            [2],
        ),
        ("Test", "Coquelicot 1.2", [3]),
        ("Reportage", "une nuit à Rennes", [0, 1]),
    ],
    [
        ("Point de vue", "pourquoi encore écrire ?", [1]),
        ("Test", "le Rhône par le menu", [2]),
        ("Jeu", "Tempête !", [3]),
        (
            "En pratique",
            "graver un disque de sauvegarde avec un lecteur d'il y a dix ans",
            [0],
        ),
        ("Test", "Pivoine 3", [1]),
        ("Reportage", "trois jours à Lille", [2, 3]),
    ],
]
SENTENCES = [
    "Ce numéro arrive un peu en retard, mais il arrive, et c'est bien l'essentiel.",
    "Nous avons reçu beaucoup de courrier depuis le dernier numéro, merci à tous.",
    "Les pages qui suivent parlent de logiciels, de jeux et de rencontres.",
    "Si vous voulez écrire pour nous, il suffit de nous envoyer un message.",
    "Le prochain numéro sortira avant la fin de la saison, promis.",
    "L'installation se fait en quelques minutes sans la moindre difficulté.",
    "Le programme reste rapide même sur une machine modeste.",
    "La documentation est claire et les exemples sont nombreux.",
    "On regrette seulement l'absence de traduction pour le moment.",
    "Au final, c'est un bon choix pour qui veut débuter.",
    "Les auteurs promettent une nouvelle version pour l'année prochaine.",
    "Nous avons passé deux semaines à l'essayer dans tous les sens.",
]


def _page(title: str, body: str) -> str:
    return (
        "<html>\n <head>\n"
        f"  <title>{escape(title)}</title>\n"
        ' <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">\n'
        ' </head>\n<body bgcolor="#101010" text="#dddddd" link="#ddcc44">\n'
        '<table align="center" width="760"><tr><td align="center">\n'
        '<a href="sommaire.html">Sommaire</a> | <a href="edito.html">Edito</a><br><br>\n'
        f'<table align="center" width="80%"><tr><td>\n{body}\n'
        '<br><br><div align="center"><a href="sommaire.html">Retour au sommaire</a></div>\n'
        "</td></tr></table>\n</td></tr></table>\n</body>\n</html>\n"
    )


def _head(kicker: str, title: str, names: list[str]) -> str:
    writers = " et ".join(
        f'<a href="mailto:{name.split()[0].lower()}@ezine.example">'
        f"{escape(name).replace(' ', '&nbsp;')}</a>"
        for name in names
    )
    return (
        f'<div align="center"><font size="+3">{escape(kicker)}&nbsp;: '
        f"{escape(title).replace(' !', '&nbsp;!').replace(' ?', '&nbsp;?')} </font>"
        f"par&nbsp;{writers}</div><br><br><br>\n"
    )


def _text(seed: int, subject: str, sentences: int) -> str:
    """About 12 words a sentence: ``sentences`` of them, the subject named in the first."""
    chosen = [SENTENCES[(seed + 5 * n) % len(SENTENCES)] for n in range(sentences)]
    chosen[0] = f"Ce mois-ci : {subject}. {chosen[0]}"
    middle = len(chosen) // 2
    return (
        f"{escape(' '.join(chosen[:middle]))}<br><br>\n"
        f"{escape(' '.join(chosen[middle:]))} ({escape(subject)}, {seed}).<br><br>"
    )


TUNES = [
    ("Marée Basse", "Un module calme composé pour le générique du numéro."),
    ("Vent du Nord", "Des nappes de synthétiseur et une basse qui roule."),
    ("Ciel de Plomb", "Le thème sombre d'un jeu qui ne sortira jamais."),
    ("Grand Huit", "Quatre minutes de rythme pour finir la lecture."),
]


def _music_table(number: int) -> str:
    """The issue's tunes: a table whose header ends with "Commentaire", then rows opening
    with the tune's name linked to its module file (never a page, never a person)."""
    rows = "\n".join(
        f' <tr>\n  <td><a href="../music/{name.split()[0].lower()}{number}.mod">{escape(name)}'
        f"</a></td>\n  <td>Protracker (MOD)</td>\n  <td>{40 + 7 * place} Ko</td>\n"
        f"  <td>{escape(comment)} Numéro {number}.</td>\n </tr>"
        for place, (name, comment) in enumerate(TUNES[number % 2 :][:3])
    )
    return (
        '<div align="center"><font size="+3">Musiques </font></div><br><br><br>\n'
        '<table width="100%" border="1">\n <tr>\n'
        '  <td><div align="center"><b>Musique</b></div></td>\n'
        '  <td><div align="center"><b>Format</b></div></td>\n'
        '  <td><div align="center"><b>Taille</b></div></td>\n'
        '  <td><div align="center"><b>Commentaire</b></div></td>\n </tr>\n'
        f"{rows}\n</table>\n<br><br>\n"
        + " ".join(SENTENCES[(number + n) % len(SENTENCES)] for n in range(6))
        + "<br><br>"
    )


def build() -> Site:
    site = Site(name="Vieux Octets", template="handmade", language="fr", charset="iso-8859-1")
    for number, articles in enumerate(ARTICLES, start=37):
        folder = f"numero{number}"
        entries = []
        edito = _head("Edito", f"le numéro {number}", [EDITOR]).replace(
            "Edito&nbsp;: ", "Editorial "
        )
        site.add(
            Raw(
                f"{folder}/edito.html",
                _page("Editorial", edito + _text(number, f"le numéro {number}", 10)),
                {"people": [EDITOR], "kind": "feature", "short": True},
            )
        )
        for place, (kicker, title, writers) in enumerate(articles):
            names = [WRITERS[index] for index in writers]
            path = f"{folder}/article{place + 1}.html"
            short = kicker == "Test"
            body = _head(kicker, title, names) + _text(number + place, title, 12 if short else 36)
            site.add(
                Raw(
                    path,
                    _page(title, body),
                    {"people": names, "kind": "feature", "short": short, "headline": title},
                )
            )
            entries.append(f'<a href="article{place + 1}.html">{escape(title)}</a><br>')
        site.add(
            Raw(
                f"{folder}/musiques.html",
                _page("Musiques", _music_table(number)),
                {"people": [], "music": True},
            )
        )
        site.add(
            Raw(
                f"{folder}/sommaire.html",
                _page(f"Sommaire du numéro {number}", "\n".join(entries)),
                {"people": [], "kind": "listing"},
            ),
            Raw(
                f"{folder}/apropos.html",
                _page(
                    "A propos",
                    f"Vieux Octets est un e-zine gratuit, numéro {number}.<br><br>"
                    "Copiez-le librement tant que rien n'est modifié.",
                ),
                {"people": []},
            ),
        )
    return site
