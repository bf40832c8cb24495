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


# The parser's shape tests ask about the same short unit many times: those words are
# cached. A longer text (a paragraph, a whole page's) is tokenised afresh: a cache of whole
# pages' words held ~90 MB per 1.5 MB page for the rest of the run (issue 21, finding 7).
CACHED_TEXT_LENGTH = 256


def content_words(text: str) -> list[str]:
    """Casefolded word tokens of ``text``, punctuation stripped (unicode aware)."""
    return list(_cached_words(text) if len(text) <= CACHED_TEXT_LENGTH else _words(text))


@lru_cache(maxsize=16384)
def _cached_words(text: str) -> tuple[str, ...]:
    return _words(text)


def _words(text: str) -> tuple[str, ...]:
    normalised = unicodedata.normalize("NFKC", text).replace("’", "'")
    return tuple(word.casefold() for word in _WORD.findall(normalised))


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
