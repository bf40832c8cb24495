"""textkit: the pure text rules the importer and the search share."""

import pkgutil
import re

from hypothesis import given
from hypothesis import strategies as st

import textkit
from tests.legacy.test_parsing_is_pure import FORBIDDEN, loaded_after_importing
from textkit.markup import html_to_text, normalise_space
from textkit.shorten import ELLIPSIS, shorten_at_word
from textkit.slugs import numbered_slug


def test_html_to_text():
    assert html_to_text("<b>One</b> &amp; <i>two</i><br/>three<script>x()</script>") == (
        "One & two\nthree"
    )


def test_html_to_text_on_one_line_for_search():
    assert html_to_text("<p>Tom &amp; <i>Jerry</i></p><p>again</p>", line_break=" ") == (
        "Tom & Jerry again"
    )


def test_plain_text_needs_no_parser():
    assert html_to_text("  One\u00a0two \n\n three ") == "One two\nthree"


def test_numbered_slug_takes_the_first_free_number():
    assert numbered_slug("anne-roy", set()) == "anne-roy"
    assert numbered_slug("anne-roy", {"anne-roy"}) == "anne-roy-2"
    assert numbered_slug("anne-roy", {"anne-roy", "anne-roy-2", "anne-roy-4"}) == "anne-roy-3"


def test_shorten_at_word_keeps_text_that_fits():
    assert shorten_at_word("Delta Night", 11) == "Delta Night"


def test_shorten_at_word_cuts_before_the_word_that_does_not_fit():
    assert shorten_at_word("The long night of the lamp", 16) == "The long night…"
    assert shorten_at_word("The long night, of it", 16) == "The long night,…"
    assert shorten_at_word("One  two   three", 10) == "One  two…"


def test_shorten_at_word_cuts_a_single_long_word_hard():
    assert shorten_at_word("Supercalifragilistic rest", 10) == "Supercali…"
    assert shorten_at_word("x" * 300, 255) == "x" * 254 + ELLIPSIS


@given(st.text(alphabet=st.sampled_from("ab é\n\t.,"), max_size=80), st.integers(1, 40))
def test_shorten_at_word_fits_and_is_a_prefix_ending_at_a_word(text, limit):
    result = shorten_at_word(text, limit)
    assert len(result) <= limit
    if len(text) <= limit:
        assert result == text
        return
    head = result.removesuffix(ELLIPSIS)
    assert result.endswith(ELLIPSIS) and text.startswith(head)
    cut_at_word = bool(head) and text[len(head)].isspace() and not head[-1].isspace()
    first_word_too_long = len(head) == limit - 1 and len(text[:limit].split()) <= 1
    assert cut_at_word or first_word_too_long


def test_textkit_imports_no_django():
    found = pkgutil.walk_packages(textkit.__path__, prefix="textkit.")
    names = ["textkit", *(info.name for info in found)]
    assert not loaded_after_importing(names) & set(FORBIDDEN)


def test_name_slugs_are_distinct_per_name_in_any_script():
    from textkit.slugs import name_slug

    assert name_slug("Agnès Varda") == "agnes-varda"
    assert name_slug("侯孝賢") == "侯孝賢" and name_slug("Zhang 艺谋") == "zhang-艺谋"
    assert name_slug("Андрей Тарковский") == "андрей-тарковский"  # й stays й
    names = ["侯孝賢", "王家衛", "봉준호", "???", "!!!", "Wong Kar-wai"]
    assert len({name_slug(name) for name in names}) == len(names)


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_normalise_space_collapses_every_kind_of_whitespace(text):
    # the rule as first written, with a regular expression: any faster form must agree
    expected = re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()
    assert normalise_space(text) == expected


def test_normalise_space_knows_no_break_and_wide_spaces():
    assert normalise_space("\u2003One\u00a0\u00a0two\u3000\t three\n") == "One two three"
