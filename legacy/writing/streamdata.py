"""Parsed blocks → raw StreamField data for ``reviews.blocks.StoryBlock``, and back to text.

The body is built as raw data (the JSON Wagtail stores) and then validated with the
StreamBlock's own ``clean``, so an imported page obeys exactly the rules an editor's does.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from wagtail.blocks import StreamValue
from wagtail.images.models import Image as WagtailImage

from legacy.parsing.chrome import alt_carries_words
from legacy.parsing.document import (
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
from legacy.parsing.paths import Refused
from legacy.parsing.richtext import LinkResolver, to_rich_text
from legacy.parsing.text import blocks_text
from reviews.models import Contributor
from textkit.identity import strip_format_chars
from textkit.markup import html_to_text
from textkit.shorten import ELLIPSIS, shorten_at_word

CHAR_LIMIT = 255  # CharBlock has no max_length, but long labels are a parser slip: keep sane
ImageFinder = Callable[[Image], WagtailImage | None]  # may raise paths.Refused
ContributorFinder = Callable[[str], Contributor | None]  # None: not a person, keep as text


@dataclass
class BuiltBody:
    data: list[dict] = field(default_factory=list)  # raw StreamField data
    signer: Contributor | None = None
    warnings: list[str] = field(default_factory=list)
    missing_images: list[str] = field(default_factory=list)  # srcs of images not in the mirror


@dataclass
class BodyBuilder:
    resolve_link: LinkResolver
    find_image: ImageFinder
    find_contributor: ContributorFinder

    def build(self, blocks: list[Block]) -> BuiltBody:
        built = BuiltBody()
        blocks = split_long_headings(blocks)
        last_signature = _last_index(blocks, Signature)
        for position, block in enumerate(blocks):
            if isinstance(block, Signature) and position != last_signature:
                # StoryBlock allows one signature; an earlier one is kept as a line of text.
                built.warnings.append(f"Extra signature kept as text: {block.name}")
                line = " ".join(part for part in (block.name, block.note, block.dateline) if part)
                block = Paragraph(html=_escape(line))
            entry = self.block_data(block, built)
            if entry is not None:
                built.data.append({"type": entry[0], "value": entry[1], "id": str(uuid.uuid4())})
        return built

    def block_data(self, block: Block, built: BuiltBody) -> tuple[str, object] | None:
        match block:
            case Paragraph(html=html):
                rich_text = to_rich_text(html, self.resolve_link)
                return ("paragraph", rich_text) if html_to_text(rich_text) else None
            case Epigraph(quote=quote, attribution=attribution):
                return "epigraph", {"quote": quote, "attribution": _short(attribution)}
            case Preformatted(text=text):
                return "preformatted", text
            case Table(rows=rows, caption=caption):
                return "table", table_data(rows, caption)
            case Quotation(paragraphs=paragraphs, source=source):
                quote = "".join(to_rich_text(html, self.resolve_link) for html in paragraphs)
                return "quotation", {"quote": quote, "source": _short(source)}
            case SpoilerNotice(label=label, text=text):
                return "spoiler_notice", {"label": _short(label) or "Spoiler alert", "text": text}
            case Heading(text=text, level=level):
                return "heading", {"text": _short(text), "level": "h2" if level <= 2 else "h3"}
            case Image():
                return self.image_data(block, built)
            case Signature(name=name, dateline=dateline, note=note):
                built.signer = self.find_contributor(name)
                if built.signer is None:
                    built.warnings.append(f"Signature names an institution, kept as text: {name}")
                return "signature", {
                    "contributor": built.signer.pk if built.signer else None,
                    "name": "" if built.signer else _short(strip_format_chars(name)),
                    "note": _short(note),
                    "dateline": _short(dateline),
                }
        return None

    def image_data(self, block: Image, built: BuiltBody) -> tuple[str, object] | None:
        try:
            image = self.find_image(block)
            problem = f"Image not found in the mirror: {block.src}"
        except Refused as refused:  # in the mirror, but not importable: say why
            image, problem = None, f"Image not imported: {block.src}: {refused}"
        if image is None:
            built.warnings.append(problem)
            built.missing_images.append(block.src)
            lines = image_words(block)  # the alt text and caption are content: keep their words
            return ("paragraph", f"<p>{'<br/>'.join(map(_escape, lines))}</p>") if lines else None
        return "image", {
            "image": image.pk,
            "alt_text": _short(block.alt) if alt_carries_words(block.alt) else "",
            "caption": _short(block.caption),
            "credit": "",
        }


def image_words(block: Image) -> list[str]:
    """The lines of text an image carries: its alt text when that is words (and not the
    caption again), then its caption."""
    alt, caption = block.alt.strip(), block.caption.strip()
    alt_is_new = alt_carries_words(alt) and alt.casefold() not in caption.casefold()
    return [line for line in (alt if alt_is_new else "", caption) if line]


def stream_text(value: StreamValue) -> str:
    """The words a reader sees in a saved body, one block per paragraph (for fidelity).

    Each saved block is read back as the parsed block it was built from, so the saved body
    and the parsed document are counted by the one rule, ``legacy.parsing.text.block_text``."""
    return blocks_text(
        block for child in value if (block := parsed_block(child.block_type, child.value))
    )


def parsed_block(block_type: str, value) -> Block | None:
    """A saved StreamField child as the parsed block it holds the words of (``block_data``
    backwards); None for a block with no words of its own."""
    match block_type:
        case "paragraph":
            return Paragraph(html=value.source)
        case "signature":
            contributor = value.get("contributor")
            name = contributor.name if contributor else value.get("name", "")
            return Signature(
                name=name, dateline=value.get("dateline", ""), note=value.get("note", "")
            )
        case "epigraph":
            return Epigraph(quote=value["quote"], attribution=value.get("attribution", ""))
        case "preformatted":
            return Preformatted(text=value)
        case "table":
            headings = [column["heading"] for column in value.columns]
            rows = [row["values"] for row in value.row_data]
            return Table(rows=[headings, *rows], caption=value.caption)
        case "quotation":
            return Quotation(paragraphs=[value["quote"].source], source=value.get("source", ""))
        case "spoiler_notice":
            return SpoilerNotice(label=value["label"], text=value.get("text", ""))
        case "heading":
            return Heading(text=value["text"])
        case "image":
            return Image(src="", caption=value.get("caption", ""))
    return None


def table_data(rows: list[list[str]], caption: str) -> dict:
    """Raw ``TypedTableBlock`` data: the first row as column headings, text cells."""
    columns = [{"type": "text", "heading": heading} for heading in rows[0]]
    body = [{"values": row} for row in rows[1:]]
    return {"columns": columns, "rows": body, "caption": caption}


def split_long_headings(blocks: list[Block]) -> list[Block]:
    """Each heading longer than CHAR_LIMIT cut at a word, the rest of its words in a
    paragraph right after it, so that no word of it is lost.

    Not the whole text kept in the heading: a heading that long is a paragraph set in big
    type on the old page (an essay question, a subtitle run on), which reads as body text,
    and the heading stays a label an editor can work with in the admin."""
    result: list[Block] = []
    for block in blocks:
        result.append(block)
        if isinstance(block, Heading) and len(text := block.text.strip()) > CHAR_LIMIT:
            short = shorten_at_word(text, CHAR_LIMIT)
            rest = text[len(short.removesuffix(ELLIPSIS)) :].strip()
            result[-1] = Heading(text=short, level=block.level)
            result.append(Paragraph(html=_escape(ELLIPSIS + rest)))
    return result


def _last_index(blocks: list[Block], block_type: type) -> int:
    positions = [index for index, block in enumerate(blocks) if isinstance(block, block_type)]
    return positions[-1] if positions else -1


def _short(text: str) -> str:
    return shorten_at_word(text.strip(), CHAR_LIMIT)


def _escape(text: str) -> str:
    return escape(text, quote=False)
