"""RSS and Atom feeds of a section, and what every feed of the magazine says about a page.

Imports no page models: ``SectionPage`` serves these feeds from its own routes. The whole
site's feeds, built on :class:`StoryFeed`, are in ``home.feeds``.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from wagtail.models import Page

from ops.sites import absolute_url
from reviews.page_meta import meta_description

FEED_LENGTH = 20
SITE_DESCRIPTION = "New film and book reviews, news and features from Talking Pictures."


class StoryFeed(Feed):
    """A feed of reviews and articles; ``get_object`` keeps the request for absolute links
    (a Feed instance serves one request only)."""

    request = None

    def item_title(self, item: Page) -> str:
        return item.title

    def item_description(self, item: Page) -> str:
        # RSS <description> and Atom <summary type="html"> are HTML to a feed reader, and
        # the description is plain text (possibly holding "<"): escaped, it reads as written.
        return escape(meta_description(item, length=500))

    def feed_url(self, obj) -> str:
        # Django would prefix the host this request came in by; readers use SITE_URL's.
        return absolute_url(self.request, self.request.path)

    def item_link(self, item: Page) -> str:
        return item.get_full_url(self.request)

    def item_author_name(self, item: Page) -> str | None:
        writer = getattr(item, "reviewer", None) or getattr(item, "author", None)
        return writer.name if writer else None

    def item_pubdate(self, item: Page) -> datetime.datetime | None:
        if item.date is None:  # an imported page with no date anywhere: none is claimed
            return None
        return datetime.datetime.combine(item.date, datetime.time(), tzinfo=datetime.UTC)


class SectionFeed(StoryFeed):
    """The newest pages of one section; served by the section's ``feed/`` route."""

    def get_object(self, request, *args, section: Page, **kwargs) -> Page:
        self.request = request
        return section

    def title(self, obj: Page) -> str:
        return f"{obj.title} · Talking Pictures"

    def description(self, obj: Page) -> str:
        # The RSS channel's <description>, which readers render as HTML too.
        return escape(self.subtitle(obj))

    def subtitle(self, obj: Page) -> str:
        """Atom's <subtitle>, a text construct: plain text."""
        return meta_description(obj) or SITE_DESCRIPTION

    def link(self, obj: Page) -> str:
        return obj.get_full_url(self.request)

    def items(self, obj: Page) -> list[Page]:
        return list(obj.latest_items()[:FEED_LENGTH])


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed
