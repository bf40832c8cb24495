"""Plain-text helpers: word tokens and block text (where words went: ``accounting``).

HTML to text and whitespace rules are site-wide: ``textkit.markup``."""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from textkit.markup import html_to_text

from .document import (
    Block,
    Epigraph,
    Heading,
    Image,
    Paragraph,
    Preformatted,
    Quotation,
    Signature,
    SpoilerNotice,
    Table,
)

# Apostrophes inside words ("one’s", "don't") keep the word whole; all other punctuation
# separates words, so "guardians”," and "guardians" count as the same word.
_WORD = re.compile(r"\w+(?:['’]\w+)*")


# The parser's shape tests ask about the same unit many times: a unit's words are cached
# (lines and labels in a large cache, paragraphs in a small one). A whole page's text is
# tokenised afresh: one cache for all texts held ~60 MB per 1.5 MB page, four whole-page
# texts and their words, until the process ended (issue 21, finding 7).
SHORT_TEXT = 256
UNIT_TEXT = 4096


def content_words(text: str) -> list[str]:
    """Casefolded word tokens of ``text``, punctuation stripped (unicode aware)."""
    if len(text) <= SHORT_TEXT:
        return list(_short_words(text))
    if len(text) <= UNIT_TEXT:
        return list(_unit_words(text))
    return list(_words(text))


@lru_cache(maxsize=16384)
def _short_words(text: str) -> tuple[str, ...]:
    return _words(text)


@lru_cache(maxsize=1024)  # at most ~40 MB of paragraphs and their words
def _unit_words(text: str) -> tuple[str, ...]:
    return _words(text)


def _words(text: str) -> tuple[str, ...]:
    normalised = unicodedata.normalize("NFKC", text).replace("’", "'")
    if normalised.isascii():  # casefolding ASCII never moves a word's edges
        return tuple(_WORD.findall(normalised.casefold()))
    return tuple([word.casefold() for word in _WORD.findall(normalised)])


def block_text(block: Block) -> str:
    """The words a reader sees for one block."""
    match block:
        case Paragraph(html=html):
            return html_to_text(html)
        case Epigraph(quote=quote, attribution=attribution):
            return f"{quote}\n{attribution}".strip()
        case Quotation(paragraphs=paragraphs, source=source):
            return "\n".join([*map(html_to_text, paragraphs), source]).strip()
        case SpoilerNotice(label=label, text=text):
            return f"{label} {text}".strip()
        case Table(rows=rows, caption=caption):
            return "\n".join([caption, *(" ".join(row) for row in rows)]).strip()
        case Heading(text=text) | Preformatted(text=text):
            return text
        case Image(caption=caption):
            return caption
        case Signature(name=name, dateline=dateline, note=note):
            return "\n".join(part for part in (name, note, dateline) if part)
    return ""


def blocks_text(blocks: Iterable[Block]) -> str:
    """All reader-visible text of a block sequence, one block per paragraph."""
    return "\n\n".join(text for text in map(block_text, blocks) if text)
