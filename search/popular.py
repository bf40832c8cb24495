"""Counting searches, and the public "Popular searches" list made from the counts.

Counting never costs a reader their page: the view only notes what to count
(:func:`search_to_count`, no database work) and :class:`CountedSearchResponse` writes it in
:meth:`~CountedSearchResponse.close`, which the WSGI server calls after it has sent the page.
The write is one short transaction of its own; if it fails (SQLite busy past its timeout, a
database restart) the search goes uncounted and a warning is logged. Why not a counter in
Redis flushed by a command: SQLite sites run without Redis, and a flush needs a scheduler
that can silently stop; why not a thread: one lost with its process loses counts unlogged.

The public list is moderated twice over: a term counts only when it found results, each
reader (a keyed hash of their address, never the address) counts once a day, a term needs
``POPULAR_MIN_CLIENTS`` readers on ``POPULAR_MIN_DAYS`` different days within the last
``POPULAR_WINDOW_DAYS``, and editors can hide any term (Settings → Popular search terms).
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from wagtail.contrib.search_promotions.models import Query

from ops.security import client_ip
from search.models import SearchTerm, SearchTermClient
from search.query import ParsedQuery, log_key

logger = logging.getLogger(__name__)

POPULAR_SEARCHES = 6
POPULAR_MIN_CLIENTS = 3
POPULAR_MIN_DAYS = 2
POPULAR_WINDOW_DAYS = 30  # readers counted this long, then their rows are deleted
CLIENT_KEY_SALT = "search.popular.client"


@dataclass(frozen=True)
class SearchToCount:
    query_string: str
    found: bool
    client: str
    day: datetime.date


def client_key(request: HttpRequest) -> str:
    """The reader's address as a keyed hash (SECRET_KEY): distinct, but not reversible."""
    return salted_hmac(CLIENT_KEY_SALT, client_ip(request), algorithm="sha256").hexdigest()[:32]


def search_to_count(
    request: HttpRequest, parsed: ParsedQuery, found: bool, page_number: str | None
) -> SearchToCount | None:
    """What to count for this request: a GET of a search's first page (later pages are the
    same search; a HEAD is a robot's check, not a search)."""
    if request.method != "GET" or not parsed.is_searchable or page_number not in (None, "", "1"):
        return None
    return SearchToCount(log_key(parsed.text), found, client_key(request), timezone.localdate())


def count_search(search: SearchToCount) -> bool:
    """Count one search: the editors' Search terms report, and, if it found something, the
    reader for the Popular searches list. Never raises; False if the count was lost."""
    key = log_key(search.query_string)
    try:
        with transaction.atomic():
            Query.get(key).add_hit(date=search.day)
            if search.found:
                term, _ = SearchTerm.objects.get_or_create(query_string=key)
                SearchTermClient.objects.bulk_create(
                    [SearchTermClient(term=term, client=search.client, day=search.day)],
                    ignore_conflicts=True,  # already counted today
                )
                forget_before = search.day - datetime.timedelta(days=POPULAR_WINDOW_DAYS)
                SearchTermClient.objects.filter(day__lt=forget_before).delete()
    except Exception:
        # A statistic, written after the reader has the page: losing it is logged, not raised.
        logger.warning("Search %r not counted", key, exc_info=True)
        return False
    return True


class CountedSearchResponse(TemplateResponse):
    """A results page that counts its search once it has been sent (see the module's doc)."""

    search: SearchToCount | None = None

    def close(self) -> None:
        try:
            if self.search is not None:
                count_search(self.search)
        finally:
            super().close()


def popular_searches(
    limit: int = POPULAR_SEARCHES, today: datetime.date | None = None
) -> list[str]:
    """Unhidden terms that found results for enough distinct readers on enough days."""
    since = (today or timezone.localdate()) - datetime.timedelta(days=POPULAR_WINDOW_DAYS)
    terms = (
        SearchTerm.objects.filter(hidden=False, clients__day__gte=since)
        .annotate(
            readers=Count("clients__client", distinct=True),
            days=Count("clients__day", distinct=True),
        )
        .filter(readers__gte=POPULAR_MIN_CLIENTS, days__gte=POPULAR_MIN_DAYS)
        .order_by("-readers", "query_string")
    )
    return list(terms.values_list("query_string", flat=True)[:limit])
