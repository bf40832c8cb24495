"""A late-night radio show's site of 1999-2000, 27 pages made in FrontPage 3, no page
printing its own date. Its folders name their files by the day in four ways: news items
as ``news-YYYYMMDD.htm``, the presenter's diary as ``YYYY-MM-DD.htm``, concert notes as
``gig-DDMMYYYY.htm`` (the German guest editor's habit) and the show archive half in the
old six-digit way, half in the new eight-digit one (``show-991230.htm``,
``show-20000106.htm``). Beside them, digits that are no dates: catalogue numbers of
eight digits, and record sets whose eight digits read as a date day-first and month-first
alike. The footer says "Copyright © 1998" (the year the show started)."""

from .pages import Article, Entry, Index, Site
from .texts import Writer

DATED = {
    "news/news-19990312.htm": "1999-03-12",
    "news/news-19990402.htm": "1999-04-02",
    "news/news-19990517.htm": "1999-05-17",
    "news/news-19990630.htm": "1999-06-30",
    "news/news-19990821.htm": "1999-08-21",
    "news/news-19991104.htm": "1999-11-04",
    "diary/1999-10-02.htm": "1999-10-02",
    "diary/1999-10-16.htm": "1999-10-16",
    "diary/1999-11-13.htm": "1999-11-13",
    "diary/1999-12-31.htm": "1999-12-31",
    "diary/2000-01-22.htm": "2000-01-22",
    "gigs/gig-24041999.htm": "1999-04-24",
    "gigs/gig-05061999.htm": "1999-06-05",
    "gigs/gig-18091999.htm": "1999-09-18",
    "gigs/gig-02102000.htm": "2000-10-02",
    "archive/show-991230.htm": "1999-12-30",
    "archive/show-991231.htm": "1999-12-31",
    "archive/show-20000106.htm": "2000-01-06",
    "archive/show-20000113.htm": "2000-01-13",
}
UNDATED = [
    "catalogue/item-12345678.htm",
    "catalogue/item-87654321.htm",
    "catalogue/item-55501234.htm",
    "sets/set-01021999.htm",
    "sets/set-03041999.htm",
    "sets/set-05061999.htm",
]
COPYRIGHT_DATE = "1998-01-01"
SUBJECTS = ["The Lighthouse Tapes", "Static and Rain", "Owls at Midnight", "The Long Drive"]


def build(seed: int = 41) -> Site:
    writer = Writer(seed)
    site = Site(
        name="Night Owl Radio",
        template="frontpage3",
        nav=[("Home", "index.htm"), ("News", "news/news-19991104.htm")],
        copyright="Copyright © 1998 Night Owl Radio. All rights reserved.",
    )
    entries = []
    for number, (path, date) in enumerate(DATED.items()):
        title = f"{SUBJECTS[number % len(SUBJECTS)]}, part {number + 1}"
        expect = {"date": date, "date_source": "filename"}
        site.add(Article(path, title, writer.review(title, paragraphs=2), expect=expect))
        entries.append(Entry(path, title))
    for number, path in enumerate(UNDATED):
        title = f"Record shelf {number + 1}"
        expect = {"date": COPYRIGHT_DATE, "date_source": "copyright"}
        site.add(Article(path, title, writer.review(title, paragraphs=2), expect=expect))
        entries.append(Entry(path, title))
    site.add(Index("index.htm", "On the air", entries))
    return site
