"""A result's snippet is text from one block, with the searched words marked: never a block's
label run into the next block's prose ("Baltic proverb Spoiler alert This review…"). Each
result says who wrote it and when."""

import datetime

from bs4 import BeautifulSoup

from home.models import StandardPage
from tests.conftest import make_article, make_film_review

BODY = [
    ("epigraph", {"quote": "Every harbour keeps its ghosts.", "attribution": "Baltic proverb"}),
    ("spoiler_notice", {"label": "Spoiler alert", "text": "This review describes the ending."}),
    (
        "paragraph",
        "<p>The keeper climbs the <b>lighthouse</b> stairs each night, counting the ships "
        "that never come back to the bay.</p>",
    ),
]


def first_result(client, query: str):
    soup = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
    return soup.select_one(".search-result")


def test_the_snippet_is_the_matching_block_alone_with_its_words_marked(
    client, site_tree, contributor
):
    make_film_review(site_tree.section_for("film"), title="Winter Light", body=BODY)
    result = first_result(client, "lighthouse")
    excerpt = result.select_one(".excerpt")
    assert [mark.get_text() for mark in excerpt("mark")] == ["lighthouse"]
    text = excerpt.get_text()
    assert text.startswith("The keeper climbs the lighthouse stairs")
    assert "proverb" not in text and "Spoiler" not in text


def test_without_a_matching_block_the_snippet_is_prose_not_a_label(client, site_tree):
    make_film_review(site_tree.section_for("film"), title="Winter Light", body=BODY)
    text = first_result(client, "winter").select_one(".excerpt").get_text()
    assert text.startswith("The keeper climbs")  # the title matched; no block names "winter"


def test_a_result_says_who_reviewed_it_and_when(client, site_tree, contributor):
    make_film_review(
        site_tree.section_for("film"),
        title="Winter Light",
        reviewer=contributor,
        date=datetime.date(2024, 3, 2),
    )
    meta = first_result(client, "winter").select_one(".search-result__meta")
    assert meta.get_text() == "Reviewed by Howard Schumann · 2 March 2024"


def test_an_article_says_who_wrote_it_and_an_unsigned_review_only_when(
    client, site_tree, contributor
):
    make_article(
        site_tree.section_for("news"),
        title="Harbour festival news",
        author=contributor,
        date=datetime.date(2024, 5, 1),
    )
    make_film_review(
        site_tree.section_for("film"), title="Harbour Lights", date=datetime.date(2024, 4, 1)
    )
    soup = BeautifulSoup(client.get("/search/", {"q": "harbour"}).content, "html.parser")
    metas = {
        result.select_one("h2").get_text(): result.select_one(".search-result__meta").get_text()
        for result in soup.select(".search-result")
    }
    assert metas == {
        "Harbour festival news": "By Howard Schumann · 1 May 2024",
        "Harbour Lights": "1 April 2024",
    }


def test_a_page_without_a_date_has_no_meta_line(client, site_tree):
    about = StandardPage(title="About the harbour magazine", slug="about-harbour")
    site_tree.home.add_child(instance=about)
    about.save_revision().publish()
    results = BeautifulSoup(client.get("/search/", {"q": "harbour"}).content, "html.parser")
    (result,) = results.select(".search-result")
    assert result.select_one(".search-result__meta") is None
