"""A home computer news site of 1997 written by hand, 27 pages, where a page's <title> is
often not its name and its headline is an <h2> or <h3>, never an <h1>:

- 5 weekly digests, each a two-column table: a narrow left column listing the week's
  dates one under another (a dozen short lines), the right column the week's items, each
  under an <h2> headline; every digest's <title> is the site's name. A digest is named by
  its first headline.
- 4 special reports in two pairs, each pair printing one <title> ("Circuit Courier
  Special Report", "Circuit Courier Show Report") over two different <h3> headlines.
- 4 interviews: two print the <title> of the first (the file was copied for the second
  and its <title> never changed), two their own specific <title>.
- 4 show diaries whose own <title> names them, with "Day one"-style <h3> headings further
  down their text: the <title> stays their name.
- 6 columns in three issues under one <title>, the first of each issue printing the
  column's <h2> name over its own <h3> headline, the second its <h3> alone: the column's
  name is printed on three pages, so it names none of them.
- 8 press releases printing no heading under one <title>, an index and an about page.
"""

import datetime
from html import escape

from .pages import Article, Entry, Index, Raw, Site
from .texts import Writer

NAME = "Circuit Courier"
NEWS = [
    "The user group in the harbour town has moved its meetings to the library annexe.",
    "A new accelerator card was shown behind closed doors and nobody would name a price.",
    "The disk magazine that started in a bedroom has reached its fortieth issue.",
    "Two shops in the north have merged and promise to keep both counters open.",
    "A ray tracer written by a student now renders a teapot in under an hour.",
    "The modem tariff war continues and the cheapest night rate fell again this week.",
    "A long awaited game sequel slipped to the spring, its makers blame the music.",
    "Readers have sent in more than two hundred answers to last month's puzzle.",
]
WEEKS = [
    ("week14.htm", ["Printer Prices Tumble", "Rally at the Town Hall", "Sound Card Rumours"]),
    ("week15.htm", ["New Owner for the Old Brand", "Club Night Moves", "Disk Sale Ends"]),
    ("week16.htm", ["Graphics Board Shipping", "Fair Dates Fixed", "Letters Pile Up"]),
    ("week17.htm", ["Browser Beta Out Now", "Mailbox Down Again", "Tracker Update"]),
    ("week18.htm", ["Second Hand Market Booms", "Compiler Goes Free", "Cover Disk Mixup"]),
]
REPORTS = [
    ("reports/ferries.htm", "Special Report", "Home Computers Running the Island Ferries"),
    ("reports/library.htm", "Special Report", "The Library That Never Upgraded"),
    ("reports/northfair.htm", "Show Report", "Crowds and Queues at the North Fair"),
    ("reports/westexpo.htm", "Show Report", "A Quiet Weekend at the West Expo"),
]
COPIED = "Interview with Ada Keller, maker of PaintBox."
INTERVIEWS = [
    ("interviews/keller.htm", COPIED, "An Interview with Ada Keller, maker of PaintBox"),
    ("interviews/moss.htm", COPIED, "An Interview with Tom Moss of Lantern Soft"),
    ("interviews/vance.htm", "Talking to Ivo Vance", "A Conversation with Ivo Vance"),
    ("interviews/okafor.htm", "Nell Okafor on Sound Chips", "An Afternoon with Nell Okafor"),
]
COLUMNS = [
    "Soldering by Lamplight",
    "The Cheapest Modem",
    "Fixing a Tired Mouse",
    "Why I Kept It",
    "A Drawer of Cables",
    "Ten Years of Joysticks",
]
SHOWS = ["Spring Swap Meet 1997", "Harbour Computer Fair", "Midland User Day", "Autumn Expo"]
VENDORS = ["Lantern Soft", "PaintBox", "Quill Tools", "Mosaic Labs"]


def build(seed: int = 23) -> Site:
    writer = Writer(seed)
    site = Site(name=NAME, template="handmade", nav=[("News", "index.htm")])
    entries = []
    for number, (name, headlines) in enumerate(WEEKS):
        path = f"news/{name}"
        entries.append(Entry(path, f"Week {14 + number}"))
        site.add(Raw(path, _digest(number, headlines), expect={"title": headlines[0]}))
    for path, kind, headline in REPORTS:
        html = _page(f"{NAME} {kind}", f"<H3><CENTER>{headline}</CENTER></H3>", writer, headline)
        site.add(Raw(path, html, expect={"title": headline}))
        entries.append(Entry(path, headline))
    for path, title, headline in INTERVIEWS:
        html = _page(title, f"<H3>{headline}</H3>", writer, headline)
        own = title if title != COPIED else headline
        site.add(Raw(path, html, expect={"title": own}))
        entries.append(Entry(path, headline))
    for number, headline in enumerate(COLUMNS):
        path = f"columns/issue{number // 2 + 1}/column{number % 2 + 1}.htm"
        column = "<H2>From the Workbench</H2>\n" if number % 2 == 0 else ""
        heading = f"{column}<H3>{escape(headline)}</H3>"
        site.add(
            Raw(
                path,
                _page(f"{NAME} Columns", heading, writer, headline),
                expect={"title": headline},
            )
        )
        entries.append(Entry(path, headline))
    for number, show in enumerate(SHOWS):
        path = f"shows/show{number + 1}.htm"
        text = writer.review(show, paragraphs=4)
        days = "".join(
            f"<H3>Day {day}</H3>\n<P>{escape(paragraph)}\n"
            for day, paragraph in zip(("one", "two", "three"), text[1:], strict=True)
        )
        body = f"<P>{escape(text[0])}\n{days}"
        site.add(Raw(path, _frame(show, body), expect={"title": show}))
        entries.append(Entry(path, show))
    for number in range(8):
        vendor = VENDORS[number % len(VENDORS)]
        path = f"releases/release{number + 1}.htm"
        body = "".join(f"<P>{escape(p)}\n" for p in writer.review(vendor, paragraphs=2))
        site.add(Raw(path, _frame(f"{NAME} Press Release", body), expect={}))
        entries.append(Entry(path, f"{vendor} release {number + 1}"))
    site.add(Index("index.htm", "What is new", entries))
    about, title = writer.review(NAME, paragraphs=2), "About the Courier"
    site.add(Article("about.htm", title, about, expect={"title": title}))
    return site


def _frame(title: str, body: str) -> str:
    return (
        "<HTML>\n<HEAD>\n<!-- written by hand -->\n"
        f'<TITLE>{escape(title)}</TITLE>\n</HEAD>\n<BODY BGCOLOR="#FFFFFF">\n'
        f'<CENTER><IMG SRC="courier.gif" ALT="{NAME}" WIDTH="250" HEIGHT="30"></CENTER>\n'
        f"<BR>\n{body}\n<HR>\n"
        f'<CENTER><A HREF="../index.htm">Back to the {NAME}</A></CENTER>\n</BODY>\n</HTML>\n'
    )


def _page(title: str, heading: str, writer: Writer, subject: str) -> str:
    body = "".join(f"<P>{escape(p)}\n" for p in writer.review(subject, paragraphs=3))
    return _frame(title, f"{heading}\n{body}")


def _digest(number: int, headlines: list[str]) -> str:
    """A week of news: the dates down the left, the items on the right."""
    first = datetime.date(1997, 4, 1) + datetime.timedelta(days=7 * number)
    days = [f"{first + datetime.timedelta(days=n):%d %B %Y}" for n in range(12)]
    dates = "<BR><BR><BR><BR>".join(reversed(days))
    items = "".join(
        f"<H2><CENTER>{escape(headline)}</CENTER></H2>\n"
        f"<P>{escape(NEWS[(number + i) % len(NEWS)])} "
        f"{escape(NEWS[(number + i + 3) % len(NEWS)])} "
        f"{escape(NEWS[(number + i + 5) % len(NEWS)])}\n<HR>\n"
        for i, headline in enumerate(headlines)
    )
    return (
        f'<HTML>\n<HEAD>\n<TITLE>{NAME}</TITLE>\n</HEAD>\n<BODY BGCOLOR="#FFFFFF">\n'
        '<TABLE BORDER=0 WIDTH=630>\n<TR>\n<TD WIDTH=110 VALIGN="TOP">\n'
        '<CENTER><B>Elsewhere:</B><BR>\n<A HREF="http://example.net/wire/">The Wire</A><BR>\n'
        '<A HREF="http://example.net/board/">Board News</A><BR>\n'
        f"<BR><BR><BR><B>{dates}</B></CENTER>\n</TD>\n<TD WIDTH=20></TD>\n"
        f'<TD WIDTH=500 VALIGN="TOP">\n<CENTER><IMG SRC="../courier.gif" ALT="{NAME}"></CENTER>\n'
        f"<HR>\n{items}</TD>\n</TR>\n</TABLE>\n</BODY>\n</HTML>\n"
    )
