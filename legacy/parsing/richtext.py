"""Legacy paragraph HTML → Wagtail rich text (database format), sanitised again on the way in.

The parser already reduces a paragraph to ``<i>``, ``<b>``, ``<a href>`` and ``<br/>``, but the
legacy HTML is hostile input, so this module trusts nothing: nh3 strips everything else, and
the result is rebuilt tag by tag. Links are handed to a resolver that says what each href
becomes: an internal page link, an external link, or plain text. The sanitiser and its list of
URL schemes are the only ones: the parser's ``units`` and ``paths`` use them too.
"""

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

import nh3

INLINE_TAGS = {"i": "i", "em": "i", "b": "b", "strong": "b"}
LIST_TAGS = {"ul", "ol", "li"}
ALLOWED_TAGS = {*INLINE_TAGS, *LIST_TAGS, "a", "br"}
# The one list of schemes a link may have, for the parser (``units.safe_href``), this
# sanitiser and the link resolver (``paths.resolve_href``). No ftp: browsers no longer open
# it, and the written pages never kept such links.
URL_SCHEMES = frozenset({"http", "https", "mailto"})


@dataclass(frozen=True)
class ResolvedLink:
    """What one href becomes: a page link (page_id), an external link (url) or text."""

    page_id: int | None = None
    url: str = ""

    @property
    def is_text(self) -> bool:
        return self.page_id is None and not self.url


TEXT_ONLY = ResolvedLink()
LinkResolver = Callable[[str], ResolvedLink]


def sanitise_inline(html: str) -> str:
    """Only <i>/<b>/<em>/<strong>, <a href> (``URL_SCHEMES`` or relative), <br/> and the
    <ul>/<ol>/<li> of a list: the one sanitiser, the parser's last line of defence and the
    writer's first."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )
    return cleaned.replace("<br>", "<br/>")


def to_rich_text(html: str, resolve_link: LinkResolver) -> str:
    """One legacy paragraph as a ``<p>…</p>`` of Wagtail rich text; a list stays a list."""
    builder = _RichTextBuilder(resolve_link)
    builder.feed(sanitise_inline(html))
    builder.close()
    rich_text = builder.html().strip()
    return rich_text if rich_text.startswith(("<ul>", "<ol>")) else f"<p>{rich_text}</p>"


class _RichTextBuilder(HTMLParser):
    def __init__(self, resolve_link: LinkResolver) -> None:
        super().__init__(convert_charrefs=True)
        self.resolve_link = resolve_link
        self.parts: list[str] = []
        self.open_links: list[bool] = []  # per open <a>: did it produce a tag?
        self.open_inline: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("<br/>")
        elif tag in LIST_TAGS:
            self.parts.append(f"<{tag}>")
        elif tag in INLINE_TAGS:
            self.parts.append(f"<{INLINE_TAGS[tag]}>")
            self.open_inline.append(INLINE_TAGS[tag])
        elif tag == "a":
            self._open_link(dict(attrs).get("href") or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("<br/>")

    def handle_endtag(self, tag: str) -> None:
        if tag in LIST_TAGS:
            self.parts.append(f"</{tag}>")
        elif tag in INLINE_TAGS and INLINE_TAGS[tag] in self.open_inline:
            self.open_inline.remove(INLINE_TAGS[tag])
            self.parts.append(f"</{INLINE_TAGS[tag]}>")
        elif tag == "a" and self.open_links:
            produced_tag = self.open_links.pop()
            self.parts.append("</a>" if produced_tag else "")

    def handle_data(self, data: str) -> None:
        self.parts.append(escape(data, quote=False))

    def _open_link(self, href: str) -> None:
        link = self.resolve_link(href) if href else TEXT_ONLY
        if link.page_id is not None:
            self.parts.append(f'<a linktype="page" id="{int(link.page_id)}">')
        elif link.url:
            self.parts.append(f'<a href="{escape(link.url, quote=True)}">')
        self.open_links.append(not link.is_text)

    def html(self) -> str:
        closing = [f"</{tag}>" for tag in reversed(self.open_inline)]
        closing += ["</a>" for produced in self.open_links if produced]
        return "".join(self.parts + closing)
