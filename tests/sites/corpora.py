"""Whole fixture sites (25 pages or more each) whose answers are known, built with
``tests.sites.pages``. Each page's ``expect`` says what an editor expects of it:

- ``kind``: film_review, feature, page, news, listing (an index), log (a data table page);
- ``date``: the ISO date the new page should carry, ``date_source``: where it comes from
  ("printed", "index", "folder", "neighbours", "copyright", or None: no evidence);
- ``summary``: the blurb an index prints for it; ``part_of``: the first page of the
  multi-page article it continues; ``section``: the section it belongs in.
"""

import unicodedata
from html import escape

from .pages import Article, Entry, FilmLog, Index, NewsPage, Picture, Site, link
from .texts import FILMS, REVIEWERS, SPANISH_GAMES, SPANISH_REVIEWERS, Writer

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _slug(title: str) -> str:
    """A file name such sites used: ASCII letters and digits of the title, 16 at most."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())[:16]


def year_folder_magazine(seed: int = 1) -> Site:
    """A FrontPage 3 film magazine of 1999, all of it under ``1999/``: 24 reviews (a
    handful of reviewers, "Review by" and "Posted" under the headline on most), a reviews
    index that dates and blurbs each review it lists, a three-part feature linked by
    "Next page", a features index, news of dated prose items, About Us and staff pages.
    Undated reviews are dated by the index entry linking to them, or, when no index lists
    them, by the year folder."""
    writer = Writer(seed)
    site = Site(
        name="Reel Rewind",
        template="frontpage3",
        nav=[
            ("Home", "1999/index.htm"),
            ("Reviews", "1999/reviews.htm"),
            ("Features", "1999/features.htm"),
            ("News", "1999/news.htm"),
            ("About Us", "1999/aboutus.htm"),
        ],
        copyright="Copyright © 1999 Reel Rewind. All rights reserved.",
        title_pattern="{title} - {site} {section}",
    )
    entries = []
    for number, (title, director, actor) in enumerate(FILMS[:24]):
        month, day = 1 + number % 12, 3 + number
        date = f"{day} {MONTHS[month - 1]} 1999"
        iso = f"1999-{month:02d}-{day:02d}"
        reviewer = REVIEWERS[number % len(REVIEWERS)]
        path = f"1999/films/{_slug(title)}.htm"
        printed = number % 3 != 0  # every third review prints no "Posted" line
        listed = number < 20  # the last four are in no index
        expect = {"kind": "film_review", "section": "film", "reviewer": reviewer}
        if printed:
            expect |= {"date": iso, "date_source": "printed"}
        elif listed:
            expect |= {"date": iso, "date_source": "index"}
        else:
            expect |= {"date": "1999-01-01", "date_source": "folder"}
        blurb = writer.blurb()
        if listed:
            entries.append(Entry(path, title, blurb, date))
            expect["summary"] = blurb
        site.add(
            Article(
                path,
                title,
                writer.review(title, director, actor),
                byline="Review by",
                author=reviewer,
                author_href=f"1999/staff/{_slug(reviewer)}.htm",
                posted=f"Posted {date}" if printed else "",
                credits=[f"Directed by {director}", f"Starring {actor}", "1999"],
                pictures=[
                    Picture(
                        "1999/images/store.gif", "{title} - Reel Rewind Store", "1999/store.htm"
                    )
                ],
                expect=expect,
            )
        )
    site.add(
        Index(
            "1999/reviews.htm",
            "Reviews",
            entries,
            intro="Every film we saw this year, newest last, with a line on each.",
            expect={"kind": "listing", "section": "film"},
        )
    )
    parts = [
        "1999/features/company.htm",
        "1999/features/company2.htm",
        "1999/features/company3.htm",
    ]
    for number, path in enumerate(parts):
        site.add(
            Article(
                path,
                "In Good Company" if number == 0 else f"In Good Company, part {number + 1}",
                writer.review("the studio", "Hollis Grange", "Vera Kostic", paragraphs=2),
                byline="Feature by",
                author="Lydia Farrant",
                posted="Posted 14 June 1999" if number == 0 else "",
                section="Feature",
                next_link=("Next page", parts[number + 1]) if number < 2 else None,
                previous_link=("Previous page", parts[number - 1]) if number else None,
                expect={
                    "kind": "feature",
                    "section": "feature",
                    "part_of": parts[0],
                    "part": number + 1,
                    "date": "1999-06-14",
                },
            )
        )
    site.add(
        Index(
            "1999/features.htm",
            "Features",
            [
                Entry(
                    parts[0],
                    "In Good Company",
                    "A studio's fifty years, in three parts.",
                    "14 June 1999",
                )
            ],
            intro="Longer pieces about the people who make films.",
            expect={"kind": "page", "section": "page"},  # one entry: no index by its shape
        )
    )
    news = [
        (f"{d} {m} 1999", writer.review(f"the {m} screenings", paragraphs=1)[0])
        for d, m in [(2, "November"), (14, "September"), (30, "July")]
    ]
    site.add(NewsPage("1999/news.htm", "News", news, expect={"kind": "news", "items": 3}))
    for reviewer in REVIEWERS:
        site.add(
            Article(
                f"1999/staff/{_slug(reviewer)}.htm",
                reviewer,
                [
                    f"{reviewer} has written about films for Reel Rewind since it began. "
                    + writer.review("cinema", paragraphs=1)[0]
                ],
                section="Staff",
                # five pages of one template below the site's top: articles, filed as
                # their template says, the reason noted; none reads otherwise: not flagged
                expect={"kind": "feature", "flagged": False},
            )
        )
    site.add(
        Article(
            "1999/aboutus.htm",
            "About Us",
            [
                "Reel Rewind is written by five friends who met in a film society and never "
                "stopped arguing. We review what we pay to see, and we answer every letter."
            ],
            section="",
            head_title="About Reel Rewind",
            expect={"kind": "page", "section": "page"},
        ),
        Index(
            "1999/index.htm",
            "Reel Rewind",
            [
                Entry("1999/reviews.htm", "Reviews"),
                Entry("1999/features.htm", "Features"),
                Entry("1999/news.htm", "News"),
            ],
            intro="Films, reviewed by people who buy their own tickets.",
            expect={"kind": "home"},
        ),
        Article(
            "1999/store.htm",
            "Store",
            [
                "Our shop is closed for the summer. "
                "Orders placed before June will be sent as usual."
            ],
            section="",
            expect={"kind": "page"},
        ),
    )
    return site


def family_film_log(seed: int = 2) -> Site:
    """A family's hand-made site of 2001-2003: a film log (a table of 60 dated rows:
    Date / Film, with where they saw it / Comments / two ratings), a home page of 40
    dated one-line updates, and 26 undated holiday pages. Nothing here is news worth 100
    articles: the log is a table, and the updates would outnumber the site's pages."""
    writer = Writer(seed)
    site = Site(
        name="The Pembertons",
        template="handmade",
        nav=[("Home", "index.htm"), ("Film log", "films.htm"), ("Holidays", "holidays/index.htm")],
        copyright="Copyright 2001-2003 the Pemberton family",
    )
    where = [
        "rented from the shop on the corner by Dad",
        "on the big television at Gran's house in Leeds",
        "at the Odeon",
        "taped off the television on Boxing Day",
        "borrowed from the Hendersons next door, again",
    ]
    rows = []
    for number in range(60):
        title = FILMS[number % len(FILMS)][0]
        day, month = 1 + (number * 7) % 28, 1 + number % 12
        comment = writer.choice(
            ["Fell asleep.", "Good fun", "Too scary for Tom", "Rented again!", "Lovely"]
        )
        film = f"{title}, {where[number % len(where)]}"
        rows.append(
            (
                f"{day:02d}/{month:02d}/2002",
                film,
                comment,
                str(1 + number % 5),
                str(1 + (number * 3) % 5),
            )
        )
    site.add(
        FilmLog(
            "films.htm",
            "Our film log",
            rows,
            intro="Every film we watched at home, with marks out of five.",
            expect={"kind": "log", "items": 0},
        ),
    )
    places = [
        "Cornwall",
        "the Lakes",
        "Brittany",
        "Skye",
        "Norfolk",
        "Tenby",
        "Whitby",
        "Dorset",
        "Snowdonia",
        "Ireland",
        "Jersey",
        "the Peak District",
        "Devon",
    ]
    updates = [
        (
            f"{1 + n % 28} {MONTHS[n % 12]} {2001 + n % 3}",
            f"Added the photographs from {places[n % len(places)]} and mended a few links.",
        )
        for n in range(40)
    ]
    site.add(
        NewsPage(
            "index.htm",
            "Welcome to our home page",
            updates,
            expect={"kind": "home", "items": 0, "held_back": 40},
        )
    )
    holiday_entries = []
    for number in range(26):
        place = places[number % len(places)]
        year = 2001 + number % 3
        title = f"{place} {year}" if number < len(places) else f"{place} again, {year}"
        path = f"holidays/{_slug(title)}.htm"
        holiday_entries.append(Entry(path, title))
        text = (
            f"We went to {place} in {year} and it rained for most of the week. "
            + writer.review(place, paragraphs=1)[0]
        )
        # one template of plain pages below the top: features, none an outlier to check
        expect = {"kind": "feature", "flagged": False, "date_source": "copyright"}
        site.add(Article(path, title, [text], expect=expect))
    site.add(Index("holidays/index.htm", "Holidays", holiday_entries, expect={"kind": "listing"}))
    return site


def one_template_folder(seed: int = 3) -> Site:
    """A NetObjects Fusion film club: 24 reviews in ``html/`` with one template (title,
    credits, review, "Reviewed by" and a date), and three off-shape pages in the same
    folder: a review without its credits line, a short one and a two-film double bill.
    All are film reviews; the members' page, too short to be one, is flagged "kind to
    check"; the review without credits, signed as the others are, is a review unflagged."""
    writer = Writer(seed)
    site = Site(
        name="Eastgate Film Circle",
        template="netobjects",
        nav=[
            ("Home", "index.html"),
            ("Films", "html/films.html"),
            ("Members", "html/members.html"),
        ],
        copyright="Eastgate Film Circle · meets Tuesdays at the Corn Exchange",
    )
    entries = []
    for number, (title, director, actor) in enumerate(FILMS[10:37]):
        path = f"html/{_slug(title)}.html"
        day, month = 1 + number, 1 + number % 12
        reviewer = REVIEWERS[number % 3]
        off_shape = number >= 24
        credits = [] if number == 24 else [f"Directed by {director} (2002)"]
        paragraphs = writer.review(title, director, actor, paragraphs=1 if number == 25 else 3)
        entries.append(Entry(path, title))
        site.add(
            Article(
                path,
                title,
                paragraphs,
                credits=credits,
                signature=f"Reviewed by {reviewer}",
                dateline=f"{day} {MONTHS[month - 1]} 2003",
                expect={
                    "kind": "film_review",
                    "section": "film",
                    "off_shape": off_shape,
                    # no credits line, but signed "Reviewed by" as every review of its
                    # template: a review beyond doubt, noted, not flagged for an editor
                    "flagged": False,
                    "date": f"2003-{month:02d}-{day:02d}",
                },
            )
        )
    site.add(
        Index("html/films.html", "Films", entries, expect={"kind": "listing", "section": "film"})
    )
    site.add(
        Article(
            "html/members.html",
            "Members",
            [
                "Membership costs ten pounds a year "
                "and includes a seat at every screening of the season."
            ],
            expect={"kind": "page", "flagged": True},
        )
    )
    site.add(
        Index(
            "index.html",
            "Eastgate Film Circle",
            [Entry("html/films.html", "Films")],
            intro="A film society in a market town.",
            expect={"kind": "home"},
        )
    )
    return site


def spanish_games(seed: int = 4) -> Site:
    """A Spanish game magazine of 1998 made with FrontPage 2000: 22 reviews in
    ``juegos/`` ("Un comentario de X", a "Publicado" line on some), an index with dates
    and blurbs ("Comentarios"), and an About page: 25 pages."""
    writer = Writer(seed)
    site = Site(
        name="Zona Pixel",
        template="frontpage4",
        nav=[
            ("Inicio", "index.htm"),
            ("Comentarios", "comentarios.htm"),
            ("Quiénes somos", "quienes.htm"),
        ],
        copyright="© 1997-1998 Zona Pixel. Todos los derechos reservados.",
        language="es",
        title_pattern="{title} - {site}",
    )
    entries = []
    meses = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ]
    for number, (title, studio) in enumerate(SPANISH_GAMES):
        path = f"juegos/{_slug(title)}.htm"
        day, month = 2 + number, 1 + number % 12
        printed = number % 2 == 0
        date = f"{day} de {meses[month - 1]} de 1998"
        reviewer = SPANISH_REVIEWERS[number % 3]
        blurb = writer.choice(
            [
                "Un clásico instantáneo.",
                "Bonito pero corto.",
                "Difícil y adictivo.",
                "Para jugar en familia.",
            ]
        )
        entries.append(Entry(path, title, blurb, f"{day:02d}/{month:02d}/98"))
        site.add(
            Article(
                path,
                title,
                writer.spanish(title),
                byline="Un comentario de",
                author=reviewer,
                posted=f"Publicado el {date}" if printed else "",
                credits=[f"Compañía: {studio}"],
                section="Comentario",
                expect={
                    "kind": "feature",
                    "flagged": False,  # its template's pages all read alike: no outlier
                    "reviewer": reviewer,
                    "summary": blurb,
                    "date": f"1998-{month:02d}-{day:02d}",
                    "date_source": "printed" if printed else "index",
                },
            )
        )
    site.add(
        Index(
            "comentarios.htm",
            "Comentarios",
            entries,
            layout="table",
            intro="Todos los juegos que hemos probado este año.",
            expect={"kind": "listing"},
        )
    )
    site.add(
        Article(
            "quienes.htm",
            "Quiénes somos",
            [
                "Somos tres amigos de Salamanca que "
                "llevan años jugando con ordenadores y escribiendo sobre ellos."
            ],
            expect={"kind": "page"},
        )
    )
    site.add(
        Index(
            "index.htm",
            "Zona Pixel",
            [Entry("comentarios.htm", "Comentarios")],
            intro="La revista de juegos de ordenador.",
            expect={"kind": "home"},
        )
    )
    return site


FOREIGN_TITLES = [  # films reviewed in English under their own names
    ("Les Enfants du Quai", "Odile Fauchet", "Marc Lenoir"),
    ("Der stille Hafen", "Jonas Albrecht", "Greta Vogel"),
    ("La Nuit des Lanternes", "Amélie Roussel", "Hugo Perrin"),
    ("Das Haus am Deich", "Karsten Möller", "Ilse Brandt"),
]
FEATURE_TOPICS = [
    "The Festival Circuit",
    "Summer Blockbusters",
    "The Art House Revival",
    "Screenwriters at Work",
    "Restoring the Silents",
    "Music for the Movies",
    "The Year in Documentary",
    "Cinemas of the Coast",
    "Animation after Hours",
    "The Critic's Notebook",
]
NOIR_PARTS = ["Main Page", "Shadows and Rain", "The Studio Years", "Neon and After"]


RUN_ON_CAST = ["Ada Quill", "Bram Okoro", "Lise Hartung", "Colm Reddy", "Nell Aske", "Ivo Strand"]
RUN_ON_CAST += ["Tobias Fenn"]


def _run_on_credits(director: str, actor: str, title: str) -> str:
    """Credits in a centred cell, the cast list run over lines of one paragraph (its names
    broken at commas), as FrontPage 4 magazines printed them; beside them, a link to the
    film's page at a film database ("Movie Credits" on every review)."""
    return (
        '<div align="center"><center><table border="0"><tr><td valign="top">'
        f'<a href="http://filmarchive.example/credits?{_slug(title)}"><font size="1">'
        'Movie Credits</font></a></td><td align="center">'
        f"<strong><big><em>Directed by</em> {escape(director)}.</big></strong>"
        f"<p><strong><big><em>Starring</em>\n    {escape(actor)}, Ada Quill, Bram Okoro,<br>\n"
        "    Lise Hartung, Colm Reddy, Nell Aske,<br>\n"
        "    Ivo Strand, <em>and</em> Tobias Fenn.</big></strong></p>"
        f"<p><strong><big><em>Screenplay by</em> {escape(director)}, <em>based on the novel by"
        "</em> Lise Hartung.</big></strong></p>"
        "</td></tr></table></center></div>"
    )


def flat_folder_magazine(seed: int = 5) -> Site:
    """A FrontPage 4 film magazine's folder of 1999, mirrored alone (its contents page, its
    writers' pages and its indexes are in the folder above, outside the mirror): 48
    reviews of one template ("Review by" a linked reviewer and "Posted" under the
    headline, a picture whose alt is the film's title with the site's film database,
    credits whose cast list runs on over lines), two of them without their credits
    (off-shape: reviews still, signed as the others, not flagged), a short unsigned notice
    drawn with the same template (flagged); six films reviewed twice by two writers in
    files named in sequence (rsalt1, rsalt2), each pointing to the other; features signed
    "by" a writer, and a four-page feature whose parts are linked by a menu of part titles
    on every part. Four films are foreign, reviewed in English."""
    writer = Writer(seed)
    site = Site(
        name="Silver Nitrate",
        template="frontpage4",
        nav=[
            ("Contents", "../default.htm"),
            ("Features", "../features.htm"),
            ("Reviews", "../reviews.htm"),
            ("Archives", "../archive.htm"),
        ],
        copyright="Copyright © 1999 by Silver Nitrate. All Rights Reserved.",
        title_pattern="{title} - {site} {section}",
    )
    films = FILMS[:38] + FOREIGN_TITLES
    twice = {3, 9, 15, 21, 27, 33}  # reviewed by two writers
    for number, (title, director, actor) in enumerate(films):
        stem = f"r{_slug(title)[:10]}"
        writers = [REVIEWERS[number % 5], REVIEWERS[(number + 2) % 5]]
        paths = [f"{stem}{n}.htm" for n in (1, 2)] if number in twice else [f"{stem}.htm"]
        for turn, path in enumerate(paths):
            reviewer = writers[turn]
            month, day = 1 + number % 12, 1 + number % 27
            off_shape = number in (5, 30)
            others = [p for p in paths if p != path]
            also = (
                f'<p>Be sure to read <a href="{link(path, others[0])}">'
                f"{writers[1 - turn]}'s</a> review as well.</p>"
                if others
                else ""
            )
            site.add(
                Article(
                    path,
                    title,
                    writer.review(title, director, actor),
                    byline="Review by",
                    author=reviewer,
                    author_href=f"../{_slug(reviewer)}.htm",
                    posted=f"Posted {day} {MONTHS[month - 1]} 1999",
                    pictures=[
                        Picture(
                            f"images/r{number}.jpg",
                            alt="{title} - Film Archive Online",
                            href=f"http://filmarchive.example/title?{_slug(title)}",
                        )
                    ],
                    credits_html="" if off_shape else _run_on_credits(director, actor, title),
                    extra_html=also,
                    expect={
                        "kind": "film_review",
                        "section": "film",
                        "reviewer": reviewer,
                        "off_shape": off_shape,
                        "cast": [] if off_shape else [actor, *RUN_ON_CAST],
                    },
                )
            )
    site.add(
        Article(
            "rcorrect.htm",
            "A Correction",
            ["Last week's review gave the wrong running time; we regret the error."],
            posted="Posted 12 March 1999",
            pictures=[Picture("images/r0.jpg", alt="{title} - Film Archive Online")],
            # a short unsigned notice drawn with the reviews' template: for an editor; no
            # nav links it, so it is filed with the articles, not left at the top
            expect={"kind": "feature", "flagged": True},
        )
    )
    for number, topic in enumerate(FEATURE_TOPICS):
        author = REVIEWERS[number % 5]
        site.add(
            Article(
                f"f{_slug(topic)[:12]}.htm",
                topic,
                # long, as features were: longer than any review of the site
                writer.review(topic, paragraphs=4) + writer.review(f"{topic} again", paragraphs=4),
                byline="by",
                author=author,
                author_href=f"../{_slug(author)}.htm",
                posted=f"Posted {1 + number} {MONTHS[number]} 1999",
                section="Feature",
                expect={"kind": "feature", "section": "feature", "reviewer": author},
            )
        )
    menu = [(text, f"fnoir{'-' + str(n) if n else ''}.htm") for n, text in enumerate(NOIR_PARTS)]
    for number, (part, path) in enumerate(menu):
        first = number == 0
        site.add(
            Article(
                path,
                "Noir at Fifty" if first else f"Noir at Fifty: {part}",
                [
                    "Lydia Farrant looks back at fifty years of film noir, "
                    "from the rain of the studio streets to the neon of today. "
                    "Follow the links below."
                ]
                if first
                else writer.review(part, paragraphs=3),
                byline="by",
                author="Lydia Farrant",
                author_href="../lydiafarrant.htm",
                posted="Posted 29 October 1999",
                section="Feature",
                part_menu=menu,
                expect={"kind": "feature", "section": "feature", "reviewer": "Lydia Farrant"}
                | ({} if first else {"part_of": menu[0][1]}),
            )
        )
    return site


CORPORA = {
    "year-folder-magazine": year_folder_magazine,
    "family-film-log": family_film_log,
    "one-template-folder": one_template_folder,
    "spanish-games": spanish_games,
    "flat-folder-magazine": flat_folder_magazine,
}
