"""A hardware and software magazine of 1998, three issues of 10 pages each, 30 in all:
every test prints one line under its heading, a label the site made up followed by the
tester's name ("Tested by Ilse Brandt", "Getestet von Ilse Brandt"), plain text, no colon,
no bold; three testers share the twelve tests, four each. Columns and
letters carry no such line. The label is no byline label of any lexicon: only the site
says it is one (a constant label before varying names on many pages)."""

from .pages import Article, Entry, Index, Site
from .texts import Writer

PRODUCTS = [
    "Turbo Card 40",
    "Disk Mender",
    "Pixel Press",
    "Sound Sampler Pro",
    "Tower Kit 4000",
    "Net Caller",
    "Font Forge",
    "Scan Master",
    "Clock Board",
    "Mouse Mate",
    "Tape Streamer",
    "Print Spooler",
]
TESTERS = ["Ilse Brandt", "Torvald Eich", "Marek Sollmann"]
COLUMNS = ["Editorial", "Letters", "Classifieds", "News", "Outlook"]


def build(label: str = "Tested by", seed: int = 23) -> Site:
    writer = Writer(seed)
    site = Site(
        name="Silicon Desk",
        template="frontpage4",
        nav=[("Contents", "issue1/contents.htm"), ("Archive", "issue2/contents.htm")],
        copyright="Silicon Desk 1998. All rights reserved.",
    )
    for issue in range(1, 4):
        folder = f"issue{issue}"
        entries = []
        for number in range(4):
            product = PRODUCTS[4 * (issue - 1) + number]
            tester = TESTERS[(issue + number) % 3]
            path = f"{folder}/test{number + 1}.htm"
            entries.append(Entry(path, product))
            site.add(
                Article(
                    path,
                    product,
                    writer.review(product, paragraphs=2),
                    byline=label,
                    author=tester,
                    expect={"people": [tester], "label": label},
                )
            )
        for column in COLUMNS:
            path = f"{folder}/{column.lower()}.htm"
            title = f"{column} {issue}/98"
            entries.append(Entry(path, title))
            site.add(
                Article(path, title, writer.review(column, paragraphs=2), expect={"people": []})
            )
        site.add(Index(f"{folder}/contents.htm", f"Silicon Desk {issue}/98", entries))
    return site
