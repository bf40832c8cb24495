"""A review's parts beyond names, country and year: running time, cast, translator, edition,
ISBN, the credits note and the rating, on the page and in its JSON-LD."""

from decimal import Decimal

import pytest

from tests.conftest import make_book_review, make_film_review
from tests.reader.conftest import json_ld_of, soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def film(site_tree):
    return make_film_review(
        site_tree.section_for("film"),
        running_time=103,
        cast="Carey Mulligan, Andrew Garfield, Keira Knightley",
        credits_note="Cert 12A. Shown at the London Film Festival",
        rating_value=Decimal("8"),
        rating_best=10,
        rating_printed="8/10",
    )


@pytest.fixture
def book(site_tree):
    return make_book_review(
        site_tree.section_for("book"),
        title="Norwegian Wood",
        authors=("Haruki Murakami",),
        publisher="Harvill",
        year=2001,
        pages=320,
        translator="Jay Rubin",
        edition="Paper",
        isbn="1-86046-832-7",
        rating_printed="B+",
    )


def test_film_page_shows_running_time_cast_note_and_rating(client, film):
    header = soup_of(client.get(film.url)).select_one(".review__header")
    assert header.select_one(".credits").get_text() == (
        "Mark Romanek. U.K. 2010. 103 min. "
        "With Carey Mulligan, Andrew Garfield and Keira Knightley."
    )
    assert header.select_one(".credits-note").get_text() == (
        "Cert 12A. Shown at the London Film Festival"
    )
    assert header.select_one(".rating").get_text() == "Rating: 8/10"


def test_book_page_shows_translator_edition_isbn_and_a_printed_grade(client, book):
    header = soup_of(client.get(book.url)).select_one(".review__header")
    assert header.select_one(".credits").get_text() == (
        "Haruki Murakami. Translated by Jay Rubin. Harvill, 2001. 320 pages. Paper. "
        "ISBN 1-86046-832-7."
    )
    assert header.select_one(".rating").get_text() == "Rating: B+"
    assert header.select_one(".credits-note") is None


def test_stars_show_as_a_mark_with_the_printed_stars(client, site_tree):
    review = make_film_review(
        site_tree.section_for("film"),
        rating_value=Decimal("3.5"),
        rating_best=5,
        rating_printed="***½",
    )
    rating = soup_of(client.get(review.url)).select_one(".rating").get_text()
    assert rating == "Rating: 3.5/5 (***½)"


def test_a_review_without_the_new_parts_shows_none_of_them(client, site_tree):
    review = make_film_review(site_tree.section_for("film"))
    page = soup_of(client.get(review.url))
    assert page.select_one(".credits").get_text() == "Mark Romanek. U.K. 2010."
    assert page.select(".credits-note, .rating, .signature__note") == []
    [data] = json_ld_of(client.get(review.url))
    assert "reviewRating" not in data
    assert {"duration", "actor"}.isdisjoint(data["itemReviewed"])


def test_the_movie_has_its_duration_and_actors(client, film):
    [data] = json_ld_of(client.get(film.url))
    movie = data["itemReviewed"]
    assert movie["duration"] == "PT103M"
    assert movie["actor"] == [
        {"@type": "Person", "name": "Carey Mulligan"},
        {"@type": "Person", "name": "Andrew Garfield"},
        {"@type": "Person", "name": "Keira Knightley"},
    ]
    assert data["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 8,
        "bestRating": 10,
        "worstRating": 0,
    }


def test_the_book_has_its_isbn_format_and_translator(client, book):
    [data] = json_ld_of(client.get(book.url))
    work = data["itemReviewed"]
    assert work["isbn"] == "1-86046-832-7"
    assert work["bookFormat"] == "https://schema.org/Paperback"
    assert "bookEdition" not in work  # "Paper" names a binding, not an edition
    assert work["translator"] == [{"@type": "Person", "name": "Jay Rubin"}]
    # A grade that is no number: its printed form is the value, with no scale.
    assert data["reviewRating"] == {"@type": "Rating", "ratingValue": "B+"}


def test_an_edition_that_is_not_only_a_binding_is_the_book_edition(client, site_tree):
    review = make_book_review(site_tree.section_for("book"), edition="2nd edition, hardcover")
    work = json_ld_of(client.get(review.url))[0]["itemReviewed"]
    assert work["bookEdition"] == "2nd edition, hardcover"
    assert work["bookFormat"] == "https://schema.org/Hardcover"


def test_a_fractional_mark_is_a_json_number(client, site_tree):
    review = make_film_review(
        site_tree.section_for("film"), rating_value=Decimal("3.5"), rating_best=4
    )
    rating = json_ld_of(client.get(review.url))[0]["reviewRating"]
    assert rating["ratingValue"] == 3.5 and rating["bestRating"] == 4


def test_a_signature_note_is_shown_under_the_name(client, site_tree):
    body = [
        ("paragraph", "<p>A fine book.</p>"),
        ("signature", {"name": "R.P. Nettelhorst", "note": "Pastor", "dateline": "May 2004"}),
    ]
    review = make_book_review(site_tree.section_for("book"), body=body)
    signature = soup_of(client.get(review.url)).select_one(".signature")
    assert signature.select_one(".signature__name").get_text() == "R.P. Nettelhorst"
    assert signature.select_one(".signature__note").get_text() == "Pastor"
    assert signature.select_one(".signature__date").get_text() == "May 2004"
