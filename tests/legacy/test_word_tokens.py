"""Word tokens (``text.content_words``) and character clean-up (``encoding.clean_chars``):
the fast paths give what the plain rules give, on any text."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from legacy.parsing.encoding import _CHAR_FIXES, clean_chars
from legacy.parsing.text import _WORD, content_words


def _words_one_by_one(text: str) -> list[str]:
    normalised = unicodedata.normalize("NFKC", text).replace("’", "'")
    return [word.casefold() for word in _WORD.findall(normalised)]


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_words_are_casefolded_one_by_one(text):
    assert content_words(text) == _words_one_by_one(text)


def test_casefolding_never_splits_a_word():
    # "İ" casefolds to "i" and a combining dot, which is no word character: folding the
    # whole text first would cut "İstanbul" in two
    assert content_words("İstanbul, Straße and DON’T") == ["i̇stanbul", "strasse", "and", "don't"]


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_clean_chars_maps_what_needs_mapping(text):
    assert clean_chars(text) == text.translate(_CHAR_FIXES)


def test_clean_chars_reads_c1_quotes_as_windows_1252():
    assert clean_chars("don\x92t\x00 stop\ufffd") == "don’t stop"
