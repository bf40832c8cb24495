"""textkit: the pure text rules the importer and the search share."""

from textkit.markup import html_to_text


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
