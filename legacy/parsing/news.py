"""A news page of several dated items as one news article per item (pure).

Old magazines kept their news on one page, newest first, each item under its date. Each
item becomes an article of its own, dated by its own date; the page's old URL then leads
to the news section, where the items are listed (the first item would hide the others).
"""

import re
from dataclasses import replace
from html import escape, unescape

from textkit.markup import html_to_text, normalise_space
from textkit.shorten import shorten_at_word

from .dates import FoundDate, date_line, leading_date, read_date_line
from .dating import ambiguity_warning
from .document import Block, Heading, Kind, LegacyDocument, Paragraph, Removed
from .options import ParseOptions
from .text import blocks_text, content_words
from .units import Span, Unit, items_text, join_lines, render_inline

MIN_ITEMS = 2
NEWS_ITEM_MIN_WORDS = 8  # a date line with this much news under it opens an item
TITLE_LIMIT = 80  # characters: a news item's title is its first sentence, shortened
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_HREF = re.compile(r'href="([^"]*)"')
_DATE_SEPARATOR = re.compile(r"^\s*(?:[-–—:|]+|\.)\s*")  # "3. May 2002 - ..." after the date


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
    items = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(document.blocks)
        blocks = document.blocks[start + 1 : end]
        if number == 0:
            blocks = [*document.blocks[:start], *blocks]  # an introduction stays with the first
        heading = document.blocks[start].text
        items.append(_item(document, number + 1, heading, dates[start], blocks, date_order))
    return items


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
