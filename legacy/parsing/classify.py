"""What kind of page it is: a review, news, a feature, a plain page, a listing of other
pages, or a stub (pure). By content first, folder second (``legacy/README.md``); the
operator's ``--map`` and ``--section`` rules win over both (``sections.py``)."""

import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from .bylines import opens_with_label, parse_byline
from .document import Credits, Kind
from .options import FolderHints
from .paths import names_a_file
from .shapes import byline, heading
from .text import content_words
from .units import Span, Unit, items_text

STUB_WORDS = 10
LISTING_LINK_SHARE = 0.4
LISTING_HINTED_LINK_SHARE = 0.25
LISTING_MAX_PROSE_WORDS = 40
FEATURE_MIN_WORDS = 300
FEATURE_BYLINE_UNITS = 4  # a long page with a byline among its first units is a feature
SIGNED_FEATURE_WORDS = 100  # a signed page this long is a short article, never a plain page
PLACEHOLDER_MAX_WORDS = 60  # an "under construction" page says no more than this
INDEX_MIN_ENTRIES = 3  # an index lists this many pages with a summary each
INDEX_SUMMARY_WORDS = 40
INDEX_MIN_SUMMARY_WORDS = 3
INDEX_MAX_PROSE_WORDS = 80  # a unit of running text this long: an article, not an index

_UNDER_CONSTRUCTION = re.compile(
    r"under\s+construction|coming\s+soon|page\s+not\s+found|\b404\b|to\s+follow\s+shortly",
    re.IGNORECASE,
)
_LISTING_STEM = re.compile(r"^(?:index|default|contents|archive|sitemap)|a-?z$|reviews?$|list")
_LISTING_NAME = re.compile(
    r"\bA\s*(?:-|–|—|to)\s*Z\b|\bindex\b|\blist(?:ing)?s?\b|\barchives?\b|\bcontents\b",
    re.IGNORECASE,
)


def path_hints(source_path: str, folders: FolderHints) -> set[Kind]:
    """The shapes of page the path suggests: its folders' names (books/, reviews/, news/:
    ``ParseOptions.folder_hints``, from the section kinds), a news file's name, and the
    file name of an index (index.htm, films-a-z.htm)."""
    path = PurePosixPath(source_path.replace("\\", "/").lower())
    hints: set[Kind] = set()
    for folder in path.parent.parts:
        hints |= folders.of_folder(folder)
    stem = path.stem
    hints |= {shape for word, shape in folders.words if shape is Kind.NEWS and word in stem}
    if _LISTING_STEM.search(stem):
        hints.add(Kind.LISTING)
    return hints


def decide_kind(
    units: list[Unit],
    credits: Credits | None,
    hints: set[Kind],
    title: str,
    news_like: bool,
    all_units: list[Unit],
    signed: bool = False,
) -> tuple[Kind, list[str]]:
    """``all_units``: the page before chrome was removed (an index's links may be the
    site's nav bar too: the index still lists them). ``signed``: the site's byline slot or
    the headline's line signed the page (its byline is already off the units)."""
    words = content_words(" ".join(unit.text for unit in units))
    has_images = any(unit.image for unit in units)
    if not words and not has_images:
        return Kind.STUB, ["stub: no content found"]
    if (
        _UNDER_CONSTRUCTION.search(f"{title} {' '.join(words)}")
        and len(words) < PLACEHOLDER_MAX_WORDS
    ):
        return Kind.STUB, ["stub: page is a placeholder ('under construction')"]
    listing_named = Kind.LISTING in hints or _names_a_listing(title, units)
    if credits is None and _is_listing(units, len(words), listing_named):
        return Kind.LISTING, []
    if credits is None and _index_entries(all_units) >= INDEX_MIN_ENTRIES:
        return Kind.LISTING, ["a listing by its shape: links to pages, each with a summary"]
    if len(words) < STUB_WORDS:
        return Kind.STUB, [f"stub: only {len(words)} word(s) of content"]
    if credits is not None:
        is_book = credits.is_book or (Kind.BOOK_REVIEW in hints and not credits.countries)
        return (Kind.BOOK_REVIEW if is_book else Kind.FILM_REVIEW), []
    if news_like:
        return Kind.NEWS, []
    if Kind.FEATURE in hints:
        return Kind.FEATURE, []
    if hints & {Kind.BOOK_REVIEW, Kind.FILM_REVIEW}:
        # No credits, no review: a game, a restaurant, a list of favourites, an essay.
        folder = "books" if Kind.BOOK_REVIEW in hints else "films"
        return Kind.FEATURE, [
            f"check kind: no credits line, so imported as a feature although it sits with "
            f"the {folder}; map it with --map to import it as a review"
        ]
    headings = sum(1 for unit in units if heading(unit))
    signed = signed or any(map(_signed, units[:FEATURE_BYLINE_UNITS]))
    if len(words) >= FEATURE_MIN_WORDS and (headings >= 2 or signed):
        return Kind.FEATURE, []
    if len(words) >= SIGNED_FEATURE_WORDS and signed:  # a column, an editorial: "par X"
        return Kind.FEATURE, []
    return Kind.PAGE, []


def _signed(unit: Unit) -> bool:
    """A byline, as the unit or as one of its lines ("A Walk on the Moon<br>interview by
    Ann Lu, 2 April 1999": a headline and its byline in one paragraph)."""
    if byline(unit):
        return True
    for line in unit.line_texts[1:]:
        found = opens_with_label(line) and parse_byline(line)
        if found and found.label and found.name:
            return True
    return False


def _index_entries(units: list[Unit]) -> int:
    """Entries of an index of pages: a line that opens with a link and goes on with a
    short summary ("Lone Star - John Sayles digs up a Texas town"), or a unit that is one
    link followed by a short summary without links (a <dt>/<dd> pair). A page whose longest
    prose runs on is not an index, however many links it has."""
    entries = 0
    for index, unit in enumerate(units):
        if unit.image is not None:
            continue
        if len(content_words(unit.text)) > INDEX_MAX_PROSE_WORDS and not unit.hrefs:
            return 0
        for line in unit.lines:
            spans = [item for item in line if isinstance(item, Span) and item.text.strip()]
            if not spans or not spans[0].style.link or _download(spans[0].style.href):
                continue
            summary = [w for s in spans if not s.style.link for w in content_words(s.text)]
            if INDEX_MIN_SUMMARY_WORDS <= len(summary) <= INDEX_SUMMARY_WORDS:
                entries += 1
            elif not summary and len(unit.lines) == 1 and len(set(unit.hrefs)) == 1:
                following = units[index + 1] if index + 1 < len(units) else None
                entries += following is not None and _is_summary(following)
            elif not summary and line is unit.lines[0] and len(set(unit.hrefs)) == 1:
                # "<a>Title</a><br>by Author": the lines under the link are its summary
                rest = [w for other in unit.lines[1:] for w in content_words(items_text(other))]
                entries += INDEX_MIN_SUMMARY_WORDS <= len(rest) <= INDEX_SUMMARY_WORDS
    return entries


def _download(href: str | None) -> bool:
    """A link to a file that is no page (a module, an archive, a picture): a page of such
    links is a page of downloads, not an index of the site's pages."""
    if not href:
        return False
    parts = urlsplit(href.strip())
    if parts.scheme.lower() not in ("", "http", "https", "ftp"):
        return False  # mailto:, news: ... neither pages nor files
    return names_a_file(parts.path)


def _is_summary(unit: Unit) -> bool:
    words = len(content_words(unit.text))
    return (
        unit.image is None
        and not unit.hrefs
        and INDEX_MIN_SUMMARY_WORDS <= words <= INDEX_SUMMARY_WORDS
    )


def _names_a_listing(title: str, units: list[Unit]) -> bool:
    """An index-like title or heading: "Film Reviews A-Z", "Index of books", "Archive"."""
    return bool(_LISTING_NAME.search(title)) or any(
        _LISTING_NAME.search(unit.text) for unit in units if heading(unit)
    )


def _is_listing(units: list[Unit], total_words: int, hinted: bool) -> bool:
    """Mostly links to other pages, with little prose between them. A single link makes a
    listing only under a listing-like file name, title or heading (an A-Z page with one
    review so far); otherwise one link is too little to tell a listing from a stub."""
    links = [href for unit in units for href in unit.hrefs if not _download(href)]
    if not links or (len(links) < 2 and not hinted) or not total_words:
        return False
    link_words = sum(
        len(content_words(span.text))
        for unit in units
        for span in unit.spans
        if span.style.link and not _download(span.style.href)
    )
    share = link_words / total_words
    longest_prose = max(
        len(content_words(" ".join(s.text for s in unit.spans if not s.style.link)))
        for unit in units
    )
    mostly_links = share >= LISTING_LINK_SHARE and longest_prose < LISTING_MAX_PROSE_WORDS
    if len(links) == 1:
        return mostly_links
    return mostly_links or (hinted and share >= LISTING_HINTED_LINK_SHARE)
