"""Plain data the legacy parser hands to the importer: no Django, no parsing logic."""

import datetime
from dataclasses import dataclass, field
from enum import StrEnum


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


@dataclass
class Credits:
    raw: str  # the credits line as printed, e.g. "Mark Romanek. U.K. 2010."
    people: list[str]  # directors (films) or authors (books), each name whole
    countries: list[str] = field(default_factory=list)  # "U.K." kept as written
    year: int | None = None
    publisher: str = ""
    pages: int | None = None
    is_book: bool = False  # publisher and/or "NNN pages" seen


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
class LegacyDocument:
    source_path: str
    kind: Kind
    title: str
    encoding: str  # the codec actually used to decode
    credits: Credits | None = None
    blocks: list[Block] = field(default_factory=list)
    published: datetime.date | None = None
    links: list[str] = field(default_factory=list)  # content hrefs as written, in order
    leftovers: list[str] = field(default_factory=list)  # content text placed in no block
    warnings: list[str] = field(default_factory=list)
    content_text: str = ""  # reader-visible content words (no chrome, title or credits)
    source_text: str = ""  # all visible text of the old page, before any removal
    removed: list[Removed] = field(default_factory=list)  # in page order
    residue: list[str] = field(default_factory=list)  # kept units that look like chrome

    @property
    def field_text(self) -> str:
        """The words the page keeps in fields rather than blocks: title and credits."""
        return "\n".join([self.title, self.credits.raw if self.credits else ""])
