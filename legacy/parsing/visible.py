"""What a reader of the old page saw: its visible text, and a record of what was removed.

The source side of fidelity (``accounting``) is the visible text of the page body before
any removal, so that every removal step must say what it took and why (``Removed``).
"Visible" follows the browser: no head, scripts, styles, comments or hidden elements.
"""

import re

from bs4 import Comment, Declaration, Doctype, NavigableString, Tag
from bs4.element import CData, ProcessingInstruction

from textkit.markup import normalise_space

from .document import Removed
from .encoding import clean_chars

# Never painted by a browser (form controls' labels and options are: see units.FORM_TAGS).
INVISIBLE_TAGS = {
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
    "xml", "param", "frameset", "frame", "svg", "math", "iframe", "object", "embed",
    "applet", "video", "audio", "canvas", "textarea",
}  # fmt: skip
# Elements that end a word: blocks (the same list the walk cuts units at) and breaks.
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "html", "layer", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
# Form controls: readers saw their labels and options, so their text is reported removed.
FORM_TAGS = {"form", "button", "label", "select", "option", "optgroup"}
SEPARATING_TAGS = BLOCK_TAGS | FORM_TAGS | {"br", "hr"}
_NOT_TEXT = (Comment, Declaration, Doctype, CData, ProcessingInstruction)


def is_hidden(tag: Tag) -> bool:
    attrs = tag.attrs
    if "hidden" in attrs:
        return True
    if "style" not in attrs:
        return False
    style = str(attrs["style"] or "").lower().replace(" ", "")
    hidden_style = any(rule in style for rule in ("display:none", "visibility:hidden"))
    return hidden_style or "mso-hide:all" in style


def visible_text(root: Tag) -> str:
    """The text under ``root`` a browser paints, in reading order (iterative). Inline
    neighbours join as the browser joins them ("<b>A</b>B" is one word); block elements,
    and breaks separate words (an inline image does not, as in the walk)."""
    pieces: list[str] = []
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):
            pieces.append(node)  # a separator pushed after a block's contents
        elif isinstance(node, _NOT_TEXT):
            continue
        elif isinstance(node, NavigableString):
            pieces.append(str(node))
        elif isinstance(node, Tag):
            name = (node.name or "").lower()
            if name in INVISIBLE_TAGS or is_hidden(node):
                continue
            if name in SEPARATING_TAGS:
                pieces.append(" ")
                stack.append(" ")
            stack.extend(reversed(node.contents))
    return normalise_space(clean_chars("".join(pieces)))


def removal(reason: str, text: str, slot: str = "") -> list[Removed]:
    """A one-entry removed list, or none when the text has no words to account for.
    ``slot``: ``Removed.slot``, for a slot's label or value taken off the page."""
    text = normalise_space(text)
    return [Removed(reason, text, slot)] if re.search(r"\w", text) else []
