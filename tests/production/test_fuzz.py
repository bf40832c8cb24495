"""A bounded fuzz of the public site (issue 21): no request a stranger can make answers 5xx.

Every public route is crossed with every kind of hostile input (NUL bytes, overlong names,
non-UTF-8 percent-escapes, huge numbers, odd methods, malformed cookies and headers), and a
fixed-seed sample of those cases is sent through the production middleware to the real
database, the one CI runs on (SQLite, then PostgreSQL, whose refusals were the 500s). The
seed keeps a failure reproducible; FUZZ_SEED and FUZZ_CASES run another or a larger sample.
"""

import os
import random
from dataclasses import dataclass, field

from django.test import Client, override_settings

import pytest

from tests.conftest import make_film_review

pytestmark = pytest.mark.django_db

SEED = int(os.environ.get("FUZZ_SEED", "2112"))
CASES = int(os.environ.get("FUZZ_CASES", "500"))
LONG = "x" * 300
HUGE = "9" * 40

# Each route with a {} where an argument goes; its sensible value is the first of ARGUMENTS.
ROUTES = [
    "/{}",
    "/film-reviews/{}/",
    "/film-reviews/?page={}",
    "/film-reviews/a-z/{}/",
    "/film-reviews/years/{}/",
    "/film-reviews/decades/{}s/",
    "/film-reviews/directors/{}/",
    "/film-reviews/countries/{}/",
    "/film-reviews/feed/?{}",
    "/feed/atom/?{}",
    "/contributors/{}/",
    "/contributors/howard-schumann/?page={}",
    "/search/?q={}",
    "/search/?q=ikiru&year={}&page={}",
    "/search/?q=ikiru&section={}&kind={}&decade={}&order={}",
    "/search/suggest/?q={}",
    "/sitemap-{}.xml",
    "/sitemap-pages.xml?p={}",
    "/media/{}",
    "/documents/{}/x.pdf",
    "/_util/login/?next={}",
    "/_util/authenticate_with_password/{}/{}/",
    "/admin/login/?next={}",
]
ARGUMENTS = [
    "%00",
    "a%00b",
    LONG,
    "y" * 5000,
    "%FF%FE",
    "%C0%AF",
    "%ED%A0%80",  # a lone surrogate, encoded
    "%E4%BE%AF",  # 侯, well formed
    HUGE,
    "-" + HUGE,
    "1e309",
    "0",
    "-1",
    "..%2F..%2Fetc%2Fpasswd",
    "%25",
    "%",
    "<script>",
]
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]
COOKIES = [
    "",
    "sessionid=" + "\\000" * 12,
    "sessionid=not-a-session-key-at-all",
    "sessionid=" + "a" * 5000,
    "csrftoken=%00",
    'csrftoken="unterminated',
    "=; ;;=x; sessionid",
    "sessionid=\u00e9t\u00e9",
]
HEADERS = [
    {},
    {"Accept-Language": "x" * 500 + ";q=abc"},
    {"If-Modified-Since": "yesterday"},
    {"If-None-Match": '"' + LONG},
    {"Range": "bytes=99999999999999999999-"},
    {"X-Forwarded-For": "not an address, %00"},
    {"Referer": "http://%00/"},
    {"User-Agent": LONG * 10},
    {"Content-Type": "multipart/form-data; boundary="},
    {"Content-Type": "application/x-www-form-urlencoded; charset=no-such-codec"},
    {"Host": "evil.example"},
]


@dataclass
class Case:
    method: str
    url: str
    cookie: str
    headers: dict = field(default_factory=dict)
    body: bytes = b""

    def send(self, client: Client):
        headers = dict(self.headers)
        content_type = headers.pop("Content-Type", "application/x-www-form-urlencoded")
        if self.cookie:
            headers["Cookie"] = self.cookie
        return client.generic(
            self.method, self.url, self.body, content_type=content_type, headers=headers
        )


def sample_cases(seed: int, count: int) -> list[Case]:
    """``count`` cases drawn from routes × arguments × methods × cookies × headers (some
    275,000 combinations), the same ones for the same seed."""
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        argument = rng.choice(ARGUMENTS)
        cases.append(
            Case(
                rng.choice(METHODS),
                rng.choice(ROUTES).replace("{}", argument),
                rng.choice(COOKIES),
                rng.choice(HEADERS),
                body=f"username={argument}&password={argument}&q={argument}".encode(),
            )
        )
    return cases


@pytest.fixture
def site(site_tree, contributor):
    make_film_review(site_tree.section_for("film"), reviewer=contributor, title="Ikiru")


# Logins are counted and uploads are served from disk, as in production without object
# storage (the test settings serve no /media/: the route would only reach Wagtail's 404).
@override_settings(AXES_ENABLED=True, ROOT_URLCONF="tests.reader.media_urls")
def test_no_hostile_request_answers_5xx(production_stack, site):
    client = Client(raise_request_exception=False)
    failures = []
    for case in sample_cases(SEED, CASES):
        status = case.send(client).status_code
        if status >= 500:
            failures.append((status, case))
    assert not failures, f"seed {SEED}: " + "\n".join(
        f"{status} {case.method} {case.url[:100]} cookie={case.cookie[:40]!r} "
        f"headers={str(case.headers)[:100]}"
        for status, case in failures
    )
