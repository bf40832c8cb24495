"""The five sample pages shipped with the brief: obvious facts only."""

import datetime

import pytest

from legacy.parsing.accounting import document_account
from legacy.parsing.document import Epigraph, Heading, Kind, Signature, SpoilerNotice
from legacy.parsing.parser import parse_document
from legacy.parsing.text import blocks_text

from .support import MOJIBAKE, SHARED_SAMPLES, all_output_text, block_types, paragraphs

SITE = SHARED_SAMPLES / "site"
pytestmark = pytest.mark.skipif(not SITE.is_dir(), reason=f"{SITE} is not present")


def parse_sample(relative_path: str):
    return parse_document((SITE / relative_path).read_bytes(), relative_path)


def test_never_let_me_go_film_review():
    document = parse_sample("reviews/neverletmego.htm")
    assert document.kind is Kind.FILM_REVIEW
    assert document.title == "Never Let Me Go"
    assert document.credits.people == ["Mark Romanek"]
    assert document.credits.countries == ["U.K."]
    assert document.credits.year == 2010
    epigraph = next(block for block in document.blocks if isinstance(block, Epigraph))
    assert epigraph.attribution == "Author Unknown"
    assert epigraph.quote.startswith("Love is a symbol of eternity")
    assert epigraph.quote.endswith("all fear of an end")
    assert SpoilerNotice("Spoiler Alert") in document.blocks
    assert len(paragraphs(document)) == 5
    assert "supported by “guardians”" in paragraphs(document)[1].html
    assert document.blocks[-1] == Signature("Howard Schumann")
    assert block_types(document.blocks)[:3] == ["Image", "Epigraph", "SpoilerNotice"]
    text = blocks_text(document.blocks) + document.content_text
    for chrome in ("FreeFind", "Search this site", "About Us", "Talking Pictures alias"):
        assert chrome not in text


def test_remains_of_the_day_book_review():
    document = parse_sample("books/remainsoftheday.htm")
    assert document.kind is Kind.BOOK_REVIEW
    assert document.title == "The Remains of the Day"
    credits = document.credits
    assert (credits.people, credits.publisher, credits.year, credits.pages) == (
        ["Kazuo Ishiguro"],
        "Faber and Faber",
        1989,
        245,
    )
    assert document.blocks[0] == Epigraph(
        "What is the point in worrying oneself too much about what one could or could not"
        " have done to control the course one’s life took?",
        "Stevens, the butler",
    )
    assert document.blocks[1] == SpoilerNotice(
        "SPOILER WARNING", "this review discusses the ending."
    )
    assert len(paragraphs(document)) == 4
    assert "a café conversation" in paragraphs(document)[2].html
    assert document.blocks[-1] == Signature("Howard Schumann", "March 2011")
    assert document.published == datetime.date(2011, 3, 1)
    assert "All rights reserved" not in document.content_text


def test_news_page_has_three_dated_items():
    document = parse_sample("news.htm")
    assert document.kind is Kind.NEWS
    dates = [block.text for block in document.blocks if isinstance(block, Heading)]
    assert dates == ["12 November 2010", "3 October 2010", "18 September 2010"]
    assert document.published == datetime.date(2010, 11, 12)
    assert len(paragraphs(document)) == 3
    assert "over the decade — keep the letters coming." in paragraphs(document)[2].html


def test_about_us_is_a_plain_page():
    document = parse_sample("aboutus.htm")
    assert document.kind is Kind.PAGE
    assert document.title == "About Us"
    assert len(paragraphs(document)) == 2
    assert "About Us" not in blocks_text(document.blocks)


def test_film_reviews_index_is_a_listing():
    document = parse_sample("filmreviews.htm")
    assert document.kind is Kind.LISTING
    assert "reviews/neverletmego.htm" in document.links
    assert "index.htm" not in document.links  # nav links are chrome


@pytest.mark.parametrize(
    "relative_path",
    [
        "reviews/neverletmego.htm",
        "books/remainsoftheday.htm",
        "news.htm",
        "aboutus.htm",
        "filmreviews.htm",
    ],  # fmt: skip
)
def test_samples_are_clean_and_complete(relative_path):
    document = parse_sample(relative_path)
    assert not MOJIBAKE.search(all_output_text(document))
    words = document_account(document)
    assert words.lost == 0 and words.fidelity >= 0.98, words.missing
    assert document.leftovers == []
