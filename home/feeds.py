"""The whole magazine's RSS and Atom feeds, at /feed/ and /feed/atom/."""

from django.utils.feedgenerator import Atom1Feed

from wagtail.models import Page, Site

from reviews.cards import load_cards
from reviews.feeds import FEED_LENGTH, SITE_DESCRIPTION, StoryFeed
from reviews.listings import latest_work


class SiteFeed(StoryFeed):
    """The newest reviews and articles across every section."""

    title = "Talking Pictures"
    description = SITE_DESCRIPTION

    def get_object(self, request, *args, **kwargs) -> Site | None:
        self.request = request
        return Site.find_for_request(request)

    def link(self, obj) -> str:
        return obj.root_page.get_full_url(self.request) if obj else "/"

    def items(self, obj) -> list[Page]:
        root = obj.root_page if obj else None
        return load_cards(latest_work(root).values_list("pk", "content_type_id")[:FEED_LENGTH])


class SiteAtomFeed(SiteFeed):
    feed_type = Atom1Feed
    subtitle = SITE_DESCRIPTION
