"""Flatten any legacy markup into a list of reading-order units.

A unit is what a reader perceives as one paragraph: a <p>, a <div>, a table cell, or a
run of text between <br><br> inside one <font>. Markup style (FrontPage tables, Word
export, hand-written HTML 3.2) stops mattering after this step; the classifier in
parser.py only ever looks at units.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from html import escape

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, Tag
from bs4.element import CData, ProcessingInstruction

from textkit.markup import normalise_space

from .document import Removed
from .encoding import clean_chars
from .richtext import URL_SCHEMES, sanitise_inline
from .visible import BLOCK_TAGS, FORM_TAGS, is_hidden, removal, visible_text

LIST_TAGS = {"ul", "ol", "dir", "menu"}
# Never content: editor machinery, search forms, page furniture.
SILENT_DROP_TAGS = {
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
    "form", "input", "button", "label", "option", "optgroup", "map", "area", "xml", "param",
    "frameset", "frame", "svg", "math",
}  # fmt: skip

# Unsafe or unrenderable embeds: removed, but any fallback text is reported as leftover.
EMBED_TAGS = {"iframe", "object", "embed", "applet", "video", "audio", "canvas", "textarea"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_WORD_LIST_ITEM = re.compile(r"mso-list\s*:\s*l\d", re.I)  # not "mso-list: Ignore"
_WORD_QUOTE = re.compile(r"^Mso(?:BlockText|Quote|IntenseQuote)$", re.I)
_WHITESPACE = re.compile(r"[ \t\n\r\f\xa0]+")


@dataclass(frozen=True)
class Style:
    """The inherited presentation of a piece of text."""

    bold: bool = False
    italic: bool = False
    href: str | None = None  # safe href as written, None when absent or unsafe
    link: bool = False  # inside <a href>, safe or not (nav bars are recognised by links)
    heading: int = 0
    align: str = ""
    quoted: bool = False  # inside <blockquote>
    quote_block: int = 0  # id of the outermost <blockquote> holding it
    cite: bool = False  # inside <cite>: the source of a quotation
    small: bool = False
    large: bool = False  # set large: <font size="5"> and up, "+2" and up, CSS "large" and up
    pre: int = 0  # id of the outermost <pre> holding it (0: not preformatted)
    block: int = 0  # id of the innermost block element
    list_root: int = 0  # id of the outermost <ul>/<ol> holding it (nested lists join it)
    ordered: bool = False  # that outermost list is an <ol>


@dataclass
class Span:
    text: str
    style: Style


class LineBreak:
    """A single <br>: a line break inside a paragraph."""

    def __repr__(self) -> str:
        return "<br>"

    def __reduce__(self) -> str:
        return "BREAK"  # the one instance, also once read back (``item is BREAK``)


BREAK = LineBreak()
Item = Span | LineBreak


@dataclass
class ImageRef:
    src: str
    alt: str = ""
    href: str | None = None  # the link wrapping the image, if any
    block: int = 0  # id of the block element holding it (to pair it with a caption)
    width: int | None = None
    height: int | None = None


@dataclass
class TableRef:
    rows: list[list[str]]  # cell texts, the header row first; every row as long
    caption: str = ""


@dataclass
class Unit:
    # Views are cached: a unit is complete (never mutated) once the walk emits it.
    items: list[Item] = field(default_factory=list)
    image: ImageRef | None = None
    table: TableRef | None = None  # a data table, kept whole (its words are in items too)
    as_text: bool = False  # a line of the site's template that is never a byline (a credit)

    def __getstate__(self) -> dict:
        """Its fields, not its cached views (made again when asked): a page set aside on
        disk (``spill``) is stored at its size, not with its words and keys."""
        return {name: self.__dict__[name] for name in _UNIT_FIELDS}

    @cached_property
    def spans(self) -> list[Span]:
        return [item for item in self.items if isinstance(item, Span)]

    @cached_property
    def style(self) -> Style:
        visible = [span for span in self.spans if span.text.strip()]
        return visible[0].style if visible else Style()

    @cached_property
    def lines(self) -> list[list[Item]]:
        lines: list[list[Item]] = [[]]
        for item in self.items:
            if item is BREAK:
                lines.append([])
            else:
                lines[-1].append(item)
        return [line for line in lines if items_text(line)]

    @cached_property
    def line_texts(self) -> list[str]:
        return [items_text(line) for line in self.lines]

    @cached_property
    def text(self) -> str:
        return "\n".join(self.line_texts)

    def all_spans(self, predicate: Callable[[Style], bool]) -> bool:
        """Whether every span with a word in it has the style ``predicate`` asks for."""
        visible = [span for span in self.spans if re.search(r"\w", span.text)]
        return bool(visible) and all(predicate(span.style) for span in visible)

    @property
    def hrefs(self) -> list[str]:
        found: list[str] = []
        for span in self.spans:
            href = span.style.href
            if href is not None and (not found or found[-1] != href):
                found.append(href)
        if self.image and self.image.href:
            found.append(self.image.href)
        return found


_UNIT_FIELDS = tuple(spec.name for spec in fields(Unit))


def join_lines(lines: list[list[Item]]) -> list[Item]:
    """Lines as one run of items, a line break between each."""
    items: list[Item] = []
    for line in lines:
        items += ([BREAK] if items else []) + line
    return items


def items_text(items: list[Item]) -> str:
    return normalise_space("".join(item.text for item in items if isinstance(item, Span)))


def safe_href(href: str | None) -> str | None:
    """The href as written, or None when it is empty or could run script."""
    if href is None:
        return None
    written = clean_chars(href).strip()
    scheme = _SCHEME.match(_URL_NOISE.sub("", written))
    if not written or (scheme and scheme.group(1).lower() not in URL_SCHEMES):
        return None
    return written


def rebuild_unit(unit: Unit, lines: list[list[Item]]) -> list[Unit]:
    """``unit`` holding only ``lines`` of its own (itself when it keeps them all)."""
    if len(lines) == len(unit.lines):
        return [unit]
    if not lines:
        return []
    return [Unit(items=join_lines(lines))]


# --- rendering -------------------------------------------------------------------------


def render_inline(items: list[Item]) -> str:
    """Sanitised inline HTML (<b>, <i>, <a href>, <br/>) for a run of items."""
    html: list[str] = []
    for piece in _normalised(items):
        if piece is BREAK:
            html.append("<br>")
            continue
        text = escape(piece.text, quote=False)
        if not piece.text.strip():
            html.append(text)
            continue
        if piece.style.italic:
            text = f"<i>{text}</i>"
        if piece.style.bold:
            text = f"<b>{text}</b>"
        if piece.style.href is not None:
            text = f'<a href="{escape(piece.style.href)}">{text}</a>'
        html.append(text)
    return sanitise_inline("".join(html))


def _normalised(items: list[Item]) -> Iterator[Item]:
    """Collapse whitespace the way a browser does, trimming around line breaks."""
    pieces: list[Item] = []
    at_line_start = True
    for item in items:
        if item is BREAK:
            _trim_trailing_space(pieces)
            if pieces and pieces[-1] is not BREAK:
                pieces.append(BREAK)
            at_line_start = True
            continue
        text = _WHITESPACE.sub(" ", item.text)
        if at_line_start:
            text = text.lstrip()
        if not text:
            continue
        at_line_start = text.endswith(" ")
        pieces.append(Span(text, item.style))
    _trim_trailing_space(pieces)
    while pieces and pieces[-1] is BREAK:
        pieces.pop()
        _trim_trailing_space(pieces)
    yield from _merge_same_style(pieces)


def _trim_trailing_space(pieces: list[Item]) -> None:
    while pieces and isinstance(pieces[-1], Span):
        text = pieces[-1].text.rstrip()
        if text:
            pieces[-1] = Span(text, pieces[-1].style)
            return
        pieces.pop()


def _format_key(style: Style) -> tuple:
    return (style.bold, style.italic, style.href)


def _merge_same_style(pieces: list[Item]) -> Iterator[Item]:
    current: Span | None = None
    for piece in pieces:
        if (
            isinstance(piece, Span)
            and current
            and _format_key(piece.style) == _format_key(current.style)
        ):
            current = Span(current.text + piece.text, current.style)
            continue
        if current:
            yield current
        if isinstance(piece, Span):
            current = piece
        else:
            current = None
            yield piece
    if current:
        yield current


# --- walking ---------------------------------------------------------------------------


@dataclass
class Walk:
    units: list[Unit] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


class _Builder:
    def __init__(self) -> None:
        self.walk = Walk()
        self.current = Unit()
        self.pending_images: list[Unit] = []

    def text(self, text: str, style: Style) -> None:
        text = clean_chars(text)
        if style.pre:
            for number, line in enumerate(text.split("\n")):
                if number:
                    self.current.items.append(BREAK)
                self.current.items.append(Span(line, style))
        elif text:
            self.current.items.append(Span(text, style))

    def line_break(self) -> None:
        self.current.items.append(BREAK)

    def image(self, ref: ImageRef) -> None:
        unit = Unit(image=ref)
        if items_text(self.current.items):
            self.pending_images.append(unit)  # an inline picture follows its paragraph
        else:
            self.boundary()
            self._emit(unit)

    def table(self, ref: TableRef) -> None:
        self.boundary()
        items: list[Item] = [Span(ref.caption, Style())] if ref.caption else []
        for row in ref.rows:
            items += [BREAK] if items else []
            items += [Span(" ".join(row), Style())]
        self._emit(Unit(items=items, table=ref))

    def boundary(self) -> None:
        for unit in _split_on_double_breaks(self.current):
            self._emit(unit)
        self.current = Unit()
        for unit in self.pending_images:
            self._emit(unit)
        self.pending_images = []

    def _emit(self, unit: Unit) -> None:
        self.walk.units.append(unit)


def _split_on_double_breaks(unit: Unit) -> list[Unit]:
    """<br><br> (with only whitespace between) ends a paragraph; a single <br> does not."""
    units: list[Unit] = [Unit()]
    pending_breaks = 0
    for item in unit.items:
        if item is BREAK:
            pending_breaks += 1
            continue
        if item.text.strip():
            if pending_breaks >= 2:
                units.append(Unit())
            elif pending_breaks == 1:
                units[-1].items.append(BREAK)
            pending_breaks = 0
        units[-1].items.append(item)
    return [part for part in units if items_text(part.items)]


def walk(root: Tag) -> Walk:
    """Linearise ``root`` into units (iteratively: tag soup can nest thousands deep)."""
    builder = _Builder()
    block_counter = 0
    word_list: tuple[int, Tag] | None = None  # the open Word list: its id, its last item
    word_quote: tuple[int, Tag] | None = None  # likewise for Word's quotation paragraphs
    stack: list[tuple[object, Style, bool]] = [(root, Style(), False)]
    while stack:
        node, style, closing = stack.pop()
        if closing:
            builder.boundary()
            continue
        if isinstance(node, (Comment, Declaration, Doctype, CData, ProcessingInstruction)):
            continue
        if isinstance(node, NavigableString):
            builder.text(str(node), style)
            continue
        if not isinstance(node, Tag):
            continue
        name = (node.name or "").lower()
        if is_hidden(node):  # never painted: no words, and no boundary between words
            continue
        if name in FORM_TAGS:  # each ends a unit, as it ends a word in ``visible_text``
            builder.boundary()
            builder.walk.removed += removal("a form (search box, buttons)", visible_text(node))
            continue
        if name in SILENT_DROP_TAGS or is_hidden(node):
            continue
        if name in EMBED_TAGS:
            _report_embed(node, builder.walk)
            continue
        if name == "br":
            builder.line_break()
            continue
        if name == "hr":
            builder.boundary()
            continue
        if name == "img":
            builder.image(_image_ref(node, style))
            continue
        if name == "table" and (table := data_table(node)):
            builder.table(table)
            continue
        is_block = name in BLOCK_TAGS
        if is_block:
            builder.boundary()
            block_counter += 1
        child_style = _derive_style(node, name, style, block_counter if is_block else None)
        if name == "p" and _WORD_LIST_ITEM.search(_attr(node, "style")):
            # Word writes a list as paragraphs styled mso-list: consecutive ones are one list.
            if word_list is None or node.find_previous_sibling(True) is not word_list[1]:
                word_list = (block_counter, node)
            word_list = (word_list[0], node)
            child_style = replace(child_style, list_root=word_list[0], ordered=False)
        if name == "p" and _WORD_QUOTE.search(_attr(node, "class")):
            # Word's "Block Text" and "Quote" styles: consecutive ones are one quotation.
            if word_quote is None or node.find_previous_sibling(True) is not word_quote[1]:
                word_quote = (block_counter, node)
            word_quote = (word_quote[0], node)
            child_style = replace(child_style, quoted=True, quote_block=word_quote[0])
        if is_block:
            stack.append((node, style, True))
        stack.extend((child, child_style, False) for child in reversed(node.contents))
    builder.boundary()
    return builder.walk


MAX_CELL_WORDS = 40  # a cell holding more is a layout table's column of text


def data_table(table: Tag) -> TableRef | None:
    """A table of data rather than of layout: a header row (<th> cells or a <thead>), at
    least two rows and columns, the same number of cells in each row, short plain cells,
    and no nested table, picture, span, script or hidden part."""
    unsafe = {"table", "img", *SILENT_DROP_TAGS, *EMBED_TAGS}
    if table.find(unsafe) or table.find(is_hidden) or table.find(_spans_cells):
        return None
    rows = [row.find_all(["td", "th"]) for row in table.find_all("tr")]
    if len(rows) < 2 or len(rows[0]) < 2 or any(len(row) != len(rows[0]) for row in rows):
        return None
    header = table.find("tr")
    if not (all(cell.name == "th" for cell in rows[0]) or header.find_parent("thead")):
        return None
    texts = [[normalise_space(clean_chars(cell.get_text(" "))) for cell in row] for row in rows]
    if any(len(re.findall(r"\w+", text)) > MAX_CELL_WORDS for row in texts for text in row):
        return None
    caption = table.find("caption")
    return TableRef(texts, normalise_space(clean_chars(caption.get_text(" "))) if caption else "")


def _spans_cells(tag: Tag) -> bool:
    return tag.name in {"td", "th"} and any(
        _attr(tag, name) not in {"", "1"} for name in ("colspan", "rowspan")
    )


def _report_embed(tag: Tag, result: Walk) -> None:
    source = _attr(tag, "src") or _attr(tag, "data")
    result.warnings.append(f"removed <{tag.name}>" + (f" ({source})" if source else ""))
    fallback = normalise_space(clean_chars(tag.get_text(" ")))
    if re.search(r"\w", fallback):
        result.leftovers.append(fallback)


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        value = " ".join(value)
    return value or ""


def _image_ref(tag: Tag, style: Style) -> ImageRef:
    return ImageRef(
        src=clean_chars(_attr(tag, "src")).strip(),
        alt=normalise_space(clean_chars(_attr(tag, "alt"))),
        href=style.href,
        block=style.block,
        width=_int_attr(tag, "width"),
        height=_int_attr(tag, "height"),
    )


def _int_attr(tag: Tag, name: str) -> int | None:
    match = re.match(r"\s*(\d{1,5})\s*$", _attr(tag, name))
    return int(match.group(1)) if match else None


def _css(tag: Tag) -> dict[str, str]:
    declarations = {}
    for declaration in _attr(tag, "style").split(";"):
        prop, _, value = declaration.partition(":")
        declarations[prop.strip().lower()] = value.strip().lower()
    return declarations


LARGE_FONT_SIZES = {"5", "6", "7", "+2", "+3", "+4"}
LARGE_CSS_SIZES = {"large", "x-large", "xx-large"}


def _derive_style(tag: Tag, name: str, style: Style, block: int | None) -> Style:
    css = _css(tag)
    changes: dict[str, object] = {}
    if block is not None:
        changes["block"] = block
    if name in {"b", "strong"} or re.fullmatch(r"bold|bolder|[6-9]00", css.get("font-weight", "")):
        changes["bold"] = True
    if css.get("font-weight") == "normal":
        changes["bold"] = False
    if name in {"i", "em", "cite", "dfn", "var"} or css.get("font-style") == "italic":
        changes["italic"] = True
    if name == "a" and tag.has_attr("href"):
        changes["href"] = safe_href(_attr(tag, "href"))
        changes["link"] = True
    if re.fullmatch(r"h[1-6]", name):
        changes["heading"] = int(name[1])
    if name == "blockquote":
        changes["quoted"] = True
        changes["quote_block"] = style.quote_block or block
    if name == "cite":
        changes["cite"] = True
    if name in LIST_TAGS and block is not None and not style.list_root:
        changes["list_root"] = block
        changes["ordered"] = name == "ol"
    if name == "pre":
        changes["pre"] = style.pre or block
    align = _attr(tag, "align").lower() or css.get("text-align", "")
    if name == "center":
        align = "center"
    if align in {"center", "right", "left", "justify"}:
        changes["align"] = align
    size = _attr(tag, "size").strip() if name == "font" else ""
    if name == "small" or size in {"1", "-1", "-2"}:
        changes["small"] = True
    if size in LARGE_FONT_SIZES or css.get("font-size", "") in LARGE_CSS_SIZES:
        changes["large"] = True
    elif size or "font-size" in css:
        changes["large"] = False
    return replace(style, **changes) if changes else style


def make_soup(html: str) -> BeautifulSoup:
    """lxml copes best with tag soup; html.parser is the fallback if it ever fails."""
    try:
        return BeautifulSoup(html, "lxml")
    except Exception:  # lxml has refused odd input (e.g. NULs in older versions)
        return BeautifulSoup(html, "html.parser")
