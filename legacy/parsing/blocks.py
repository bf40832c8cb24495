"""The page's text units as blocks, in reading order (pure).

Each unit becomes the block its shape says (``shapes.py``): a table, a picture and its
caption, preformatted text, a list, an epigraph or a byline (only before the body), a
quotation, a spoiler notice, a news item, a signature (only at the end), a heading or a
paragraph. Where a line stands decides as much as its shape: under a picture it is a
caption, among pictures never a signature.
"""

import re
from html import escape

from textkit.markup import html_to_text

from .accounting import words_beyond
from .bylines import is_person_name, parse_byline
from .credits import has_work_facts
from .document import (
    Block,
    Heading,
    Image,
    Kind,
    Paragraph,
    Removed,
    Signature,
    SpoilerNotice,
    Table,
)
from .header import BODY_WORDS, HEADER_UNITS
from .names import is_institution
from .news import news_item
from .ratings import parse_rating
from .shapes import (
    OPEN_QUOTES,
    bylines,
    epigraph,
    heading,
    list_block,
    not_a_person,
    preformatted,
    quotation,
    several_people,
    signature,
    spoiler_notice,
)
from .text import block_text, content_words
from .titles import TitleChoice, key
from .units import Span, Unit, join_lines, render_inline
from .visible import removal

TAIL_UNITS = 3  # a signature sits within this many units of the end
MAX_CAPTION_WORDS = 25
SIGNATURE_AFTER_WORDS = 20  # signatures only after the last paragraph this long


def build_blocks(
    units: list[Unit], kind: Kind, removed: list[Removed], warnings: list[str] | None = None
) -> tuple[list[Block], list[str], list[str]]:
    """Blocks in reading order, the text of any unit that produced none, and the content
    text a reader sees, unit by unit. A spoiler notice or a signature drops its label
    ("Note:", "Reviewed by") on purpose: its content text is the block's own words, so
    fidelity does not count the label as lost; every other unit counts with all its words.

    The body starts at the first paragraph of running text (``BODY_WORDS``): a short
    line before it (leaked chrome, a credits line not understood, a teaser) does not stop
    an epigraph or a byline after it from being read as such."""
    blocks: list[Block] = []
    leftovers: list[str] = []
    texts: list[str] = []
    tail_start = _tail_start(units)
    no_epigraph = _quotation_runs(units)
    body_started = False
    index = 0
    while index < len(units):
        opening = not body_started and index not in no_epigraph and index < HEADER_UNITS
        # under an index entry ("<a>Title</a><br>by X"): its summary, not an epigraph
        caption = _is_caption_position(units, index) or (
            index > 0 and _opens_with_link(units[index - 1])
        )
        in_tail = index >= tail_start and not _beside_picture(units, index)
        produced, used = _blocks_at(units, index, kind, opening, in_tail, caption)
        if not produced:
            leftovers.append(units[index].text)
        if len(produced) == 1 and isinstance(produced[0], SpoilerNotice | Signature):
            texts.append(block_text(produced[0]))
            label = " ".join(words_beyond(units[index].text, block_text(produced[0])))
            removed += removal(f"the label of the {type(produced[0]).__name__} block", label)
        else:
            texts += [unit.text for unit in units[index : index + used]]
        signed = any(isinstance(block, Signature) for block in produced)
        tail = index >= tail_start and not signed
        doubt = not_a_person(units[index]) if tail else ""
        several = several_people(units[index]) if tail and not doubt else ""
        if (doubt or several) and len(produced) == 1 and isinstance(produced[0], Heading):
            produced = [Paragraph(render_inline(units[index].items))]  # a line, not a heading
        if warnings is not None and doubt:
            warnings.append(
                f"not taken as the signature: {doubt!r} names an institution or a title, "
                "not a person (kept as text)"
            )
        if warnings is not None and several:
            warnings.append(
                f"not taken as the signature: {several!r} names more than one person "
                "(kept as text; a signature names one contributor)"
            )
        blocks += produced
        body_started = body_started or any(_starts_body(block) for block in produced)
        index += used
    return blocks, leftovers, texts


def _starts_body(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    return len(content_words(html_to_text(block.html))) >= BODY_WORDS


def _quotation_runs(units: list[Unit]) -> set[int]:
    """Units that open a run of two or more quotations, each with its source: a page of
    testimonials or of quotes, whose quotations are its content, not an epigraph."""
    found: set[int] = set()
    index = 0
    while index < len(units):
        first = epigraph(units, index)
        if first is None:
            index += 1
            continue
        run = [index]
        following = index + first[1]
        while following < len(units) and (more := epigraph(units, following)):
            run.append(following)
            following += more[1]
        if len(run) >= 2:
            found.update(run)
        index = following
    return found


_BAR = re.compile(r"\s+\|\s+")
HEAD_BLOCKS = 4  # a byline sits among the first blocks of text
TAIL_BLOCKS = 4  # the writer's note closes the piece


def byline_named_by_the_bio(blocks: list[Block], title: str) -> list[Block]:
    """A bare name under the headline ("Barbara Kirk"), or after a bar in it ("SOLID FORM
    | Lisa Mann"), is the byline when the piece closes on a note about that writer
    ("Barbara Kirk is a portrait artist ...", "Lisa Mann (lisa@...) is a critic"): the
    name alone could be the artist reviewed, the note says who wrote it."""
    if any(isinstance(block, Signature) for block in blocks):
        return blocks
    paragraphs = [block for block in blocks if isinstance(block, Paragraph)]
    closing = [html_to_text(block.html).strip() for block in paragraphs[-TAIL_BLOCKS:]]
    texts = [i for i, block in enumerate(blocks) if isinstance(block, Heading | Paragraph)]
    for index in texts[:HEAD_BLOCKS]:
        block = blocks[index]
        if isinstance(block, Heading):
            text = block.text
        elif isinstance(block, Paragraph):
            text = html_to_text(block.html).strip()
        else:
            continue
        head, bar, name = text.rpartition(" | ") if _BAR.search(text) else ("", "", text)
        if not bar and "\n" in text:  # the headline's last line: "... EXHIBITION<br>JAMES WEAVER"
            head, bar, name = text.rpartition("\n")
        if not bar and index == texts[0] and isinstance(block, Heading):
            continue  # a bare name first and set as a heading is the headline itself
        name = name.strip()
        if not is_person_name(name) or is_institution(name) or key(name) == key(title):
            continue  # the headline repeated in the last paragraph is no writer's note
        if not any(_introduces(note, name) for note in closing):
            continue
        signed = Signature(name)
        if not bar:
            return [*blocks[:index], signed, *blocks[index + 1 :]]
        headline = Heading(head.strip(), block.level) if isinstance(block, Heading) else None
        opening = headline or Paragraph(escape(head.strip(), quote=False))
        return [*blocks[:index], opening, signed, *blocks[index + 1 :]]
    return blocks


def _introduces(note: str, name: str) -> bool:
    """ "Lisa Mann (lisa@example.net) is a critic ...": the note opens with the name, then
    (after an address in brackets) says what the writer is or does."""
    if not note.casefold().startswith(name.casefold()):
        return False
    rest = re.sub(r"^\s*\([^)]*\)", "", note[len(name) :])
    return bool(re.match(r"\s*(?:is|was|has|lives|teaches|writes|works)\b", rest))


def _credits_follow(units: list[Unit], index: int) -> bool:
    """ "by Mariana Cook" over "San Francisco: Chronicle Books, 1994, 132 pp.": the author
    of a (second) work under review, whose credits go on in the next block, not the
    reviewer's byline."""
    following = units[index + 1] if index + 1 < len(units) else None
    return (
        following is not None
        and following.image is None
        and bool(following.line_texts and has_work_facts(following.line_texts[0]))
    )


def _opens_with_link(unit: Unit) -> bool:
    """An index entry: a line that opens with a link ("<a>Title</a><br>by X"), whose
    summary under it is the entry's, never the page's epigraph."""
    spans = (item for item in unit.items if isinstance(item, Span) and item.text.strip())
    first = next(spans, None)
    return unit.image is None and first is not None and bool(first.style.link)


def _beside_picture(units: list[Unit], index: int) -> bool:
    """A line among pictures is a caption (a work's title, an artist's name), never the
    reviewer's signature: a picture right above or below it, or above the run of short
    lines of its block that it closes."""
    if units[index].image is not None or units[index].style.align == "right":
        return False  # set right, as signatures are; captions sit centred or left

    def picture(unit: Unit) -> bool:  # a score drawn as a picture ("8/10") is no plate
        return unit.image is not None and parse_rating(unit.image.alt or "") is None

    if index + 1 < len(units) and picture(units[index + 1]):
        return True
    block = units[index].style.block
    before = index - 1
    while before >= 0 and units[before].image is None:
        unit = units[before]
        captioned = unit.style.block == block or caption_styled(unit)
        if not captioned or len(unit.line_texts) != 1:
            return False
        if len(content_words(unit.text)) > MAX_CAPTION_WORDS:
            return False
        before -= 1
    return before >= 0 and picture(units[before])


def caption_styled(unit: Unit) -> bool:
    """How captions are set: small, centred or italic."""
    style = unit.style
    return style.small or style.align == "center" or unit.all_spans(lambda s: s.italic)


def _is_caption_position(units: list[Unit], index: int) -> bool:
    """A short styled line right under a picture is its caption ("Click images to
    enlarge"): an epigraph there needs quote marks or its source under it."""
    unit = units[index]
    if index == 0 or units[index - 1].image is None or len(unit.line_texts) != 1:
        return False
    text = unit.text
    short = len(content_words(text)) <= MAX_CAPTION_WORDS
    return caption_styled(unit) and short and text.lstrip()[:1] not in OPEN_QUOTES


def _blocks_at(
    units: list[Unit], index: int, kind: Kind, opening: bool, in_tail: bool, caption: bool = False
) -> tuple[list[Block], int]:
    """The block(s) starting at ``units[index]`` and how many units they used. Order
    matters: epigraphs and bylines only open a piece (``opening``), signatures only close
    it."""
    unit = units[index]
    if unit.table is not None:
        return [Table(unit.table.rows, unit.table.caption)], 1
    if unit.image is not None:
        return _image_block(units, index)
    if found := preformatted(units, index):
        return [found[0]], found[1]
    if found := list_block(units, index):
        return [found[0]], found[1]
    found = epigraph(units, index) if opening else None
    if found and (found[0].attribution or not caption):  # under a picture: its caption
        return [found[0]], found[1]
    if found := quotation(units, index):
        return [found[0]], found[1]
    if notice := spoiler_notice(unit):
        return [notice], 1
    if kind is Kind.NEWS and (item := news_item(unit)):
        return item, 1
    if in_tail and (found := signature(units, index)):
        return [found[0]], found[1]
    if opening and (authors := bylines(unit)) and not _credits_follow(units, index):
        return list(authors), 1
    if title := heading(unit):
        return [title], 1
    paragraph = Paragraph(render_inline(unit.items))
    return ([paragraph] if content_words(html_to_text(paragraph.html)) else []), 1


def detach_signature(units: list[Unit]) -> list[Unit]:
    """A name after a single <br> at the end of the last paragraph is the signature."""
    text_indexes = [index for index, unit in enumerate(units) if unit.image is None]
    if not text_indexes:
        return units
    index = text_indexes[-1]
    lines = units[index].lines
    for tail_size in (4, 3, 2, 1):
        if len(lines) <= tail_size:
            continue
        tail = Unit(items=join_lines(lines[-tail_size:]))
        found = signature([tail], 0)
        # a name over title lines, at the foot of a paragraph: only after a label or a dash
        if found and (tail_size <= 2 or parse_byline(tail.text.split("\n")[0] or "x")):
            head = Unit(items=join_lines(lines[:-tail_size]))
            return [*units[:index], head, tail, *units[index + 1 :]]
    return units


def _tail_start(units: list[Unit]) -> int:
    """Signatures only after the last substantial paragraph, among the last few units."""
    last_long = max(
        (
            index
            for index, unit in enumerate(units)
            if len(content_words(unit.text)) >= SIGNATURE_AFTER_WORDS
        ),
        default=-1,
    )
    return max(last_long + 1, len(units) - TAIL_UNITS)


def _image_block(units: list[Unit], index: int) -> tuple[list[Block], int]:
    ref = units[index].image
    following = units[index + 1] if index + 1 < len(units) else None
    if following is not None and _is_caption(following, ref.block):
        return [Image(ref.src, ref.alt, caption=following.text)], 2
    return [Image(ref.src, ref.alt)], 1


def _is_caption(unit: Unit, image_block: int) -> bool:
    if unit.image is not None or len(unit.line_texts) != 1:
        return False
    if unit.style.block != image_block or len(content_words(unit.text)) > MAX_CAPTION_WORDS:
        return False
    return caption_styled(unit)


def open_with_title_parts(
    choice: TitleChoice, blocks: list[Block], texts: list[str]
) -> tuple[list[Block], list[str]]:
    """The parts of the titles not used as the title open the body: a <title> that says
    more than the chosen headline, then a byline taken out of a title."""
    opening: list[Block] = []
    if choice.kept:
        opening.append(Paragraph(escape(choice.kept, quote=False)))
    signed = {block.name for block in blocks if isinstance(block, Signature)}
    if choice.byline and choice.byline not in signed:
        opening.append(Signature(choice.byline))
    return [*opening, *blocks], [*map(block_text, opening), *texts]


def with_slot_signatures(
    signatures: list[Signature], blocks: list[Block], texts: list[str]
) -> tuple[list[Block], list[str]]:
    """The writers a byline slot names ("Review by X") open the body, as the page's
    Signature blocks, unless the page signs with the same name elsewhere."""
    signed = {key(block.name) for block in blocks if isinstance(block, Signature)}
    opening = [signature for signature in signatures if key(signature.name) not in signed]
    return [*opening, *blocks], [*map(block_text, opening), *texts]
