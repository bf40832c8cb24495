"""The byline reads "Reviewed by Mara Lindqvist · 2 March 2024": a separator between the name
and the date, and none when there is no reviewer."""

import datetime

from reviews.models import Contributor
from tests.conftest import make_article, make_film_review
from tests.reader.conftest import soup_of


def byline(client, page) -> str:
    return " ".join(soup_of(client.get(page.url)).select_one(".byline").get_text().split())


def test_reviewer_and_date_are_separated(client, site_tree):
    mara = Contributor.objects.create(name="Mara Lindqvist")
    review = make_film_review(
        site_tree.section_for("film"), reviewer=mara, date=datetime.date(2024, 3, 2)
    )
    assert byline(client, review) == "Reviewed by Mara Lindqvist · 2 March 2024"


def test_a_review_without_a_reviewer_shows_the_date_alone(client, site_tree):
    review = make_film_review(site_tree.section_for("film"), date=datetime.date(2024, 3, 2))
    assert byline(client, review) == "2 March 2024"


def test_an_article_reads_by_author_and_date(client, site_tree):
    mara = Contributor.objects.create(name="Mara Lindqvist")
    article = make_article(
        site_tree.section_for("news"), author=mara, date=datetime.date(2024, 3, 2)
    )
    assert byline(client, article) == "By Mara Lindqvist · 2 March 2024"
