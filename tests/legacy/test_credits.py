"""parse_credits: the credits line under a review's title."""

import pytest

from legacy.parsing.credits import parse_credits

FILMS = [
    # line, people, countries, year
    ("Mark Romanek. U.K. 2010.", ["Mark Romanek"], ["U.K."], 2010),
    ("Mark Romanek. U.K. 2010", ["Mark Romanek"], ["U.K."], 2010),
    (
        "Florian Henckel von Donnersmarck. Germany. 2006.",
        ["Florian Henckel von Donnersmarck"],
        ["Germany"],
        2006,
    ),
    ("Joel Coen and Ethan Coen. USA. 1996.", ["Joel Coen", "Ethan Coen"], ["USA"], 1996),
    ("Joel Coen, Ethan Coen.", ["Joel Coen", "Ethan Coen"], [], None),
    (
        "Directed by Joel and Ethan Coen. USA. 1996.",
        ["Joel Coen", "Ethan Coen"],
        ["USA"],
        1996,
    ),
    (
        "Michael Haneke. Germany/Austria/France. 2009.",
        ["Michael Haneke"],
        ["Germany", "Austria", "France"],
        2009,
    ),
    ("Martin Scorsese. U.S.A. 1976.", ["Martin Scorsese"], ["U.S.A."], 1976),
    ("Directed by Mark Romanek", ["Mark Romanek"], [], None),
    ("Mark Romanek (2010)", ["Mark Romanek"], [], 2010),
    ("Mark Romanek (U.K., 2010)", ["Mark Romanek"], ["U.K."], 2010),
    ("Mark Romanek, U.K., 2010", ["Mark Romanek"], ["U.K."], 2010),
    ("Pedro Almodóvar. Spain. 2006.", ["Pedro Almodóvar"], ["Spain"], 2006),
    ("Joseph H. Lewis. USA. 1950.", ["Joseph H. Lewis"], ["USA"], 1950),
    ("Some Director. Freedonia. 1933.", ["Some Director"], ["Freedonia"], 1933),
    (
        "Apichatpong Weerasethakul. Thailand/U.K./France. 2010.",
        ["Apichatpong Weerasethakul"],
        ["Thailand", "U.K.", "France"],
        2010,
    ),
]

BOOKS = [
    # line, people, publisher, year, pages
    (
        "Kazuo Ishiguro. Faber and Faber, 1989. 245 pages.",
        ["Kazuo Ishiguro"],
        "Faber and Faber",
        1989,
        245,
    ),
    ("Cormac McCarthy. Knopf, 2005, 288 pp.", ["Cormac McCarthy"], "Knopf", 2005, 288),
    (
        "J. R. R. Tolkien. Allen and Unwin, 1954.",
        ["J. R. R. Tolkien"],
        "Allen and Unwin",
        1954,
        None,
    ),
    (
        "Jonathan Franzen. Farrar, Straus and Giroux, 2010. 562 pages.",
        ["Jonathan Franzen"],
        "Farrar, Straus and Giroux",
        2010,
        562,
    ),
    ("Written by Kazuo Ishiguro. Faber, 1989.", ["Kazuo Ishiguro"], "Faber", 1989, None),
    (
        "Hilda Brennan. Chatto & Windus, 2003. 304 pages.",
        ["Hilda Brennan"],
        "Chatto & Windus",
        2003,
        304,
    ),
]

NOT_CREDITS = [
    "",
    "Howard Schumann",
    "Author Unknown",
    "– Stevens, the butler",
    "Note: Spoiler Alert",
    "March 2011",
    "by Eleanor Marsh",
    "Ruth, Kathy and Tommy",
    "This is a film about love. 2010.",
    "Some Director. Freedonia.",
    "The pace is the pace of oxen. Some viewers will find it unbearable.",
    "Home | News | Features | Book Reviews | About Us",
]


@pytest.mark.parametrize(("line", "people", "countries", "year"), FILMS)
def test_film_credits(line, people, countries, year):
    credits = parse_credits(line)
    assert credits is not None
    assert (credits.people, credits.countries, credits.year) == (people, countries, year)
    assert not credits.is_book
    assert credits.raw == line.strip()


@pytest.mark.parametrize(("line", "people", "publisher", "year", "pages"), BOOKS)
def test_book_credits(line, people, publisher, year, pages):
    credits = parse_credits(line)
    assert credits is not None
    assert (credits.people, credits.publisher, credits.year, credits.pages) == (
        people,
        publisher,
        year,
        pages,
    )
    assert credits.is_book
    assert credits.countries == []


@pytest.mark.parametrize("line", NOT_CREDITS)
def test_lines_that_are_not_credits(line):
    assert parse_credits(line) is None


def test_whitespace_and_no_break_spaces_are_normalised():
    credits = parse_credits("  Mark\xa0Romanek.\r\n U.K.   2010. ")
    assert credits.raw == "Mark Romanek. U.K. 2010."
    assert credits.people == ["Mark Romanek"]
