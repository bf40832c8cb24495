"""Related reviews: the same director or author first, then the same reviewer."""

import datetime

from reviews.models import Contributor
from reviews.models.stories import RELATED_REVIEWS_LIMIT
from tests.conftest import make_book_review, make_film_review
from tests.reader.conftest import quick_film, soup_of


def test_same_director_first_then_same_reviewer(
    site_tree, contributor, django_assert_max_num_queries
):
    films = site_tree.section_for("film")
    other = Contributor.objects.create(name="Someone Else")
    review = quick_film(films, "Never Let Me Go", directors=["Mark Romanek"], reviewer=contributor)
    same_director = quick_film(
        films,
        "One Hour Photo",
        directors=["Mark Romanek"],
        reviewer=other,
        date=datetime.date(2002, 1, 1),
    )
    same_reviewer_book = make_book_review(
        site_tree.section_for("book"), reviewer=contributor, date=datetime.date(2020, 1, 1)
    )
    quick_film(films, "Unrelated", directors=["Someone"], reviewer=other)
    quick_film(films, "Draft", directors=["Mark Romanek"], reviewer=contributor).unpublish()

    with django_assert_max_num_queries(8):
        related = review.related_reviews()
    assert [page.title for page in related] == [same_director.title, same_reviewer_book.title]
    assert type(related[1]).__name__ == "BookReviewPage"  # specific pages, ready for cards


def test_related_reviews_are_capped_and_shown(client, site_tree, contributor):
    films = site_tree.section_for("film")
    for number in range(RELATED_REVIEWS_LIMIT + 2):
        quick_film(
            films,
            f"Another {number}",
            directors=["Mark Romanek"],
            date=datetime.date(2000 + number, 1, 1),
        )
    review = quick_film(films, "Never Let Me Go", directors=["Mark Romanek"], reviewer=contributor)
    soup = soup_of(client.get(review.url))
    titles = [h3.get_text(strip=True) for h3 in soup.select(".related .card__title")]
    assert titles == ["Another 5", "Another 4", "Another 3", "Another 2"]


def test_a_newly_published_review_joins_the_aside_at_once(client, site_tree):
    """The aside is rendered once per published state of the site, not once per reader."""
    films = site_tree.section_for("film")
    review = quick_film(films, "Never Let Me Go", directors=["Mark Romanek"])

    def related_titles() -> list[str]:
        soup = soup_of(client.get(review.url))
        return [h3.get_text(strip=True) for h3 in soup.select(".related .card__title")]

    assert related_titles() == []
    make_film_review(films, title="One Hour Photo", directors=["Mark Romanek"])  # published
    assert related_titles() == ["One Hour Photo"]
