"""Property tests: no input, however broken, makes the parser raise or emit mojibake."""

import os
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legacy.parsing.accounting import document_account
from legacy.parsing.document import Kind, LegacyDocument
from legacy.parsing.parser import parse_document, parse_site
from legacy.parsing.text import blocks_text, content_words

from .support import (
    ALLOWED_TAG,
    FIXTURES,
    NEVER_IN_OUTPUT,
    all_output_text,
    fixture_paths,
    paragraphs,
)

# PROPERTY_EXAMPLES=3000 searches harder (used before changing the parser's removals).
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", 100))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TAGS = ["p", "P", "br", "BR", "font", "b", "i", "a", "div", "td", "tr", "table", "h1", "h2",
        "blockquote", "center", "span", "o:p", "st1:place", "script", "style", "img", "form",
        "iframe", "title", "html", "body", "head", "meta", "hr", "li", "ul", "![if !vml]",
        "!--", "![endif]"]  # fmt: skip
ATTRIBUTES = ['', ' align=right', ' href="x.htm"', " href=javascript:alert(1)", ' src="a.jpg"',
              ' color="#FF0000"', " style='mso-hide:all'", ' onerror="x()"',
              ' charset="iso-8859-1"', ' alt="Talking Pictures"', " class=MsoNormal"]  # fmt: skip
SNIPPETS = ["Mark Romanek. U.K. 2010.", "“Quote”", "– Author", "Note: Spoiler Alert",
            "March 2011", "Home | News", "&nbsp;", "&#146;", "&eacute;", "\x93\x94"]  # fmt: skip
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40
) | st.sampled_from(SNIPPETS)


@st.composite
def tag_soup(draw) -> str:
    pieces = []
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(st.sampled_from(TAGS))
        closing = "/" if draw(st.booleans()) else ""
        attributes = "" if closing else draw(st.sampled_from(ATTRIBUTES))
        pieces.append(f"<{closing}{tag}{attributes}>")
        pieces.append(draw(TEXT))
    return "".join(pieces)


def assert_sane(document: LegacyDocument) -> None:
    assert isinstance(document, LegacyDocument)
    assert isinstance(document.title, str) and document.title
    assert isinstance(document.kind, Kind)
    assert not any(warning.startswith("internal parser error") for warning in document.warnings)
    assert not NEVER_IN_OUTPUT.search(all_output_text(document))
    for paragraph in paragraphs(document):
        assert ALLOWED_TAG.sub("", paragraph.html).count("<") == 0, paragraph.html


@FAST
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    assert_sane(parse_document(data, "reviews/random.htm"))


@FAST
@given(TEXT, st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_random_text_in_any_encoding(text, codec):
    assert_sane(parse_document(text.encode(codec, errors="replace"), "x.htm"))


@FAST
@given(tag_soup(), st.sampled_from(["utf-8", "cp1252"]))
def test_random_tag_soup(html, codec):
    assert_sane(parse_document(html.encode(codec, errors="replace"), "books/soup.htm"))


@FAST
@given(st.sampled_from(fixture_paths()), st.floats(0, 1))
def test_truncated_fixtures(path, fraction):
    data = (FIXTURES / path).read_bytes()
    assert_sane(parse_document(data[: int(len(data) * fraction)], path))


def test_deeply_nested_markup():
    words = "Deep words at the bottom of a very badly nested page, still content. "
    html = "<div><font><span>" * 2000 + words * 2 + "</span></font></div>" * 2000
    document = parse_document(html.encode(), "deep.htm")
    assert_sane(document)
    assert document.content_text == (words * 2).strip()


def assert_accounted(document: LegacyDocument) -> None:
    """Every visible word of the source is in a block, a field or the removed list, and
    each bucket is what a multiset count made apart from ``accounting`` says it is."""
    words = document_account(document)
    source = Counter(content_words(document.source_text))
    kept = source & Counter(content_words(blocks_text(document.blocks)))
    # a slot's words taken into a field ("Posted 8 May 1999") count with the fields
    held = [entry.text for entry in document.removed if entry.slot == "held"]
    fields = (source - kept) & Counter(content_words("\n".join([document.field_text, *held])))
    removed = Counter(
        w for entry in document.removed if not entry.slot for w in content_words(entry.text)
    )
    chrome = (source - kept - fields) & removed
    counted = (source.total(), kept.total(), fields.total(), chrome.total())
    assert (words.source, words.kept, words.fields, words.chrome) == counted
    assert words.lost == 0, (words.missing, document.source_text, document.removed)


@FAST
@given(tag_soup())
def test_no_word_of_any_page_is_lost_silently(html):
    assert_accounted(parse_document(html.encode("utf-8"), "reviews/soup.htm"))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(tag_soup(), min_size=3, max_size=4), tag_soup())
def test_no_word_is_lost_when_pages_share_a_template(bodies, template):
    """The site pass removes what recurs; it still never loses a word without a reason."""
    pages = [
        (f"{template}{body}{template}".encode(), f"films/p{n}.htm")
        for n, body in enumerate(bodies)
    ]
    for document in parse_site(pages):
        assert_accounted(document)
