"""parse_document: the bytes of one legacy page -> a LegacyDocument (pure, no Django).

Pipeline: decode (encoding.py) -> drop chrome elements (chrome.py) -> flatten to units
(units.py) -> drop chrome units -> take title and credits off the top -> decide the kind
-> turn the remaining units into blocks (shapes.py), in reading order.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import PurePosixPath

from bs4 import BeautifulSoup

from textkit.markup import html_to_text, normalise_space

from .accounting import words_beyond
from .bylines import is_person_name, parse_byline
from .chrome import (
    is_chrome_unit,
    is_nav_unit,
    is_title_image,
    remove_chrome_elements,
    strip_chrome_markup,
)
from .credits import (
    has_work_facts,
    is_credits,
)
from .dates import date_line, leading_date
from .dating import BODY_START_WORDS, published_date
from .document import (
    Block,
    Credits,
    Heading,
    Image,
    Kind,
    LegacyDocument,
    Paragraph,
    Removed,
    Signature,
    SpoilerNotice,
    Table,
)
from .encoding import DecodedText, decode_html
from .header import (
    HEADER_UNITS,
    take_closing_credits,
    take_header,
)
from .names import is_institution
from .ratings import parse_rating, take_rating
from .shapes import (
    byline,
    epigraph,
    heading,
    list_block,
    not_a_person,
    preformatted,
    quotation,
    several_people,
    signature,
    spoiler_notice,
)
from .site import (
    SiteModel,
    learn_site,
    recurring_lines,
    site_chrome,
    site_of,
    title_segments,
)
from .site import residue as site_residue
from .templates import remove_template_parts, strip_server_code
from .text import block_text, content_words
from .titles import MAX_TITLE_WORDS, TitleChoice, choose_title, key, title_parts
from .titles import clean_page_title as clean_page_title  # re-exported: its old home
from .units import Span, Unit, items_text, join_lines, make_soup, render_inline, walk
from .visible import removal, visible_text

TAIL_UNITS = 3  # a signature sits within this many units of the end
STUB_WORDS = 10
LISTING_LINK_SHARE = 0.4
LISTING_HINTED_LINK_SHARE = 0.25
LISTING_MAX_PROSE_WORDS = 40
FEATURE_MIN_WORDS = 300
MAX_CAPTION_WORDS = 25
NEWS_ITEM_MIN_WORDS = 8
INDEX_MIN_ENTRIES = 3  # an index lists this many pages with a summary each
INDEX_SUMMARY_WORDS = 40
INDEX_MAX_PROSE_WORDS = 80  # a unit of running text this long: an article, not an index

_UNDER_CONSTRUCTION = re.compile(
    r"under\s+construction|coming\s+soon|page\s+not\s+found|\b404\b|to\s+follow\s+shortly",
    re.IGNORECASE,
)
_LISTING_NAME = re.compile(
    r"\bA\s*(?:-|–|—|to)\s*Z\b|\bindex\b|\blist(?:ing)?s?\b|\barchives?\b|\bcontents\b",
    re.IGNORECASE,
)
_DATE_SEPARATOR = re.compile(r"^\s*(?:[-–—:|]+|\.)\s*")  # "3. May 2002 - ..." after the date
_TRAILING_YEAR = re.compile(r"\s*\((1[89]\d\d|20\d\d)\)\s*$")
_SIGNED_KINDS = {Kind.FILM_REVIEW, Kind.BOOK_REVIEW, Kind.FEATURE}
_REVIEW_KINDS = {Kind.FILM_REVIEW, Kind.BOOK_REVIEW}
_RATED_KINDS = {*_SIGNED_KINDS, Kind.PAGE}  # a game or a restaurant reviewed as a page


def parse_document(
    data: bytes,
    source_path: str = "",
    decoded: DecodedText | None = None,
    *,
    date_order: str = "dmy",
) -> LegacyDocument:
    """Parse one legacy page on its own (no site to learn from). Never raises: any input
    yields a document (a STUB with a warning when nothing usable is there). ``decoded``:
    ``decode_html(data)`` when the caller has it already, so it is not decoded twice."""
    return parse_site([(decoded or bytes(data or b""), source_path)], date_order=date_order)[0]


def parse_site(
    pages: Sequence[tuple[bytes | DecodedText, str]], *, date_order: str = "dmy"
) -> list[LegacyDocument]:
    """Parse a mirror's pages together: learn each site's chrome from all of its pages
    (``site``), then parse each page with it. Same order as ``pages``; never raises.
    ``date_order``: "dmy" (03/04/2002 is 3 April) or "mdy" (US sites: 4 March)."""
    prepared: list[PreparedPage | LegacyDocument | None] = [
        _safely(source_path, _prepare, source, source_path) for source, source_path in pages
    ]
    by_site: dict[str, list[PreparedPage]] = {}
    for page in prepared:
        if isinstance(page, PreparedPage):
            by_site.setdefault(site_of(page.source_path), []).append(page)
    models = {
        site: learn_site(
            (page.source_path, page.page_title, page.units, [r.text for r in page.removed])
            for page in members
        )
        for site, members in by_site.items()
    }
    del by_site
    documents: list[LegacyDocument] = []
    for index, page in enumerate(prepared):
        if isinstance(page, PreparedPage):
            model = models[site_of(page.source_path)]
            page = _safely(page.source_path, _finish, page, model, date_order)
        documents.append(page)
        prepared[index] = None  # a finished page's units are garbage: memory stays flat
    return documents


def _safely(source_path: str, step, *args):
    try:
        return step(*args)
    except Exception as error:  # a safety net: the importer must get a document back
        return LegacyDocument(
            source_path=source_path,
            kind=Kind.STUB,
            title=_title_from_path(source_path),
            encoding="",
            warnings=[f"internal parser error: {type(error).__name__}: {error}"],
        )


@dataclass
class PreparedPage:
    """A page cut into units, with what its markup alone proved to be chrome: the input
    of the site-level pass (no soup kept, so a whole mirror fits in memory)."""

    source_path: str
    encoding: str
    page_title: str
    from_word: bool
    units: list[Unit]
    source_text: str
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)


def _prepare(source: bytes | DecodedText, source_path: str) -> PreparedPage:
    decoded = source if isinstance(source, DecodedText) else decode_html(source)
    html, removed = strip_server_code(decoded.text)
    html, searches = strip_chrome_markup(html)
    removed += searches
    soup = make_soup(html)
    body = soup.body or soup
    source_text = "\n".join([*(entry.text for entry in removed), visible_text(body)])
    removed += remove_template_parts(soup)
    warnings, furniture = remove_chrome_elements(soup)
    removed += furniture
    walked = walk(soup.body or soup)
    return PreparedPage(
        source_path=source_path,
        encoding=decoded.encoding,
        page_title=normalise_space(soup.title.get_text(" ")) if soup.title else "",
        from_word=_is_word_export(soup),
        units=walked.units,
        source_text=source_text,
        removed=[*removed, *walked.removed],
        warnings=[*decoded.warnings, *warnings, *walked.warnings],
        leftovers=walked.leftovers,
    )


def _finish(page: PreparedPage, site: SiteModel, date_order: str = "dmy") -> LegacyDocument:
    source_path, warnings, removed = page.source_path, list(page.warnings), list(page.removed)
    units = _drop_chrome_units(page.units, site, removed)
    page_title = _without_site_name(page.page_title, site, units)
    choice = _choose_title(page_title, units, source_path, page.from_word, site.folders)
    title, title_keys = choice.title, choice.keys
    if choice.note:
        warnings.append(choice.note)
    if not title:
        title = _title_from_path(source_path)
        warnings.append("no title found; used the file name")
    hints = _path_hints(source_path)
    news_like = "news" in hints or _count_news_items(units) >= 2
    units, credits = take_header(
        units, title_keys, title, not news_like, removed, frozenset(hints)
    )
    if credits is None and not news_like:
        units, credits = take_closing_credits(units, title, hints, removed)
    title, year = _split_year(title)
    if year and credits is not None and credits.year is None:
        credits.year = year

    kind, reasons = _decide_kind(units, credits, hints, title, news_like, page.units)
    warnings += reasons
    if kind is Kind.STUB:  # not imported: what little it says is reported, with why
        removed += removal(f"the whole page: {reasons[0]}", "\n".join(u.text for u in units))
    rating = None
    if kind in _SIGNED_KINDS:
        units = _detach_signature(units)
    if kind in _RATED_KINDS:
        units, rating = take_rating(units, removed, warnings, kind in _REVIEW_KINDS)
    blocks, leftovers, texts = _build_blocks(units, kind, removed, warnings)
    blocks, texts = _keep_title_parts(choice, blocks, texts)
    if kind in _SIGNED_KINDS:
        blocks = _byline_named_by_the_bio(blocks, title)
    content_text = "\n\n".join(text for text in texts if text)
    # Fallback text of removed embeds is reported, but readers never saw it: not content.
    leftovers = [*page.leftovers, *leftovers]
    if leftovers:
        warnings.append(f"{len(leftovers)} piece(s) of content text could not be placed")
    return LegacyDocument(
        source_path=source_path,
        kind=kind,
        title=title,
        encoding=page.encoding,
        credits=credits,
        rating=rating,
        blocks=blocks,
        published=published_date(blocks, units, kind, removed, warnings, date_order),
        links=[href for unit in units for href in unit.hrefs],
        leftovers=leftovers,
        warnings=warnings,
        content_text=content_text,
        source_text=page.source_text,
        removed=removed,
        residue=site_residue(units, site),
    )


def _drop_chrome_units(units: list[Unit], site: SiteModel, removed: list[Removed]) -> list[Unit]:
    """Units the site prints on many pages, then furniture known by its shape alone."""
    chrome_indexes = set(site_chrome(units, site))
    kept: list[Unit] = []
    for index, unit in enumerate(units):
        if index in chrome_indexes:
            reason = f"site chrome: on {site.recurrence(unit)} of the site's {site.pages} pages"
            removed += removal(reason, unit.text)
            continue
        recurring_in_unit = recurring_lines(unit, site)
        if is_chrome_unit(unit) or any(recurring_in_unit):
            rest = _content_lines(unit, site, removed, recurring_in_unit)
            kept += [rest] if rest else []
        else:
            kept.append(unit)
    return kept


def _content_lines(
    unit: Unit, site: SiteModel, removed: list[Removed], recurring: list[bool]
) -> Unit | None:
    """A unit with chrome lines loses those lines only: a "Tel:" line printed in the same
    block as "Last updated" is content, a webmaster line under each page's text is not.
    A nav bar goes whole."""
    furniture = "page furniture (nav bar, copyright, counter, search)"
    lines = unit.lines
    shaped = [is_chrome_unit(Unit(items=line)) for line in lines]
    chrome = [recurs or shape for recurs, shape in zip(recurring, shaped, strict=True)]
    if len(lines) < 2 or is_nav_unit(unit) or all(chrome):
        removed += removal(furniture, unit.text)
        return None
    for text, recurs, shape in zip(unit.line_texts, recurring, shaped, strict=True):
        if recurs:
            removed += removal(
                f"site chrome: a line on many of the site's {site.pages} pages", text
            )
        elif shape:
            removed += removal(furniture, text)
    return Unit(items=join_lines([line for line, c in zip(lines, chrome, strict=True) if not c]))


def _without_site_name(page_title: str, site: SiteModel, units: list[Unit]) -> str:
    """ "Kino Kiste - Flut" -> "Flut" when other <title>s of the site say "Kino Kiste" too,
    unless the page's own headline prints it ("Star Wars: Episode I")."""
    segments = title_segments(page_title)
    if not segments:
        return page_title
    headline = " ".join(
        content_words(" ".join(u.text for u in units[:HEADER_UNITS] if u.style.heading))
    )
    parts = title_parts(page_title)
    own = [
        part
        for part in parts
        if not site.names_the_site(name := " ".join(content_words(part)))
        or headline.startswith(name)
    ]
    return " - ".join(own) if own else page_title


# --- title -----------------------------------------------------------------------------


def _choose_title(
    page_title: str,
    units: list[Unit],
    source_path: str,
    from_word: bool,
    site_folders: frozenset[str] = frozenset(),
) -> TitleChoice:
    """The most specific title among the <title> and the top of the page (``titles``)."""
    top = units[:HEADER_UNITS]
    h1 = next((unit.text for unit in top if unit.style.heading == 1 and unit.text), "")
    # A page with no <h1> may head its text with an <h2> or <h3>: a weaker candidate.
    subheading = next((unit.text for unit in top if unit.style.heading in (2, 3)), "")
    graphics = [unit.image.alt for unit in top if unit.image and is_title_image(unit.image)]
    first_alt = next((unit.image.alt for unit in top if unit.image and unit.image.alt), "")
    others = [*graphics, "" if h1 else subheading, first_alt, _emphasised_first_line(top)]
    return choose_title(
        page_title, h1, others, source_path, prefer_heading=from_word, site_folders=site_folders
    )


def _keep_title_parts(
    choice: TitleChoice, blocks: list[Block], texts: list[str]
) -> tuple[list[Block], list[str]]:
    """The parts of the titles not used as the title open the body: a <title> that says
    more than the chosen headline, then a byline taken out of a title."""
    opening: list[Block] = []
    if choice.kept:
        opening.append(Paragraph(escape(choice.kept, quote=False)))
    signed = {block.name for block in blocks if isinstance(block, Signature)}
    if choice.byline and choice.byline not in signed:
        opening.append(Signature(choice.byline))
    return [*opening, *blocks], [*map(block_text, opening), *texts]


def _emphasised_first_line(top: list[Unit]) -> str:
    """A short bold or heading line opening the page: the title of pages with no other."""
    first = next((unit for unit in top if unit.image is None), None)
    if first is None or not first.lines:
        return ""
    line = first.lines[0]
    text = items_text(line)
    emphasised = all(s.style.bold or s.style.heading for s in line if isinstance(s, Span))
    if not emphasised or len(content_words(text)) > MAX_TITLE_WORDS:
        return ""
    unit = Unit(items=line)
    if is_credits(text) or date_line(text) or spoiler_notice(unit) or byline(unit):
        return ""
    return text


def _split_year(title: str) -> tuple[str, int | None]:
    """ "Vertigo (1958)" -> ("Vertigo", 1958): the year is the work's, not the title's."""
    match = _TRAILING_YEAR.search(title)
    if not match or not title[: match.start()].strip():
        return title, None
    return title[: match.start()].rstrip(), int(match.group(1))


def _title_from_path(source_path: str) -> str:
    stem = PurePosixPath(source_path.replace("\\", "/")).stem
    words = re.sub(r"[_\-]+", " ", stem).strip()
    return words.title() if words else "Untitled"


def _is_word_export(soup: BeautifulSoup) -> bool:
    """Word sets <title> from document properties, so its first heading is more reliable."""
    for meta in soup.find_all("meta"):
        name = str(meta.get("name") or "").lower()
        if name in {"generator", "progid"} and "word" in str(meta.get("content") or "").lower():
            return True
    return False


# --- kind ------------------------------------------------------------------------------


def _path_hints(source_path: str) -> set[str]:
    """Section hints from folder names (books/, reviews/, news/) and the file name."""
    path = PurePosixPath(source_path.replace("\\", "/").lower())
    hints: set[str] = set()
    for folder in path.parent.parts:
        if "book" in folder:
            hints.add("book")
        elif re.search(r"film|movie|cinema|review|dvd", folder):
            hints.add("film")
        if "news" in folder:
            hints.add("news")
        if re.search(r"feature|article|essay|interview", folder):
            hints.add("feature")
    stem = path.stem
    if "news" in stem:
        hints.add("news")
    if re.search(r"^(?:index|default|contents|archive|sitemap)|a-?z$|reviews?$|list", stem):
        hints.add("listing")
    return hints


def _count_news_items(units: list[Unit]) -> int:
    """Date lines with news under them (in the same unit or the next one); a signature's
    dateline or a closing "Posted ..." line has nothing under it."""
    count = 0
    for index, unit in enumerate(units):
        lines = unit.line_texts
        if lines and (opening := leading_date(lines[0])):
            count += len(content_words(opening[2])) >= NEWS_ITEM_MIN_WORDS
            continue
        if not lines or not date_line(lines[0]):
            continue
        following = units[index + 1].text if index + 1 < len(units) else ""
        if len(lines) > 1 or len(content_words(following)) >= NEWS_ITEM_MIN_WORDS:
            count += 1
    return count


def _decide_kind(
    units: list[Unit],
    credits: Credits | None,
    hints: set[str],
    title: str,
    news_like: bool,
    all_units: list[Unit],
) -> tuple[Kind, list[str]]:
    """``all_units``: the page before chrome was removed (an index's links may be the
    site's nav bar too: the index still lists them)."""
    words = content_words(" ".join(unit.text for unit in units))
    has_images = any(unit.image for unit in units)
    if not words and not has_images:
        return Kind.STUB, ["stub: no content found"]
    if _UNDER_CONSTRUCTION.search(f"{title} {' '.join(words)}") and len(words) < 60:
        return Kind.STUB, ["stub: page is a placeholder ('under construction')"]
    listing_named = "listing" in hints or _names_a_listing(title, units)
    if credits is None and _is_listing(units, len(words), listing_named):
        return Kind.LISTING, []
    if credits is None and _index_entries(all_units) >= INDEX_MIN_ENTRIES:
        return Kind.LISTING, ["a listing by its shape: links to pages, each with a summary"]
    if len(words) < STUB_WORDS:
        return Kind.STUB, [f"stub: only {len(words)} word(s) of content"]
    if credits is not None:
        is_book = credits.is_book or ("book" in hints and not credits.countries)
        return (Kind.BOOK_REVIEW if is_book else Kind.FILM_REVIEW), []
    if news_like:
        return Kind.NEWS, []
    if "feature" in hints:
        return Kind.FEATURE, []
    if "book" in hints or "film" in hints:
        # No credits, no review: a game, a restaurant, a list of favourites, an essay.
        folder = "books" if "book" in hints else "films"
        return Kind.FEATURE, [
            f"check kind: no credits line, so imported as a feature although it sits with "
            f"the {folder}; map it with --map to import it as a review"
        ]
    headings = sum(1 for unit in units if heading(unit))
    if len(words) >= FEATURE_MIN_WORDS and (headings >= 2 or any(map(byline, units[:4]))):
        return Kind.FEATURE, []
    return Kind.PAGE, []


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
            if not spans or not spans[0].style.link:
                continue
            summary = [w for s in spans if not s.style.link for w in content_words(s.text)]
            if 3 <= len(summary) <= INDEX_SUMMARY_WORDS:
                entries += 1
            elif not summary and len(unit.lines) == 1 and len(set(unit.hrefs)) == 1:
                following = units[index + 1] if index + 1 < len(units) else None
                entries += following is not None and _is_summary(following)
            elif not summary and line is unit.lines[0] and len(set(unit.hrefs)) == 1:
                # "<a>Title</a><br>by Author": the lines under the link are its summary
                rest = [w for other in unit.lines[1:] for w in content_words(items_text(other))]
                entries += 3 <= len(rest) <= INDEX_SUMMARY_WORDS
    return entries


def _is_summary(unit: Unit) -> bool:
    words = len(content_words(unit.text))
    return unit.image is None and not unit.hrefs and 3 <= words <= INDEX_SUMMARY_WORDS


def _names_a_listing(title: str, units: list[Unit]) -> bool:
    """An index-like title or heading: "Film Reviews A-Z", "Index of books", "Archive"."""
    return bool(_LISTING_NAME.search(title)) or any(
        _LISTING_NAME.search(unit.text) for unit in units if heading(unit)
    )


def _is_listing(units: list[Unit], total_words: int, hinted: bool) -> bool:
    """Mostly links to other pages, with little prose between them. A single link makes a
    listing only under a listing-like file name, title or heading (an A-Z page with one
    review so far); otherwise one link is too little to tell a listing from a stub."""
    links = [href for unit in units for href in unit.hrefs]
    if not links or (len(links) < 2 and not hinted) or not total_words:
        return False
    link_words = sum(
        len(content_words(span.text)) for unit in units for span in unit.spans if span.style.link
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


# --- blocks ----------------------------------------------------------------------------


def _build_blocks(
    units: list[Unit], kind: Kind, removed: list[Removed], warnings: list[str] | None = None
) -> tuple[list[Block], list[str], list[str]]:
    """Blocks in reading order, the text of any unit that produced none, and the content
    text a reader sees, unit by unit. A spoiler notice or a signature drops its label
    ("Note:", "Reviewed by") on purpose: its content text is the block's own words, so
    fidelity does not count the label as lost; every other unit counts with all its words.

    The body starts at the first paragraph of running text (``BODY_START_WORDS``): a short
    line before it (leaked chrome, a credits line not understood, a teaser) does not stop
    an epigraph or a byline after it from being read as such."""
    blocks: list[Block] = []
    leftovers: list[str] = []
    texts: list[str] = []
    tail_start = _tail_start(units)
    no_epigraph = _quotation_runs(units)
    body_started = False
    index = 0
    while index < len(units):
        opening = not body_started and index not in no_epigraph and index < HEADER_UNITS
        # under an index entry ("<a>Title</a><br>by X"): its summary, not an epigraph
        caption = _is_caption_position(units, index) or (
            index > 0 and _opens_with_link(units[index - 1])
        )
        in_tail = index >= tail_start and not _beside_picture(units, index)
        produced, used = _blocks_at(units, index, kind, opening, in_tail, caption)
        if not produced:
            leftovers.append(units[index].text)
        if len(produced) == 1 and isinstance(produced[0], SpoilerNotice | Signature):
            texts.append(block_text(produced[0]))
            label = " ".join(words_beyond(units[index].text, block_text(produced[0])))
            removed += removal(f"the label of the {type(produced[0]).__name__} block", label)
        else:
            texts += [unit.text for unit in units[index : index + used]]
        signed = any(isinstance(block, Signature) for block in produced)
        tail = index >= tail_start and not signed
        doubt = not_a_person(units[index]) if tail else ""
        several = several_people(units[index]) if tail and not doubt else ""
        if (doubt or several) and len(produced) == 1 and isinstance(produced[0], Heading):
            produced = [Paragraph(render_inline(units[index].items))]  # a line, not a heading
        if warnings is not None and doubt:
            warnings.append(
                f"not taken as the signature: {doubt!r} names an institution or a title, "
                "not a person (kept as text)"
            )
        if warnings is not None and several:
            warnings.append(
                f"not taken as the signature: {several!r} names more than one person "
                "(kept as text; a signature names one contributor)"
            )
        blocks += produced
        body_started = body_started or any(_starts_body(block) for block in produced)
        index += used
    return blocks, leftovers, texts


def _starts_body(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    return len(content_words(html_to_text(block.html))) >= BODY_START_WORDS


def _quotation_runs(units: list[Unit]) -> set[int]:
    """Units that open a run of two or more quotations, each with its source: a page of
    testimonials or of quotes, whose quotations are its content, not an epigraph."""
    found: set[int] = set()
    index = 0
    while index < len(units):
        first = epigraph(units, index)
        if first is None:
            index += 1
            continue
        run = [index]
        following = index + first[1]
        while following < len(units) and (more := epigraph(units, following)):
            run.append(following)
            following += more[1]
        if len(run) >= 2:
            found.update(run)
        index = following
    return found


_BAR = re.compile(r"\s+\|\s+")
HEAD_BLOCKS = 4  # a byline sits among the first blocks of text
TAIL_BLOCKS = 4  # the writer's note closes the piece


def _byline_named_by_the_bio(blocks: list[Block], title: str) -> list[Block]:
    """A bare name under the headline ("Barbara Kirk"), or after a bar in it ("SOLID FORM
    | Lisa Mann"), is the byline when the piece closes on a note about that writer
    ("Barbara Kirk is a portrait artist ...", "Lisa Mann (lisa@...) is a critic"): the
    name alone could be the artist reviewed, the note says who wrote it."""
    if any(isinstance(block, Signature) for block in blocks):
        return blocks
    paragraphs = [block for block in blocks if isinstance(block, Paragraph)]
    closing = [html_to_text(block.html).strip() for block in paragraphs[-TAIL_BLOCKS:]]
    texts = [i for i, block in enumerate(blocks) if isinstance(block, Heading | Paragraph)]
    for index in texts[:HEAD_BLOCKS]:
        block = blocks[index]
        if isinstance(block, Heading):
            text = block.text
        elif isinstance(block, Paragraph):
            text = html_to_text(block.html).strip()
        else:
            continue
        head, bar, name = text.rpartition(" | ") if _BAR.search(text) else ("", "", text)
        if not bar and "\n" in text:  # the headline's last line: "... EXHIBITION<br>JAMES WEAVER"
            head, bar, name = text.rpartition("\n")
        if not bar and index == texts[0] and isinstance(block, Heading):
            continue  # a bare name first and set as a heading is the headline itself
        name = name.strip()
        if not is_person_name(name) or is_institution(name) or key(name) == key(title):
            continue  # the headline repeated in the last paragraph is no writer's note
        if not any(_introduces(note, name) for note in closing):
            continue
        signed = Signature(name)
        if not bar:
            return [*blocks[:index], signed, *blocks[index + 1 :]]
        headline = Heading(head.strip(), block.level) if isinstance(block, Heading) else None
        opening = headline or Paragraph(escape(head.strip(), quote=False))
        return [*blocks[:index], opening, signed, *blocks[index + 1 :]]
    return blocks


def _introduces(note: str, name: str) -> bool:
    """ "Lisa Mann (lisa@example.net) is a critic ...": the note opens with the name, then
    (after an address in brackets) says what the writer is or does."""
    if not note.casefold().startswith(name.casefold()):
        return False
    rest = re.sub(r"^\s*\([^)]*\)", "", note[len(name) :])
    return bool(re.match(r"\s*(?:is|was|has|lives|teaches|writes|works)\b", rest))


def _credits_follow(units: list[Unit], index: int) -> bool:
    """ "by Mariana Cook" over "San Francisco: Chronicle Books, 1994, 132 pp.": the author
    of a (second) work under review, whose credits go on in the next block, not the
    reviewer's byline."""
    following = units[index + 1] if index + 1 < len(units) else None
    return (
        following is not None
        and following.image is None
        and bool(following.line_texts and has_work_facts(following.line_texts[0]))
    )


def _opens_with_link(unit: Unit) -> bool:
    """An index entry: a line that opens with a link ("<a>Title</a><br>by X"), whose
    summary under it is the entry's, never the page's epigraph."""
    spans = (item for item in unit.items if isinstance(item, Span) and item.text.strip())
    first = next(spans, None)
    return unit.image is None and first is not None and bool(first.style.link)


def _beside_picture(units: list[Unit], index: int) -> bool:
    """A line among pictures is a caption (a work's title, an artist's name), never the
    reviewer's signature: a picture right above or below it, or above the run of short
    lines of its block that it closes."""
    if units[index].image is not None or units[index].style.align == "right":
        return False  # set right, as signatures are; captions sit centred or left

    def picture(unit: Unit) -> bool:  # a score drawn as a picture ("8/10") is no plate
        return unit.image is not None and parse_rating(unit.image.alt or "") is None

    if index + 1 < len(units) and picture(units[index + 1]):
        return True
    block = units[index].style.block
    before = index - 1
    while before >= 0 and units[before].image is None:
        unit = units[before]
        captioned = unit.style.block == block or _caption_styled(unit)
        if not captioned or len(unit.line_texts) != 1:
            return False
        if len(content_words(unit.text)) > MAX_CAPTION_WORDS:
            return False
        before -= 1
    return before >= 0 and picture(units[before])


def _caption_styled(unit: Unit) -> bool:
    style = unit.style
    return style.small or style.align == "center" or unit.all_spans(lambda s: s.italic)


def _is_caption_position(units: list[Unit], index: int) -> bool:
    """A short styled line right under a picture is its caption ("Click images to
    enlarge"): an epigraph there needs quote marks or its source under it."""
    unit = units[index]
    if index == 0 or units[index - 1].image is None or len(unit.line_texts) != 1:
        return False
    style, text = unit.style, unit.text
    styled = style.small or style.align == "center" or unit.all_spans(lambda s: s.italic)
    short = len(content_words(text)) <= MAX_CAPTION_WORDS
    return styled and short and text.lstrip()[:1] not in "\"“„«'‘"


def _blocks_at(
    units: list[Unit], index: int, kind: Kind, opening: bool, in_tail: bool, caption: bool = False
) -> tuple[list[Block], int]:
    """The block(s) starting at ``units[index]`` and how many units they used. Order
    matters: epigraphs and bylines only open a piece (``opening``), signatures only close
    it."""
    unit = units[index]
    if unit.table is not None:
        return [Table(unit.table.rows, unit.table.caption)], 1
    if unit.image is not None:
        return _image_block(units, index)
    if found := preformatted(units, index):
        return [found[0]], found[1]
    if found := list_block(units, index):
        return [found[0]], found[1]
    found = epigraph(units, index) if opening else None
    if found and (found[0].attribution or not caption):  # under a picture: its caption
        return [found[0]], found[1]
    if found := quotation(units, index):
        return [found[0]], found[1]
    if notice := spoiler_notice(unit):
        return [notice], 1
    if kind is Kind.NEWS and (item := _news_item(unit)):
        return item, 1
    if in_tail and (found := signature(units, index)):
        return [found[0]], found[1]
    if opening and (author := byline(unit)) and not _credits_follow(units, index):
        return [author], 1
    if title := heading(unit):
        return [title], 1
    paragraph = Paragraph(render_inline(unit.items))
    return ([paragraph] if content_words(html_to_text(paragraph.html)) else []), 1


def _detach_signature(units: list[Unit]) -> list[Unit]:
    """A name after a single <br> at the end of the last paragraph is the signature."""
    text_indexes = [index for index, unit in enumerate(units) if unit.image is None]
    if not text_indexes:
        return units
    index = text_indexes[-1]
    lines = units[index].lines
    for tail_size in (4, 3, 2, 1):
        if len(lines) <= tail_size:
            continue
        tail = Unit(items=join_lines(lines[-tail_size:]))
        found = signature([tail], 0)
        # a name over title lines, at the foot of a paragraph: only after a label or a dash
        if found and (tail_size <= 2 or parse_byline(tail.text.split("\n")[0] or "x")):
            head = Unit(items=join_lines(lines[:-tail_size]))
            return [*units[:index], head, tail, *units[index + 1 :]]
    return units


def _tail_start(units: list[Unit]) -> int:
    """Signatures only after the last substantial paragraph, among the last few units."""
    last_long = max(
        (index for index, unit in enumerate(units) if len(content_words(unit.text)) >= 20),
        default=-1,
    )
    return max(last_long + 1, len(units) - TAIL_UNITS)


def _image_block(units: list[Unit], index: int) -> tuple[list[Block], int]:
    ref = units[index].image
    following = units[index + 1] if index + 1 < len(units) else None
    if following is not None and _is_caption(following, ref.block):
        return [Image(ref.src, ref.alt, caption=following.text)], 2
    return [Image(ref.src, ref.alt)], 1


def _is_caption(unit: Unit, image_block: int) -> bool:
    if unit.image is not None or len(unit.line_texts) != 1:
        return False
    style = unit.style
    if style.block != image_block or len(content_words(unit.text)) > MAX_CAPTION_WORDS:
        return False
    return style.small or style.align == "center" or unit.all_spans(lambda s: s.italic)


def _news_item(unit: Unit) -> list[Block] | None:
    """A dated news item: the date line becomes a heading, the rest a paragraph."""
    lines = unit.lines
    if lines and (opening := leading_date(items_text(lines[0]))):
        return _dated_paragraph(unit, opening[1])
    if not lines or date_line(items_text(lines[0])) is None:
        return None
    blocks: list[Block] = [Heading(items_text(lines[0]), 2)]
    if len(lines) > 1:
        blocks.append(Paragraph(render_inline(join_lines(lines[1:]))))
    return blocks


def _dated_paragraph(unit: Unit, printed_date: str) -> list[Block]:
    """ "<b>3. November 2002</b> - Endlich online ...": the date as the item's heading, the
    rest, from the first span after the date, as its paragraph."""
    items = list(unit.items)
    consumed = ""
    while (
        items and isinstance(items[0], Span) and len(normalise_space(consumed)) < len(printed_date)
    ):
        consumed += items.pop(0).text
    rest = render_inline(items)
    rest_text = _DATE_SEPARATOR.sub("", html_to_text(rest))
    if normalise_space(consumed) != printed_date or not rest_text:
        return [Heading(printed_date, 2), Paragraph(escape(_after_date(unit.text), quote=False))]
    return [Heading(printed_date, 2), Paragraph(_DATE_SEPARATOR.sub("", rest))]


def _after_date(text: str) -> str:
    opening = leading_date(text.split("\n", 1)[0])
    return text if opening is None else text.replace(opening[1], "", 1).lstrip(" -–—:|.")
