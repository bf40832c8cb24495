"""A private page stays out of everything that lists pages to readers.

One login-only review (and an alias of it), one password-protected review and a login-only
section with a review of its own, all sharing a director, a reviewer and a decade with a
public review. Every private page (and nothing public) carries the word "Zanzibar" in its
title, slug, summary, a co-director's name and a country, so an anonymous reader must never
meet that word: not on the home page (nor as its featured review), a section listing, a
browse route, the related reviews aside, a contributor's page, a feed, the sitemap, the menu
or a search result.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from editorial.roles import EDITORS
from reviews.models import Contributor, FilmReviewPage, SectionPage
from tests.conftest import make_film_review, publish

SECRET = "zanzibar"
PUBLIC_TITLE = "Open Harbour"


@dataclass
class Archive:
    public: FilmReviewPage
    login_only: FilmReviewPage
    password: FilmReviewPage
    in_private_section: FilmReviewPage
    private_section: SectionPage
    reviewer: Contributor


def private_review(section, kind: str, reviewer: Contributor) -> FilmReviewPage:
    return make_film_review(
        section,
        title=f"Zanzibar {kind}",
        slug=f"zanzibar-{kind.lower()}",
        directors=("Ana Ruiz", "Zed Zanzibar"),
        countries="Chile/Zanzibar",
        year=1996,
        reviewer=reviewer,
        summary=f"Zanzibar summary ({kind}).",
        date=datetime.date(2030, 1, 1),  # the newest of all: first in every listing
    )


def restrict(page, restriction_type: str) -> None:
    PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password="members"
    )


@pytest.fixture
def archive(site_tree) -> Archive:
    films = site_tree.section_for("film")
    reviewer = Contributor.objects.create(name="Rita Reviewer")
    public = make_film_review(
        films,
        title=PUBLIC_TITLE,
        directors=("Ana Ruiz",),
        countries="Chile",
        year=1994,
        reviewer=reviewer,
        summary="A public review.",
    )
    login_only = private_review(films, "Login", reviewer)
    # An alias shows its source's content; made before the source is restricted, it has no
    # restriction of its own (Wagtail copies them only when aliasing), yet Wagtail's page
    # view applies the source's.
    login_only.create_alias(update_slug="zanzibar-alias")
    restrict(login_only, PageViewRestriction.LOGIN)
    password = private_review(films, "Password", reviewer)
    restrict(password, PageViewRestriction.PASSWORD)
    members = publish(
        site_tree.home,
        SectionPage(
            title="Zanzibar Members",
            slug="zanzibar-members",
            kind=SectionPage.Kind.FILM_REVIEWS,
            show_in_menus=True,
        ),
    )
    restrict(members, PageViewRestriction.LOGIN)
    in_section = private_review(members, "Section", reviewer)
    return Archive(public, login_only, password, in_section, members, reviewer)


def feature(home, review) -> None:
    home.featured_review = review
    home.save_revision().publish()


# Where readers meet lists of pages, and whether the public review is listed there too
# (so a page that lists nothing at all cannot pass for one that lists only public pages).
LISTINGS = {
    "/": True,
    "/film-reviews/": True,
    "/film-reviews/?page=1": True,
    "/film-reviews/a-z/": True,
    "/film-reviews/a-z/o/": True,
    "/film-reviews/years/": False,  # years and counts, no titles
    "/film-reviews/years/1994/": True,
    "/film-reviews/years/1996/": False,
    "/film-reviews/decades/1990s/": True,
    "/film-reviews/directors/": False,
    "/film-reviews/directors/ana-ruiz/": True,
    "/film-reviews/countries/": False,
    "/film-reviews/countries/chile/": True,
    "/film-reviews/open-harbour/": False,  # the related reviews aside
    "/contributors/rita-reviewer/": True,
    "/feed/": True,
    "/feed/atom/": True,
    "/film-reviews/feed/": True,
    "/film-reviews/feed/atom/": True,
    "/sitemap.xml": False,
    "/sitemap-pages.xml": False,
    "/search/?q=ruiz": True,
    "/search/?q=chile": True,
    "/search/suggest/?q=ruiz": True,
    "/search/suggest/?q=ana": True,
    "/search/suggest/?q=zanz": False,
    "/about-us/": False,  # the menu
}
# Routes that only private pages would fill: nothing there for a reader.
EMPTY_FOR_READERS = [
    "/film-reviews/a-z/z/",
    "/film-reviews/directors/zed-zanzibar/",
    "/film-reviews/countries/zanzibar/",
]
# The private section's own pages and routes ask the reader to log in.
PRIVATE_SECTION_ROUTES = [
    "/zanzibar-members/",
    "/zanzibar-members/?page=1",
    "/zanzibar-members/a-z/",
    "/zanzibar-members/feed/",
    "/zanzibar-members/years/1996/",
    "/zanzibar-members/zanzibar-section/",
    "/film-reviews/zanzibar-alias/",
]


def lists_the_public_review(response) -> bool:
    text = response.content.decode()
    return PUBLIC_TITLE in text or "open-harbour" in text  # the sitemap has its address


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTINGS)
def test_no_listing_shows_a_private_page(client, archive, site_tree, url):
    feature(site_tree.home, archive.login_only)
    response = client.get(url)
    assert response.status_code == 200, url
    text = response.content.decode().lower()
    assert SECRET not in text
    if LISTINGS[url]:
        assert lists_the_public_review(response)


@pytest.mark.django_db
def test_the_related_aside_still_lists_public_reviews(client, archive, site_tree):
    # Otherwise an aside that lists nothing would pass the test above.
    other = make_film_review(
        site_tree.section_for("film"), title="Second Harbour", directors=("Ana Ruiz",)
    )
    html = client.get(other.url).content.decode()
    assert PUBLIC_TITLE in html and SECRET not in html.lower()


@pytest.mark.django_db
@pytest.mark.parametrize("url", EMPTY_FOR_READERS)
def test_routes_only_private_pages_fill_are_not_found(client, archive, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("url", PRIVATE_SECTION_ROUTES)
def test_the_private_section_asks_for_a_login(client, archive, url):
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert SECRET not in response.content.decode().lower()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["login_only", "password", "in_private_section"])
def test_a_private_featured_review_is_not_featured(client, archive, site_tree, kind):
    feature(site_tree.home, getattr(archive, kind))
    html = client.get("/").content.decode()
    assert "Featured review" not in html
    assert SECRET not in html.lower()
    assert PUBLIC_TITLE in html  # the rest of the home page is still there


@pytest.mark.django_db
def test_a_public_featured_review_is_still_featured(client, archive, site_tree):
    feature(site_tree.home, archive.public)
    html = client.get("/").content.decode()
    assert "Featured review" in html and archive.public.url in html


@pytest.mark.django_db
def test_the_password_protected_review_shows_its_form_only(client, archive):
    response = client.get(archive.password.url)
    assert response.status_code == 200 and b'name="password"' in response.content
    html = response.content.decode()  # the form returns to the page's own address, no more
    assert archive.password.title not in html and archive.password.summary not in html


@pytest.mark.django_db
def test_a_logged_in_editor_still_reads_the_private_pages(archive, django_user_model):
    editor = django_user_model.objects.create_user("edith", password="not-used")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client = Client()
    client.force_login(editor)
    for page in (archive.login_only, archive.in_private_section):
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()


@pytest.mark.django_db
def test_a_review_made_private_leaves_cached_listings_at_once(client, archive, site_tree):
    # The A–Z titles, the related aside and the menu are kept until the content changes.
    second = make_film_review(
        site_tree.section_for("film"), title="Second Harbour", directors=("Ana Ruiz",)
    )
    feature(site_tree.home, archive.public)
    urls = ["/", "/film-reviews/a-z/", second.url, "/feed/", "/sitemap-pages.xml"]
    for url in urls:
        assert lists_the_public_review(client.get(url)), url
    restrict(archive.public, PageViewRestriction.LOGIN)
    for url in urls:
        assert not lists_the_public_review(client.get(url)), url
