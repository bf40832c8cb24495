"""Plain-text helpers: word tokens and the "nothing lost" fidelity measure."""

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from html.parser import HTMLParser

from .document import Block, Epigraph, Heading, Image, Paragraph, Signature, SpoilerNotice

# Apostrophes inside words ("one’s", "don't") keep the word whole; all other punctuation
# separates words, so "guardians”," and "guardians" count as the same word.
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_SPACE = re.compile(r"\s+")
MISSING_WORDS_SHOWN = 20


def content_words(text: str) -> list[str]:
    """Casefolded word tokens of ``text``, punctuation stripped (unicode aware)."""
    normalised = unicodedata.normalize("NFKC", text).replace("’", "'")
    return [word.casefold() for word in _WORD.findall(normalised)]


def fidelity(source_text: str, new_text: str) -> tuple[float, list[str]]:
    """Share of the source's words (as a multiset) found in the new text, and the first
    missing words in source order. An empty source loses nothing, so scores 1.0."""
    source = content_words(source_text)
    if not source:
        return 1.0, []
    available = Counter(content_words(new_text))
    missing: list[str] = []
    for word in source:
        if available[word] > 0:
            available[word] -= 1
        else:
            missing.append(word)
    return (len(source) - len(missing)) / len(source), missing[:MISSING_WORDS_SHOWN]


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to single spaces."""
    return _SPACE.sub(" ", text.replace("\xa0", " ")).strip()


class _TextExtractor(HTMLParser):
    _BREAKING = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
    _INVISIBLE = {"script", "style"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._INVISIBLE:
            self._hidden_depth += 1
        elif tag in self._BREAKING:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._INVISIBLE:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in self._BREAKING:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML fragment: line breaks kept, entities decoded."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    lines = (normalise_space(line) for line in "".join(extractor.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def block_text(block: Block) -> str:
    """The words a reader sees for one block."""
    match block:
        case Paragraph(html=html):
            return html_to_text(html)
        case Epigraph(quote=quote, attribution=attribution):
            return f"{quote}\n{attribution}".strip()
        case SpoilerNotice(label=label, text=text):
            return f"{label} {text}".strip()
        case Heading(text=text):
            return text
        case Image(caption=caption):
            return caption
        case Signature(name=name, dateline=dateline):
            return f"{name}\n{dateline}".strip()
    return ""


def blocks_text(blocks: Iterable[Block]) -> str:
    """All reader-visible text of a block sequence, one block per paragraph."""
    return "\n\n".join(text for text in map(block_text, blocks) if text)
