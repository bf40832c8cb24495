"""Three bugs that came from one idea known in two places, each reproduced through
``import_legacy`` on a small mirror: the command's ``--date-order`` on news pages, rating
pictures a whole site prints, and names with particles as reviewers."""

import datetime

from django.core.management import call_command

import pytest

from legacy.models import ImportRecord
from reviews.models import ArticlePage, FilmReviewPage

from .conftest import BASE_URL
from .mirror import LONG_PARAGRAPHS, NAV, film_review, news_page, write_mirror

pytestmark = pytest.mark.django_db


def import_legacy(mirror, *options: str) -> None:
    call_command("import_legacy", str(mirror), "--base-url", BASE_URL, *options, verbosity=0)


def record(key: str) -> ImportRecord:
    return ImportRecord.objects.get(source_path=key)


# --- 1. --date-order on news pages ------------------------------------------------------

NEWS_ITEMS = [
    ("03/12/2005", "The film society announces its winter season of silent comedies."),
    ("03/04/2005", "Our spring issue is out, with six new reviews and a long interview."),
]


@pytest.fixture
def news_mirror(tmp_path):
    return write_mirror(tmp_path / "site", {"news.htm": news_page(NEWS_ITEMS)})


def test_news_items_follow_the_date_order_month_first(news_mirror):
    import_legacy(news_mirror, "--date-order", "mdy")
    first, second = (ArticlePage.objects.get(pk=record(f"news.htm#{n}").page_id) for n in (1, 2))
    assert first.date == datetime.date(2005, 3, 12)
    assert second.date == datetime.date(2005, 3, 4)
    for number, (printed, _) in enumerate(NEWS_ITEMS, start=1):
        warning = f"ambiguous date {printed} read as month-first (--date-order)"
        assert warning in record(f"news.htm#{number}").warnings


def test_news_items_are_read_day_first_by_default_and_flagged(news_mirror):
    import_legacy(news_mirror)
    first, second = (ArticlePage.objects.get(pk=record(f"news.htm#{n}").page_id) for n in (1, 2))
    assert (first.date, second.date) == (datetime.date(2005, 12, 3), datetime.date(2005, 4, 3))
    assert "ambiguous date 03/04/2005 read as day-first (--date-order)" in (
        record("news.htm#2").warnings
    )


def test_a_news_item_whose_date_reads_one_way_only_is_not_flagged(tmp_path):
    mirror = write_mirror(
        tmp_path / "site",
        {
            "news.htm": news_page(
                [
                    (date, text)
                    for (_, text), date in zip(
                        NEWS_ITEMS, ("03/25/2005", "04/04/2005"), strict=True
                    )
                ]
            )
        },
    )
    import_legacy(mirror, "--date-order", "mdy")
    first, second = (ArticlePage.objects.get(pk=record(f"news.htm#{n}").page_id) for n in (1, 2))
    assert (first.date, second.date) == (datetime.date(2005, 3, 25), datetime.date(2005, 4, 4))
    for number in (1, 2):
        assert not any("ambiguous" in w for w in record(f"news.htm#{number}").warnings)


# --- 2. rating pictures on every page of a site -----------------------------------------

RATED = {"stars": ("4stars.gif", "4 stars"), "half": ("3half.gif", "***1/2")}


def rated_review(title: str, picture: str, alt: str) -> str:
    """A review whose rating is only a picture, as many old templates drew it."""
    page = film_review(title, f"Ann Bell. U.K. {2000 + len(title)}.", LONG_PARAGRAPHS)
    rating = f'<p align="center"><img src="../images/{picture}" alt="{alt}"></p>'
    return page.replace(NAV.format(up="../"), rating + NAV.format(up="../"))


@pytest.fixture
def rated_site(tmp_path):
    titles = ["Alder", "Birch", "Cedar"]
    return write_mirror(
        tmp_path / "site",
        {
            f"reviews/{kind}-{title.lower()}.htm": rated_review(f"{title} {kind}", *picture)
            for kind, picture in RATED.items()
            for title in titles
        },
    )


def test_a_rating_picture_every_review_of_a_site_prints_is_each_reviews_rating(rated_site):
    import_legacy(rated_site)
    for kind, (_, alt) in RATED.items():
        for title in ("alder", "birch", "cedar"):
            key = f"reviews/{kind}-{title}.htm"
            page = FilmReviewPage.objects.get(pk=record(key).page_id)
            assert page.rating_printed == alt, key
            assert not any(alt in entry["text"] for entry in record(key).removed), key


# --- 3. names with particles sign reviews as they direct films --------------------------

PARTICLE_NAMES = ["João dos Santos", "Ludwig vom Rath", "Aziz ibn Tariq"]


@pytest.fixture
def particle_site(tmp_path):
    pages = {}
    for number, reviewer in enumerate(PARTICLE_NAMES):
        director = PARTICLE_NAMES[number - 1]
        pages[f"reviews/film{number}.htm"] = film_review(
            f"Film Number {number}",
            f"Directed by {director}. Portugal. 199{number}.",
            LONG_PARAGRAPHS,
            signature=f"Reviewed by {reviewer}",
        )
    return write_mirror(tmp_path / "site", pages, encoding="cp1252")


def test_a_name_read_as_a_director_is_read_as_a_reviewer_too(particle_site):
    import_legacy(particle_site)
    for number, reviewer in enumerate(PARTICLE_NAMES):
        page = FilmReviewPage.objects.get(pk=record(f"reviews/film{number}.htm").page_id)
        assert [creator.name for creator in page.creators.all()] == [PARTICLE_NAMES[number - 1]]
        assert page.reviewer is not None and page.reviewer.name == reviewer
