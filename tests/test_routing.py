"""URLs reach the right page: sections fetch their child reviews and articles themselves
(one query with credits, image and reviewer), and everything else still routes as Wagtail does."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage
from tests.conftest import make_article, make_film_review, publish


def test_a_review_is_served_with_its_credits_and_reviewer(client, site_tree, contributor):
    review = make_film_review(site_tree.section_for("film"), title="Ikiru", reviewer=contributor)
    client.get(review.url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(review.url).content.decode()
    assert "<h1>Ikiru</h1>" in html and "Howard Schumann" in html and "Mark Romanek" in html
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert sql.count('FROM "reviews_contributor"') == 0  # joined to the review, not fetched
    assert sql.count('FROM "wagtailimages_image"') == 0


def test_articles_under_news_are_served(client, site_tree):
    article = make_article(site_tree.section_for("news"), title="Festival opens")
    response = client.get(article.url)
    assert response.status_code == 200 and b"Festival opens" in response.content


def test_a_draft_review_is_not_found(client, site_tree):
    draft = make_film_review(site_tree.section_for("film"), title="Not yet", live=False)
    assert client.get(f"/film-reviews/{draft.slug}/").status_code == 404
    assert client.get("/film-reviews/no-such-review/").status_code == 404


def test_pages_that_are_not_sections_or_reviews_still_route(client, site_tree):
    about = StandardPage.objects.get(slug="about-us")
    publish(about, StandardPage(title="Our writers", slug="our-writers"))
    assert client.get("/about-us/").status_code == 200
    assert b"Our writers" in client.get("/about-us/our-writers/").content


def test_a_sections_own_routes_come_before_its_children(client, site_tree):
    section = site_tree.section_for("film")
    make_film_review(section, title="A-Z")  # slug "a-z", like the section's index route
    response = client.get("/film-reviews/a-z/")
    assert response.status_code == 200
    assert response.context["page"].pk == section.pk


def test_a_renamed_section_answers_at_its_new_address_at_once(client, site_tree):
    section = site_tree.section_for("news")
    old_url = section.url
    assert client.get(old_url).status_code == 200
    section.slug = "magazine-news"
    section.save_revision().publish()
    assert client.get("/magazine-news/").status_code == 200
    assert client.get(old_url).status_code == 404
