"""Where a page prints its credits: over several lines or blocks at the top, or at the end;
and what credits never swallow (an epigraph, a spoiler notice, a site's name)."""

from legacy.parsing.document import Epigraph, Kind, SpoilerNotice
from legacy.parsing.parser import parse_document

PROSE = (
    "The story opens in a small town by the sea, where nothing has happened for years and "
    "everybody is waiting for something to. The writing is plain and exact throughout. "
)


def parse(body: str, path: str = "books/review.htm", title: str = "The Lover"):
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    return parse_document(html.encode(), path)


def test_credits_over_three_lines_of_one_paragraph_become_one_set_of_fields():
    document = parse(
        "<p><b>The Lover</b><br>Marguerite Duras<br>Translated by Barbara Bray<br>"
        f"Pantheon, 1985. 117 pp.</p><p>{PROSE}</p><p>{PROSE}</p>"
    )
    credits = document.credits
    assert document.kind is Kind.BOOK_REVIEW
    assert (credits.people, credits.translators) == (["Marguerite Duras"], ["Barbara Bray"])
    assert (credits.publisher, credits.year, credits.pages) == ("Pantheon", 1985, 117)
    assert "Pantheon" not in " ".join(str(block) for block in document.blocks)


def test_credits_over_two_paragraphs_are_joined():
    document = parse(
        "<h1>The Lover</h1><p><i>Marguerite Duras</i></p><p><i>Pantheon, 1985. 117 pages.</i></p>"
        f"<p>{PROSE}</p><p>{PROSE}</p>"
    )
    assert document.credits.people == ["Marguerite Duras"]
    assert document.credits.publisher == "Pantheon"


def test_credits_at_the_end_of_a_review_are_found():
    document = parse(
        f"<h1>The Future of Money</h1><p>{PROSE}</p><p>{PROSE}</p>"
        "<p>Lietaer, Bernard: 'The Future of Money' Random Century, 2000. ISBN 0-7126-8399-2</p>",
        title="The Future of Money",
    )
    assert document.kind is Kind.BOOK_REVIEW
    assert document.credits.people == ["Bernard Lietaer"]
    assert document.credits.isbn == "0-7126-8399-2"
    assert all("ISBN" not in str(block) for block in document.blocks)


def test_an_about_page_ending_with_the_magazines_own_book_is_not_a_review():
    document = parse(
        f"<h1>About us</h1><p>{PROSE}</p><p>{PROSE}</p>"
        "<p>Our annual: Faber and Faber, 2001. 200 pages.</p>",
        path="about.htm",
        title="About us",
    )
    assert document.credits is None
    assert document.kind is not Kind.BOOK_REVIEW


def test_a_list_of_favourites_ending_with_a_film_and_its_director_is_not_credits():
    document = parse(
        f"<h1>Our favourites</h1><p>{PROSE}</p><p>{PROSE}</p>"
        "<p>Cinema Paradiso (Giuseppe Tornatore, 1988)</p>",
        path="films/favourites.htm",
        title="Our favourites",
    )
    assert document.credits is None


def test_credits_never_swallow_the_epigraph_above_them_or_the_notice_below():
    document = parse(
        "<h1>Rear Window</h1><blockquote><p><i>“The camera is a window that looks both ways.”"
        "</i><br>– a projectionist’s saying</p></blockquote>"
        "<p><i>Directed by Alfred Hitchcock (1954)</i></p><p>Note: Spoiler Alert</p>"
        f"<p>{PROSE}</p><p>{PROSE}</p>",
        path="films/rear.htm",
        title="Rear Window",
    )
    assert document.credits.raw == "Directed by Alfred Hitchcock (1954)"
    assert isinstance(document.blocks[0], Epigraph)
    assert isinstance(document.blocks[1], SpoilerNotice)


def test_a_sites_name_and_founding_year_are_not_credits():
    document = parse(
        f"<p>Reviews A-Z<br>Night Screen<br>est. 1997</p><h1>Vertigo</h1><p>{PROSE}</p>",
        path="films/vertigo.htm",
        title="Vertigo",
    )
    assert document.credits is None


def test_an_unknown_piece_stays_in_the_credits_remainder():
    document = parse(
        f"<h1>Secrets and Lies</h1><p>Mike Leigh. U.K. 1996. Bibliography</p><p>{PROSE}</p>",
        path="films/secrets.htm",
        title="Secrets and Lies",
    )
    assert document.credits.people == ["Mike Leigh"]
    assert document.credits.remainder == ["Bibliography"]


def test_title_by_name_is_a_books_credits_but_a_films_byline():
    book = parse(f"<h1>Bel Canto</h1><p>Bel Canto, by Ann Patchett</p><p>{PROSE}</p>",
                 path="books/bel-canto.htm", title="Bel Canto")  # fmt: skip
    film = parse(f"<h1>Vertigo</h1><p>Vertigo, by Helen Marsh</p><p>{PROSE}</p>",
                 path="films/vertigo.htm", title="Vertigo")  # fmt: skip
    assert book.credits.people == ["Ann Patchett"]
    assert film.credits is None  # the reviewer is never made the director
