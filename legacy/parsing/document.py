"""Plain data the legacy parser hands to the importer: no Django, no parsing logic."""

import datetime
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .aside import Aside


class Kind(StrEnum):
    FILM_REVIEW = "film_review"
    BOOK_REVIEW = "book_review"
    NEWS = "news"
    FEATURE = "feature"
    PAGE = "page"  # plain page such as About Us
    LISTING = "listing"  # A-Z / index pages: not imported as articles, their links teach sections
    STUB = "stub"  # empty or near-empty: skipped and reported


@dataclass
class Removed:
    """Visible text of the old page that the new page does not hold, and why."""

    reason: str  # "site chrome: recurs on 12 pages", "Dreamweaver template", "server code"
    text: str
    # a slot's label or value ("Review by", "Posted 8 Oct 1999"): "held" when a field
    # holds it (counted with the fields), "dropped" when it went as chrome (counted lost)
    slot: str = ""


@dataclass
class CreditPart:
    """One piece of a credits line as printed, and what it was read as: every character of
    the line (but separators) is in exactly one part, so nothing printed is lost."""

    role: str  # "label", "person", "year", "isbn", ... or "remainder" (not understood)
    text: str


@dataclass
class Credits:
    raw: str  # the credits line(s) as printed, e.g. "Mark Romanek. U.K. 2010."
    people: list[str]  # directors (films) or authors/editors (books), each name whole
    countries: list[str] = field(default_factory=list)  # "U.K." kept as written
    year: int | None = None
    publisher: str = ""
    pages: int | None = None
    is_book: bool = False  # publisher, ISBN and/or "NNN pages" seen
    isbn: str = ""  # as printed, without the "ISBN" label
    running_time: int | None = None  # minutes
    cast: list[str] = field(default_factory=list)
    translators: list[str] = field(default_factory=list)
    edition: str = ""  # binding or edition as printed: "Paper", "2nd edition", "hardcover"
    work_title: str = ""  # the work's title when the credits print it
    extras: list[str] = field(default_factory=list)  # understood, no field: "$12.95", "Cert 15"
    remainder: list[str] = field(default_factory=list)  # pieces not understood, as printed
    parts: list[CreditPart] = field(default_factory=list)

    @property
    def note(self) -> str:
        """What the credits print beyond their fields, for the credits note readers see."""
        return ". ".join([*self.extras, *self.remainder])


@dataclass
class Rating:
    printed: str  # as the page shows it: "8/10", "****", "B+", "4 stars"
    value: float | None = None  # 8.0; None for a grade that is not a number ("B+")
    best: float | None = None  # the top of its scale: 10.0, 5.0


@dataclass
class Epigraph:
    quote: str  # without the wrapping quote marks
    attribution: str = ""  # without the leading dash


@dataclass
class Quotation:
    paragraphs: list[str]  # each sanitised inline rich text, as a Paragraph's html
    source: str = ""  # who or what it quotes, without the leading dash


@dataclass
class SpoilerNotice:
    label: str  # as printed, minus a leading "Note:"
    text: str = ""  # whatever follows the label


@dataclass
class Paragraph:
    # One paragraph of sanitised inline rich text: only <i>, <b>, <a href> and <br/>; or one
    # list, <ul>/<ol> of <li> items holding that same inline rich text.
    html: str


@dataclass
class Preformatted:
    text: str  # plain text, its line breaks and indentation as written in the <pre>


@dataclass
class Table:
    rows: list[list[str]]  # plain cell texts, the header row first
    caption: str = ""


@dataclass
class Heading:
    text: str
    level: int = 2


@dataclass
class Image:
    src: str  # as written in the source (relative URLs unresolved)
    alt: str = ""
    caption: str = ""


@dataclass
class Signature:
    name: str
    dateline: str = ""
    note: str = ""  # a title or affiliation printed with the name: "Pastor, Petros Church"


Block = (
    Epigraph
    | Quotation
    | SpoilerNotice
    | Paragraph
    | Preformatted
    | Table
    | Heading
    | Image
    | Signature
)


@dataclass
class IndexEntry:
    """One entry of an index page: the link, and the date and blurb printed beside it."""

    href: str  # as written
    text: str  # the link's text
    date: datetime.date | None = None
    blurb: str = ""  # the line the index prints about the page, as printed
    printed_date: str = ""  # the date as printed
    printed: str = ""  # all the entry prints: its line, and the cells of its date and blurb


@dataclass
class LegacyDocument:
    source_path: str
    kind: Kind
    title: str
    encoding: str  # the codec actually used to decode
    credits: Credits | None = None
    rating: Rating | None = None
    blocks: list[Block] = field(default_factory=list)
    published: datetime.date | None = None
    links: list[str] = field(default_factory=list)  # content hrefs as written, in order
    leftovers: list[str] = field(default_factory=list)  # content text placed in no block
    warnings: list[str] = field(default_factory=list)
    content_text: str = ""  # reader-visible content words (no chrome, title or credits)
    source_text: str = ""  # all visible text of the old page, before any removal
    removed: list[Removed] = field(default_factory=list)  # in page order
    residue: list[str] = field(default_factory=list)  # kept units that look like chrome
    entries: list[IndexEntry] = field(default_factory=list)  # an index's, with dates, blurbs
    intro: str = ""  # an index's introduction, before its entries: its section's intro
    summary: str = ""  # the blurb an index of the site prints beside its link to the page
    # Where ``published`` came from: "printed" on the page, or the site's evidence
    # ("index", "folder", "neighbours", "copyright": ``evidence.py``), then approximate.
    date_source: str = ""
    date_approximate: bool = False
    turns: list[tuple[str, str]] = field(default_factory=list)  # ("next", href): other parts
    continues: str = ""  # a later part of an article printed over pages: the first part's path
    parts: list[str] = field(default_factory=list)  # on the first part: the later parts' paths
    cluster: str = ""  # the site's template the page is an instance of ("1999/films#1")
    cluster_outlier: str = ""  # why its kind is to check against its cluster's, if it is
    # While the page waits to be written, its heavy fields (blocks, texts, removals) wait
    # on disk: where, and the facts of them the site's rules read (``aside``); else None.
    aside: "Aside | None" = None

    @property
    def field_text(self) -> str:
        """The words the page keeps in fields rather than blocks: title and credits."""
        parts = [self.title, self.credits.raw if self.credits else ""]
        return "\n".join([*parts, self.rating.printed if self.rating else ""])
