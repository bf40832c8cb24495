"""Issue 21, finding 3: a feed's HTML-typed fields (RSS <description>, Atom <summary
type="html">) carry escaped text, so no markup from a title, summary or body runs in a
feed reader."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from tests.conftest import make_film_review

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ["/feed/", "/feed/atom/", "/film-reviews/feed/", "/film-reviews/feed/atom/"]
HOSTILE = "Hostile </title><script>alert(1)</script> Review"


def html_fields(path: str, client) -> list[str]:
    """The decoded value of every field a feed reader renders as HTML."""
    root = ET.fromstring(client.get(path).content)
    if root.tag == f"{ATOM}feed":
        return [
            summary.text or ""
            for summary in root.iter(f"{ATOM}summary")
            if summary.get("type") == "html"
        ]
    return [item.findtext("description") or "" for item in root.iter("item")] + [
        root.findtext("./channel/description") or ""
    ]


def has_markup(html: str) -> bool:
    return BeautifulSoup(html, "html.parser").find(True) is not None


@pytest.mark.parametrize(
    "fields",
    [
        {"search_description": HOSTILE},
        {"summary": HOSTILE},
        # Body text escaped in the rich text: the description must not un-escape it.
        {"body": [("paragraph", "<p>Hi &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>")]},
    ],
    ids=["search_description", "summary", "body"],
)
def test_feed_html_fields_hold_no_markup(client, site_tree, fields):
    make_film_review(site_tree.section_for("film"), title=HOSTILE, **fields)
    for path in FEEDS:
        values = html_fields(path, client)
        assert any("alert(1)" in value for value in values), (path, values)
        assert not any(has_markup(value) for value in values), (path, values)
