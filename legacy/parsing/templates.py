"""What the page's editor marked as template, and server code saved with the page.

Editors that managed templates left their marks in comments, and those marks say exactly
which part is the page's own:

- Dreamweaver: ``InstanceBeginEditable`` (MX and later) or ``#BeginEditable`` (3 and 4)
  open the page's own regions; everything else in the body came from the template.
  ``#BeginLibraryItem`` blocks are shared snippets (nav bars, footers).
- FrontPage: ``<!--msnavigation-->`` comments cut the body into shared borders and the
  page's own cell; the own cell is the one with the most words outside links.

Server code (``<?php ... ?>``, ``<% ... %>``) is saved in mirrors of dynamic sites and
was never shown to readers as written; its text is removed with that reason.
"""

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .document import Removed
from .visible import BLOCK_TAGS, INVISIBLE_TAGS, is_hidden, removal

# A PHP block may hold ">" ("$x->y"): it ends only at "?>". Unterminated code runs to the end.
_SERVER_CODE = re.compile(r"<\?(?:php\b|=)(?:.*?\?>|.*\Z)|<%(?:.*?%>|.*\Z)", re.I | re.S)
_DW_EDITABLE_BEGIN = re.compile(r"^\s*(?:InstanceBeginEditable|#BeginEditable)\b", re.I)
_DW_EDITABLE_END = re.compile(r"^\s*(?:InstanceEndEditable|#EndEditable)\b", re.I)
_DW_LIBRARY_BEGIN = re.compile(r"^\s*#BeginLibraryItem\b", re.I)
_DW_LIBRARY_END = re.compile(r"^\s*#EndLibraryItem\b", re.I)
_FP_BORDER = re.compile(r"^\s*msnavigation\s*$", re.I)

DREAMWEAVER_TEMPLATE = "Dreamweaver template (outside the page's editable regions)"
DREAMWEAVER_LIBRARY = "Dreamweaver library item"
FRONTPAGE_BORDER = "FrontPage shared border"
SERVER_CODE = "server code"


def strip_server_code(html: str) -> tuple[str, list[Removed]]:
    removed: list[Removed] = []

    def take(match: re.Match[str]) -> str:
        removed.extend(removal(SERVER_CODE, match.group(0)))
        return " "

    return _SERVER_CODE.sub(take, html), removed


def remove_template_parts(soup: BeautifulSoup) -> list[Removed]:
    """Remove what an editor's template or shared borders put around the page's own text."""
    body = soup.body or soup
    removed = _remove_marked(body, _dreamweaver_marks)
    if not removed:
        removed = _remove_frontpage_borders(body)
    return removed


def _dreamweaver_marks(nodes: list[object]) -> list[tuple[object, str]]:
    """Each node outside the editable regions or inside a library item, with its reason."""
    comments = [str(node) for node in nodes if isinstance(node, Comment)]
    has_regions = any(_DW_EDITABLE_BEGIN.match(text) for text in comments)
    has_library = any(_DW_LIBRARY_BEGIN.match(text) for text in comments)
    if not (has_regions or has_library):
        return []
    marked: list[tuple[object, str]] = []
    editable, library = not has_regions, False
    for node in nodes:
        if isinstance(node, Comment):
            text = str(node)
            editable = _toggle(text, editable, _DW_EDITABLE_BEGIN, _DW_EDITABLE_END)
            library = _toggle(text, library, _DW_LIBRARY_BEGIN, _DW_LIBRARY_END)
        elif library or not editable:
            marked.append((node, DREAMWEAVER_LIBRARY if library else DREAMWEAVER_TEMPLATE))
    return marked


def _toggle(text: str, state: bool, begin: re.Pattern[str], end: re.Pattern[str]) -> bool:
    if begin.match(text):
        return True
    if end.match(text):
        return False
    return state


def _remove_frontpage_borders(body: Tag) -> list[Removed]:
    nodes = _leaves(body)
    segments: list[list[object]] = [[]]
    for node in nodes:
        if isinstance(node, Comment) and _FP_BORDER.match(str(node)):
            segments.append([])
        else:
            segments[-1].append(node)
    if len(segments) < 3:
        return []
    own = max(range(len(segments)), key=lambda index: _prose_size(segments[index]))
    marked = [
        (node, FRONTPAGE_BORDER)
        for index, segment in enumerate(segments)
        if index != own
        for node in segment
    ]
    return _remove_nodes(marked)


def _remove_marked(body: Tag, marker) -> list[Removed]:
    return _remove_nodes(marker(_leaves(body)))


def _leaves(root: Tag) -> list[object]:
    """Comments, visible text nodes, images and breaks under ``root``, in document order."""
    found: list[object] = []
    stack: list[object] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, Comment | NavigableString):
            found.append(node)
        elif isinstance(node, Tag):
            name = (node.name or "").lower()
            if name in INVISIBLE_TAGS or is_hidden(node):
                continue
            if name in ("img", "br"):  # a <br> keeps the words on either side apart
                found.append(node)
                continue
            stack.extend(reversed(node.contents))
    return found


def _prose_size(nodes: list[object]) -> int:
    """Characters of text outside links: a border is mostly links, the page is prose."""
    return sum(
        len(str(node).strip())
        for node in nodes
        if type(node) is NavigableString and node.find_parent("a") is None
    )


def _remove_nodes(marked: list[tuple[object, str]]) -> list[Removed]:
    """Take the marked text nodes and images out: one removed entry per block of text
    (a banner line, a nav bar, a footer), as an editor reads them."""
    removed: list[Removed] = []
    pieces: list[str] = []
    reason, block = "", None
    for node, why in marked:
        holder = node.find_parent(BLOCK_TAGS)
        if (why != reason or holder is not block) and pieces:
            removed += removal(reason, "".join(pieces))
            pieces = []
        reason, block = why, holder
        if type(node) is NavigableString:
            pieces.append(str(node))
        elif node.name == "br":
            pieces.append(" ")
        node.extract()
    if pieces:
        removed += removal(reason, "".join(pieces))
    return removed
