"""schema.org JSON-LD, parsed back out of the rendered page."""

import datetime

from reviews.structured_data import json_ld_script
from tests.conftest import make_article, make_book_review, make_film_review
from tests.reader.conftest import json_ld_of


def test_film_review_is_a_review_of_a_movie(client, site_tree, contributor):
    review = make_film_review(
        site_tree.section_for("film"),
        title="Lichter",
        directors=("Hans-Christian Schmid", "Anne Other"),
        countries="Germany/Austria",
        year=2003,
        reviewer=contributor,
        date=datetime.date(2004, 2, 3),
        summary="Five stories on the Oder.",
    )
    [data] = json_ld_of(client.get(review.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Review"
    assert data["datePublished"] == "2004-02-03"
    assert data["author"] == {"@type": "Person", "name": "Howard Schumann"}
    assert data["url"] == review.full_url
    assert data["description"] == "Five stories on the Oder."
    movie = data["itemReviewed"]
    assert movie["@type"] == "Movie"
    assert movie["name"] == "Lichter"
    assert movie["director"] == [
        {"@type": "Person", "name": "Hans-Christian Schmid"},
        {"@type": "Person", "name": "Anne Other"},
    ]
    assert [country["name"] for country in movie["countryOfOrigin"]] == ["Germany", "Austria"]
    assert movie["dateCreated"] == "2003"


def test_book_review_is_a_review_of_a_book(client, site_tree, contributor):
    review = make_book_review(site_tree.section_for("book"), reviewer=contributor)
    [data] = json_ld_of(client.get(review.url))
    assert data["@type"] == "Review"
    book = data["itemReviewed"]
    assert book["@type"] == "Book"
    assert book["author"] == [{"@type": "Person", "name": "Kazuo Ishiguro"}]
    assert book["publisher"] == {"@type": "Organization", "name": "Faber and Faber"}
    assert book["datePublished"] == "1989"
    assert book["numberOfPages"] == 245


def test_news_and_features_are_articles(client, site_tree, contributor):
    for kind in ("news", "feature"):
        article = make_article(
            site_tree.section_for(kind), title=f"A {kind} piece", author=contributor
        )
        [data] = json_ld_of(client.get(article.url))
        assert data["@type"] == "Article"
        assert data["headline"] == f"A {kind} piece"
        assert data["author"]["name"] == "Howard Schumann"
        assert data["datePublished"] == "2010-11-12"


def test_review_without_reviewer_has_no_author(client, site_tree):
    review = make_film_review(site_tree.section_for("film"))
    [data] = json_ld_of(client.get(review.url))
    assert "author" not in data


def test_sections_and_home_publish_none(client, site_tree):
    assert json_ld_of(client.get("/")) == []
    assert json_ld_of(client.get(site_tree.section_for("film").url)) == []


def test_script_end_tag_in_a_title_cannot_break_out(client, site_tree):
    title = "</script><script>alert(1)</script> & <!-- more"
    review = make_film_review(
        site_tree.section_for("film"),
        title=title,
        slug="breakout",
        body=[("paragraph", "<p>Plain.</p>")],
    )
    response = client.get(review.url)
    assert b"</script><script>alert(1)" not in response.content
    [data] = json_ld_of(response)
    assert data["name"] == title
    assert data["itemReviewed"]["name"] == title


def test_json_ld_script_escapes_like_json_script():
    html = json_ld_script({"name": "</script>&"})
    assert (
        html
        == '<script type="application/ld+json">{"name": "\\u003C/script\\u003E\\u0026"}</script>'
    )
