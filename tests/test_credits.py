"""The credits line readers see is rendered from structured fields (pure rules, no database)."""

from decimal import Decimal

import pytest

from reviews.credits import book_credits, film_credits, join_names, rating_text, split_names


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


def test_film_credits_add_running_time_and_cast_after_the_year():
    line = film_credits(
        ["Mark Romanek"],
        "U.K.",
        2010,
        running_time=103,
        cast=["Carey Mulligan", "Andrew Garfield", "Keira Knightley"],
    )
    assert line == (
        "Mark Romanek. U.K. 2010. 103 min. "
        "With Carey Mulligan, Andrew Garfield and Keira Knightley."
    )


def test_book_credits_add_translator_edition_and_isbn():
    line = book_credits(
        ["Haruki Murakami"],
        "Harvill",
        2001,
        320,
        translators=["Jay Rubin"],
        edition="Paper",
        isbn="1-86046-832-7",
    )
    assert line == (
        "Haruki Murakami. Translated by Jay Rubin. Harvill, 2001. 320 pages. Paper. "
        "ISBN 1-86046-832-7."
    )


def test_split_names_reads_a_comma_separated_field():
    assert split_names(" Ann Bell, Carl Dane ,, ") == ["Ann Bell", "Carl Dane"]
    assert split_names("") == []


@pytest.mark.parametrize(
    ("value", "best", "printed", "expected"),
    [
        (Decimal("8.00"), 10, "8/10", "8/10"),
        (Decimal("3.50"), 5, "", "3.5/5"),
        (Decimal("4"), 5, "****", "4/5 (****)"),
        (None, None, "B+", "B+"),
        (Decimal("7"), None, "7", "7"),  # no scale: only what was printed
        (None, None, "", ""),
    ],
)
def test_rating_text(value, best, printed, expected):
    assert rating_text(value, best, printed) == expected
