"""The public "Popular searches" list (shown when a search finds nothing) cannot be written by
one visitor: a term needs results, distinct readers and more than one day, and editors can hide
it. Earlier days are counted through count_search, the call the view makes after each search.
"""

import datetime
import logging

from django.db import connection
from django.test import Client
from django.utils import timezone

import pytest

from search.models import SearchTerm, SearchTermClient
from search.popular import SearchToCount, count_search
from tests.editorial.conftest import logged_in, make_member

pytestmark = pytest.mark.django_db

SEARCH = "/search/"
NOTHING = {"q": "Kurosawa", "kind": "book"}  # no book by Kurosawa: the list is shown


def search_from(address: str, **params) -> None:
    response = Client(REMOTE_ADDR=address).get(SEARCH, params)
    assert response.status_code == 200


def popular_list() -> list[str]:
    response = Client(REMOTE_ADDR="192.0.2.250").get(SEARCH, NOTHING)
    assert "Nothing found" in response.content.decode()
    return response.context["popular_searches"]


def counted_earlier(query: str, reader: str, days_ago: int) -> None:
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    assert count_search(SearchToCount(query, found=True, client=reader, day=day))


def popular_by_three_readers(query: str) -> None:
    """Two readers on earlier days, a third one today through the search page."""
    counted_earlier(query, "reader-one", days_ago=2)
    counted_earlier(query, "reader-two", days_ago=1)
    search_from("192.0.2.3", q=query)


def test_a_term_searched_again_and_again_by_one_reader_never_appears(library):
    for _ in range(5):
        search_from("192.0.2.1", q="Ikiru")
    assert popular_list() == []
    # Counted once for the day, and under a keyed hash, never the address itself.
    (row,) = SearchTermClient.objects.filter(term__query_string="ikiru")
    assert "192.0.2.1" not in row.client and len(row.client) == 32


def test_a_term_that_found_nothing_never_appears(library):
    for reader in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        search_from(reader, q="buy cheap pills")
    assert not SearchTerm.objects.filter(query_string="buy cheap pills").exists()
    assert popular_list() == []


def test_three_readers_on_different_days_make_a_term_appear(library):
    popular_by_three_readers("Ikiru")
    assert popular_list() == ["ikiru"]


def test_three_readers_in_one_day_are_not_enough(library):
    for reader in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        search_from(reader, q="Ikiru")
    assert popular_list() == []


def test_an_editor_hides_a_term_and_it_disappears(library, django_user_model):
    popular_by_three_readers("Ikiru")
    assert popular_list() == ["ikiru"]
    editor = logged_in(make_member(django_user_model, "edith", "Editors"))
    listing = editor.get("/admin/popular_search_terms/")
    assert listing.status_code == 200 and "ikiru" in listing.content.decode()
    term = SearchTerm.objects.get(query_string="ikiru")
    edit = f"/admin/popular_search_terms/edit/{term.pk}/"
    response = editor.post(edit, {"query_string": "ikiru", "hidden": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert popular_list() == []


def test_contributors_cannot_open_the_terms(library, django_user_model):
    contributor = logged_in(make_member(django_user_model, "carla", "Contributors"))
    assert contributor.get("/admin/popular_search_terms/").status_code in (302, 403)


def test_a_term_an_editor_hid_in_advance_never_appears(library, django_user_model):
    editor = logged_in(make_member(django_user_model, "edith", "Editors"))
    response = editor.post(
        "/admin/popular_search_terms/new/", {"query_string": " IKIRU ", "hidden": "on"}
    )
    assert response.status_code == 302
    popular_by_three_readers("Ikiru")
    assert popular_list() == []


def test_a_count_that_cannot_be_written_costs_the_reader_nothing(library, caplog):
    """The counts' table is gone (as a database error would make any write fail): the
    search still answers 200, and the lost count is logged."""
    table = connection.ops.quote_name(SearchTermClient._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {table}")  # undone with the test's transaction
    with caplog.at_level(logging.WARNING, logger="search.popular"):
        search_from("192.0.2.1", q="Ikiru")
    assert "not counted" in caplog.text
