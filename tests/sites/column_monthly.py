"""A monthly disk magazine of 1997 converted to HTML by a script, four issues of 12 pages,
48 in all, one folder per issue (``Heft0197`` ...): the columns a section editor signs and
a reader's forum, as such converters printed them. Every page opens with the same black
bar (arrows, the section's name) and closes with arrows.

- The games column opens each issue with its heading and its editor on one line, the
  same line every month: ``<H2>Bitpost-Spielecke - von Konrad Wiesel (<A
  HREF="mailto:...">address</A>)</H2>`` (``&lt;address&gt;`` from the third issue on);
  the column's contents page has that line as its ``<title>``. The editor signs that
  page, though the site prints the line on four pages: a byline is never chrome.
- Each forum page reprints the forum's heading, its standing introduction and the
  editors' postal address above the letter's own heading, which ends with its writer in
  brackets: ``<H3>1. Frage zum Nullmodemkabel (von Till Brandauer)</H3>``. The writer
  signs the page, however far the reprinted block pushes the heading down.
- A forum answer closes with its writer's name and address (``Till Brandauer<BR>E-Mail:
  <A HREF="mailto:...">``) in the cells of a table, the closing quote mark in a cell of
  its own, or (second issue) under the letter's last lines in the same paragraph, or with
  the name alone after the closing quote mark; the same helper answers in several
  issues. The closing name is the piece's, never chrome.
- Column pages reprinted every month under their own heading: the second games page
  (``<H2>2. Aufruf</H2>``, its salutation, its standing call for news) and the prize
  page (``<H3>2. Die neuen Preise</H3>``, a standing line, then the month's prizes); the
  puzzle's first page prints the column's heading over the item's, both every month
  (``<H2>Das Bitpost-Preisrätsel</H2><H3>1. Auflösung ...</H3>``). Each keeps its own
  heading as its title, not the ``<title>`` the section gives all its pages.
- The games tests print the column's name over each test's heading (``<H2>Spielecke</H2>
  <H3>3. Test: X (von Y)</H3>``; in the last issue ``<H1>`` over ``<H2>``): the test's
  heading is the title, the column's name is the section's.

Names, products and sentences are invented for this corpus.
"""

from html import escape

from .disk_monthly import converter_page, paragraphs
from .pages import Raw, Site

ISSUES = ["0197", "0297", "0397", "0497"]
MONTHS = ["Januar", "Februar", "März", "April"]
EDITOR = "Konrad Wiesel"
EDITOR_MAIL = "konrad.wiesel@bitpost.example"
HELPER = "Till Brandauer"  # answers a letter in every issue
READERS = ["Mareike Sonntag", "Jost Wendland", "Mareike Sonntag", "Mareike Sonntag"]
TESTERS = ["Greta Lindqvist", "Anselm Fehr", "Pia Obermaier"]
QUESTIONS = [
    "Frage zum Nullmodemkabel",
    "Zweites Laufwerk am Tischgerät",
    "Drucker spuckt nur Zeichensalat aus",
    "Mailbox-Zugang mit dem Akustikkoppler",
]
SECOND_QUESTIONS = [
    "Speicherkarte wird nicht erkannt",
    "Welcher Monitor für Spiele",
    "Uhr geht nach dem Ausschalten falsch",
    "Festplatte macht laute Geräusche",
]
GAMES = ["Kugelblitz", "Moorhexe", "Turmbau", "Nebelflug", "Sturmflut", "Irrgarten", "Pixelpirat"]
GAMES += ["Gletscherspalte"]
SENTENCES = [
    "{s} hat uns im vergangenen Monat gleich mehrere Abende gekostet.",
    "Die Bedienung erschließt sich nach wenigen Minuten ohne einen Blick ins Handbuch.",
    "Auf einer Maschine mit einem Megabyte Speicher ruckelt es an einigen Stellen.",
    "Wer eine Festplatte besitzt, kann das Ganze bequem installieren.",
    "Die Musik stammt von einem Schüler aus Kassel und klingt erstaunlich gut.",
    "Leider fehlt eine Möglichkeit, den Spielstand zwischendurch zu sichern.",
    "Für den Preis einer Pizza bekommt man hier wochenlangen Spaß.",
    "Der Autor hat auf unsere Nachfrage hin schon eine neue Version versprochen.",
    "Am Ende bleibt {s} ein Geheimtipp für lange Winterabende.",
]
ANSWERS = [
    "Das Problem mit {s} kennen wir aus der Redaktion nur zu gut.",
    "Zuerst solltest du prüfen, ob alle Stecker wirklich fest sitzen.",
    "Oft hilft es schon, die Einstellungen im Kontrollfeld zurückzusetzen.",
    "Ein Freund aus dem Computerclub hatte genau denselben Ärger und hat ihn gelöst.",
    "Im Zweifel lohnt sich ein Anruf beim Händler, der das Gerät verkauft hat.",
    "Die Bauteile dafür bekommt man für wenige Mark im Elektronikladen um die Ecke.",
    "Bei mir läuft es seitdem ohne einen einzigen Absturz.",
    "Ich hoffe, diese Hinweise bringen dich ein Stück weiter.",
]
THANKS = [
    "Dem Team von Sternwerk für das Testmuster von {g}",
    "Allen, die uns ihre Bestenlisten geschickt haben",
    "Dem Computerclub Wetzlar für die vielen Tipps",
    "Dem Versand Pixelkiste für zwei Vorabversionen",
]
RIDDLE_ANSWERS = [
    "Gefragt war nach dem Namen des ersten Heimcomputers mit Farbgrafik in der Redaktion.",
    "Die richtige Lösung lautete diesmal sieben Disketten, nicht acht.",
    "Gesucht war die Stadt, in der unser Leserclub gegründet wurde.",
    "Richtig war natürlich die Antwort mit dem Lötkolben.",
]
PRIZES = [
    "Diesmal verlosen wir drei Joysticks mit Dauerfeuer und ein Mauspad.",
    "Zu gewinnen gibt es ein Handbuch zur Programmierung und zwei Spiele.",
    "Der Hauptpreis ist eine Speichererweiterung, dazu kommen fünf Disketten-Boxen.",
    "Diesmal warten ein Modem und drei Jahresabos der Bitpost auf die Gewinner.",
]
FORUM_INTRO = [
    "Im Leserforum beantworten Leser die Fragen anderer Leser, und manchmal auch wir.",
    "Wer eine Frage oder eine Antwort hat, schreibt an:",
]
ADDRESS = ["Redaktion Bitpost", "Lindenweg 4", "35578 Wetzlar"]
CALL_OPENING = "Liebe Leser,"
CALL = (
    "die Spielecke lebt von Euren Zuschriften. Schickt mir bitte alles, was Ihr über neue "
    "Spiele wisst, ob Neuigkeiten, Tipps oder Eure Meinung zu unseren Tests. Auch Kritik "
    "ist willkommen, denn nur so wird diese Rubrik jeden Monat ein wenig besser. Wer ein "
    "eigenes Spiel geschrieben hat, darf es gern als Diskette einsenden."
)
PRIZE_OPENING = "Auch in diesem Monat gibt es wieder etwas zu gewinnen:"


def _mail(name: str) -> str:
    return name.lower().replace(" ", ".") + "@bitpost.example"


def _sentences(pool: list[str], subject: str, start: int, count: int) -> str:
    return " ".join(pool[(start + k) % len(pool)].format(s=subject) for k in range(count))


def _address_table() -> str:
    rows = [*ADDRESS, ""]
    cells = "\n".join(f'<TR><TD VALIGN="TOP">{escape(row)}&nbsp;</TD></TR>' for row in rows)
    return f'<TABLE CELLPADDING="0" CELLSPACING="0">\n{cells}\n</TABLE>'


def _editor_line(number: int) -> str:
    """The games column's heading and its editor, one line, every month alike (the
    converter wrote the address in brackets, later in angle brackets)."""
    link = f'<A HREF="mailto:{EDITOR_MAIL}">{EDITOR_MAIL}</A>'
    contact = f"({link})" if number < 2 else f"&lt;{link}&gt;"
    return f"<H2>Bitpost-Spielecke - von {escape(EDITOR)} {contact}</H2>"


def _forum_page(number: int, place: int, question: str, writer: str) -> str:
    """The forum's standing block, then the letter under its own heading, signed at its
    end (name and address, or the name alone after the closing quote mark)."""
    answer = _sentences(ANSWERS, question, number + place, 4)
    more = _sentences(ANSWERS, question, number + place + 4, 4)
    signed = (
        f'{escape(writer)}<BR>\nE-Mail: <A HREF="mailto:{_mail(writer)}">'
        f"{_mail(writer)}</A> &laquo;<BR>\n"
    )
    if place == 1 and number == 1:
        # the letter's last lines, its writer and address in one paragraph, by <BR>s
        closing, more_html = "", f"<P>\n{escape(more)}<BR>\n{signed}</P>"
    elif place == 1:
        # the converter's table: the name, the address, the closing quote mark in cells
        cell = '<TD VALIGN="TOP">{}&nbsp;</TD>'
        address = f'E-Mail: <A HREF="mailto:{_mail(writer)}">{_mail(writer)}</A>'
        closing = (
            '<TABLE CELLPADDING="0" CELLSPACING="0">\n'
            f"<TR>{cell.format(escape(writer))}{cell.format('')}</TR>\n"
            f"<TR>{cell.format(address)}{cell.format('&laquo;')}</TR>\n</TABLE>"
        )
        more_html = paragraphs([more])
    else:
        closing, more_html = f"<P>\n{escape(writer)}&laquo;\n</P>", paragraphs([more])
    return (
        "<H2>Bitpost-Leserforum</H2>\n"
        + paragraphs(FORUM_INTRO)
        + "\n"
        + _address_table()
        + '\n<P>\nE-Mail: <A HREF="mailto:redaktion@bitpost.example">'
        "redaktion@bitpost.example</A>\n</P>\n"
        f"<H3>{place}. {escape(question)} (von {escape(writer)})</H3>\n"
        + f"<P>\n&raquo;{escape(answer)}\n</P>\n"
        + more_html
        + "\n"
        + closing
    )


def build() -> Site:
    site = Site(name="Bitpost", template="handmade", language="de", charset="iso-8859-1")
    game = 0
    for number, issue in enumerate(ISSUES):
        folder = f"Heft{issue}"

        def add(name: str, title: str, bar: str, body: str, expect: dict, *, _f=folder) -> None:
            html = converter_page(title, bar, body, "Main.html", "Main.html")
            site.add(Raw(f"{_f}/{name}", html, expect))

        sections = [("Forum", "Leserforum"), ("Spiele", "Spielecke"), ("Raetsel", "Preisrätsel")]
        contents = "\n".join(
            f'<LI> <A HREF="{name}.html">{escape(heading)}</A></LI>' for name, heading in sections
        )
        add(
            "Main.html",
            f"Bitpost {issue[:2]}/97",
            "Inhalt",
            f"<H1>Bitpost {issue[:2]}/97</H1>\n<UL>\n{contents}\n</UL>",
            {"people": [], "kind": "listing"},
        )

        # the reader's forum: two letters, each signed in its heading and at its end
        letters = [(QUESTIONS[number], HELPER), (SECOND_QUESTIONS[number], READERS[number])]
        entries = []
        for place, (question, writer) in enumerate(letters, start=1):
            add(
                f"Forum{place}.html",
                "Leserforum",
                "Leserforum",
                _forum_page(number, place, question, writer),
                {
                    "people": [writer],
                    "title": f"{place}. {question}",
                    "closing": writer,
                    "kind": "article",
                },
            )
            entries.append(
                f'<LI> <A HREF="Forum{place}.html">{place}. {escape(question)} '
                f"(von {escape(writer)})</A></LI>"
            )
        add(
            "Forum.html",
            "Leserforum",
            "Leserforum",
            "<H1>Leserforum</H1>\n<UL>\n" + "\n".join(entries) + "\n</UL>",
            {"people": [], "kind": "listing"},
        )

        # the games column: its editor's page, the standing call, two tests
        news = _sentences(SENTENCES, GAMES[(number + 5) % len(GAMES)], number, 3)
        thanks = "\n".join(
            f"<LI> {escape(THANKS[(number + k) % len(THANKS)].format(g=GAMES[number]))}\n</LI>"
            for k in range(2)
        )
        add(
            "Spiele1.html",
            "Spielecke",
            "Spielecke",
            _editor_line(number)
            + f"\n<P>\nAusgabe {MONTHS[number]} 1997\n</P>\n<H2>1. Dankeschön</H2>\n"
            + f"<UL>\n{thanks}\n</UL>\n"
            + paragraphs([news]),
            {"people": [EDITOR], "title": "Bitpost-Spielecke", "kind": "article"},
        )
        add(
            "Spiele2.html",
            "Spielecke",
            "Spielecke",
            "<H2>2. Aufruf</H2>\n" + paragraphs([CALL_OPENING, CALL]),
            {"people": [], "title": "2. Aufruf", "reprinted": True},
        )
        entries = [
            '<LI> <A HREF="Spiele1.html">Bitpost-Spielecke</A></LI>',
            '<LI> <A HREF="Spiele2.html">2. Aufruf</A></LI>',
        ]
        for place in (3, 4):
            subject = GAMES[game % len(GAMES)]
            tester = TESTERS[game % len(TESTERS)]
            game += 1
            # the converter's last version sets the column's name <H1> and the test's <H2>
            outer, inner = ("H1", "H2") if number == len(ISSUES) - 1 else ("H2", "H3")
            body = (
                f"<{outer}>Spielecke</{outer}>\n"
                f"<{inner}>{place}. Test: {escape(subject)} (von {escape(tester)})</{inner}>\n"
                + paragraphs(
                    [
                        _sentences(SENTENCES, subject, game, 4),
                        _sentences(SENTENCES, subject, game + 4, 4),
                    ]
                )
            )
            add(
                f"Spiele{place}.html",
                "Spielecke",
                "Spielecke",
                body,
                {"people": [tester], "title": f"{place}. Test: {subject}", "kind": "article"},
            )
            entries.append(
                f'<LI> <A HREF="Spiele{place}.html">{place}. Test: {escape(subject)} '
                f"(von {escape(tester)})</A></LI>"
            )
        add(
            "Spiele.html",
            f"Bitpost-Spielecke - von {EDITOR}",
            "Spielecke",
            "<H1>Spielecke</H1>\n<UL>\n" + "\n".join(entries) + "\n</UL>",
            {"people": [], "kind": "listing"},
        )

        # the puzzle: the column's heading over the item's, then the new prizes
        add(
            "Raetsel1.html",
            "Preisrätsel",
            "Preisrätsel",
            "<H2>Das Bitpost-Preisrätsel</H2>\n<H3>1. Auflösung des letzten Rätsels</H3>\n"
            + paragraphs(
                [
                    RIDDLE_ANSWERS[number]
                    + f" Insgesamt kamen {40 + 7 * number} Einsendungen, so viele wie selten."
                    + " Die Gewinner werden schriftlich benachrichtigt und hier genannt.",
                    f"Gewonnen hat diesmal {READERS[(number + 1) % 4]} aus dem Leserkreis.",
                ]
            ),
            {"people": [], "title": "Das Bitpost-Preisrätsel", "reprinted": True},
        )
        add(
            "Raetsel2.html",
            "Preisrätsel",
            "Preisrätsel",
            "<H3>2. Die neuen Preise</H3>\n"
            + paragraphs(
                [
                    PRIZE_OPENING,
                    PRIZES[number]
                    + " Die Preise hat uns wie immer ein Versand aus der Nachbarschaft"
                    + " zur Verfügung gestellt, vielen Dank dafür. Einsendeschluss ist der"
                    + f" letzte Tag im {MONTHS[(number + 1) % 4]}.",
                ]
            ),
            {"people": [], "title": "2. Die neuen Preise", "reprinted": True},
        )
        add(
            "Raetsel.html",
            "Preisrätsel",
            "Preisrätsel",
            "<H1>Preisrätsel</H1>\n<UL>\n"
            '<LI> <A HREF="Raetsel1.html">Auflösung</A></LI>\n'
            '<LI> <A HREF="Raetsel2.html">Die neuen Preise</A></LI>\n</UL>',
            {"people": [], "kind": "listing"},
        )
    return site
