"""The pure query and excerpt rules: no database."""

import pytest

from search.query import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    clean_query,
    excerpt,
    highlight,
    highlighted_excerpt,
    parse_query,
    stream_text,
    words,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("  Ikiru  ", "Ikiru"),
        ("Ik\x00iru", "Ikiru"),
        ("seven\tsamurai\n", "seven samurai"),
        ("a\u200bb", "ab"),  # zero-width space is a format character
    ],
)
def test_clean_query(raw, expected):
    assert clean_query(raw) == expected


def test_clean_query_caps_length_on_a_word_break():
    cleaned = clean_query("kurosawa " * 100)
    assert len(cleaned) <= MAX_QUERY_LENGTH
    assert cleaned.endswith("kurosawa")


def test_words_split_on_punctuation_symbols_and_underscore():
    assert words("Ran! (1985) don't_stop 😀 Ōshima") == [
        "Ran",
        "1985",
        "don",
        "t",
        "stop",
        "Ōshima",
    ]


def test_words_keep_combining_marks_and_right_to_left_scripts():
    assert words("हिन्दी שָׁלוֹם") == ["हिन्दी", "שָׁלוֹם"]


@pytest.mark.parametrize(
    ("raw", "terms", "phrases"),
    [
        ("Ikiru", ("Ikiru",), ()),
        ('"seven samurai" Kurosawa', ("Kurosawa",), ("seven samurai",)),
        ('"unbalanced quote', ("unbalanced", "quote"), ()),
        ('"one" "two words" "tail', ("tail", "one"), ("two words",)),
        ("Kurosawa AND Ozu OR NOT Naruse", ("Kurosawa", "Ozu", "Naruse"), ()),
        ("and or", ("and", "or"), ()),  # lower case: just words
        ("+ikiru -ran", ("ikiru", "ran"), ()),
        ("'; DROP TABLE wagtailcore_page; --", ("DROP", "TABLE", "wagtailcore", "page"), ()),
        ("100% _ %%", ("100",), ()),
        ("?!.,;:()[]{}", (), ()),
        ("😀🎬", (), ()),
        ("Ikiru ikiru IKIRU", ("Ikiru",), ()),
    ],
)
def test_parse_query(raw, terms, phrases):
    parsed = parse_query(raw)
    assert parsed.terms == terms
    assert parsed.phrases == phrases
    assert parsed.is_searchable == bool(terms or phrases)


def test_parse_query_limits_terms():
    assert len(parse_query(" ".join(f"word{n}" for n in range(100))).terms) == MAX_TERMS


def test_highlight_escapes_text_and_query_before_marking():
    html = highlight("<script>alert(1)</script> Ikiru & co", ["script", "<b>", "Ikiru"])
    assert "<script>" not in html
    assert html == (
        "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; "
        "<mark>Ikiru</mark> &amp; co"
    )


def test_highlight_marks_whole_words_from_their_start_case_insensitively():
    assert highlight("Films, filmmaker; refilm", ["film"]) == (
        "<mark>Films</mark>, <mark>filmmaker</mark>; refilm"
    )


def test_highlight_with_no_terms_only_escapes():
    assert highlight('"Tom & Jerry"', []) == "&quot;Tom &amp; Jerry&quot;"


def test_excerpt_centres_on_the_first_match():
    text = "Opening words. " * 40 + "The Ikiru scene. " + "Closing words. " * 40
    snippet = excerpt(text, ["ikiru"], length=100)
    assert "Ikiru" in snippet
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert len(snippet) <= 104


def test_excerpt_without_match_is_the_start():
    assert excerpt("short text", ["absent"]) == "short text"
    assert excerpt("word " * 100, ["absent"], length=20).startswith("word word")


def test_highlighted_excerpt_escapes_markup_in_text():
    assert highlighted_excerpt("<img src=x onerror=alert(1)> Ikiru", ["ikiru"]) == (
        "&lt;img src=x onerror=alert(1)&gt; <mark>Ikiru</mark>"
    )


def test_stream_text_reads_every_text_block_and_skips_settings():
    raw = [
        {"type": "epigraph", "id": "1", "value": {"quote": "Dignity", "attribution": "Stevens"}},
        {"type": "heading", "id": "2", "value": {"text": "Part one", "level": "h2"}},
        {"type": "paragraph", "id": "3", "value": "<p>Body &amp; soul</p>"},
        {"type": "image", "id": "4", "value": {"image": 7, "caption": "A still", "credit": ""}},
        {
            "type": "signature",
            "id": "5",
            "value": {"contributor": 3, "name": "", "dateline": "2011"},
        },
    ]
    assert list(stream_text(raw)) == [
        "Dignity",
        "Stevens",
        "Part one",
        "Body & soul",
        "A still",
        "2011",
    ]
