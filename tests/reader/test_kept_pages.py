"""What a reader's page keeps between requests (ops.fragments: per published state) is never
older than what was published: the routed review, its article and its head.

Each test reads the page once (filling what is kept), changes it the way an editor would, and
reads it again.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from reviews.models import Contributor
from tests.conftest import make_film_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(site_tree):
    reviewer = Contributor.objects.create(name="Mara Lindqvist")
    return make_film_review(
        site_tree.section_for("film"),
        title="Ikiru",
        reviewer=reviewer,
        summary="Kurosawa's clerk.",
        date=datetime.date(2024, 3, 2),
    )


def republish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_a_kept_review_is_read_without_its_own_query(client, review):
    client.get(review.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(review.url)
    assert response.status_code == 200
    assert "Ikiru" in response.text
    tables = " ".join(query["sql"] for query in queries)
    assert "reviews_filmreviewpage" not in tables
    assert "reviews_workcreator" not in tables
    # The privacy decision is still read from the database on every view.
    assert "wagtailcore_pageviewrestriction" in tables


def test_a_published_change_shows_at_once(client, review):
    client.get(review.url)
    republish(review, title="Ikiru (1952)", summary="Watanabe's last months.")
    response = client.get(review.url)
    assert "Ikiru (1952)" in response.text
    assert "Watanabe" in response.text


def test_a_draft_change_does_not_show(client, review):
    client.get(review.url)
    review.title = "Draft title"
    review.save_revision()
    assert "Draft title" not in client.get(review.url).text


def test_an_unpublished_review_is_gone(client, review):
    assert client.get(review.url).status_code == 200
    review.unpublish()
    assert client.get(review.url).status_code == 404


def test_a_new_slug_is_the_review_and_the_old_one_is_not(client, review):
    old_url = review.url
    client.get(old_url)
    republish(review, slug="ikiru-1952")
    review.refresh_from_db()
    assert client.get(review.url).status_code == 200
    old = client.get(old_url)
    assert old.status_code != 200 or "Ikiru" not in old.text


def test_a_restriction_added_later_applies_at_once(client, review):
    client.get(review.url)
    PageViewRestriction.objects.create(page=review, restriction_type="login")
    response = client.get(review.url)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]


def test_the_reviewer_renamed_shows_at_once(client, review):
    client.get(review.url)
    review.reviewer.name = "Mara Lindqvist-Berg"
    review.reviewer.save()
    assert "Mara Lindqvist-Berg" in client.get(review.url).text


def test_the_head_follows_a_published_change(client, review):
    client.get(review.url)
    republish(review, summary="Watanabe's last months.")
    text = client.get(review.url).text
    assert '<meta name="description" content="Watanabe&#x27;s last months.">' in text
    assert "Kurosawa" not in text


def test_a_preview_shows_the_draft_not_the_kept_page(client, review):
    client.get(review.url)
    draft = review.get_latest_revision_as_object()
    draft.title = "Ikiru, the draft"
    draft.summary = "A draft summary."
    preview = draft.make_preview_request()
    assert "Ikiru, the draft" in preview.text
    assert "A draft summary." in preview.text
    assert "Ikiru, the draft" not in client.get(review.url).text


def test_a_card_follows_a_published_change_and_keeps_its_heading_level(client, site_tree, review):
    section = site_tree.section_for("film")
    client.get(section.url)
    republish(review, title="Ikiru (1952)")
    review.reviewer.name = "Mara Lindqvist-Berg"
    review.reviewer.save()
    listing = client.get(section.url).text
    card = '<h2 class="card__title"><a href="/film-reviews/ikiru/">Ikiru (1952)</a></h2>'
    assert card in listing
    assert "Mara Lindqvist-Berg" in listing
    # The same card on the contributor's page is a level lower: kept apart.
    contributor_page = client.get(f"/contributors/{review.reviewer.slug}/").text
    assert '<h3 class="card__title"><a href="/film-reviews/ikiru/">Ikiru (1952)</a></h3>' in (
        contributor_page
    )
