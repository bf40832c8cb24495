"""Browsing the archive: A–Z, years and decades, directors and authors, countries, reviewers."""

import datetime

import pytest

from reviews.models import Contributor
from tests.conftest import make_article, make_book_review, make_film_review
from tests.reader.conftest import quick_film, soup_of


@pytest.fixture
def films(film_section, contributor):
    return {
        "harbour": quick_film(
            film_section,
            "The Quiet Harbour",
            directors=["Agnès Varda"],
            year=1994,
            countries="France",
            reviewer=contributor,
        ),
        "apple": quick_film(
            film_section,
            "Apple Blossom",
            directors=["Mark Romanek"],
            year=1999,
            countries="Germany/Austria",
        ),
        "eight": quick_film(
            film_section, "8½", directors=["Federico Fellini"], year=1963, countries="Italy"
        ),
        "quartet": quick_film(
            film_section,
            "A Quartet",
            directors=["Mark Romanek"],
            year=2010,
            countries="U.K.",
            date=datetime.date(2012, 1, 1),
        ),
    }


def group_titles(soup) -> dict[str, list[str]]:
    return {
        section.h2.get_text(strip=True): [a.get_text() for a in section.select("li a")]
        for section in soup.select("section.letter-group")
    }


def card_titles(response) -> list[str]:
    return [h.get_text(strip=True) for h in soup_of(response).select(".card__title")]


def test_a_to_z_groups_titles_by_letter_ignoring_articles(client, films):
    soup = soup_of(client.get("/film-reviews/a-z/"))
    assert soup.h1.get_text() == "Film Reviews A–Z"
    assert group_titles(soup) == {
        "#": ["8½"],
        "A": ["Apple Blossom"],
        "Q": ["A Quartet", "The Quiet Harbour"],
    }
    assert soup.select_one('a[href="/film-reviews/the-quiet-harbour/"]')
    letters = soup.select(".letters li")
    assert len(letters) == 27
    assert soup.select_one('.letters a[href="/film-reviews/a-z/q/"]')
    assert not soup.select_one('.letters a[href="/film-reviews/a-z/z/"]')  # no Z titles


def test_a_to_z_one_letter(client, films):
    soup = soup_of(client.get("/film-reviews/a-z/q/"))
    assert group_titles(soup) == {"Q": ["A Quartet", "The Quiet Harbour"]}
    assert soup.select_one('.letters [aria-current="page"]').get_text() == "Q"
    assert group_titles(soup_of(client.get("/film-reviews/a-z/other/"))) == {"#": ["8½"]}
    assert client.get("/film-reviews/a-z/z/").status_code == 404


def test_a_to_z_shows_a_review_as_soon_as_it_is_published_and_drops_it_when_unpublished(
    client, film_section, films
):
    assert client.get("/film-reviews/a-z/z/").status_code == 404  # filed, and kept
    review = make_film_review(film_section, title="Zazie dans le métro", slug="zazie")
    assert group_titles(soup_of(client.get("/film-reviews/a-z/z/"))) == {
        "Z": ["Zazie dans le métro"]
    }
    review.unpublish()
    assert client.get("/film-reviews/a-z/z/").status_code == 404


def test_book_a_to_z_and_no_browsing_for_news(client, site_tree):
    make_book_review(site_tree.section_for("book"), title="The Remains of the Day")
    assert group_titles(soup_of(client.get("/book-reviews/a-z/"))) == {
        "R": ["The Remains of the Day"]
    }
    assert client.get("/news/a-z/").status_code == 404
    assert client.get("/news/years/").status_code == 404


def test_years_index_and_year_and_decade_listings(client, films):
    soup = soup_of(client.get("/film-reviews/years/"))
    decades = [h2.a.get_text() for h2 in soup.select("section h2")]
    assert decades == ["2010s", "1990s", "1960s"]
    assert soup.select_one('a[href="/film-reviews/years/1994/"]')
    assert card_titles(client.get("/film-reviews/years/1994/")) == ["The Quiet Harbour"]
    assert sorted(card_titles(client.get("/film-reviews/decades/1990s/"))) == [
        "Apple Blossom",
        "The Quiet Harbour",
    ]
    assert client.get("/film-reviews/decades/1995s/").status_code == 404


def test_directors_index_and_director_listing(client, films):
    soup = soup_of(client.get("/film-reviews/directors/"))
    assert group_titles(soup) == {
        "F": ["Federico Fellini"],
        "R": ["Mark Romanek"],
        "V": ["Agnès Varda"],
    }
    assert card_titles(client.get("/film-reviews/directors/mark-romanek/")) == [
        "A Quartet",
        "Apple Blossom",
    ]
    response = client.get("/film-reviews/directors/agnes-varda/")
    assert soup_of(response).h1.get_text() == "Films directed by Agnès Varda"
    assert client.get("/film-reviews/directors/nobody/").status_code == 404
    assert client.get("/film-reviews/authors/").status_code == 404


def test_authors_for_books(client, site_tree):
    make_book_review(site_tree.section_for("book"))
    assert card_titles(client.get("/book-reviews/authors/kazuo-ishiguro/")) == [
        "The Remains of the Day"
    ]
    assert client.get("/book-reviews/directors/").status_code == 404
    assert client.get("/book-reviews/countries/").status_code == 404


def test_countries_match_whole_names_between_slashes(client, film_section, films):
    quick_film(film_section, "Germanyland", countries="East Germany", directors=["X"])
    soup = soup_of(client.get("/film-reviews/countries/"))
    names = [name for names in group_titles(soup).values() for name in names]
    assert names == ["Austria", "East Germany", "France", "Germany", "Italy", "U.K."]
    assert card_titles(client.get("/film-reviews/countries/germany/")) == ["Apple Blossom"]
    assert card_titles(client.get("/film-reviews/countries/austria/")) == ["Apple Blossom"]
    assert card_titles(client.get("/film-reviews/countries/uk/")) == ["A Quartet"]
    assert client.get("/film-reviews/countries/atlantis/").status_code == 404


def test_contributor_page_lists_reviews_and_articles(client, site_tree, contributor, films):
    make_article(
        site_tree.section_for("news"),
        title="Festival diary",
        author=contributor,
        date=datetime.date(2015, 1, 1),
    )
    Contributor.objects.create(name="Someone Else")
    response = client.get(f"/contributors/{contributor.slug}/")
    soup = soup_of(response)
    assert soup.h1.get_text() == "Howard Schumann"
    assert card_titles(response) == ["Festival diary", "The Quiet Harbour"]
    assert (
        soup.find("link", rel="canonical")["href"]
        == "http://testserver/contributors/howard-schumann/"
    )
    assert client.get("/contributors/nobody/").status_code == 404


def test_review_links_to_reviewer_and_archive(client, films):
    soup = soup_of(client.get("/film-reviews/the-quiet-harbour/"))
    assert soup.select_one('.byline a[href="/contributors/howard-schumann/"]')
    links = {a.get_text(): a["href"] for a in soup.select(".work-links a")}
    assert links == {
        "More films by Agnès Varda": "/film-reviews/directors/agnes-varda/",
        "More films from France": "/film-reviews/countries/france/",
        "More films from the 1990s": "/film-reviews/decades/1990s/",
    }


def test_section_page_offers_browse_links(client, films):
    soup = soup_of(client.get("/film-reviews/"))
    labels = [a.get_text() for a in soup.select(".browse-nav a")]
    assert labels == ["Latest", "A–Z", "By year", "By director", "By country"]


# Issue 21, finding 9: names in any script get a browse page of their own.
def test_names_in_other_scripts_each_have_their_own_page(client, film_section):
    quick_film(film_section, "悲情城市", directors=["侯孝賢"], countries="台灣")
    quick_film(film_section, "花樣年華", directors=["王家衛"], countries="香港")
    quick_film(film_section, "Stalker", directors=["Андрей Тарковский"], countries="СССР")
    quick_film(film_section, "Mother", directors=["봉준호"], countries="대한민국")
    for index, expected in [
        ("/film-reviews/directors/", {"侯孝賢", "王家衛", "Андрей Тарковский", "봉준호"}),
        ("/film-reviews/countries/", {"台灣", "香港", "СССР", "대한민국"}),
    ]:
        links = {
            a.get_text(strip=True): a["href"]
            for a in soup_of(client.get(index)).select("main li a")
        }
        hrefs = [links[name] for name in expected]
        assert len(set(hrefs)) == len(expected), links  # one page per name
        for href in hrefs:  # each address, as a browser sends it, lists one film only
            assert len(card_titles(client.get(href))) == 1, href
    assert card_titles(client.get("/film-reviews/directors/侯孝賢/")) == ["悲情城市"]
    assert client.get("/film-reviews/directors/unknown/").status_code == 404
