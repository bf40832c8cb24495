"""A whole fixture site: "The Picture Ledger", a film magazine of 1999 in one flat folder
(every text here is written for these tests), whose <title>s say the section: its reviews'
end " - The Picture Ledger Review", its features' " - The Picture Ledger Feature".

What it reproduces (``build``):

- 20 reviews (``ledger/r<name>.htm``): "Review by <name>" and "Posted <date>" under the
  headline, the film's credits;
- 7 features (``ledger/f<name>.htm``) signed "Feature by", no credits;
- one page filed among the features, its <title> the features' (``MISFILED``), which
  reads as a review: "Review by", credits. The importer keeps it a film review, as it
  reads, and flags it "kind to check": the site's own <title> files it elsewhere;
- one review's <title> mistypes the affix (``MISTYPED``): it is still the affix;
- a home page linking the sections.
"""

from .pages import Article, Entry, Index, Site
from .texts import FILMS, REVIEWERS, Writer

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
FEATURES = [
    ("Projectionists of the Night Shift", "the last reel"),
    ("A Season of Silent Comedies", "the silent clowns"),
    ("Ten Years of the Harbour Festival", "the harbour festival"),
    ("Why Double Bills Vanished", "the double bill"),
    ("Scoring the Small Picture", "the film composer"),
    ("The Lost Art of the Trailer", "the coming attraction"),
    ("Cinemas That Became Churches", "the old picture palace"),
]
MISFILED = "ledger/fkites.htm"
MISTYPED, MISTYPED_AT = "The Picture Ledger Reveiw", 6  # one <title>'s affix, mistyped by hand


def _slug(title: str) -> str:
    return "".join(ch for ch in title.lower().split()[-1] if ch.isalnum())


def build(seed: int = 23) -> Site:
    writer = Writer(seed)
    site = Site(
        name="The Picture Ledger",
        template="frontpage4",
        nav=[
            ("Home", "ledger/index.htm"),
            ("Reviews", "ledger/index.htm#reviews"),
            ("Features", "ledger/index.htm#features"),
        ],
        copyright="Copyright © 1999 The Picture Ledger. Letters welcome.",
        title_pattern="{title} - {site} {section}",
    )
    entries = []
    for number, (title, director, actor) in enumerate(FILMS[:20]):
        path = f"ledger/r{_slug(title)}{number}.htm"
        reviewer = REVIEWERS[number % len(REVIEWERS)]
        day, month = 2 + number, MONTHS[number % len(MONTHS)]
        site.add(
            Article(
                path,
                title,
                writer.review(title, director, actor),
                byline="Review by",
                author=reviewer,
                posted=f"Posted {day} {month} 1999",
                credits=[f"Directed by {director}", f"Starring {actor}", "1999"],
                section="Review",
                head_title=f"{title} - {MISTYPED}" if number == MISTYPED_AT else None,
                expect={"kind": "film_review", "flagged": False},
            )
        )
        entries.append(Entry(path, title))
    for number, (title, subject) in enumerate(FEATURES):
        path = f"ledger/f{_slug(title)}.htm"
        writer_name = REVIEWERS[(number + 2) % len(REVIEWERS)]
        site.add(
            Article(
                path,
                title,
                [
                    f"Everyone who has loved the cinema has a story about {subject}, and "
                    "ours begins in a town with one screen and a cashier who knew every "
                    "face in the queue.",
                    *writer.review(subject, paragraphs=2),
                ],
                byline="Feature by",
                author=writer_name,
                posted=f"Posted {10 + number} {MONTHS[number]} 1999",
                section="Feature",
                expect={"kind": "feature", "flagged": False},
            )
        )
        entries.append(Entry(path, title))
    title, director, actor = FILMS[22]  # "A House of Kites": a review filed as a feature
    site.add(
        Article(
            MISFILED,
            title,
            writer.review(title, director, actor),
            byline="Review by",
            author=REVIEWERS[1],
            posted="Posted 30 August 1999",
            credits=[f"Directed by {director}", f"Starring {actor}", "1999"],
            section="Feature",
            expect={"kind": "film_review", "flagged": True},
        )
    )
    entries.append(Entry(MISFILED, title))
    site.add(
        Index(
            "ledger/index.htm",
            "The Picture Ledger",
            entries,
            intro="Reviews and longer pieces, written by people who still queue for tickets.",
            expect={"kind": "home"},
        )
    )
    return site
