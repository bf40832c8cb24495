"""Plain-text helpers: word tokens, alt texts, block text (where words went: ``accounting``).

HTML to text and whitespace rules are site-wide: ``textkit.markup``."""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from textkit.markup import html_to_text, normalise_space

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
MISSING_WORDS_SHOWN = 20
# Alt texts that name a file or number a picture rather than say what it shows.
_FILE_NAME = re.compile(r"^\S+\.(?:gif|jpe?g|png|bmp|tiff?|webp|svg|ico|s?html?)$", re.I)
# A lone letter is a drop capital, not a grade: letter grades need a sign or "Rating:".
_RATING = re.compile(
    r"^(?:rating:?\s*)?(?:\*{2,5}½?|★{1,5}½?|\d{1,2}(?:[.,]5)?\s*(?:/|out\s+of|of)\s*\d{1,3}"
    r"|[A-F][+-])$|^rating:?\s*[A-F]$",
    re.IGNORECASE,
)
_IDENTIFIER = re.compile(r"^(?:\w*_\w*|[^\W\d_]{0,4}\d+[^\W\d_]?)$")  # img_0231, DSC01234


def content_words(text: str) -> list[str]:
    """Casefolded word tokens of ``text``, punctuation stripped (unicode aware)."""
    return list(_words(text))


@lru_cache(maxsize=16384)  # the parser's shape tests ask about the same unit many times
def _words(text: str) -> tuple[str, ...]:
    normalised = unicodedata.normalize("NFKC", text).replace("’", "'")
    return tuple(word.casefold() for word in _WORD.findall(normalised))


def is_rating(text: str) -> bool:
    """A score as old pages printed or drew it: "8/10", "3 out of 5", "****", "B+"."""
    return bool(_RATING.match(normalise_space(text)))


def alt_carries_words(alt: str) -> bool:
    """Whether an image's alt text says something a reader should keep ("8/10", "Amélie
    Poulain"), judged by its shape: a file name, a picture number ("img_0231", "DSC01234"),
    a single character, or only punctuation or digits (a counter, "***", "-") is decoration.
    Spacers, bullets and buttons never reach here: their units are chrome (``chrome``)."""
    text = normalise_space(alt)
    if is_rating(text):
        return True
    words = content_words(text)
    if len(text) <= 1 or not words or _FILE_NAME.match(text):
        return False
    if all(word.isdigit() for word in words) and "/" not in text:
        return False
    return not (len(words) == 1 and _IDENTIFIER.match(text))


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
