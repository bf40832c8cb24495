"""RSS and Atom feeds for the whole magazine and for each section."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from wagtail.models import Page, Site

from reviews.listings import latest_work, load_cards
from reviews.models import SectionPage
from reviews.page_meta import meta_description

FEED_LENGTH = 20
SITE_DESCRIPTION = "New film and book reviews, news and features from Talking Pictures."


class SiteFeed(Feed):
    """The newest reviews and articles across every section."""

    title = "Talking Pictures"
    description = SITE_DESCRIPTION

    def get_object(self, request, *args, **kwargs):
        # Items need the request for absolute links; a Feed instance serves one request only.
        self.request = request
        return Site.find_for_request(request)

    def link(self, obj) -> str:
        return obj.root_page.get_full_url(self.request) if obj else "/"

    def items(self, obj) -> list[Page]:
        root = obj.root_page if obj else None
        return load_cards(latest_work(root).values_list("pk", "content_type_id")[:FEED_LENGTH])

    def item_title(self, item: Page) -> str:
        return item.title

    def item_description(self, item: Page) -> str:
        return meta_description(item, length=500)

    def item_link(self, item: Page) -> str:
        return item.get_full_url(self.request)

    def item_author_name(self, item: Page) -> str | None:
        writer = getattr(item, "reviewer", None) or getattr(item, "author", None)
        return writer.name if writer else None

    def item_pubdate(self, item: Page) -> datetime.datetime:
        return datetime.datetime.combine(item.date, datetime.time(), tzinfo=datetime.UTC)


class SiteAtomFeed(SiteFeed):
    feed_type = Atom1Feed
    subtitle = SITE_DESCRIPTION


class SectionFeed(SiteFeed):
    """The newest pages of one section; served by the section's ``feed/`` route."""

    def get_object(self, request, *args, section: SectionPage, **kwargs) -> SectionPage:
        self.request = request
        return section

    def title(self, obj: SectionPage) -> str:
        return f"{obj.title} · Talking Pictures"

    def description(self, obj: SectionPage) -> str:
        return meta_description(obj) or SITE_DESCRIPTION

    def link(self, obj: SectionPage) -> str:
        return obj.get_full_url(self.request)

    def items(self, obj: SectionPage) -> list[Page]:
        return list(obj.latest_items()[:FEED_LENGTH])


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: SectionPage) -> str:
        return self.description(obj)
