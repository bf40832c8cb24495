"""What readers type, made safe to search with, and the excerpts shown back to them.

Pure text rules (standard library and ``textkit`` only, no Django): tested without a database.
"""

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from textkit.markup import html_to_text

# Long enough for any title; short enough that a pasted essay cannot make a costly query.
# Below the 255 characters the search-promotions query log stores.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
# Typed operators are not a query language here: every word must match anyway.
BOOLEAN_OPERATORS = frozenset({"AND", "OR", "NOT"})
EXCERPT_LENGTH = 240


@dataclass(frozen=True)
class ParsedQuery:
    """A query reduced to words the search backends cannot misread as syntax."""

    text: str
    terms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = field(default=())

    @property
    def is_searchable(self) -> bool:
        return bool(self.terms or self.phrases)

    @property
    def highlight_terms(self) -> tuple[str, ...]:
        return self.terms + tuple(word for phrase in self.phrases for word in phrase.split())


def clean_query(raw: str | None) -> str:
    """Drop control characters (NUL included), fold whitespace, cap the length."""
    if not raw:
        return ""
    text = "".join(
        " " if char.isspace() else char
        for char in unicodedata.normalize("NFC", raw)
        if char.isspace() or not unicodedata.category(char).startswith("C")
    )
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
    return text


def _is_word_char(char: str) -> bool:
    # Letters, digits and combining marks, as SQLite's unicode61 tokenizer sees words;
    # punctuation, symbols (emoji included) and "_" separate them.
    return unicodedata.category(char)[0] in "LNM"


def words(text: str) -> list[str]:
    """Split text into words the way the full-text indexes do."""
    found, current = [], []
    for char in text:
        if _is_word_char(char):
            current.append(char)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


def parse_query(raw: str | None) -> ParsedQuery:
    """Words and "quoted phrases" from a reader's query; anything else is ignored.

    Only balanced quotes make a phrase; a stray quote is just punctuation.
    """
    text = clean_query(raw)
    phrases: list[str] = []
    if text.count('"') >= 2:
        parts = text.split('"')
        closed = len(parts) if len(parts) % 2 else len(parts) - 1  # ignore an unclosed last quote
        phrases = [" ".join(words(part)) for part in parts[1:closed:2]]
        outside = parts[0:closed:2] + parts[closed:]
        loose = " ".join(outside)
    else:
        loose = text
    terms = [word for word in loose.split() if word not in BOOLEAN_OPERATORS]
    terms = [word for term in terms for word in words(term)]
    terms = _unique(terms)[:MAX_TERMS]
    phrases = [phrase for phrase in _unique(phrases) if phrase][: max(0, MAX_TERMS - len(terms))]
    # A one-word "phrase" is just a word.
    single = [phrase for phrase in phrases if " " not in phrase]
    phrases = [phrase for phrase in phrases if " " in phrase]
    terms = _unique(terms + single)
    return ParsedQuery(text=text, terms=tuple(terms), phrases=tuple(phrases))


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            result.append(item)
    return result


# Stream block values that are settings or references, not words a reader wrote.
NON_TEXT_KEYS = frozenset({"type", "id", "level", "video", "image", "contributor"})


def stream_text(raw_blocks: object) -> Iterator[str]:
    """Every piece of reader-visible text in StreamField JSON, in order, as plain text.

    Not the importer's ``block_text`` (per block type, on parsed or loaded blocks): this walks
    the stored JSON without knowing the block schema, so it converts nothing, runs no query
    (a signature's contributor stays an id) and finds the words of blocks added later; and
    the search must not depend on the importer, which may one day be removed."""
    if isinstance(raw_blocks, str):
        text = html_to_text(raw_blocks, line_break=" ")
        if text:
            yield text
    elif isinstance(raw_blocks, dict):
        for key, value in raw_blocks.items():
            if key not in NON_TEXT_KEYS:
                yield from stream_text(value)
    elif isinstance(raw_blocks, list):
        for item in raw_blocks:
            yield from stream_text(item)


def _match_pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    terms = [term for term in terms if term]
    if not terms:
        return None
    # Longest first so "Kurosawa" wins over "Kuro"; a term matches the start of a word
    # ("film" marks "films") because the backends stem or prefix-match likewise.
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def excerpt(text: str, terms: Sequence[str], length: int = EXCERPT_LENGTH) -> str:
    """About ``length`` characters of ``text`` around the first matched term, on word breaks."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    pattern = _match_pattern(terms)
    match = pattern.search(text) if pattern else None
    start = 0
    if match:
        start = max(0, match.start() - length // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < match.start() else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return f"{'… ' if start else ''}{text[start:end]}{' …' if end < len(text) else ''}"


def highlight(text: str, terms: Sequence[str]) -> str:
    """HTML for ``text`` with matched words in <mark>.

    Every piece of the text is escaped before any markup is added, so neither the text
    nor the query can inject HTML.
    """
    pattern = _match_pattern(terms)
    if pattern is None:
        return html.escape(text)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(html.escape(text[position : match.start()]))
        pieces.append(f"<mark>{html.escape(match.group())}</mark>")
        position = match.end()
    pieces.append(html.escape(text[position:]))
    return "".join(pieces)


def highlighted_excerpt(text: str, terms: Sequence[str], length: int = EXCERPT_LENGTH) -> str:
    return highlight(excerpt(text, terms, length), terms)


def log_key(text: str) -> str:
    """A query as the search logs store it (lower case, single spaces, at most 255 characters)."""
    return " ".join(text.lower().split())[:255]
