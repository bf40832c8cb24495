"""Recognisers for the parts of a review that have a recognisable shape.

Each function looks at one unit (or a unit and its neighbour) and either returns the
block it is plus how many units it used, or None. Position rules (epigraphs only before
the body, signatures only at the end) live in parser.py.
"""

import functools
import re
from dataclasses import dataclass

from .bylines import (
    MAX_NOTE_WORDS,
    NAME_JOINTS,
    is_note,
    is_person_name,
    opens_with_label,
    parse_byline,
    unbroken,
)
from .credits import is_credits
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
from .lexicon import (
    Lexicon,
    active,
    is_stopword,
    recognise,
    stopword_counts,
    writes_titles_in_title_case,
)
from .names import is_institution, is_name_shaped
from .text import content_words
from .units import BREAK, Item, Span, Unit, items_text, render_inline

Match = tuple[Block, int]  # (block, number of units consumed)

OPEN_QUOTES = "“\"‘'«„"
CLOSE_QUOTES = "”\"’'»“"
MAX_EPIGRAPH_WORDS = 120
MAX_PLAIN_EPIGRAPH_WORDS = 60  # a quotation with no marks: short, its source under it
MAX_ATTRIBUTION_WORDS = 10
MAX_HEADING_WORDS = 12
MAX_SPOILER_WORDS = 40
SPOILER_LINE_WORDS = 12  # a line this short that names spoilers is a notice
MAX_PREFORMATTED_WORDS = 150  # more is a whole page set in <pre>: its paragraphs read as such
_DASHES = " \t-–—~―"
PROSE_MIN_WORDS = 5  # fewer is a label, a name, a title: never a sentence of the article
PROSE_STOPWORD_SHARE = 0.25  # running text in any language is a fourth its stopwords or more
PROSE_LOWERCASE_RUN = 2  # words in a row that are no name ("Directed and Edited by X" has none)
TITLE_MAX_WORDS = 12  # longer, a line in title case is a headline's sentence, not a title
_TITLE_WORD = re.compile(r"[^\W_][\w'’-]*")  # as printed: "Spider-Man" is one capitalised word
_SENTENCE_ENDS = ".!?…:;"  # a title ends with none of these
_INLINE_ATTRIBUTION = re.compile(rf"^([{OPEN_QUOTES}].+[{CLOSE_QUOTES}][.!?]?)\s*[-–—―]+\s*(.+)$")


@dataclass(frozen=True)
class _Rules:
    """The patterns of one lexicon for the parts a review prints with words of its own."""

    page_reference: re.Pattern[str]  # "(p. 32)", "(S. 12)": a quotation's source by page
    click: re.Pattern[str]  # "Click images to enlarge": a caption's invitation, never a quote
    spoiler: re.Pattern[str]  # "Note: Spoiler alert", "Warning: spoilers ahead"
    spoiler_word: re.Pattern[str]  # a short line that names spoilers at all


@functools.cache
def _rules(lex: Lexicon) -> _Rules:
    pages = lex.pattern("shapes.page_references")
    click, enlarge = lex.pattern("shapes.click"), lex.pattern("shapes.enlarge")
    return _Rules(
        page_reference=re.compile(
            rf"^\(?\s*(?:{pages})\.?\s*\d+(?:\s*[-–]\s*\d+)?f?\s*\)?\.?$", re.IGNORECASE
        ),
        click=re.compile(
            rf"\b(?:{click})\b.{{0,40}}\b(?:{enlarge})|\b(?:{lex.pattern('shapes.to_enlarge')})\b",
            re.IGNORECASE,
        ),
        spoiler=re.compile(
            rf"^\W*(?:note\s*[:\-–]\s*)?(?P<label>(?:{lex.pattern('shapes.spoiler')})!*)"
            r"\s*(?:[:\-–.!*]+\s*)?(?P<text>.*)$",
            re.IGNORECASE | re.DOTALL,
        ),
        spoiler_word=re.compile(rf"\b(?:{lex.pattern('shapes.spoiler_words')})\b", re.IGNORECASE),
    )


def reads_as_prose(text: str) -> bool:
    """Whether ``text`` is a sentence of running text, what a summary must be: opens as a
    sentence does, is not a line of credits ("Starring X, Y"), has words in a row that
    are no names (a line of credits or a title capitalises each), is not a title in title
    case ("A Walk on the Moon"), and uses its language's stopwords as running text does (a
    list of names, a byline do not; the stopwords are the lexicon's, so this holds in every
    language it knows)."""
    words = content_words(text)
    opening = text.lstrip(OPEN_QUOTES + " \t\n")[:1]
    if len(words) < PROSE_MIN_WORDS or not opening or opening.islower() or _title_cased(text):
        return False
    if is_credits(text) or _lowercase_run(text) < PROSE_LOWERCASE_RUN or _names_after_label(text):
        return False
    return max(stopword_counts(words).values()) >= PROSE_STOPWORD_SHARE * len(words)


_LABEL_BY = re.compile(r"^\W*(?:[^\W\d][\w'’-]*\s+){0,4}?by\s+(\S+)\s+(\S+)", re.IGNORECASE)


def _names_after_label(text: str) -> bool:
    """A line that opens as a label of a few words and "by", then a name ("Screenplay by
    Ann Lu, based on ...", "Directed and co-written by Tom Fenn"): a credit, not a sentence,
    whatever follows the name."""
    match = _LABEL_BY.match(text)
    return bool(match) and is_name_shaped([match.group(1), match.group(2).rstrip(",.;:")])


def _title_cased(text: str) -> bool:
    """A short line whose every word but its small ones (the stopwords) is capitalised, and
    that ends as no sentence does: a title, which has stopwords enough to pass for prose.
    Only in a language whose titles are in title case (the lexicon says), or one too short
    to tell: "Der Film ist ein Meisterwerk" is a German sentence."""
    ending = text.rstrip(CLOSE_QUOTES + " \t\n")[-1:]
    words = _TITLE_WORD.findall(text)
    if not words or len(words) > TITLE_MAX_WORDS or ending in _SENTENCE_ENDS:
        return False
    language = recognise(content_words(text))
    if language is not None and not writes_titles_in_title_case(language):
        return False
    return all(not word[:1].islower() or is_stopword(word.casefold()) for word in words)


def _lowercase_run(text: str) -> int:
    run = longest = 0
    for word in text.split():
        run = run + 1 if word[:1].islower() else 0
        longest = max(longest, run)
    return longest


def is_quotation(text: str, unit: Unit) -> bool:
    """Quote marks round it, or a <blockquote>, or italic and centred."""
    if not text or len(content_words(text)) > MAX_EPIGRAPH_WORDS:
        return False
    if wrapped_in_quotes(text) or unit.style.quoted:
        return True
    return unit.style.align == "center" and unit.all_spans(lambda style: style.italic)


def wrapped_in_quotes(text: str) -> bool:
    """Quote marks open and close it (a full stop after the closing mark allowed)."""
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
    """A quotation with an optional short attribution, in one unit or two: quoted, in a
    <blockquote>, or centred italics; or a short plain paragraph (a one-cell table's box)
    whose source follows it on a line of its own, "— X" or "(p. 32)". Never a "click to
    enlarge" line."""
    unit = units[index]
    lines = unit.line_texts
    if unit.image is not None or not lines or _rules(active()).click.search(unit.text):
        return None
    if len(lines) >= 2 and is_attribution(lines[-1]):
        quote = " ".join(lines[:-1])
        if is_quotation(quote, unit) or (wrapped_in_quotes(quote) and unit.style.italic):
            return Epigraph(unquote(quote), clean_attribution(lines[-1])), 1
    inline = _INLINE_ATTRIBUTION.match(unit.text.replace("\n", " "))
    if inline and is_attribution(inline.group(2)) and len(content_words(inline.group(2))) <= 6:
        return Epigraph(unquote(inline.group(1)), clean_attribution(inline.group(2))), 1
    following = units[index + 1] if index + 1 < len(units) else None
    if not is_quotation(unit.text, unit):
        return _plain_epigraph(unit, following)
    if following is not None and _is_detached_attribution(following):
        return Epigraph(unquote(unit.text), clean_attribution(following.text)), 2
    styled = unit.style.align == "center" or unit.all_spans(lambda style: style.italic)
    if unit.style.quoted or (wrapped_in_quotes(unit.text) and styled):
        return Epigraph(unquote(unit.text), ""), 1
    return None


def _plain_epigraph(unit: Unit, following: Unit | None) -> Match | None:
    """A short paragraph with no quote marks, then its source as "— X" or "(p. 32)"."""
    lines = unit.line_texts
    if len(lines) >= 2 and _is_source_line(lines[-1]):
        quote = " ".join(lines[:-1])
        if len(content_words(quote)) <= MAX_PLAIN_EPIGRAPH_WORDS:
            return Epigraph(unquote(quote), clean_attribution(lines[-1])), 1
    if len(content_words(unit.text)) > MAX_PLAIN_EPIGRAPH_WORDS or following is None:
        return None
    one_line = following.image is None and len(following.line_texts) == 1
    if one_line and _is_source_line(following.text):
        return Epigraph(
            unquote(unit.text.replace("\n", " ")), clean_attribution(following.text)
        ), 2
    return None


def _is_source_line(line: str) -> bool:
    """ "— Wilfred Owen", "-- a projectionist's saying", "(p. 32)"."""
    if _rules(active()).page_reference.match(line.strip()):
        return True
    return _is_dashed(line) and not line.lstrip().startswith("--") and is_attribution(line)


def _is_named_source(line: str) -> bool:
    """ "Wilfred Owen, Preface to Poems": a person's name, a comma, a title."""
    name, comma, title = line.strip().partition(",")
    return bool(comma and title.strip()) and is_person_name(name.strip())


def _is_detached_attribution(unit: Unit) -> bool:
    """A line after a quotation that names its source: dashed, aligned or small, a page
    reference "(p. 32)", or "Name, Title"."""
    if unit.image is not None or len(unit.line_texts) != 1 or not is_attribution(unit.text):
        return False
    style = unit.style
    aligned = style.align in {"center", "right"}
    marked = _is_dashed(unit.text) or aligned or style.small or style.quoted
    return (
        marked
        or bool(_rules(active()).page_reference.match(unit.text.strip()))
        or _is_named_source(unit.text)
    )


def spoiler_notice(unit: Unit) -> SpoilerNotice | None:
    """ "Note: Spoiler Alert", "SPOILER WARNING: this review discusses the ending." """
    text = unit.text.replace("\n", " ").strip()
    if unit.image is not None or len(content_words(text)) > MAX_SPOILER_WORDS:
        return None
    match = _rules(active()).spoiler.match(text)
    if match:
        return SpoilerNotice(match.group("label").strip(), match.group("text").strip())
    short = len(content_words(text)) <= SPOILER_LINE_WORDS
    if short and _rules(active()).spoiler_word.search(text):
        return SpoilerNotice(text)
    return None


MAX_NOTE_UNITS = 2  # title or affiliation lines printed as blocks of their own under a name


def signature(units: list[Unit], index: int) -> Match | None:
    """The reviewer's name closing the piece: labelled ("Reviewed by X", "-- Bob"), bold,
    italic or right-aligned, maybe with a date ("X, 2004") and a title or affiliation
    under it, in the same block or in the one or two blocks after it."""
    unit = units[index]
    lines = unit.line_texts
    if unit.image is not None or unit.as_text or not 1 <= len(lines) <= 4:
        return None
    found = parse_byline("\n".join(lines))
    if found is None or not found.person or found.remainder:
        return None
    emphasised = _emphasised(Unit(items=unit.lines[0]))
    if not (found.label or found.dateline or emphasised):
        return None
    if found.note and not (found.label or emphasised):
        return None  # a plain block of lines is an address or a verse, not a signature
    dateline, notes, consumed = found.dateline, [found.note] if found.note else [], 1
    while index + consumed < len(units) and consumed <= MAX_NOTE_UNITS:
        following = units[index + consumed]
        if following.image is not None or len(following.line_texts) != 1:
            break
        if not dateline and _is_date_unit(units, index + consumed):
            dateline = following.text.strip()
        elif (found.label or emphasised) and not dateline and is_note(following.text):
            notes.append(following.text.strip())
        else:
            break
        consumed += 1
    return Signature(found.name, dateline, ", ".join(notes)), consumed


def byline(unit: Unit) -> Signature | None:
    """ "by Jane Smith" (maybe with a date, a title or an affiliation) under the title,
    read whole where the page broke it over lines ("Review by" / "Jane Smith")."""
    lines = unbroken(unit.line_texts)
    if unit.image is not None or unit.as_text or not 1 <= len(lines) <= 3:
        return None  # as_text: a slot of the site that names no writer ("Written by")
    if not opens_with_label(lines[0]):
        return None
    found = parse_byline("\n".join(lines))
    if found is None or not found.label or not found.person or found.remainder:
        return None
    if _is_dashed(found.label):
        return None  # "-- Bob" signs the end of a piece; at the top it attributes a quote
    return Signature(found.name, found.dateline, found.note)


def bylines(unit: Unit) -> list[Signature]:
    """The writers a byline under the title signs the page with: one ("by Jane Smith"),
    or several ("by Ann Lee and Bo Rey", "par X et Y", "by Ann Lee" / "and Bo Rey"), each a
    person."""
    if found := byline(unit):
        return [found]
    lines = unbroken(unit.line_texts)
    if unit.image is not None or unit.as_text or len(lines) != 1 or not opens_with_label(lines[0]):
        return []
    parsed = parse_byline(lines[0])
    if parsed is None or not parsed.label or parsed.remainder or _is_dashed(parsed.label):
        return []
    names = [name.strip(" .") for name in NAME_JOINTS.split(parsed.name) if name.strip(" .")]
    if len(names) < 2 or not all(map(_a_person, names)):
        return []
    return [Signature(name, parsed.dateline, parsed.note) for name in names]


def _a_person(name: str) -> bool:
    return is_person_name(name) and not is_institution(name)


def not_a_person(unit: Unit) -> str:
    """The text of a would-be signature whose name is an institution's or a title's
    ("Pastor, Petros Baptist Church", "Reviewed by Acme Books Ltd"), for the page's
    warnings; "" when the unit is not shaped so."""
    lines = unit.line_texts
    if unit.image is not None or not 1 <= len(lines) <= 2:
        return ""
    text = " ".join(line.strip() for line in lines)
    if len(content_words(text)) > MAX_NOTE_WORDS:
        return ""
    found = parse_byline("\n".join(lines))
    labelled = found is not None and bool(found.label) and not found.person
    labelled = labelled and (is_institution(found.name) or is_note(found.name))
    return text if labelled or (_emphasised(unit) and is_note(text)) else ""


_JOINED_NAMES = re.compile(r"\s+(?:and|&|und|et|y)\s+|\s*,\s*", re.IGNORECASE)


def several_people(unit: Unit) -> str:
    """The text of a closing line that signs the piece with two or more names ("Lena
    Kovacs and Tom Reyes"): a signature names one contributor, so it stays text, with a
    warning; "" when the unit is not shaped so."""
    lines = unit.line_texts
    if unit.image is not None or len(lines) != 1 or not _emphasised(unit):
        return ""
    text = lines[0].strip()
    found = parse_byline(text)
    names = text[len(found.label) :].lstrip() if found and found.label else text
    pieces = [piece for piece in _JOINED_NAMES.split(names.strip(" .")) if piece]
    people = len(pieces) >= 2 and all(is_person_name(piece) for piece in pieces)
    return text if people else ""


def _emphasised(unit: Unit) -> bool:
    style = unit.style
    return unit.all_spans(lambda s: s.bold or s.italic) or style.align == "right" or style.small


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
