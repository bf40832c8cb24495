"""A price printed after its label ("Suggested Retail Price US$ 49.95", "Empfohlener
Verkaufspreis DM 79,00") on a whole news site (``tests.sites.press_desk``) is no film's
credits: the label is the price's, not a director's name, and the line stays in the text.
The site's real film credits are still read."""

import functools

from tests.legacy.support import parsed_by_path
from tests.sites import press_desk


@functools.cache
def parsed():
    site = press_desk.build()
    return site, parsed_by_path(site)


def test_a_price_and_its_label_name_no_director():
    site, documents = parsed()
    expected = {path: e for path, e in site.expected().items() if "directors" in e}
    assert len(site.pages) >= 25
    people = {
        path: documents[path].credits.people if documents[path].credits else []
        for path in expected
    }
    assert people == {path: e["directors"] for path, e in expected.items()}


def test_the_price_line_stays_in_the_release():
    site, documents = parsed()
    for path, expect in site.expected().items():
        if "price" not in expect:
            continue
        text = " ".join(getattr(block, "html", "") for block in documents[path].blocks)
        assert expect["price"].split()[0] in text, path
