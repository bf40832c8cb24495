"""A news page of several dated items as one news article per item (pure).

Old magazines kept their news on one page, newest first, each item under its date. Each
item becomes an article of its own, dated by its own date; the page's old URL then leads
to the news section, where the items are listed (the first item would hide the others).
"""

import re
from dataclasses import replace
from html import unescape

from textkit.shorten import shorten_at_word

from .dates import date_line
from .document import Block, Heading, Kind, LegacyDocument, Paragraph, Removed
from .text import blocks_text

MIN_ITEMS = 2
TITLE_LIMIT = 80  # characters: a news item's title is its first sentence, shortened
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_HREF = re.compile(r'href="([^"]*)"')


def news_items(document: LegacyDocument) -> list[LegacyDocument]:
    """The page's dated items as documents ("news.htm#1", ...), or [] to keep it whole."""
    if document.kind is not Kind.NEWS:
        return []
    starts = [
        index
        for index, block in enumerate(document.blocks)
        if isinstance(block, Heading) and date_line(block.text)
    ]
    if len(starts) < MIN_ITEMS:
        return []
    items = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(document.blocks)
        blocks = document.blocks[start + 1 : end]
        if number == 0:
            blocks = [*document.blocks[:start], *blocks]  # an introduction stays with the first
        items.append(_item(document, number + 1, document.blocks[start].text, blocks))
    return items


def _item(document: LegacyDocument, number: int, date: str, blocks: list[Block]) -> LegacyDocument:
    text = blocks_text(blocks)
    links = [unescape(href) for block in blocks if isinstance(block, Paragraph)
             for href in _HREF.findall(block.html)]  # fmt: skip
    return replace(
        document,
        source_path=f"{document.source_path}#{number}",
        title=_title(text) or date,
        blocks=blocks,
        published=date_line(date),
        links=[href for href in document.links if href in links],
        leftovers=[],
        warnings=[f"news item {number} of the page {document.source_path}"],
        content_text=text,
        source_text=f"{date}\n{text}",
        removed=[Removed("the item's date line (kept as the article's date)", date)],
        residue=[],
    )


def _title(text: str) -> str:
    first = _SENTENCE_END.split(text.strip().replace("\n", " "), maxsplit=1)[0]
    return shorten_at_word(first.rstrip("."), TITLE_LIMIT)
