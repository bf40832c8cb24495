"""Where each word of an old page went, checked against counts made by hand: the words a
browser paints, and which of them the page keeps in its body, in its fields, or removes.
(``source == kept + fields + chrome + lost`` holds by construction; these numbers do not.)"""

from legacy.parsing.accounting import account, document_account
from legacy.parsing.parser import parse_document, parse_site

REVIEW = """<html><head><title>Quiet Harbour</title>
<script>var hidden = "no words of a script count";</script>
<style>p { color: red }</style></head><body>
<p><a href="index.htm">Home</a> | <a href="news.htm">News</a></p>
<h1>Quiet Harbour</h1>
<p>Directed by Ann Bell. U.K. 2001.</p>
<!-- an editor's note nobody saw -->
<p>A fishing town waits all winter for a boat that does not come back, and the film waits
with it, patiently.</p>
<p style="display:none">Invisible words were never painted.</p>
<p align="right"><b>Reviewed by Ada Quill</b></p>
</body></html>"""
# Painted words, counted by hand:
#   nav bar "Home News" 2; headline "Quiet Harbour" 2; credits "Directed by Ann Bell U.K.
#   2001" 7 ("U.K." is "u" and "k"); the paragraph 21; the signature line 4.
NAV, HEADLINE, CREDITS, PARAGRAPH, SIGNATURE = 2, 2, 7, 21, 4


def test_a_review_page_is_accounted_word_by_word():
    words = document_account(parse_document(REVIEW.encode(), "reviews/harbour.htm"))
    assert words.source == NAV + HEADLINE + CREDITS + PARAGRAPH + SIGNATURE
    assert words.kept == PARAGRAPH + 2  # the body, and the signature's name "Ada Quill"
    assert words.fields == HEADLINE + CREDITS  # the title and the credits fields
    assert words.chrome == NAV + 2  # the nav bar, and the label "Reviewed by"
    assert words.lost == 0


def test_words_in_no_block_field_or_removal_are_lost_and_named():
    words = account(
        source_text="Alpha beta gamma. Delta epsilon!",
        kept_text="alpha BETA",
        field_text="Gamma",
        removed_texts=["delta", "not in the source at all"],
        residue_text="",
    )
    assert (words.source, words.kept, words.fields, words.chrome, words.lost) == (5, 2, 1, 1, 1)
    assert words.missing == ["epsilon"]


def test_each_source_word_is_matched_once_and_kept_before_fields_before_chrome():
    words = account(
        source_text="the the the film",
        kept_text="the film film film",  # a word kept twice counts once per source copy
        field_text="the",
        removed_texts=["the", "the"],
        residue_text="",
    )
    assert (words.kept, words.fields, words.chrome, words.lost) == (2, 1, 1, 0)


def test_removed_words_never_count_as_kept():
    words = account("Home News Reviews good film", "good film", "", ["Home News Reviews"], "")
    assert (words.kept, words.chrome) == (2, 3)
    assert words.fidelity == 1.0


def test_residue_lowers_fidelity_by_its_kept_words():
    words = account("one two three four", "one two three four", "", [], "three four")
    assert words.fidelity == 0.5


def test_site_chrome_is_counted_as_chrome_on_every_page_of_the_site():
    footer = '<p><a href="a.htm">Archive</a> | <a href="b.htm">Letters</a> | Write to us</p>'
    body = "<p>{} is a page of its own with words that only it prints, long enough.</p>"
    pages = [
        (f"<html><body>{body.format(name)}{footer}</body></html>".encode(), f"{name}.htm")
        for name in ("Alpha", "Beta", "Gamma")
    ]
    for document in parse_site(pages):
        words = document_account(document)
        assert words.chrome == 5, document.removed  # "Archive Letters Write to us"
        assert words.kept == 15 and words.lost == 0
