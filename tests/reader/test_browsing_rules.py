"""The pure filing rules behind the A–Z, decades and name pages."""

import pytest

from reviews.browsing import (
    alphabet,
    count_names,
    decade_label,
    decade_of,
    decade_range,
    group_by_letter,
    letter_of,
    name_slug,
    names_matching_slug,
    split_countries,
    surname_key,
    title_sort_key,
)


def index_letter(title: str) -> str:
    """The letter a title files under, as the A–Z groups file it."""
    return letter_of(title_sort_key(title))


@pytest.mark.parametrize(
    ("title", "letter"),
    [
        ("The Quiet Harbour", "Q"),
        ("A Man Escaped", "M"),
        ("An Autumn Afternoon", "A"),
        ("Anatomy of a Murder", "A"),  # "An" only counts as a whole word
        ("Theorem", "T"),
        ("Andrei Rublev", "A"),
        ("the lower-case article", "L"),
        ("“The Quoted” Title", "Q"),
        ("8½", "#"),
        ("2001: A Space Odyssey", "#"),
        ("Élan", "E"),
        ("The", "T"),  # nothing but an article still files somewhere
        ("", "#"),
    ],
)
def test_index_letter(title, letter):
    assert index_letter(title) == letter


def test_sort_key_ignores_article_case_and_accents():
    assert title_sort_key("The Émigrés") == "emigres"
    assert sorted(["The Zoo", "Apple", "A Bee"], key=title_sort_key) == [
        "Apple",
        "A Bee",
        "The Zoo",
    ]


def test_group_by_letter_sorts_within_groups_and_puts_other_first():
    titles = ["The Quiet Harbour", "Quartet", "8½", "A Quiet Passion", "Barry Lyndon"]
    groups = group_by_letter(titles, title=str)
    assert [group.letter for group in groups] == ["#", "B", "Q"]
    assert groups[2].items == ["Quartet", "The Quiet Harbour", "A Quiet Passion"]
    assert groups[0].anchor == "other" and groups[1].anchor == "b"


def test_group_by_surname():
    groups = group_by_letter(["Mark Romanek", "Agnès Varda"], title=str, sort_key=surname_key)
    assert [(group.letter, group.items) for group in groups] == [
        ("R", ["Mark Romanek"]),
        ("V", ["Agnès Varda"]),
    ]


def test_alphabet():
    assert alphabet()[:3] == ["#", "A", "B"] and alphabet()[-1] == "Z" and len(alphabet()) == 27


@pytest.mark.parametrize(("year", "decade"), [(1994, 1990), (1990, 1990), (2009, 2000)])
def test_decade_of(year, decade):
    assert decade_of(year) == decade


def test_decade_label_and_range():
    assert decade_label(1990) == "1990s"
    assert decade_range(1990) == (1990, 1999)


@pytest.mark.parametrize(("decade", "expected"), [(1950, (1950, 1959)), (1955, (1950, 1959))])
def test_decade_range(decade, expected):
    assert decade_range(decade) == expected


def test_split_countries():
    assert split_countries("Germany/ Austria /") == ["Germany", "Austria"]
    assert split_countries("") == []


def test_name_slugs_match_spellings():
    assert name_slug("Agnès Varda") == "agnes-varda"
    assert name_slug("U.K.") == "uk"
    assert names_matching_slug(["U.K.", "UK", "U.S.A."], "uk") == ["U.K.", "UK"]


def test_count_names():
    assert count_names(["Germany/Austria", "Germany", ""], split_countries) == {
        "Germany": 2,
        "Austria": 1,
    }
