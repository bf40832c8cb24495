"""``{% page_meta %}``: description, canonical URL, feeds, Open Graph, Twitter card and JSON-LD.

Views that are not Wagtail pages, or routes under one, can set ``meta_title``,
``meta_description`` and ``canonical_url`` in their context to override the page's own.
"""

from django import template

from wagtail.models import Page

from ops.fragments import content_cached
from ops.sites import absolute_url
from reviews import structured_data
from reviews.feeds import SITE_DESCRIPTION
from reviews.page_meta import feeds_for, meta_description, share_image_url

register = template.Library()

SITE_NAME = "Talking Pictures"


def _is_article(page: Page | None) -> bool:
    # Reviews and articles are "article" in Open Graph terms; sections and home are "website".
    return page is not None and hasattr(page, "date") and hasattr(page, "body")


OVERRIDES = ("meta_title", "meta_description", "canonical_url")


@register.inclusion_tag("reviews/includes/page_meta.html", takes_context=True)
def page_meta(context) -> dict:
    request = context.get("request")
    if request is None:  # the 500 page renders without a request: say nothing rather than fail
        return {}
    page: Page | None = context.get("page")
    if page is None or any(name in context for name in OVERRIDES) or is_preview(request):
        return meta_for(context, request, page)
    # A page's own head is the same for every reader until the next publish (its share
    # image's rendition, canonical URL, feeds, JSON-LD): kept with the content version.
    return content_cached(
        "page-meta",
        f"{page.pk}:{page.live_revision_id}:{request.get_host()}",
        lambda: meta_for(context, request, page),
    )


def is_preview(request) -> bool:
    return getattr(request, "is_preview", False)


def meta_for(context, request, page: Page | None) -> dict:
    title = context.get("meta_title") or (page and (page.seo_title or page.title)) or SITE_NAME
    description = (
        context.get("meta_description")
        or (meta_description(page) if page else "")
        or SITE_DESCRIPTION  # a page with no text of its own: what the site is
    )
    canonical = context.get("canonical_url") or (
        page.get_full_url(request) if page else absolute_url(request, request.path)
    )
    # Routes (A–Z, by year...) describe a listing, not the page's own lead image or JSON-LD.
    own_page = page is not None and "canonical_url" not in context
    image_url = share_image_url(page, request) if own_page else None
    json_ld = None
    if own_page:
        data = structured_data.for_page(
            page, url=canonical, description=description, image_url=image_url
        )
        json_ld = structured_data.json_ld_script(data) if data else None
    return {
        "title": title,
        "description": description,
        "canonical_url": canonical,
        "image_url": image_url,
        "og_type": "article" if own_page and _is_article(page) else "website",
        "site_name": SITE_NAME,
        "feeds": feeds_for(page, request),
        "json_ld": json_ld,
    }
