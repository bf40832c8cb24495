"""text.py: word tokens and block text; accounting.py: where the words went."""

import pytest

from legacy.parsing.accounting import account
from legacy.parsing.chrome import alt_carries_words
from legacy.parsing.document import Epigraph, Heading, Image, Paragraph, Signature, SpoilerNotice
from legacy.parsing.parser import parse_document
from legacy.parsing.ratings import is_rating
from legacy.parsing.text import blocks_text, content_words


def test_content_words_casefold_and_strip_punctuation():
    assert content_words("“Guardians”, she said — it’s CAFÉ time!") == [
        "guardians",
        "she",
        "said",
        "it's",
        "café",
        "time",
    ]


def test_curly_and_straight_apostrophes_are_the_same_word():
    assert content_words("one’s") == content_words("one's")


def test_words_are_matched_as_a_multiset_body_then_fields_then_removed():
    words = account("a a b c d", "a b", "a", ["c", "x"], "")
    assert (words.source, words.kept, words.fields, words.chrome, words.lost) == (5, 2, 1, 1, 1)
    assert words.missing == ["d"] and words.fidelity == 3 / 4
    assert account("", "anything", "", [], "").fidelity == 1.0
    assert account("Same words.", "same, WORDS", "", [], "").fidelity == 1.0


def test_residue_lowers_fidelity_and_lost_words_are_listed_in_order_capped():
    assert account("a b c d", "a b c d", "", [], "c d").fidelity == 0.5
    source = " ".join(f"w{number}" for number in range(50))
    words = account(source, "", "", [], "")
    assert words.fidelity == 0 and words.missing == [f"w{number}" for number in range(20)]


def test_blocks_text_covers_every_block_type():
    blocks = [
        Epigraph("Quote", "Someone"),
        SpoilerNotice("Spoiler Alert", "ending discussed"),
        Heading("Part one"),
        Paragraph('Body <a href="x.htm">link</a>'),
        Image("a.jpg", caption="A caption"),
        Signature("Name", "March 2011"),
    ]
    assert content_words(blocks_text(blocks)) == content_words(
        "Quote Someone Spoiler Alert ending discussed Part one Body link A caption Name March 2011"
    )


@pytest.mark.parametrize(
    "alt", ["8/10", "Amélie Poulain", "Kathy", "Dr. No", "Se7en", "2001: A Space Odyssey"]
)
def test_alt_text_that_carries_words(alt):
    assert alt_carries_words(alt)


@pytest.mark.parametrize(
    "alt", ["", " ", "x", "*", "- -", "img_0231.jpg", "IMG_0231", "DSC01234", "pic3", "1994"]
)
def test_alt_text_that_is_decoration(alt):
    assert not alt_carries_words(alt)


def test_ratings_are_recognised_by_shape_and_their_alt_text_is_kept():
    for rating in ("8/10", "3 out of 5", "****", "★★★½", "B+", "Rating: B"):
        assert is_rating(rating) and alt_carries_words(rating), rating
    for other in ("A", "1997", "of 5", "Home", "***** and more"):
        assert not is_rating(other), other


def test_a_rating_drawn_as_small_stars_inside_a_link_is_not_chrome():
    html = (
        "<html><body><h1>Ran</h1><p>" + "A long and patient film about power. " * 6 + "</p>"
        '<p><a href="ratings.htm"><img src="img/stars4.gif" width="12" height="12" alt="****">'
        "</a></p></body></html>"
    )
    document = parse_document(html.encode(), "films/ran.htm")
    assert Image("img/stars4.gif", "****") in document.blocks
