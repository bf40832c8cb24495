"""Issue 21, finding 10: simultaneous wrong guesses at a page password are counted one by one.

32 guesses at once from one address against a live server (a thread per request, each with
its own database connection): only the limit's worth may reach the password check.
"""

import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from django.test import override_settings

from wagtail.models import PageViewRestriction

import pytest

from editorial.models import PagePasswordFailures
from tests.conftest import make_film_review

LIMIT = 5
GUESSES = 32


def open_url(request: urllib.request.Request) -> tuple[int, str]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    for _ in range(20):
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except (ConnectionError, urllib.error.URLError):
            # The test server's listen queue is short: a refused connection never reached
            # the view, so it is simply made again.
            time.sleep(0.05)
    raise AssertionError("the live server did not answer")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(PAGE_PASSWORD_FAILURE_LIMIT=LIMIT)
def test_simultaneous_wrong_guesses_cannot_pass_the_limit(live_server, site_tree):
    review = make_film_review(site_tree.sections["film"], title="Ikiru")
    restriction = PageViewRestriction.objects.create(
        page=review, restriction_type=PageViewRestriction.PASSWORD, password="members-only"
    )
    # The password form, as a reader's browser gets it: its CSRF cookie and token.
    form_url = f"{live_server.url}{review.url}"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        response = opener.open(form_url, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    cookie = response.headers["Set-Cookie"].split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode())
    action = f"{live_server.url}/_util/authenticate_with_password/{restriction.pk}/{review.pk}/"
    start = threading.Barrier(GUESSES)

    def guess(number: int) -> int:
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token.group(1),
                "password": f"guess-{number}",
                "return_url": review.url,
            }
        ).encode()
        headers = {"Cookie": cookie, "Referer": form_url}
        start.wait()
        return open_url(urllib.request.Request(action, data=data, headers=headers))[0]

    with ThreadPoolExecutor(GUESSES) as pool:
        statuses = list(pool.map(guess, range(GUESSES)))

    # A checked wrong guess shows the form again (200), the one reaching the limit and every
    # later one are refused (429): LIMIT checked in all.
    assert sorted(statuses) == [200] * (LIMIT - 1) + [429] * (GUESSES - LIMIT + 1)
    row = PagePasswordFailures.objects.get(restriction=restriction)
    assert row.failures == LIMIT
