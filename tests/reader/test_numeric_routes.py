"""Numbers in addresses: a year or decade no archive could hold is "not found", never an error.

A 30-digit decade once overflowed SQLite's integers and answered 500.
"""

import pytest

from tests.reader.conftest import quick_film

HUGE = "1" + "0" * 30


@pytest.fixture
def films(film_section):
    quick_film(film_section, "The Quiet Harbour", slug="the-quiet-harbour", year=1994)
    return film_section


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        f"decades/{HUGE}s/",
        f"years/{HUGE}/",
        "years/99999/",
        "years/32768/",  # one past what a review's year can hold
        "decades/99990s/",
        f"years/{'9' * 19}/",  # past a 64-bit integer too (PostgreSQL's bigint)
        "years/-1994/",
    ],
)
def test_out_of_range_years_and_decades_are_not_found(client, films, path):
    assert client.get(f"{films.url}{path}").status_code == 404


@pytest.mark.django_db
def test_years_and_decades_in_range_still_list_their_films(client, films):
    assert b"The Quiet Harbour" in client.get(f"{films.url}years/1994/").content
    assert b"The Quiet Harbour" in client.get(f"{films.url}decades/1990s/").content
    assert client.get(f"{films.url}years/9999/").status_code == 200  # no films, no error
    assert client.get(f"{films.url}decades/32760s/").status_code == 200


@pytest.mark.django_db
def test_a_review_of_the_largest_year_still_links_to_its_year(client, film_section):
    # Every year a review can hold has an address: its page links to its decade.
    review = quick_film(film_section, "Far Future", slug="far-future", year=32767)
    html = client.get(review.url).content.decode()
    assert f"{film_section.url}decades/32760s/" in html


@pytest.mark.django_db
@pytest.mark.parametrize("listing", ["", "years/1994/", "decades/1990s/", "a-z/"])
@pytest.mark.parametrize(
    ("page", "status"), [(HUGE, 404), ("-" + HUGE, 404), ("9" * 400, 404), ("1e400", 200)]
)
def test_absurd_page_numbers_never_fail(client, films, listing, page, status):
    # Past the last page (or before the first) is not found; a number that is not one is
    # the first page (reviews/pagination.py). Never a 500.
    response = client.get(f"{films.url}{listing}", {"page": page})
    if listing == "a-z/":
        status = 200  # one page per letter: it reads no ?page=
    assert response.status_code == status
    if status == 200:
        assert b"The Quiet Harbour" in response.content


@pytest.mark.django_db
def test_absurd_page_numbers_on_a_contributor_page(client, film_section, contributor):
    quick_film(film_section, "The Quiet Harbour", reviewer=contributor)
    assert client.get(f"/contributors/{contributor.slug}/", {"page": HUGE}).status_code == 404
    response = client.get(f"/contributors/{contributor.slug}/", {"page": "1e400"})
    assert response.status_code == 200 and b"The Quiet Harbour" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("page", [HUGE, "1e400", "-1", "abc"])
def test_sitemap_pages_past_the_end_are_not_found(client, films, page):
    assert client.get("/sitemap-pages.xml", {"p": page}).status_code == 404
