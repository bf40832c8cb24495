"""A news page of several dated items as one news article per item (pure).

Old magazines kept their news on one page, newest first, each item under its date. Each
item becomes an article of its own, dated by its own date; the page's old URL then leads
to the news section, where the items are listed (the first item would hide the others).
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from html import escape, unescape

from textkit.markup import html_to_text, normalise_space
from textkit.shorten import shorten_at_word

from .aside import restore, set_aside
from .dates import FoundDate, date_line, leading_date, read_date_line
from .dating import ambiguity_warning
from .document import Block, Heading, Kind, LegacyDocument, Paragraph, Removed
from .options import ParseOptions
from .site import site_of
from .spill import Spill
from .text import blocks_text, content_words
from .units import Span, Unit, items_text, join_lines, render_inline

MIN_ITEMS = 2
NEWS_ITEM_MIN_WORDS = 8  # a date line with this much news under it opens an item
PROSE_SHARE = 2 / 3  # of a page's dated items, this many must read as prose to split it
SENTENCE_MIN_WORDS = 3  # a sentence of an item: this many words, then . ! or ?
SHORT_WORDS = 4  # a text under this many words is a fragment (a cell, a title)
MAX_SPLIT_SHARE = 0.25  # unasked, a site's news splits add at most this share of its pages
SPLIT_FLOOR = 12  # ... or this many articles, whichever is more
ITEM_UNITS = 6  # the units after a date line read to judge its item
_SENTENCE = re.compile(r"[.!?…][\"'”’»)]*$")
_NUMBER = re.compile(r"^[\d\s.,/*+½-]+$")  # "4", "3.5", "***", "7/10": a score, a figure
TITLE_LIMIT = 80  # characters: a news item's title is its first sentence, shortened
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_HREF = re.compile(r'href="([^"]*)"')
_DATE_SEPARATOR = re.compile(r"^\s*(?:[-–—:|]+|\.)\s*")  # "3. May 2002 - ..." after the date


@dataclass
class NewsSplits:
    """A run's news pages: the items each split page becomes, and the pages held back
    whole, each with the number of articles a split would have made."""

    items: dict[str, list[LegacyDocument]] = field(default_factory=dict)
    held_back: dict[str, int] = field(default_factory=dict)


def split_news(
    documents: Iterable[LegacyDocument],
    options: ParseOptions | None = None,
    asked: Callable[[str], bool] = lambda source_path: False,
    spill: Spill | None = None,
) -> NewsSplits:
    """Which news pages to split into their items, site by site (``site_of``). Unless the
    operator ``asked`` for a page to be split (``--section 'news.htm=news'``), a site's
    splits add no more than ``MAX_SPLIT_SHARE`` of its pages (``SPLIT_FLOOR`` at least):
    past that the site's unasked news pages stay whole, with a warning saying how many
    articles a split would make. Linear in pages. ``spill``: where the heavy fields of
    documents set aside are (``aside``); a news page's are read back to split it, and its
    items set aside there in turn."""
    pages: Counter[str] = Counter()
    found: dict[str, list[tuple[LegacyDocument, list[LegacyDocument]]]] = {}
    for document in documents:
        site = site_of(document.source_path)
        pages[site] += 1
        if items := _news_items_aside(document, options, spill):
            found.setdefault(site, []).append((document, items))
    splits = NewsSplits()
    for site, candidates in found.items():
        unasked = [(d, items) for d, items in candidates if not asked(d.source_path)]
        limit = max(SPLIT_FLOOR, MAX_SPLIT_SHARE * pages[site])
        hold = sum(len(items) for _, items in unasked) > limit
        for document, items in candidates:
            if hold and not asked(document.source_path):
                splits.held_back[document.source_path] = len(items)
                document.warnings.append(_held_back(document.source_path, len(items), pages[site]))
            else:
                splits.items[document.source_path] = items
    return splits


def _news_items_aside(
    document: LegacyDocument, options: ParseOptions | None, spill: Spill | None
) -> list[LegacyDocument]:
    """``news_items`` of a document that may be set aside (``aside``), its items set
    aside in the same ``spill``."""
    if spill is None or document.aside is None or document.kind is not Kind.NEWS:
        return news_items(document, options)
    items = news_items(restore(document, spill), options)
    set_aside(document, spill)
    return [set_aside(item, spill) for item in items]


def _held_back(source_path: str, items: int, pages: int) -> str:
    return (
        f"news page kept whole: split, its {items} dated items would be {items} articles, "
        f"more than a site of {pages} pages should get unasked; map it to news "
        f"(--section '{source_path}=news') to split it"
    )


def news_items(
    document: LegacyDocument, options: ParseOptions | None = None
) -> list[LegacyDocument]:
    """The page's dated items as documents ("news.htm#1", ...), or [] to keep it whole.
    ``options``: the run's, which say how numeric dates read (``date_order``)."""
    if document.kind is not Kind.NEWS:
        return []
    date_order = (options or ParseOptions()).date_order
    dates = {
        index: found
        for index, block in enumerate(document.blocks)
        if isinstance(block, Heading) and (found := read_date_line(block.text, date_order))
    }
    starts = sorted(dates)
    if len(starts) < MIN_ITEMS:
        return []
    spans = [
        (start, starts[number + 1] if number + 1 < len(starts) else len(document.blocks))
        for number, start in enumerate(starts)
    ]
    if not mostly_prose([blocks_texts(document.blocks[a + 1 : b]) for a, b in spans]):
        return []  # dated rows of a table (a film log), not news
    items = []
    for number, (start, end) in enumerate(spans):
        blocks = document.blocks[start + 1 : end]
        if number == 0:
            blocks = [*document.blocks[:start], *blocks]  # an introduction stays with the first
        heading = document.blocks[start].text
        items.append(_item(document, number + 1, heading, dates[start], blocks, date_order))
    return items


def reads_as_prose(texts: list[str]) -> bool:
    """Whether a dated item's texts (its paragraphs, or the cells after a date) are news:
    a sentence, and neither a figure nor more than one fragment beside it. A row of a data
    table (Date / Film / Comments / two ratings) has scores and fragments, no sentence."""
    texts = [text for text in (normalise_space(t) for t in texts) if text]
    sentence = any(
        _SENTENCE.search(text) and len(content_words(text)) >= SENTENCE_MIN_WORDS for text in texts
    )
    fragments = [text for text in texts if len(content_words(text)) < SHORT_WORDS]
    return sentence and len(fragments) <= 1 and not any(_NUMBER.match(t) for t in texts)


def mostly_prose(items: list[list[str]]) -> bool:
    """Whether a page's dated items are news: enough of them read as prose."""
    prose = sum(1 for texts in items if reads_as_prose(texts))
    return prose >= MIN_ITEMS and prose >= PROSE_SHARE * len(items)


def blocks_texts(blocks: list[Block]) -> list[str]:
    return [blocks_text([block]) for block in blocks]


def _item(
    document: LegacyDocument,
    number: int,
    date: str,
    found: FoundDate,
    blocks: list[Block],
    date_order: str,
) -> LegacyDocument:
    """``date``: the item's date line as printed; ``found``: the date read from it."""
    text = blocks_text(blocks)
    warnings = [f"news item {number} of the page {document.source_path}"]
    if found.ambiguous:
        warnings.append(ambiguity_warning(found, date_order))
    links = [unescape(href) for block in blocks if isinstance(block, Paragraph)
             for href in _HREF.findall(block.html)]  # fmt: skip
    return replace(
        document,
        source_path=f"{document.source_path}#{number}",
        title=_title(text) or date,
        blocks=blocks,
        published=found.date,
        links=[href for href in document.links if href in links],
        leftovers=[],
        warnings=warnings,
        content_text=text,
        source_text=f"{date}\n{text}",
        removed=[Removed("the item's date line (kept as the article's date)", date)],
        residue=[],
    )


def _title(text: str) -> str:
    first = _SENTENCE_END.split(text.strip().replace("\n", " "), maxsplit=1)[0]
    return shorten_at_word(first.rstrip("."), TITLE_LIMIT)


# --- items on the parsed page --------------------------------------------------------


def count_news_items(units: list[Unit]) -> int:
    """Dated items of news: a date line with news under it (in the same unit or the next
    one), when the page's dated items read as prose (``mostly_prose``). A signature's
    dateline or a closing "Posted ..." line has nothing under it; dated rows of a table
    are no news."""
    starts: list[tuple[int, list[str]]] = []  # (unit index, the item's text in that unit)
    for index, unit in enumerate(units):
        lines = unit.line_texts
        if lines and (opening := leading_date(lines[0])):
            if len(content_words(opening[2])) >= NEWS_ITEM_MIN_WORDS:
                starts.append((index, [opening[2], *lines[1:]]))
            continue
        if not lines or not date_line(lines[0]):
            continue
        following = units[index + 1].text if index + 1 < len(units) else ""
        if len(lines) > 1 or len(content_words(following)) >= NEWS_ITEM_MIN_WORDS:
            starts.append((index, lines[1:]))
    items = []
    for number, (index, texts) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(units)
        after = units[index + 1 : min(end, index + 1 + ITEM_UNITS)]
        items.append([*texts, *(unit.text for unit in after)])
    return len(items) if mostly_prose(items) else 0


def news_item(unit: Unit) -> list[Block] | None:
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
