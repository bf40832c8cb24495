"""A French webzine of 2003 written by hand, six issues of seven pages, 42 in all, one
folder per issue (``Modulaire11/html`` ...). Each issue has its contents page (each
article linked with a line about it), the editorial, three tests whose headline is set in a
large font and signed "par X" after it (no heading element: ``_test``), the readers'
chart (``_chart``: its number, set large, is the one line that tells the issues'
charts apart once digits are set aside), and the music
page: "Musiques par X", a table of the month's modules (the name a link to the module
file, its format, its size, a comment), then the same note on how to play them every
month. The music page links to files, not pages: it is a page of
its own, not an index, whatever the month's rows hold; the rows vary from two to four,
and the note's line breaks from one issue to the next, as hands wrote them.

Names, programs, modules and sentences are invented for this corpus.
"""

from html import escape

from .pages import Raw, Site

ISSUES = ["11", "12", "13", "14", "15", "16"]
WRITERS = ["Hélène Marchal", "Yannick Roussel", "Solène Vidal"]
MUSIC_WRITER = "Odile Garnier"
PROGRAMS = [
    "PixTrace 2",
    "Cartouche",
    "Rondeau",
    "Tramway 1.4",
    "Luciole",
    "Brocante",
    "Sextant",
    "Alambic 3",
    "Canopée",
    "Faïence",
    "Girouette",
    "Hublot",
    "Isba",
    "Jonquille",
    "Kayak 2",
    "Lampion",
    "Mascaret",
    "Nacelle",
]  # one for each test of the six issues: none is tested twice
MODULE_NAMES = [
    "Marée basse", "Cerf-volant", "Orage", "Brume", "Verglas", "Lanterne", "Sirocco",
    "Pavot", "Ricochet", "Mistral", "Carillon", "Aubépine", "Torrent", "Grésil", "Manège",
    "Falaise", "Boussole", "Éclipse", "Chardon", "Vigie", "Ressac", "Fougère", "Tonnerre",
    "Escale",
]  # fmt: skip
FORMATS = [
    ("xm", "Extended Module (XM)"),
    ("mod", "ProTracker (MOD)"),
    ("it", "Impulse Tracker (IT)"),
]
COMMENTS = [
    "Des nappes lentes pour les soirées d'hiver.",
    "Idéal pour danser dans le salon.",
    "Une basse lourde, des percussions sombres.",
    "Tout en douceur, avec une flûte discrète.",
    "Le piano y prend des accents jazz.",
    "On croirait entendre un orgue de barbarie.",
    "Quatre voies de sons de chip bien sentis.",
    "Très rythmé, pour coder tard la nuit.",
    "Une reprise libre d'un vieil air de marin.",
    "Le compositeur signe ici son premier module.",
    "Les violons samplés surprennent à chaque écoute.",
    "Un morceau court qui tourne en boucle sans lasser.",
    "La guitare électrique mène la danse.",
    "Les nostalgiques des jeux de plates-formes seront ravis.",
    "Une ambiance de forêt au petit matin.",
    "Des chœurs synthétiques et une batterie sèche.",
    "Le thème d'une démo primée l'an passé.",
    "Un hommage aux premiers trackers.",
    "Du funk, avec une basse qui claque.",
    "Une valse lente et mélancolique.",
    "La mer, le vent et quelques mouettes samplées.",
    "Un morceau d'ambiance pour lire tranquille.",
    "Des cuivres puissants et un final éclatant.",
    "Le plus long module de notre collection.",
]


def _modules(issue: int, count: int) -> list[tuple[str, str, str, str, str]]:
    """The month's modules: (name, suffix, format, size, comment), none of another month's."""
    found = []
    for n in range(count):
        number = issue * 4 + n
        suffix, fmt = FORMATS[number % len(FORMATS)]
        size = f"{37 + number * 29} Ko"
        found.append((MODULE_NAMES[number], suffix, fmt, size, COMMENTS[number]))
    return found


SENTENCES = [
    "{p} est arrivé à la rédaction quelques jours avant le bouclage de ce numéro.",
    "L'installation ne pose aucun problème et ne prend que quelques minutes.",
    "Avec peu de mémoire, le programme devient pourtant lent à l'usage.",
    "La documentation est courte mais claire, et suffit pour bien commencer.",
    "Nous l'avons utilisé tous les jours pendant trois semaines.",
    "Les raccourcis clavier nombreux rendent le travail agréable.",
    "L'auteur promet une nouvelle version avant la fin de l'année.",
    "Au final, {p} mérite sa place sur tous les disques durs.",
]
EDITO = [
    "Ce numéro arrive un peu tard, la faute aux vacances de toute l'équipe.",
    "Merci pour vos nombreux courriers, nous y répondons au fil des numéros.",
    "Deux nouveaux rédacteurs nous rejoignent ce mois-ci, bienvenue à eux.",
    "Le salon de l'automne approche et nous y serons avec un stand.",
    "La rédaction a changé d'adresse, pensez à mettre vos favoris à jour.",
    "Ce numéro fête nos deux ans, et nous en sommes fiers.",
]
HOW_TO = (
    "Deux possibilités s'offrent à vous : si votre navigateur sait jouer les modules, "
    "cliquez sur le nom de la musique pour l'écouter. Sinon, enregistrez le fichier et "
    "chargez-le dans votre lecteur favori, par exemple un lecteur de modules sous AmigaOS "
    "ou sous Linux, qui les joue tous sans peine."
)


# One month the music page carries a long note of its own, signed as the page is: it
# reads as a feature, where its template's other pages read as plain pages.
SPECIAL_ISSUE = 4
SPECIAL = [
    "Ce mois-ci, la rubrique change un peu de forme : au lieu de trois modules pris au "
    "hasard dans nos disques, nous avons demandé à un compositeur de la scène de nous "
    "raconter comment il travaille, de la première boucle au mixage final.",
    "Il compose sur un vieux portable posé sur la table de la cuisine, le plus souvent la "
    "nuit, quand la maison dort. Il commence toujours par la basse, puis cherche une "
    "mélodie qui tienne en quatre mesures, et n'ajoute les percussions qu'à la fin.",
    "Les échantillons viennent de partout : une porte qui grince, un verre qu'on frappe "
    "avec une cuillère, la radio d'un voisin. Il les nettoie longuement avant de les "
    "accorder, et garde tout dans des disquettes rangées par saison.",
]


def _page(title: str, body: str) -> str:
    return f"""<html><head><title>Modulaire - {escape(title)}</title></head>
<body bgcolor="#102030" text="#f0f0f0">
<table width="760" align="center"><tr><td>
<a href="sommaire.html">Sommaire</a> | <a href="edito.html">Edito</a> |
<a href="musiques.html">Musiques</a>
</td></tr><tr><td>
{body}
</td></tr></table>
<p align="center">Modulaire, le webzine des amateurs de musique et de logiciels.</p>
</body></html>
"""


def _paragraphs(texts: list[str]) -> str:
    return "\n".join(f"<p>{escape(text)}</p>" for text in texts)


LESSONS = ["les bases", "les réglages", "les astuces", "plus loin", "les scripts", "en réseau"]


def _test(issue: int, slot: int) -> tuple[str, str, str, str, dict]:
    """(file name, program, <title>, body, expect): the headline set large over its
    byline, as the hand did it: "Test de X" over the <title> "X" (a kicker over the page's
    name); "Dossier : X, le bilan", saying more than the <title> "X"; "Atelier : X - les
    bases" over the <title> "X - les bases" in the file named after X (the kicker goes,
    the <title> stays whole: no part of it names the site)."""
    program = PROGRAMS[(issue * 3 + slot) % len(PROGRAMS)]
    writer = WRITERS[(issue + slot) % len(WRITERS)]
    headline, head_title = [
        (f"Test de {program}", program),
        (f"Dossier : {program}, le bilan", program),
        (f"Atelier : {program} - {LESSONS[issue]}", f"{program} - {LESSONS[issue]}"),
    ][slot]
    texts = [s.format(p=program) for s in SENTENCES[slot:] + SENTENCES[:slot]]
    mail = writer.split()[0].lower().replace("è", "e").replace("é", "e")
    body = (
        f'<div align="center"><font size="+3">{escape(headline)} </font>par&nbsp;'
        f'<a href="mailto:{mail}@modulaire.example">{escape(writer)}</a></div><br><br>\n'
        f"{_paragraphs(texts)}"
    )
    title = {0: program, 1: headline, 2: head_title}[slot]
    name = f"test{slot + 1}.html" if slot < 2 else f"{program.split()[0].lower()}.html"
    return name, program, head_title, body, {"kind": "feature", "title": title, "people": [writer]}


def _music(issue: int) -> tuple[str, dict]:
    count = 2 + issue % 3  # two to four rows
    rows = _modules(issue, count)
    cells = "\n".join(
        f"""<tr><td><a href="../music/{escape(name.lower().replace(" ", ""))}.{suffix}">"""
        f"""{escape(name)}</a></td><td><div align="center">{escape(fmt)}</div></td>"""
        f"""<td><div align="center">{size}</div></td><td>{escape(comment)}</td></tr>"""
        for name, suffix, fmt, size, comment in rows
    )
    breaks = "<br>" if issue % 2 else "<br><br>\n"
    special = _paragraphs(SPECIAL) if issue == SPECIAL_ISSUE else ""
    body = f"""<h2>Musiques par {escape(MUSIC_WRITER)}</h2>
<table border="1" cellpadding="4">
<tr><td><b>Musique</b></td><td><b>Format</b></td><td><b>Taille</b></td>
<td><b>Commentaire</b></td></tr>
{cells}
</table>
{special}
<p><b>Comment écouter ces musiques ?</b>{breaks}{escape(HOW_TO)}</p>"""
    words = [word for name, _, _, _, comment in rows for word in (name, comment)]
    expect = {"kind_of_series": "musiques", "prints": words}
    return body, expect | ({"flagged": True} if issue == SPECIAL_ISSUE else {})


def _chart(issue: int, headline: str) -> str:
    """The readers' chart: the same <title> and the same heading every issue, then its
    number set large (digits apart, the same line on every chart), then the month's votes."""
    picks = [PROGRAMS[(issue * 3 + n) % len(PROGRAMS)] for n in range(3)]
    rows = "\n".join(
        f"<tr><td>{place}</td><td>{escape(name)}</td><td>{40 - 7 * place + issue} votes</td></tr>"
        for place, name in enumerate(picks, start=1)
    )
    return (
        '<div align="center"><font size="+3">Le palmarès des lecteurs</font></div><br>\n'
        f'<div align="center"><font size="+2">{escape(headline)}</font><br><br>\n'
        f'<table border="1">\n{rows}\n</table></div>\n'
        f"<p>Vous avez été nombreux à voter ce mois-ci : {escape(picks[0])} prend la tête "
        f"devant {escape(picks[1])}, et {escape(picks[2])} entre dans le classement.</p>"
    )


def build() -> Site:
    site = Site(name="Modulaire", template="handmade", language="fr", charset="iso-8859-1")
    for n, issue in enumerate(ISSUES):
        folder = f"Modulaire{issue}/html"
        tests = [_test(n, slot) for slot in (0, 1, 2)]
        entries = "\n".join(
            f'<p><a href="{name}">Test de {escape(program)}</a> : '
            f"notre avis sur {escape(program)} après trois semaines d'usage.</p>"
            for name, program, _, _, _ in tests
        )
        contents = (
            f"<h2>Sommaire du numéro {issue}</h2>\n{entries}\n"
            '<p><a href="edito.html">Edito</a> : le mot de la rédaction pour ce numéro.</p>\n'
            '<p><a href="musiques.html">Musiques</a> : les modules du mois à écouter.</p>'
        )
        site.add(Raw(f"{folder}/sommaire.html", _page("Sommaire", contents), {"kind": "listing"}))
        edito = f"<h2>Edito</h2>\n{_paragraphs(EDITO[n:] + EDITO[:n])}\n<p>-- La rédaction</p>"
        site.add(Raw(f"{folder}/edito.html", _page("Edito", edito), {"kind": "feature"}))
        for name, _, head_title, body, expect in tests:
            site.add(Raw(f"{folder}/{name}", _page(head_title, body), expect))
        chart = f"Palmarès numéro {issue}"
        site.add(
            Raw(
                f"{folder}/palmares.html",
                _page("Palmarès des lecteurs", _chart(n, chart)),
                {"kind": "feature", "title": chart, "people": []},
            )
        )
        body, expect = _music(n)
        site.add(Raw(f"{folder}/musiques.html", _page("Musiques", body), expect))
    return site
