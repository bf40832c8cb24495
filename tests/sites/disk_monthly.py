"""A monthly disk magazine of 1998 converted from AmigaGuide to HTML by a script: four
issues of 13 pages each, 52 in all, one folder per issue (``Ausgabe0198`` ...). Every
page opens with the same bar (arrows to the pages before and after, the section's name),
then the section's heading (``<H2>Testberichte</H2>``, the same on every test), then the
article's heading with its writer in brackets at its end, as the converter printed them:
``<H3>2. Softwaretest: Taktgeber (von Jana Kroll)</H3>``. Each issue opens with the
editor's column under the same heading every month (``Vorwort``), signed at its end;
each section has a contents page listing its articles with their bylines; an "Intern"
page lists the staff. Five writers share the 28 articles.

``build(language)`` writes the magazine in German ("(von X)"), French ("(par X)") or
English ("(by X)"): only the words differ, the converter's markup is the same.
"""

from html import escape

from .pages import Raw, Site

WRITERS = ["Jana Kroll", "Bertram Ostwald", "Ulrike Fenske", "Matthias Rehberg", "Nils Aaland"]
EDITOR = "Carola Weidner"
PRODUCTS = [
    "Taktgeber",
    "Bildwerk 3",
    "Netzfalter",
    "Klangkiste",
    "Diskretter",
    "Zeilenwerk",
    "Farbmischer",
    "Sternkarte",
    "Packmeister",
    "Schriftsetzer",
    "Modemwecker",
    "Rechenbrett",
    "Kachelofen",
    "Spurwechsel",
]
GAMES = ["Feuerwerk", "Nebelburg", "Wurmloch", "Eisbahn", "Funkstille", "Moorlicht", "Sandsturm"]

WORDS = {
    "de": {
        "label": "von",
        "sections": {"Tests": "Testberichte", "Spiele": "Spiele", "Workshops": "Workshops"},
        "kickers": {"Tests": "Softwaretest", "Spiele": "Spieletest", "Workshops": "Workshop"},
        "column": "Vorwort",
        "staff": "Intern",
        "contents": "Inhalt",
        "sentences": [
            "{s} kam pünktlich zum Redaktionsschluss auf unseren Tisch.",
            "Die Installation verlief ohne jede Überraschung und dauerte kaum zwei Minuten.",
            "Auf einem Rechner mit wenig Speicher wird die Arbeit allerdings zäh.",
            "Die Anleitung ist knapp, erklärt aber alles, was man für den Anfang braucht.",
            "Wir haben das Programm drei Wochen lang im Alltag benutzt.",
            "Besonders gefallen haben uns die vielen Tastenkürzel.",
            "Der Autor verspricht eine neue Version noch vor dem Sommer.",
            "Wer lieber mit der Maus arbeitet, kommt ebenfalls gut zurecht.",
            "Für den Preis bekommt man erstaunlich viel geboten.",
            "Unterm Strich hat sich {s} einen Platz auf unserer Festplatte verdient.",
        ],
        "welcome": "Willkommen zur Ausgabe {n}/98 der Diskpost.",
        "column_text": [
            "Der Januar war ruhig, und so ist diese Ausgabe etwas schlanker geworden.",
            "Diesmal haben uns besonders viele Leserbriefe erreicht, vielen Dank dafür.",
            "Im März gab es gleich drei neue Grafikkarten, zwei davon testen wir hier.",
            "Der April bringt endlich den lange versprochenen Vergleich der Druckertreiber.",
        ],
        "staff_text": "Redaktion und Mithilfe an dieser Ausgabe, Vertrieb und Rechtliches.",
    },
    "fr": {
        "label": "par",
        "sections": {"Tests": "Bancs d'essai", "Spiele": "Jeux", "Workshops": "Ateliers"},
        "kickers": {"Tests": "Logiciel", "Spiele": "Jeu", "Workshops": "Atelier"},
        "column": "Editorial",
        "staff": "Equipe",
        "contents": "Sommaire",
        "sentences": [
            "{s} est arrivé chez nous juste avant le bouclage.",
            "L'installation se fait sans surprise et ne prend que deux minutes.",
            "Sur une machine avec peu de mémoire, le travail devient pourtant pénible.",
            "Le manuel est court mais explique tout ce qu'il faut pour débuter.",
            "Nous avons utilisé le programme pendant trois semaines au quotidien.",
            "Les nombreux raccourcis clavier nous ont beaucoup plu.",
            "L'auteur promet une nouvelle version avant l'été.",
            "Ceux qui préfèrent la souris s'y retrouvent aussi très bien.",
            "Pour ce prix, on en a vraiment beaucoup.",
            "Au final, {s} mérite sa place sur notre disque dur.",
        ],
        "welcome": "Bienvenue dans le numéro {n}/98 de Diskpost.",
        "column_text": [
            "Janvier a été calme, et ce numéro est donc un peu plus mince.",
            "Vous avez été nombreux à nous écrire ce mois-ci, merci à vous.",
            "En mars sont sorties trois cartes graphiques, nous en testons deux ici.",
            "Avril apporte enfin le comparatif des pilotes d'imprimante promis depuis longtemps.",
        ],
        "staff_text": "La rédaction et ceux qui ont aidé pour ce numéro, diffusion et mentions.",
    },
    "en": {
        "label": "by",
        "sections": {"Tests": "Test Reports", "Spiele": "Games", "Workshops": "Workshops"},
        "kickers": {"Tests": "Software test", "Spiele": "Game test", "Workshops": "Workshop"},
        "column": "Foreword",
        "staff": "Masthead",
        "contents": "Contents",
        "sentences": [
            "{s} reached our desk just before the issue closed.",
            "Installing it held no surprises and took barely two minutes.",
            "On a machine with little memory the work gets sluggish, though.",
            "The manual is short but explains all a beginner needs.",
            "We used the program every day for three weeks.",
            "We especially liked its many keyboard shortcuts.",
            "Its author promises a new version before the summer.",
            "Those who prefer the mouse will get along just as well.",
            "For the price you get a surprising amount.",
            "All in all, {s} has earned its place on our hard disk.",
        ],
        "welcome": "Welcome to issue {n}/98 of Diskpost.",
        "column_text": [
            "January was quiet, so this issue has come out a little thinner.",
            "Many of you wrote to us this month, and we thank you for it.",
            "March brought three new graphics cards, and we test two of them here.",
            "April at last brings the comparison of printer drivers we promised long ago.",
        ],
        "staff_text": "The editors and helpers of this issue, distribution and legal notes.",
    },
}
ISSUES = ["0198", "0298", "0398", "0498"]
ARTICLES = {"Tests": 3, "Spiele": 2, "Workshops": 2}  # per issue


def converter_page(title: str, bar: str, body: str, back: str, forward: str) -> str:
    """The converter's page: a black bar with arrows and the section's name, the body,
    arrows again at the end."""
    arrows = (
        f'<A HREF="{back}"><IMG SRC="../menu/links.gif" BORDER="0" WIDTH="15" HEIGHT="15" '
        'ALT="&lt;&lt;"></A>\n<A HREF="Main.html"><IMG SRC="../menu/hoch.gif" BORDER="0" '
        'WIDTH="15" HEIGHT="15" ALT="Inhalt"></A>\n'
        f'<A HREF="{forward}"><IMG SRC="../menu/rechts.gif" BORDER="0" WIDTH="15" '
        'HEIGHT="15" ALT="&gt;&gt;"></A>\n'
    )
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">\n<HTML>\n<HEAD>\n'
        f"<TITLE>{escape(title)}</TITLE>\n</HEAD>\n"
        '<BODY BGCOLOR="#FFFFFF" TEXT="#000000" LINK="#0000AA" VLINK="#000066">\n'
        '<TABLE width="100%" border="0" cellpadding="3" cellspacing="0">\n<tr>\n'
        f'<td bgcolor="#000000">\n{arrows}<font color="#FFFFFF">\n{escape(bar)}\n</font>\n'
        "</TD></tr>\n</TABLE>\n<BR>\n"
        f'{body}\n<P ALIGN="RIGHT">\n{arrows}</P>\n</BODY>\n</HTML>\n'
    )


def paragraphs(texts: list[str]) -> str:
    return "\n".join(f"<P>\n{escape(text)}\n</P>" for text in texts)


def _signature(name: str) -> str:
    mail = name.split()[0].lower() + "@diskpost.example"
    return f'<P>\n{escape(name)}<BR>\n<A HREF="mailto:{mail}">{mail}</A><BR>\n</P>'


def build(language: str = "de") -> Site:
    words = WORDS[language]
    label = words["label"]
    site = Site(name="Diskpost", template="handmade", language=language, charset="iso-8859-1")
    count = 0
    for number, issue in enumerate(ISSUES):
        folder = f"Ausgabe{issue}"
        column = words["column"]
        body = (
            f"<H2>{escape(column)}</H2>\n"
            + paragraphs(
                [
                    words["welcome"].format(n=number + 1) + " " + words["column_text"][number],
                    words["column_text"][(number + 1) % 4]
                    + " "
                    + words["column_text"][(number + 2) % 4],
                ]
            )
            + "\n"
            + _signature(EDITOR)
        )
        site.add(
            Raw(
                f"{folder}/Vorwort.html",
                converter_page(column, column, body, "Main.html", "Intern.html"),
                {"title": column, "column": True},
            )
        )
        site.add(
            Raw(
                f"{folder}/Intern.html",
                converter_page(
                    words["staff"],
                    words["staff"],
                    f"<H1>{escape(words['staff'])}</H1>\n"
                    + paragraphs([f"{words['staff_text']} ({number + 1}/98)", ", ".join(WRITERS)]),
                    "Vorwort.html",
                    "Tests.html",
                ),
                {"people": []},
            )
        )
        contents = [f'<LI> <A HREF="Vorwort.html">{escape(column)}</A></LI>']
        for section, how_many in ARTICLES.items():
            heading = words["sections"][section]
            entries = []
            for place in range(1, how_many + 1):
                pool = PRODUCTS if section != "Spiele" else GAMES
                subject = pool[count % len(pool)]
                writer = WRITERS[count % len(WRITERS)]
                count += 1
                headline = f"{words['kickers'][section]}: {subject}"
                sentences = [s.format(s=subject) for s in words["sentences"][count % 3 :][:7]] + [
                    f"{subject} {number + 1}/98."
                ]
                body = (
                    f"<H2>{escape(heading)}</H2>\n"
                    f"<H3>{place}. {escape(headline)} ({label} {escape(writer)})</H3>\n"
                    + paragraphs([" ".join(sentences[:4]), " ".join(sentences[4:])])
                    + "\n"
                    + _signature(writer)
                )
                path = f"{folder}/{section}{place}.html"
                back = f"{section}{place - 1}.html" if place > 1 else f"{section}.html"
                site.add(
                    Raw(
                        path,
                        converter_page(heading, heading, body, back, f"{section}{place + 1}.html"),
                        {
                            "people": [writer],
                            "headline": f"{place}. {headline}",
                            "kind": "article",
                        },
                    )
                )
                entries.append(
                    f'<LI> <A HREF="{section}{place}.html">{escape(headline)}</A> '
                    f"({label} {escape(writer)})</LI>"
                )
            site.add(
                Raw(
                    f"{folder}/{section}.html",
                    converter_page(
                        heading,
                        heading,
                        f"<H1>{escape(heading)}</H1>\n<UL>\n" + "\n".join(entries) + "\n</UL>",
                        "Intern.html",
                        f"{section}1.html",
                    ),
                    {"people": [], "kind": "listing"},
                )
            )
            contents.append(f'<LI> <A HREF="{section}.html">{escape(heading)}</A></LI>')
        site.add(
            Raw(
                f"{folder}/Main.html",
                converter_page(
                    f"Diskpost {issue[:2]}/98",
                    words["contents"],
                    f"<H1>Diskpost {issue[:2]}/98</H1>\n<UL>\n" + "\n".join(contents) + "\n</UL>",
                    "Main.html",
                    "Vorwort.html",
                ),
                {"people": [], "kind": "listing"},
            )
        )
    return site
