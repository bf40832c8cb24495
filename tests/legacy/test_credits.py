"""parse_credits: the credits line under a review's title."""

import pytest

from legacy.parsing.credits import parse_credits, parse_credits_lines

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


# The forms real old sites print, each with the fields readers and structured data use.
FORMS = [
    (
        "by Wendell Berry. San Francisco: North Point Press. 1985. Paper. $12.95. 144 pages.",
        "",
        {"people": ["Wendell Berry"], "publisher": "North Point Press", "year": 1985,
         "edition": "Paper", "pages": 144, "extras": ["San Francisco", "$12.95"]},
    ),
    (
        "The Unsettling of America, by Wendell Berry",
        "The Unsettling of America",
        {"people": ["Wendell Berry"], "work_title": "The Unsettling of America"},
    ),
    (
        "Ann Patchett, Bel Canto (HarperCollins, 2001)",
        "Bel Canto",
        {"people": ["Ann Patchett"], "work_title": "Bel Canto", "publisher": "HarperCollins",
         "year": 2001},
    ),
    (
        "Lietaer, Bernard: 'The Future of Money' Random Century, 2000. ISBN 0-7126-8399-2",
        "",
        {"people": ["Bernard Lietaer"], "work_title": "The Future of Money",
         "publisher": "Random Century", "year": 2000, "isbn": "0-7126-8399-2"},
    ),
    (
        "Edited by Jane Smith. Translated by Barbara Bray. Photographs by Elsa Dorfman. "
        "Knopf, 1999.",
        "",
        {"people": ["Jane Smith"], "translators": ["Barbara Bray"], "publisher": "Knopf",
         "year": 1999, "extras": ["Photographs by Elsa Dorfman"]},
    ),
    (
        "Kazuo Ishiguro. Faber, 2005. Second edition, hardcover. £16.99. pp. 288",
        "",
        {"people": ["Kazuo Ishiguro"], "publisher": "Faber", "year": 2005, "pages": 288,
         "edition": "Second edition, hardcover", "extras": ["£16.99"]},
    ),
    (
        "Albert Camus. Traduit de l'allemand par Jean Dupont. Gallimard, 1942.",
        "",
        {"people": ["Albert Camus"], "translators": ["Jean Dupont"], "publisher": "Gallimard"},
    ),
    (
        "Directed by Andrew Niccol. USA. 1997. 112 min. With Ethan Hawke, Uma Thurman and "
        "Jude Law. Cert 15.",
        "",
        {"people": ["Andrew Niccol"], "countries": ["USA"], "year": 1997, "running_time": 112,
         "cast": ["Ethan Hawke", "Uma Thurman", "Jude Law"], "extras": ["Cert 15"]},
    ),
    (
        "Dir: Jane Campion. New Zealand/Australia, 1993. 121 mins.",
        "",
        {"people": ["Jane Campion"], "countries": ["New Zealand", "Australia"], "year": 1993,
         "running_time": 121},
    ),
    ("Jane Campion (dir.). 1993", "", {"people": ["Jane Campion"], "year": 1993}),
    (
        "Regie: Katrin Albers. Deutschland 2002. 94 Min.",
        "",
        {"people": ["Katrin Albers"], "countries": ["Deutschland"], "running_time": 94},
    ),
    (
        "Michael Mann. USA. 1995. 2h 50m. Starring Al Pacino, Robert De Niro. Rated R.",
        "",
        {"people": ["Michael Mann"], "running_time": 170,
         "cast": ["Al Pacino", "Robert De Niro"], "extras": ["Rated R"]},
    ),
    (
        "Alain-Fournier. Émile-Paul, 1913. 311 pages.",
        "",
        {"people": ["Alain-Fournier"], "publisher": "Émile-Paul", "year": 1913, "pages": 311},
    ),
    (
        "The Lover (Pantheon, 1985, 117pp, £9.99)",
        "The Lover",
        {"people": [], "work_title": "The Lover", "publisher": "Pantheon", "pages": 117},
    ),
    (
        "Director: Andrew Niccol; Screenplay: Andrew Niccol; Cast: Ethan Hawke, Uma Thurman; "
        "106 min; USA, 1997",
        "",
        {"people": ["Andrew Niccol"], "cast": ["Ethan Hawke", "Uma Thurman"],
         "running_time": 106, "countries": ["USA"], "extras": ["Screenplay: Andrew Niccol"]},
    ),
    (
        "Regie: Katrin Albers. Mit Anna Thalbach, Ulrich Noethen. Deutschland 2002. 94 Min. "
        "FSK 12.",
        "",
        {"people": ["Katrin Albers"], "cast": ["Anna Thalbach", "Ulrich Noethen"],
         "extras": ["FSK 12"]},
    ),
    (
        "Réalisation : Agnès Varda. France, 1985. 105 min.",
        "",
        {"people": ["Agnès Varda"], "countries": ["France"], "running_time": 105},
    ),
    (
        "Bernard Lietaer, The Future of Money, Random Century, 2000",
        "The Future of Money",
        {"people": ["Bernard Lietaer"], "publisher": "Random Century", "year": 2000},
    ),
    ("Ed. by Jane Smith, Knopf, 1999", "", {"people": ["Jane Smith"], "publisher": "Knopf"}),
    (
        "Paul Auster: The New York Trilogy. Faber, 1987. 314 pp.",
        "The New York Trilogy",
        {"people": ["Paul Auster"], "work_title": "The New York Trilogy", "pages": 314},
    ),
    (
        "Kazuo Ishiguro. Faber, 2005. 2nd ed.",
        "",
        {"people": ["Kazuo Ishiguro"], "edition": "2nd ed."},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("line", "title", "fields"), FORMS, ids=[f[0][:30] for f in FORMS])
def test_credits_in_the_forms_real_pages_print(line, title, fields):
    credits = parse_credits(line, title)
    assert credits is not None
    assert {name: getattr(credits, name) for name in fields} == fields
    assert not credits.remainder


def test_an_unknown_piece_is_kept_as_the_remainder_not_a_reason_to_drop_the_line():
    credits = parse_credits("Mike Leigh. U.K. 1996. Bibliography")
    assert (credits.people, credits.countries, credits.year) == (["Mike Leigh"], ["U.K."], 1996)
    assert credits.remainder == ["Bibliography"]
    assert credits.note == "Bibliography"


def test_credits_over_three_lines_read_as_one():
    credits = parse_credits_lines(["Wendell Berry", "North Point Press, 1985", "144 pages"])
    assert (credits.people, credits.publisher, credits.year, credits.pages) == (
        ["Wendell Berry"],
        "North Point Press",
        1985,
        144,
    )


@pytest.mark.parametrize(
    "line",
    [
        "Cyan / Red Orb Entertainment. PC and Macintosh CD-ROM, 1997.",  # a company, not people
        "Petros Baptist Church, 2004. 12 pages.",
        "Reviewed by R.P. Nettelhorst",  # a byline
        "Gattaca (1997)",  # the title line: its year goes to the credits, not a credit of its own
        "It runs 112 min and feels longer, with nothing in it.",
        "HarperCollins, 2001, $26.00, 318 pages",  # a publisher is not an author
    ],
)
def test_institutions_bylines_and_prose_are_not_credits(line):
    assert parse_credits(line) is None


# Forms met on real old review sites (studied, not copied): what each must read as.
MET_ON_OLD_SITES = [
    (
        ["Certificate 15", "running time 1hr 52 mins", "Director Maren Okafor"],
        {"people": ["Maren Okafor"], "running_time": 112, "extras": ["Certificate 15"]},
    ),
    (
        ["Certificate 12", "(running time 2hrs)", "director Tobias Wren"],
        {"people": ["Tobias Wren"], "running_time": 120},
    ),
    (
        ["by Lorna Beckwith, Boston, Meridel 1996, 120 pp. $45.00 hard cover"],
        {"people": ["Lorna Beckwith"], "publisher": "Meridel", "edition": "hard cover"},
    ),
    (
        ["by Anselm Duray", "translated by Ruth Okonkwo, Fenn and Ware, 1983, $11.95"],
        {
            "people": ["Anselm Duray"],
            "translators": ["Ruth Okonkwo"],
            "publisher": "Fenn and Ware",
        },
    ),
    (
        ["Ilse Marrow. Peter Haldane. The Greywater Press, 1998. $48.00, 312pp."],
        {"people": ["Ilse Marrow", "Peter Haldane"], "publisher": "The Greywater Press"},
    ),
    (
        ["Photographs by Agnes Rookwood.", "Santa Fe, NM: Mesa University Press, 1987, 180 pp."],
        {"people": ["Agnes Rookwood"], "publisher": "Mesa University Press"},
    ),
    (
        ["by Esther Mbeki-Lau. Grand Rapids: Hollin. 1997. 230 pages. paper. $15.99"],
        {
            "people": ["Esther Mbeki-Lau"],
            "publisher": "Hollin",
            "extras": ["Grand Rapids", "$15.99"],
        },
    ),
    (
        ["by Joel and Ethan Coen, USA, 1996"],
        {"people": ["Joel Coen", "Ethan Coen"], "countries": ["USA"]},
    ),
]


@pytest.mark.parametrize(("lines", "fields"), MET_ON_OLD_SITES, ids=lambda v: str(v)[:40])
def test_credits_in_forms_met_on_old_sites(lines, fields):
    credits = parse_credits_lines(lines)
    assert credits is not None
    for name, value in fields.items():
        assert getattr(credits, name) == value, name


def test_a_possessive_is_never_a_director():
    """ "Nobody's Fool" over a certificate and a running time is the film's title."""
    credits = parse_credits_lines(["Nobody's Fool", "Certificate 15", "(running time 2hrs)"])
    assert credits is None or "Nobody's Fool" not in credits.people


def test_a_line_of_facts_alone_is_the_review_s_and_not_site_chrome():
    from legacy.parsing.credits import only_facts

    assert only_facts("Certificate PG")
    assert only_facts("running time 1hr 27 mins")
    assert only_facts("(running time 2hrs)")
    assert not only_facts("Back to the films")
    assert not only_facts("1997")
