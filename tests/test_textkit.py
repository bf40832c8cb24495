"""textkit: the pure text rules the importer and the search share."""

import pkgutil

import textkit
from tests.legacy.test_parsing_is_pure import FORBIDDEN, loaded_after_importing
from textkit.markup import html_to_text
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


def test_textkit_imports_no_django():
    found = pkgutil.walk_packages(textkit.__path__, prefix="textkit.")
    names = ["textkit", *(info.name for info in found)]
    assert not loaded_after_importing(names) & set(FORBIDDEN)
