"""A page is named by the headline it prints when its <title> names something else: a
<title> two pages print over two different headlines (a section's name, or a <title>
copied with the file), a heading of the page's own under a section's heading every page
prints, and an <h2> headline under a column of short lines (a digest's
dates) that fills the top of the page. A page's own specific <title> still names it
(``tests.sites.circuit_courier``)."""

import functools

from legacy.parsing.accounting import document_account
from tests.legacy.support import parsed_by_path
from tests.sites import circuit_courier


@functools.cache
def parsed():
    site = circuit_courier.build()
    return site, parsed_by_path(site)


def _titles(prefix: str) -> dict[str, tuple[str, str]]:
    site, documents = parsed()
    return {
        path: (documents[path].title, expect["title"])
        for path, expect in site.expected().items()
        if path.startswith(prefix) and "title" in expect
    }


def test_a_title_two_pages_print_over_different_headlines_names_neither():
    titles = _titles("reports/") | _titles("interviews/")
    assert len(titles) == 8
    assert {path: got for path, (got, want) in titles.items() if got != want} == {}


def test_a_heading_the_site_prints_on_many_pages_names_none_of_them():
    titles = _titles("columns/")
    assert len(titles) == 6
    assert {path: got for path, (got, want) in titles.items() if got != want} == {}


def test_a_digest_under_a_column_of_dates_is_named_by_its_first_headline():
    titles = _titles("news/")
    assert len(titles) == 5
    assert {path: got for path, (got, want) in titles.items() if got != want} == {}


def test_a_pages_own_title_still_names_it_over_the_headings_in_its_text():
    titles = _titles("shows/") | _titles("about")
    assert len(titles) == 5
    assert {path: got for path, (got, want) in titles.items() if got != want} == {}


def test_the_whole_site_is_read_without_losing_a_word():
    site, documents = parsed()
    assert len(site.pages) >= 25
    lost = {path: document_account(d).lost for path, d in documents.items()}
    assert {path: n for path, n in lost.items() if n} == {}
