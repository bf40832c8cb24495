"""Title choice: the most specific of <title> and the visible headline; the other is kept."""

import pytest

from legacy.parsing.document import Heading, Signature
from legacy.parsing.parser import parse_document
from legacy.parsing.text import block_text, content_words
from legacy.parsing.titles import split_byline

from .support import MAGAZINE

BODY = "<p>" + "The film follows three friends through a quiet English boarding school. " * 4
BODY += "</p>"


def parse(path: str, title: str | None, top: str) -> object:
    head = f"<head><title>{title}</title></head>" if title is not None else ""
    html = f"<html>{head}<body>{top}{BODY}</body></html>"
    return parse_document(html.encode(), path, options=MAGAZINE)


def kept_words(document) -> list[str]:
    """Every word the document holds outside its title: blocks and warnings."""
    texts = [block_text(block) for block in document.blocks] + document.warnings
    return content_words(" ".join(texts))


def assert_kept(document, text: str) -> None:
    words = kept_words(document)
    assert all(word in words for word in content_words(text)), (text, document.blocks)


@pytest.mark.parametrize(
    ("path", "title", "h1"),
    [
        ("films/amelie.htm", "films", "Amélie Poulain"),
        ("videostore/amelie.htm", "Video store", "Amélie Poulain"),
        ("books/the_road.htm", "BOOKS", "The Road"),
        ("site/contents.htm", "Contents", "Essays on the Cinema of Jacques Tati"),
    ],
)
def test_generic_title_gives_way_to_the_specific_headline(path, title, h1):
    document = parse(path, title, f"<h1>{h1}</h1>")
    assert document.title == h1
    assert_kept(document, title)
    assert not any(isinstance(block, Heading) and block.text == h1 for block in document.blocks)


def test_specific_title_beats_a_generic_headline_which_stays_in_the_body():
    document = parse("reviews/remains.htm", "The Remains of the Day", "<h1>BOOKS</h1>")
    assert document.title == "The Remains of the Day"
    assert document.blocks[0] == Heading("BOOKS")


@pytest.mark.parametrize(
    "title",
    ["Kino Kiste - Never Let Me Go", "Never Let Me Go | Kino Kiste"],
)
def test_site_name_segment_in_either_order_is_stripped(title):
    document = parse("reviews/never_let_me_go.htm", title, "")
    assert document.title == "Never Let Me Go"


@pytest.mark.parametrize(
    "title",
    ["Kino Kiste - Never Let Me Go", "Never Let Me Go | Kino Kiste"],
)
def test_site_name_segment_is_stripped_when_the_headline_repeats_the_page_part(title):
    document = parse("reviews/review12.htm", title, "<h1>Never Let Me Go</h1>")
    assert document.title == "Never Let Me Go"
    assert not any("Kino" in block_text(block) for block in document.blocks)


def test_review_by_in_the_title_becomes_the_byline():
    document = parse("reviews/nlmg.htm", "Never Let Me Go, Review by Elsa Dorfman", "")
    assert document.title == "Never Let Me Go"
    assert document.blocks[0] == Signature("Elsa Dorfman")


def test_a_review_by_in_the_headline_becomes_the_byline():
    document = parse("reviews/fargo.htm", "Reviews", "<h1>Fargo - A review by Ann Lee</h1>")
    assert document.title == "Fargo"
    assert Signature("Ann Lee") in document.blocks


@pytest.mark.parametrize(
    ("raw", "title", "name"),
    [
        ("Never Let Me Go, Review by Elsa Dorfman", "Never Let Me Go", "Elsa Dorfman"),
        ("Fargo (reviewed by Ann Lee)", "Fargo", "Ann Lee"),
        ("Review by Ann Lee - Fargo", "Fargo", "Ann Lee"),
        ("Reviewed by the Book", "Reviewed by the Book", ""),
        ("Review by Ann Lee", "Review by Ann Lee", ""),
    ],
)
def test_split_byline(raw, title, name):
    assert split_byline(raw) == (title, name)


def test_title_image_alt_when_the_title_is_generic():
    document = parse(
        "reviews/page7.htm", "Reviews", '<img src="images/titles/vertigo.gif" alt="Vertigo">'
    )
    assert document.title == "Vertigo"


def test_no_title_at_all_uses_the_headline_then_the_file_name():
    assert parse("reviews/x.htm", None, "<h1>Never Let Me Go</h1>").title == "Never Let Me Go"
    document = parse("reviews/never_let_me_go.htm", None, "")
    assert document.title == "Never Let Me Go"
    assert "no title found; used the file name" in document.warnings


def test_a_long_headline_is_kept_as_a_block_under_the_title():
    question = (
        "Is it possible for a film made in one country about a war fought in another to say "
        "anything true about either of them without taking a side?"
    )
    document = parse("essays/war_films.htm", "War Films and Truth", f"<h1>{question}</h1>")
    assert document.title == "War Films and Truth"
    assert_kept(document, question)


def test_a_specific_title_not_chosen_opens_the_body():
    document = parse(
        "reviews/r12.htm", "Never Let Me Go", "<h1>Clones in the English countryside</h1>"
    )
    assert document.title == "Clones in the English countryside"
    assert block_text(document.blocks[0]) == "Never Let Me Go"
    assert "never" in content_words(document.content_text)


def test_a_site_and_section_title_not_chosen_is_reported_not_printed():
    document = parse(
        "firma/seite2.htm", "Company GmbH - Leistung", "<h1>Unsere Leistungen im Überblick</h1>"
    )
    assert document.title == "Unsere Leistungen im Überblick"
    assert not any("GmbH" in block_text(block) for block in document.blocks)
    assert_kept(document, "Company GmbH - Leistung")


def test_same_title_and_headline_print_once():
    document = parse("reviews/fargo.htm", "Talking Pictures - Fargo", "<h1>Fargo</h1>")
    assert document.title == "Fargo"
    assert not any(block_text(block) == "Fargo" for block in document.blocks)


def test_an_all_caps_headline_is_used_when_nothing_else_names_the_page():
    document = parse("reviews/x1.htm", "Talking Pictures", "<h1>FARGO</h1>")
    assert document.title == "FARGO"


def test_a_tie_between_the_title_and_the_headline_goes_to_the_headline():
    """Templates set <title>s, authors write headlines: as specific as each other, the
    visible one wins."""
    document = parse("reviews/r12.htm", "The Winter Orchard", "<h1>Orchard in Winter</h1>")
    assert document.title == "Orchard in Winter"
