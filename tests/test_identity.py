"""textkit.identity: invisible characters and look-alike letters in names (issue 21, #8)."""

import pytest

from textkit.identity import confusable_key, fold, lookalike, strip_format_chars

ABERNATHY = "Ruth Abernathy"
CYRILLIC_A = "Ruth \u0410bernathy"  # CYRILLIC CAPITAL LETTER A
ZERO_WIDTH = "Ruth Aber\u200bnathy"  # ZERO WIDTH SPACE
OVERRIDE = "Ruth Abernathy\u202e"  # RIGHT-TO-LEFT OVERRIDE


@pytest.mark.parametrize(
    "text",
    [
        ZERO_WIDTH,
        OVERRIDE,
        "\u202eRuth Abernathy",
        "Ruth\u2066 Abernathy\u2069",  # isolates
        "Ruth Aber\u00adnathy",  # soft hyphen
        "\ufeffRuth Abernathy",  # byte-order mark
        "Ruth Aber\u200cnathy",  # a non-joiner between Latin letters hides, never joins
        "Ruth Abernathy\U000e0041",  # a tag character
    ],
)
def test_invisible_format_characters_are_stripped(text):
    assert strip_format_chars(text) == ABERNATHY


def test_a_joiner_that_a_script_writes_with_is_kept():
    persian = "می\u200cخواهم"  # "I want": the non-joiner keeps the two words' shapes apart
    assert strip_format_chars(persian) == persian
    assert strip_format_chars("हिन्\u200dदी") == "हिन्\u200dदी"  # Devanagari half-form


def test_text_without_format_characters_is_returned_as_is():
    assert strip_format_chars("侯孝賢") == "侯孝賢"
    assert strip_format_chars(CYRILLIC_A) == CYRILLIC_A  # a letter, not an invisible


def test_names_that_look_the_same_share_a_key():
    keys = {confusable_key(name) for name in (ABERNATHY, CYRILLIC_A, ZERO_WIDTH, OVERRIDE)}
    assert keys == {"ruth abernathy"}
    assert confusable_key("R.P. Nettelhorst") == confusable_key("r. p. nettelhorst")
    assert confusable_key("ADA QUILL") == confusable_key("Ada Quill")  # case folded first
    assert confusable_key("Ruth \u0430bernathy") == confusable_key("ruth abernathy")


def test_names_that_look_different_keep_different_keys():
    assert confusable_key("Ruth Abernathy") != confusable_key("Ruth Abernethy")
    assert confusable_key("侯孝賢") != confusable_key("王家衛")
    assert confusable_key("Émile Ajar") == confusable_key("Emile Ajar")  # accents fold, as before


def test_lookalike_tells_letters_from_spelling():
    assert lookalike(CYRILLIC_A, ABERNATHY)
    assert not lookalike(ZERO_WIDTH, ABERNATHY)  # the same letters once the invisible is gone
    assert not lookalike("R.P. Nettelhorst", "R. P. Nettelhorst")
    assert not lookalike("Ruth Abernethy", ABERNATHY)
    assert fold(OVERRIDE) == fold(ABERNATHY) == "ruth abernathy"
