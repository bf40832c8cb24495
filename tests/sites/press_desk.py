"""An Amiga news desk of 1997, 26 pages, hand-made: 20 press releases as the vendors sent
them, each printing its price under the headline on a line of its own after a label
("Suggested Retail Price US$ 49.95", in German releases "Empfohlener Verkaufspreis DM
79,00"), 5 film reviews of the desk's weekend column with real credits ("Directed by ...
96 mins."), and an index. A price and its label are no film's credits: the label names
nobody."""

from .pages import Article, Entry, Index, Site
from .texts import Writer

PRODUCTS = [
    ("Hex Painter 3", "US$ 49.95"),
    ("Module Master", "US$ 29.00"),
    ("Sky Pilot CD", "£19.99"),
    ("Disk Doctor Pro", "US$ 59.95"),
    ("Scanline 24", "DM 149,00"),
    ("Net Courier", "US$ 35.00"),
    ("Sprite Works", "DM 79,00"),
    ("Tracker Deluxe", "£24.99"),
    ("Font Garden CD", "DM 59,00"),
    ("Backup Buddy", "US$ 19.95"),
]
FILMS = [
    ("The Salt Road", "Hollis Grange", "96 mins"),
    ("Winter Harbour", "Marta Kessling", "104 mins"),
    ("A Lamp for Juno", "Oskar Lindahl", "88 mins"),
    ("The Glass Kite", "Ruth Abernathy", "112 mins"),
    ("Low Tide", "Pedro Ordaz", "91 mins"),
]


def build(seed: int = 31) -> Site:
    writer = Writer(seed)
    site = Site(name="Amiga Wire", template="handmade", nav=[("News", "index.htm")])
    entries = []
    for number, (product, price) in enumerate(PRODUCTS * 2):
        german = number >= len(PRODUCTS)
        label = "Empfohlener Verkaufspreis" if german else "Suggested Retail Price"
        path = f"pr/release{number + 1:02d}.htm"
        title = f"{product} {'erhältlich' if german else 'now shipping'}"
        entries.append(Entry(path, title))
        text = writer.review(product, paragraphs=2)
        site.add(
            Article(
                path,
                title,
                [f"{label} {price}", *text],
                expect={"directors": [], "price": f"{label} {price}"},
            )
        )
    for title, director, length in FILMS:
        path = f"weekend/{title.lower().replace(' ', '')}.htm"
        entries.append(Entry(path, title))
        site.add(
            Article(
                path,
                title,
                writer.review(title, director=director),
                credits=[f"Directed by {director}. {length}."],
                expect={"directors": [director]},
            )
        )
    site.add(Index("index.htm", "Amiga Wire", entries))
    return site
