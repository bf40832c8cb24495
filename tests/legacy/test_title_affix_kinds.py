"""Issue 23: a page whose <title> carries the affix of another kind's pages is flagged
"kind to check", on a whole flat-folder magazine whose <title>s say the section
(``tests.sites.section_titles``): the review the site filed among its features keeps its
kind as it reads, flagged with the reason; no other page is flagged."""

import functools

import pytest

from legacy.checks import PageFacts, kind_outlier
from legacy.parsing.document import Kind
from legacy.parsing.site import mistyped_affix
from tests.legacy.support import is_flagged, parsed_by_path
from tests.sites import section_titles


@functools.cache
def parsed():
    site = section_titles.build()
    return site, parsed_by_path(site)


def test_the_review_under_the_features_title_is_flagged_and_keeps_its_kind():
    site, documents = parsed()
    assert len(documents) >= 25
    page = documents[section_titles.MISFILED]
    assert page.kind is Kind.FILM_REVIEW
    assert page.title == "A House of Kites"  # the affix still cut from the title
    assert page.cluster_outlier == (
        "its <title> ends like the site's feature pages: '- The Picture Ledger Feature'"
    )
    assert is_flagged(page)
    facts = PageFacts(
        page.source_path, page.kind.value, "film", cluster_outlier=page.cluster_outlier
    )
    said = kind_outlier(facts)
    assert said == (
        "Its <title> ends like the site's feature pages: '- The Picture Ledger Feature'."
    )


def test_no_other_page_is_flagged_and_each_reads_as_its_section():
    site, documents = parsed()
    flagged = {path for path, document in documents.items() if is_flagged(document)}
    assert flagged == {path for path, e in site.expected().items() if e.get("flagged")}
    for kind in ("film_review", "feature"):
        for path in site.of_kind(kind):
            assert documents[path].kind.value == kind, path


def test_every_title_is_its_headline_the_affix_cut_even_where_it_was_mistyped():
    site, documents = parsed()
    articles = site.of_kind("film_review") + site.of_kind("feature")
    for path in articles:
        assert documents[path].title == site.pages[path].title, path
    mistyped = [p for p in articles if site.pages[p].head_title]
    assert len(mistyped) == 1


@pytest.mark.parametrize(
    ("title", "affix", "printed"),
    [
        ("Instinct - Nitate Online Review", " - Nitrate Online Review", " - Nitate Online Review"),
        ("Leters from Abroad: Sam Ostrova", "Letters from Abroad: ", "Leters from Abroad: "),
        ("Moths - Another Story Entirely", " - Nitrate Online Review", ""),
        ("Coming Soon - Preview", " - Review", ""),  # too short to tell a typo from a word
    ],
)
def test_an_affix_mistyped_by_a_letter_or_two_is_still_the_affix(title, affix, printed):
    assert mistyped_affix(title, affix) == printed
