"""Recognisers for the parts of a review that have a recognisable shape.

Each function looks at one unit (or a unit and its neighbour) and either returns the
block it is plus how many units it used, or None. Position rules (epigraphs only before
the body, signatures only at the end) live in parser.py.
"""

import re

from .dates import date_line
from .document import (
    Block,
    Epigraph,
    Heading,
    Paragraph,
    Preformatted,
    Quotation,
    Signature,
    SpoilerNotice,
)
from .text import content_words
from .units import BREAK, Item, Span, Unit, items_text, render_inline

Match = tuple[Block, int]  # (block, number of units consumed)

OPEN_QUOTES = "“\"‘'«„"
CLOSE_QUOTES = "”\"’'»“"
MAX_EPIGRAPH_WORDS = 120
MAX_ATTRIBUTION_WORDS = 10
MAX_HEADING_WORDS = 12
MAX_SPOILER_WORDS = 40
MAX_PREFORMATTED_WORDS = 150  # more is a whole page set in <pre>: its paragraphs read as such
_DASHES = " \t-–—~―"
_INLINE_ATTRIBUTION = re.compile(rf"^([{OPEN_QUOTES}].+[{CLOSE_QUOTES}][.!?]?)\s*[-–—―]+\s*(.+)$")
_SPOILER = re.compile(
    r"^\W*(?:note\s*[:\-–]\s*)?"
    r"(?P<label>(?:spoilers?(?:\s+(?:alert|warning|ahead))?|(?:warning|caution)\s*[:\-–]?\s*"
    r"spoilers?(?:\s+ahead)?)!*)"
    r"\s*(?:[:\-–.!*]+\s*)?(?P<text>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_BY = re.compile(
    r"^\W*(?:(?:film\s+|book\s+)?review(?:ed)?\s+by|written\s+by|words\s+by|by)\s*:?\s+",
    re.IGNORECASE,
)
_NAME_PARTICLES = {"von", "van", "der", "de", "del", "della", "di", "da", "du", "la", "le", "st."}
_NOT_NAME_WORDS = {
    "the", "a", "an", "of", "and", "recommended", "highly", "rating", "verdict", "end",
    "review", "reviews", "film", "book", "note", "spoiler", "alert", "warning", "top",
    "back", "home", "next", "previous", "more", "unknown", "author", "copyright", "stars",
    "proverb", "anonymous", "news", "contents", "index",
}  # fmt: skip


def is_quotation(text: str, unit: Unit) -> bool:
    """Quote marks round it, or a <blockquote>, or italic and centred."""
    if not text or len(content_words(text)) > MAX_EPIGRAPH_WORDS:
        return False
    if _wrapped_in_quotes(text) or unit.style.quoted:
        return True
    return unit.style.align == "center" and unit.all_spans(lambda style: style.italic)


def _wrapped_in_quotes(text: str) -> bool:
    stripped = text.strip().rstrip(".!?")
    return len(stripped) > 2 and stripped[0] in OPEN_QUOTES and stripped[-1] in CLOSE_QUOTES


def unquote(text: str) -> str:
    """The quotation without the marks that wrap it (inner quotes stay)."""
    stripped = text.strip()
    trailing = ""
    if stripped and stripped[-1] in ".!?" and stripped[-2:-1] in tuple(CLOSE_QUOTES):
        stripped, trailing = stripped[:-1], stripped[-1]
    if len(stripped) > 2 and stripped[0] in OPEN_QUOTES and stripped[-1] in CLOSE_QUOTES:
        stripped = stripped[1:-1].strip()
    return stripped + trailing


def is_attribution(line: str) -> bool:
    words = content_words(line)
    return 0 < len(words) <= MAX_ATTRIBUTION_WORDS and not line.rstrip().endswith((":", ";"))


def clean_attribution(line: str) -> str:
    return line.strip().lstrip(_DASHES).strip()


def epigraph(units: list[Unit], index: int) -> Match | None:
    """A quotation with an optional short attribution, in one unit or two."""
    unit = units[index]
    lines = unit.line_texts
    if unit.image is not None or not lines:
        return None
    if len(lines) >= 2 and is_attribution(lines[-1]):
        quote = " ".join(lines[:-1])
        if is_quotation(quote, unit) or (_wrapped_in_quotes(quote) and unit.style.italic):
            return Epigraph(unquote(quote), clean_attribution(lines[-1])), 1
    inline = _INLINE_ATTRIBUTION.match(unit.text.replace("\n", " "))
    if inline and is_attribution(inline.group(2)) and len(content_words(inline.group(2))) <= 6:
        return Epigraph(unquote(inline.group(1)), clean_attribution(inline.group(2))), 1
    if not is_quotation(unit.text, unit):
        return None
    following = units[index + 1] if index + 1 < len(units) else None
    if following is not None and _is_detached_attribution(following):
        return Epigraph(unquote(unit.text), clean_attribution(following.text)), 2
    styled = unit.style.align == "center" or unit.all_spans(lambda style: style.italic)
    if unit.style.quoted or (_wrapped_in_quotes(unit.text) and styled):
        return Epigraph(unquote(unit.text), ""), 1
    return None


def _is_detached_attribution(unit: Unit) -> bool:
    """A line after a quotation that names its source: dashed, aligned or small."""
    if unit.image is not None or len(unit.line_texts) != 1 or not is_attribution(unit.text):
        return False
    style = unit.style
    aligned = style.align in {"center", "right"}
    return _is_dashed(unit.text) or aligned or style.small or style.quoted


def spoiler_notice(unit: Unit) -> SpoilerNotice | None:
    """ "Note: Spoiler Alert", "SPOILER WARNING: this review discusses the ending." """
    text = unit.text.replace("\n", " ").strip()
    if unit.image is not None or len(content_words(text)) > MAX_SPOILER_WORDS:
        return None
    match = _SPOILER.match(text)
    if match:
        return SpoilerNotice(match.group("label").strip(), match.group("text").strip())
    if re.search(r"\bspoilers?\b", text, re.IGNORECASE) and len(content_words(text)) <= 12:
        return SpoilerNotice(text)
    return None


def is_person_name(text: str, allow_single_word: bool = False) -> bool:
    words = text.split()
    if not words or len(words) > 5 or (len(words) == 1 and not allow_single_word):
        return False
    if re.search(r"[\d@:;!?()\"“”]", text):
        return False
    for word in words:
        bare = word.strip(".,'’")
        if bare.lower() in _NOT_NAME_WORDS:
            return False
        if not (bare[:1].isupper() or bare.lower() in _NAME_PARTICLES):
            return False
    return True


def signature(units: list[Unit], index: int) -> Match | None:
    """The reviewer's name (and maybe a date under it) closing the piece."""
    unit = units[index]
    lines = unit.line_texts
    if unit.image is not None or not 1 <= len(lines) <= 2:
        return None
    byline = _BY.match(lines[0])
    name, dateline = _split_name_and_date(lines[0][byline.end() :] if byline else lines[0])
    consumed = 1
    if len(lines) == 2:
        if dateline or not date_line(lines[1]):
            return None
        dateline = lines[1].strip()
    elif not dateline and _is_date_unit(units, index + 1):
        dateline, consumed = units[index + 1].text.strip(), 2
    if not is_person_name(name, allow_single_word=bool(byline)):
        return None
    style = unit.style
    marked = byline or dateline or style.align == "right"
    if not marked and not unit.all_spans(lambda s: s.bold or s.italic):
        return None
    return Signature(name, dateline), consumed


def byline(unit: Unit) -> Signature | None:
    """ "by Jane Smith" (maybe with a date) under a feature's title."""
    lines = unit.line_texts
    if unit.image is not None or not 1 <= len(lines) <= 2:
        return None
    match = _BY.match(lines[0])
    if not match:
        return None
    name, dateline = _split_name_and_date(lines[0][match.end() :])
    if len(lines) == 2 and not dateline and date_line(lines[1]):
        dateline = lines[1].strip()
    elif len(lines) == 2:
        return None
    return Signature(name, dateline) if is_person_name(name, allow_single_word=True) else None


def _split_name_and_date(text: str) -> tuple[str, str]:
    """ "Howard Schumann, March 2011" -> ("Howard Schumann", "March 2011")."""
    text = text.strip().strip(_DASHES)
    match = re.match(r"^(.*?)\s*[,;|–—\-]\s*(.+)$", text)
    if match and date_line(match.group(2)):
        return match.group(1).strip(), match.group(2).strip()
    return text.rstrip(" ."), ""


def _is_date_unit(units: list[Unit], index: int) -> bool:
    if index >= len(units) or units[index].image is not None:
        return False
    return len(units[index].line_texts) == 1 and date_line(units[index].text) is not None


def heading(unit: Unit) -> Heading | None:
    """An <h2>-<h6>, or a short bold line standing alone as a paragraph."""
    text = unit.text.replace("\n", " ").strip()
    if unit.image is not None or not content_words(text):
        return None
    level = unit.style.heading
    if level:
        return Heading(text, min(max(level, 2), 4))
    short = len(content_words(text)) <= MAX_HEADING_WORDS and len(unit.line_texts) == 1
    if short and not text.endswith((".", ",", ";", ":")) and unit.all_spans(lambda s: s.bold):
        return Heading(text, 2)
    return None


def list_block(units: list[Unit], index: int) -> Match | None:
    """The run of units from one <ul>/<ol> as one rich text list, an item per unit (the items
    of a nested list join their outer list: rich text lists here are one level deep)."""
    root = units[index].style.list_root
    if not root:
        return None
    items: list[str] = []
    end = index
    while end < len(units) and units[end].image is None and units[end].style.list_root == root:
        if html := render_inline(units[end].items):
            items.append(f"<li>{html}</li>")
        end += 1
    if not items:
        return None
    tag = "ol" if units[index].style.ordered else "ul"
    return Paragraph(f"<{tag}>{''.join(items)}</{tag}>"), end - index


def quotation(units: list[Unit], index: int) -> Match | None:
    """The units of one <blockquote> as one quotation, with its source when a last line
    names it (dashed, or a <cite>) or a dashed line follows the quote."""
    root = units[index].style.quote_block
    if not root:
        return None
    end = index
    while end < len(units) and units[end].image is None and units[end].style.quote_block == root:
        end += 1
    inside = [unit.items for unit in units[index:end]]
    source = ""
    if inside and (found := _source_line(Unit(items=inside[-1]).lines)):
        source, inside[-1] = found
    following = units[end] if end < len(units) else None
    if not source and following is not None and _is_dashed_source(following):
        source, end = clean_attribution(following.text), end + 1
    paragraphs = [html for items in inside if (html := render_inline(items))]
    return (Quotation(paragraphs, source), end - index) if paragraphs else None


def _source_line(lines: list[list[Item]]) -> tuple[str, list[Item]] | None:
    """The last line as a source and the lines before it, when it reads as one."""
    last = items_text(lines[-1]) if lines else ""
    cited = all(span.style.cite for span in lines[-1] if span.text.strip()) if lines else False
    if not is_attribution(last) or not (cited or _is_dashed(last)):
        return None
    rest: list[Item] = []
    for line in lines[:-1]:
        rest += ([BREAK] if rest else []) + line
    return clean_attribution(last), rest


def _is_dashed_source(unit: Unit) -> bool:
    one_line = unit.image is None and len(unit.line_texts) == 1
    return one_line and _is_dashed(unit.text) and is_attribution(unit.text)


def _is_dashed(line: str) -> bool:
    return line.lstrip()[:1] in "-–—~―"


def preformatted(units: list[Unit], index: int) -> Match | None:
    """The units of one <pre> as one preformatted text, line breaks and indentation kept
    (blank lines between its parts become one)."""
    root = units[index].style.pre
    if not root:
        return None
    end = index
    while end < len(units) and units[end].image is None and units[end].style.pre == root:
        end += 1
    parts = ["\n".join(_raw_lines(unit)) for unit in units[index:end]]
    text = "\n\n".join(part for part in parts if part.strip())
    if not text or len(content_words(text)) > MAX_PREFORMATTED_WORDS:
        return None
    return Preformatted(text), end - index


def _raw_lines(unit: Unit) -> list[str]:
    lines = ["".join(span.text for span in line if isinstance(span, Span)) for line in unit.lines]
    return [line.replace("\t", "    ").rstrip() for line in lines]
