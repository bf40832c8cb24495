"""What a page says about itself in <head>: description, share image and feeds.

The description is what search results and link previews show: the editor's own
``search_description`` when set, else the summary, else the start of the text.
"""

from dataclasses import dataclass
from html import unescape

from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator

from wagtail.models import Page

from ops.sites import absolute_url
from reviews.pictures import rendition_or_none

DESCRIPTION_LENGTH = 160
SHARE_IMAGE_SPEC = "fill-1200x630"


def plain_text(html: str) -> str:
    """Rich text as one line of plain text."""
    return " ".join(unescape(strip_tags(html)).split())


def first_paragraph_text(body) -> str:
    """The text of the first non-empty "Body text" block of a StreamField, or ""."""
    for block in body or []:
        if block.block_type == "paragraph":
            text = plain_text(block.value.source)
            if text:
                return text
    return ""


def meta_description(page: Page, length: int = DESCRIPTION_LENGTH) -> str:
    """The editor's description, else the summary, intro or first paragraph, truncated."""
    text = (
        page.search_description
        or getattr(page, "summary", "")
        or plain_text(str(getattr(page, "intro", "") or ""))
        or first_paragraph_text(getattr(page, "body", None))
    )
    return Truncator(" ".join(text.split())).chars(length)


def share_image_url(page: Page, request) -> str | None:
    """An absolute URL of the lead image cropped for link previews, or None (no image, or
    its file is missing: the page is shared without a picture)."""
    rendition = rendition_or_none(getattr(page, "lead_image", None), SHARE_IMAGE_SPEC)
    if rendition is None:
        return None
    url = rendition.url
    return url if url.startswith(("http://", "https://")) else absolute_url(request, url)


RSS, ATOM = "application/rss+xml", "application/atom+xml"


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str
    mime_type: str


def site_feeds() -> list[FeedLink]:
    return [
        FeedLink("Talking Pictures (RSS)", reverse("feed_rss"), RSS),
        FeedLink("Talking Pictures (Atom)", reverse("feed_atom"), ATOM),
    ]


def feed_source(page: Page) -> Page | None:
    """The page, or its parent, that has feeds of its own (a section: ``feed_links()``)."""
    if hasattr(page, "feed_links"):
        return page
    if page.depth > 2:
        parent = page.get_parent().specific
        if hasattr(parent, "feed_links"):
            return parent
    return None


def feeds_for(page: Page | None, request=None) -> list[FeedLink]:
    """The site's feeds, then those of the section the page is in."""
    source = feed_source(page) if page is not None else None
    return site_feeds() + (source.feed_links(request) if source else [])
