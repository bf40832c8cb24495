"""The credits line readers see is rendered from structured fields (pure rules, no database)."""

import pytest

from reviews.credits import book_credits, film_credits, join_names


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([], ""),
        (["Mark Romanek"], "Mark Romanek"),
        (["Joel Coen", "Ethan Coen"], "Joel Coen and Ethan Coen"),
        (["A", "B", "C"], "A, B and C"),
        (["  Florian Henckel von Donnersmarck "], "Florian Henckel von Donnersmarck"),
    ],
)
def test_join_names(names, expected):
    assert join_names(names) == expected


def test_film_credits_match_the_old_site():
    assert film_credits(["Mark Romanek"], "U.K.", 2010) == "Mark Romanek. U.K. 2010."


def test_film_credits_with_several_countries_and_directors():
    line = film_credits(["Joel Coen", "Ethan Coen"], "Germany/Austria/France", 2009)
    assert line == "Joel Coen and Ethan Coen. Germany/Austria/France. 2009."


def test_film_credits_skip_missing_parts():
    assert film_credits(["Hana Sato"], "", None) == "Hana Sato."


def test_book_credits_match_the_old_site():
    line = book_credits(["Kazuo Ishiguro"], "Faber and Faber", 1989, 245)
    assert line == "Kazuo Ishiguro. Faber and Faber, 1989. 245 pages."


def test_book_credits_without_publisher_or_pages():
    assert book_credits(["Elena Marsh"], "", 2018, None) == "Elena Marsh. 2018."
