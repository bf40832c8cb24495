"""Issue 21's findings replayed for real: a table of finding, request, observed, expected.

    .venv/bin/python bench/probe21.py                         # this checkout, PostgreSQL + Redis
    .venv/bin/python bench/probe21.py --repo /path/to/old/checkout --port 8222
    .venv/bin/python bench/probe21.py --database sqlite       # no Redis: finding 11 not probed

It builds a small archive (generate_archive) in a database of its own (created and dropped
on PostgreSQL), plants what the findings need through ``manage.py shell`` (a review titled
with markup, reviews whose lead picture is damaged on disk, films by directors in other
scripts, a page password, a contributor, an admin), starts gunicorn with production settings
(config/gunicorn.py, 3 workers by default, page cache on Redis when there is one) and replays each
finding as real requests, the importer's as ``import_legacy`` over mirrors written to disk.
``--repo`` serves another checkout with the same script (the code before the fixes, say).
Finding 7 (importer memory) is bench/import_memory.py's. Exits 1 if a finding fails.
"""

import argparse
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from benchdb import generator_env

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bs4 import BeautifulSoup  # noqa: E402 - after the path is set

from tests.importer.mirror import LONG_PARAGRAPHS, film_review, write_mirror  # noqa: E402
from tests.production.servers import (  # noqa: E402
    Browser,
    RedisServer,
    on_the_server,
    plain_http_production_env,
    stop_gunicorn,
)

HOSTILE = "Hostile </title><script>alert(1)</script> Review"
ADMIN = ("probe21", "probe21-Secret-Pass")
FEEDS = ["/feed/", "/feed/atom/", "/film-reviews/feed/", "/film-reviews/feed/atom/"]
ATOM = "{http://www.w3.org/2005/Atom}"
PASSWORD_LIMIT = 5  # AXES_FAILURE_LIMIT's default, which the page password limit follows
GUESSES = 32

# Planted in the server's database by the server's own code (tests.conftest's helpers exist
# in every checkout since issue 10); prints what the probes need as JSON.
SEED = """
import datetime, json
from wagtail.models import PageViewRestriction
from reviews.models import Contributor, FilmReviewPage
from tests.conftest import make_film_review

section = FilmReviewPage.objects.live().first().get_parent().specific
today = datetime.date.today()  # the newest reviews: first in feeds and on the section's page
hostile = {hostile!r}
make_film_review(
    section, title=hostile, slug="hostile-review", search_description=hostile, summary=hostile,
    body=[("paragraph", "<p>Hi &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>")],
    date=today,
)
pictured = {{
    name: make_film_review(section, title=f"Damaged {{name}}", slug=f"damaged-{{name}}",
                           date=today).pk
    for name in ("junk", "truncated", "bare-png")
}}
for title, slug, director, country in [
    ("悲情城市", "beiqing-chengshi", "侯孝賢", "台灣"),
    ("花樣年華", "huayang-nianhua", "王家衛", "香港"),
]:
    make_film_review(section, title=title, slug=slug, directors=[director], countries=country)
locked = make_film_review(section, title="Ikiru Locked", slug="ikiru-locked")
restriction = PageViewRestriction.objects.create(
    page=locked, restriction_type=PageViewRestriction.PASSWORD, password="members-only"
)
rated = make_film_review(section, title="Rated Eight", slug="rated-eight", rating_value=8,
                         rating_best=10)
Contributor.objects.create(name="Ruth Abernathy")
print(json.dumps({{
    "section": section.pk, "section_url": section.url, "pictured": pictured,
    "locked": locked.url, "locked_pk": locked.pk, "restriction": restriction.pk,
    "rated": rated.pk,
}}))
"""

# Finding 6, planted last: each review gets a lead picture whose file is there but does not
# decode (a new image, so no rendition of it exists yet), published as an editor would.
DAMAGE = """
import io, json
from PIL import Image as Picture
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from reviews.models import FilmReviewPage

jpeg = io.BytesIO()
Picture.effect_noise((320, 240), 80).convert("RGB").save(jpeg, "JPEG")
damaged = {{
    "junk": b"this is not a picture at all" * 20,
    "truncated": jpeg.getvalue()[:-3000],
    "bare-png": b"\\x89PNG\\r\\n\\x1a\\n",
}}
urls = {{}}
for name, page_id in {pictured!r}.items():
    png = io.BytesIO()
    Picture.new("RGB", (64, 48), "#884422").save(png, "PNG")
    image = get_image_model().objects.create(
        title=f"Still {{name}}", file=ImageFile(png, name=f"still-{{name}}.png")
    )
    with open(image.file.path, "wb") as file:
        file.write(damaged[name])  # the file is there, but it no longer decodes
    page = FilmReviewPage.objects.get(pk=page_id)
    page.lead_image = image
    page.save_revision().publish()
    urls[name] = page.url
print(json.dumps(urls))
"""

RUN_STATE = """
import json
from legacy.models import ImportRun
from reviews.models import Contributor
run = ImportRun.objects.order_by("-pk").first()
print(json.dumps({
    "finished": bool(run and run.finished_at),
    "quinces": sorted(c.name for c in Contributor.objects.filter(name__contains="Quince")),
}))
"""

FAILURES = """
import json
from editorial.models import PagePasswordFailures
rows = PagePasswordFailures.objects.filter(restriction_id={restriction})
print(json.dumps({{"failures": sum(row.failures for row in rows)}}))
"""


@dataclass
class Finding:
    number: str
    request: str
    observed: str
    expected: str
    ok: bool


class Site:
    """A checkout served by gunicorn with production settings, and its manage.py."""

    def __init__(self, repo: Path, env: dict, port: int, workdir: Path):
        self.repo, self.env, self.port, self.workdir = repo, env, port, workdir
        self.url = f"http://127.0.0.1:{port}"
        self.server: subprocess.Popen | None = None

    def manage(self, *command: str, env: dict | None = None, check: bool = True):
        result = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=self.repo,
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if check and result.returncode:
            raise RuntimeError(f"manage.py {command[0]}: {result.stderr[-3000:]}")
        return result

    def shell(self, script: str) -> dict:
        return json.loads(self.manage("shell", "-c", script).stdout.strip().splitlines()[-1])

    def start(self) -> None:
        gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
        log = (self.workdir / "gunicorn.log").open("ab")
        self.server = subprocess.Popen(
            [gunicorn, "-c", "config/gunicorn.py"],
            cwd=self.repo,
            env=self.env,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2)
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def stop(self) -> None:
        if self.server:
            stop_gunicorn(self.server)


def status(browser: Browser, url: str) -> int:
    response = browser.get(url)
    response.read()
    return response.status if hasattr(response, "status") else response.code


def post_form(browser: Browser, form_url: str, action: str, fields: dict) -> tuple[int, str]:
    """GET a form (its CSRF cookie), then POST ``fields`` to ``action``: status and body."""
    browser.get(form_url).read()
    response = browser.post(action, fields)
    return getattr(response, "status", None) or response.code, response.read().decode()


def field_errors(html: str) -> dict[str, list[str]]:
    """The error messages beside each field of an admin form."""
    errors: dict[str, list[str]] = {}
    for field in BeautifulSoup(html, "html.parser").select("[data-field]"):
        messages = [" ".join(e.get_text().split()) for e in field.select(".error-message")]
        inputs = field.select("[name]")
        if messages and inputs:
            errors.setdefault(inputs[0]["name"], []).extend(messages)
    return errors


# -- The findings, one function each ---------------------------------------------------------


def finding_1(site: Site, mirror: Path) -> list[Finding]:
    """A hostile file name must not take over another page's old path."""
    review = film_review("Paper Lanterns", "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS)
    write_mirror(mirror, {"reviews/paperlanterns.htm": review})
    site.manage("import_legacy", str(mirror), "--base-url", "http://old.example/")
    hijack = film_review("Hijacked Lanterns", "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS)
    climber = film_review("Climber", "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS)
    write_mirror(
        mirror,
        {"a/%2E%2E%2Freviews%2Fpaperlanterns.htm": hijack, "reviews/%2F..%2Fetc.htm": climber},
    )
    report = mirror.parent / "report-1.json"
    site.manage("import_legacy", str(mirror), "--base-url", "http://old.example/", "--report",
                str(report))  # fmt: skip
    items = {item["source"]: item["status"] for item in json.loads(report.read_text())["items"]}
    browser = Browser()
    page = follow(browser, f"{site.url}/reviews/paperlanterns.htm")
    title = BeautifulSoup(page, "html.parser").h1.get_text(strip=True) if page else "(none)"
    hostile = sorted(k for k in items if "%2f" in k.lower() or k == "etc.htm")
    return [
        Finding(
            "1",
            "import a/%2E%2E%2Freviews%2Fpaperlanterns.htm; GET /reviews/paperlanterns.htm",
            f"old URL shows '{title}'; {items.get('reviews/paperlanterns.htm')}",
            "'Paper Lanterns'; unchanged",
            title == "Paper Lanterns" and items.get("reviews/paperlanterns.htm") == "unchanged",
        ),
        Finding(
            "1",
            "the two hostile files in the report",
            f"{len(hostile)} items {sorted(items[k] for k in hostile)}"
            + ("; 'etc.htm' keyed" if "etc.htm" in items else ""),
            "2 items, each its own page",
            len(hostile) == 2 and "etc.htm" not in items,
        ),
    ]


def follow(browser: Browser, url: str, hops: int = 5) -> str:
    for _ in range(hops):
        response = browser.get(url)
        code = getattr(response, "status", None) or response.code
        if code in (301, 302):
            url = urllib.parse.urljoin(url, response.headers["Location"])
            continue
        return response.read().decode() if code == 200 else ""
    return ""


def finding_2(site: Site, mirror: Path) -> list[Finding]:
    """A path too long to store is skipped; the run goes on and is closed."""
    folder = "f" * 200
    files = {
        "reviews/fine.htm": film_review("Fine", "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS),
        f"reviews/{folder}/{'m' * 50}.htm": film_review("Middling", "Ann Bell.", LONG_PARAGRAPHS),
        f"reviews/{folder}/{folder}/{folder}/huge.htm": film_review(
            "Huge", "Ann Bell.", LONG_PARAGRAPHS
        ),
    }
    write_mirror(mirror, files)
    report = mirror.parent / "report-2.json"
    result = site.manage(
        "import_legacy", str(mirror), "--base-url", "http://old.example/", "--report",
        str(report), check=False,
    )  # fmt: skip
    written = report.exists()
    statuses = {}
    if written:
        statuses = {i["source"]: i["status"] for i in json.loads(report.read_text())["items"]}
    state = site.shell(RUN_STATE)
    long_statuses = sorted(v for k, v in statuses.items() if folder in k)
    return [
        Finding(
            "2",
            "import_legacy: a 264- and a 616-character old path beside a fine page",
            f"exit {result.returncode}, report {'written' if written else 'missing'}, "
            f"long pages {long_statuses or '-'}, run closed {state['finished']}",
            "exit 0, report written, long pages ['skipped', 'skipped'], run closed True",
            result.returncode == 0
            and written
            and long_statuses == ["skipped", "skipped"]
            and state["finished"],
        )
    ]


def finding_3(site: Site) -> list[Finding]:
    """html-typed feed fields hold escaped text: no element once decoded."""
    browser, rows = Browser(), []
    for path in FEEDS:
        response = browser.get(site.url + path)
        root = ET.fromstring(response.read())
        if root.tag == f"{ATOM}feed":
            values = [s.text or "" for s in root.iter(f"{ATOM}summary") if s.get("type") == "html"]
        else:
            values = [i.findtext("description") or "" for i in root.iter("item")]
        carrying = [value for value in values if "alert(1)" in value]
        scripts = sum(len(BeautifulSoup(v, "html.parser").find_all("script")) for v in carrying)
        rows.append(
            Finding(
                "3",
                f"GET {path}",
                f"{len(carrying)} html fields carry the hostile text, {scripts} <script> in them",
                "some carry it, 0 <script>",
                bool(carrying) and scripts == 0,
            )
        )
    return rows


def finding_4(site: Site) -> list[Finding]:
    browser = Browser()
    nul = status(browser, f"{site.url}/contributors/%00/")
    code, html = post_form(
        browser,
        f"{site.url}/_util/login/",
        f"{site.url}/_util/login/",
        {"username": "u" * 300, "password": "wrong"},
    )
    has_error = "errorlist" in html or "error" in html.lower()
    return [
        Finding("4", "GET /contributors/%00/", str(nul), "404", nul == 404),
        Finding(
            "4",
            "POST /_util/login/ username of 300 characters",
            f"{code}{' with a form error' if code == 200 and has_error else ''}",
            "200 with a form error",
            code == 200 and has_error,
        ),
    ]


# The same class in the admin: NUL in what an editor's search or form sends.
ADMIN_NUL_URLS = [
    "/admin/pages/search/?q=%00",
    "/admin/pages/search/?q=a%00b",
    "/admin/reviews/contributor/?q=a%00b",
    "/admin/images/?q=%00",
    "/admin/documents/?q=%00",
    "/admin/users/?q=%00",
    "/admin/pages/{section}/?ordering=%00",
    "/admin/pages/{section}/?q=%00",
]


def finding_4_admin(site: Site, seed: dict, admin: Browser) -> list[Finding]:
    codes = {url: status(admin, site.url + url.format(**seed)) for url in ADMIN_NUL_URLS}
    bad = {url: code for url, code in codes.items() if code >= 500}
    create = f"{site.url}/admin/reviews/contributor/create/"
    code, _ = post_form(admin, create, create, {"name": "Ann\x00Bell", "slug": "", "bio": ""})
    return [
        Finding(
            "4",
            f"admin: {len(codes)} listings and searches with NUL in a parameter",
            f"statuses {sorted(set(codes.values()))}" + (f", 5xx at {bad}" if bad else ""),
            "no 5xx",
            not bad,
        ),
        Finding(
            "4",
            "admin: add contributor named 'Ann\\x00Bell'",
            str(code),
            "200 or 302, no 5xx",
            code in (200, 302),
        ),
    ]


def finding_5(site: Site) -> list[Finding]:
    code = status(Browser(), f"{site.url}/media/{'a' * 300}")
    return [Finding("5", "GET /media/ + 300 characters", str(code), "404", code == 404)]


def finding_6(site: Site, seed: dict) -> list[Finding]:
    damaged = site.shell(DAMAGE.format(pictured=seed["pictured"]))
    browser, rows = Browser(), []
    for name, url in damaged.items():
        code = status(browser, site.url + url)
        rows.append(
            Finding("6", f"GET review, lead picture {name}", str(code), "200", code == 200)
        )
    code = status(browser, site.url + seed["section_url"])
    rows.append(Finding("6", "GET its section", str(code), "200", code == 200))
    return rows


def finding_6_importer(site: Site, mirror: Path) -> list[Finding]:
    (mirror / "images").mkdir(parents=True, exist_ok=True)
    (mirror / "images" / "truncated.jpg").write_bytes(noisy_jpeg()[:-3000])
    image = '<img src="../images/truncated.jpg" alt="The mill burning">'
    page = film_review("Fire Season", "Ann Bell. U.K. 2001.", [image, *LONG_PARAGRAPHS])
    write_mirror(mirror, {"reviews/truncated.htm": page})
    report = mirror.parent / "report-6.json"
    site.manage("import_legacy", str(mirror), "--base-url", "http://old.example/", "--report",
                str(report), check=False)  # fmt: skip
    items = {i["source"]: i["status"] for i in json.loads(report.read_text())["items"]}
    got = items.get("reviews/truncated.htm")
    return [Finding("6", "import a page with a truncated JPEG", str(got), "created",
                    got == "created")]  # fmt: skip


def noisy_jpeg() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.effect_noise((320, 240), 80).convert("RGB").save(out, "JPEG")
    return out.getvalue()


def finding_8(site: Site, mirror: Path, admin: Browser) -> list[Finding]:
    # Another person than the admin's Ruth Abernathy, whom these would otherwise match.
    signatures = {
        "reviews/a.htm": ("Amber Fields", "Mara Quince"),
        "reviews/b.htm": ("Brass Bells", "Ma&#8203;ra Quince"),
        "reviews/c.htm": ("Cold Harbour", "M&#1072;ra Quince"),
        "reviews/d.htm": ("Dark &#x202E;Water", "Mara Quince&#x202E;"),
    }
    write_mirror(
        mirror,
        {
            path: film_review(title, "Joan Bell. U.K. 2001.", LONG_PARAGRAPHS, signature=sign)
            for path, (title, sign) in signatures.items()
        },
    )
    site.manage("import_legacy", str(mirror), "--base-url", "http://old.example/", check=False)
    names = site.shell(RUN_STATE)["quinces"]
    dark = follow(Browser(), f"{site.url}/reviews/d.htm")
    dark_title = BeautifulSoup(dark, "html.parser").h1.get_text() if dark else "(none)"
    rows = [
        Finding(
            "8",
            "import 4 pages signed Mara Quince / +U+200B / Cyrillic а / +U+202E",
            f"{len(names)} contributor(s) {[n.encode('unicode_escape').decode() for n in names]}",
            "1 contributor",
            len(names) == 1,
        ),
        Finding(
            "8",
            "title 'Dark &#x202E;Water' as imported",
            repr(dark_title),
            "'Dark Water'",
            dark_title == "Dark Water",
        ),
    ]
    create = f"{site.url}/admin/reviews/contributor/create/"
    for name in ("Ruth \u0410bernathy", "Ruth Abernathy\u202e"):
        code, _ = post_form(admin, create, create, {"name": name, "slug": "", "bio": ""})
        rows.append(
            Finding(
                "8",
                f"admin: add contributor {name.encode('unicode_escape').decode()!r}",
                f"{code} ({'refused' if code == 200 else 'saved' if code == 302 else 'error'})",
                "200 (refused)",
                code == 200,
            )
        )
    return rows


def finding_9(site: Site) -> list[Finding]:
    browser, rows = Browser(), []
    for index, names in [
        ("/film-reviews/directors/", ("侯孝賢", "王家衛")),
        ("/film-reviews/countries/", ("台灣", "香港")),
    ]:
        soup = BeautifulSoup(follow(browser, site.url + index), "html.parser")
        links = {a.get_text(strip=True): a["href"] for a in soup.select("main li a")}
        hrefs = [links.get(name, "") for name in names]
        listed = [len(cards(follow(browser, urllib.parse.urljoin(site.url, h)))) for h in hrefs]
        rows.append(
            Finding(
                "9",
                f"GET {index}: {' and '.join(names)}",
                f"{' / '.join(urllib.parse.unquote(h) for h in hrefs)}; films listed {listed}",
                "two addresses; films listed [1, 1]",
                len(set(hrefs)) == 2 and listed == [1, 1],
            )
        )
    return rows


def cards(html: str) -> list:
    return BeautifulSoup(html, "html.parser").select(".card__title")


def finding_10(site: Site, seed: dict) -> list[Finding]:
    """32 wrong page-password guesses at once: only the limit's worth may be checked."""
    form_url = site.url + seed["locked"]
    browser = Browser()
    browser.get(form_url).read()
    token = browser.csrf_token()
    cookie = "; ".join(f"{c.name}={c.value}" for c in browser.cookies)
    action = f"{site.url}/_util/authenticate_with_password/{seed['restriction']}/"
    action += f"{seed['locked_pk']}/"
    start = threading.Barrier(GUESSES)

    def guess(number: int) -> int:
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "password": f"guess-{number}",
             "return_url": seed["locked"]}
        ).encode()  # fmt: skip
        request = urllib.request.Request(
            action, data=data, headers={"Cookie": cookie, "Referer": form_url}
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        start.wait()
        try:
            with opener.open(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    with ThreadPoolExecutor(GUESSES) as pool:
        statuses = list(pool.map(guess, range(GUESSES)))
    # A guess past the limit may still be answered 429 after its password was checked: the
    # failures the server counted are the guesses it checked.
    counted = site.shell(FAILURES.format(restriction=seed["restriction"]))["failures"]
    return [
        Finding(
            "10",
            f"{GUESSES} simultaneous wrong page passwords (limit {PASSWORD_LIMIT})",
            f"{counted} checked (failures counted); {statuses.count(200)} x 200, "
            f"{statuses.count(429)} x 429, others "
            f"{sorted({c for c in statuses if c not in (200, 429)}) or '-'}",
            f"{PASSWORD_LIMIT} checked; {PASSWORD_LIMIT - 1} x 200, the rest 429",
            counted == PASSWORD_LIMIT and statuses.count(200) == PASSWORD_LIMIT - 1,
        )
    ]


def finding_11(site: Site, redis: RedisServer | None) -> list[Finding]:
    if redis is None:
        print("finding 11 not probed: the page cache is on Redis, and there is none")
        return []
    browser, rows, rng = Browser(), [], random.Random(21)

    def keys() -> int:
        return int(redis.cli("dbsize") or 0)

    cases = [
        ("?q=<random> on the section", "/film-reviews/?q={}"),
        ("?q=<random> on a review", "/film-reviews/hostile-review/?q={}"),
        ("/?page=<random>", "/?page={}"),
        ("?order=<junk> on search", "/search/?q=harbour&order={}"),
        ("?year=<junk> on search", "/search/?q=harbour&year={}"),
    ]
    for label, pattern in cases:
        for value in ("warm", "warm"):
            browser.get(site.url + pattern.format(value)).read()
        before = keys()
        for _ in range(100):
            browser.get(site.url + pattern.format(f"x{rng.randrange(10**9)}")).read()
        added = keys() - before
        rows.append(
            Finding("11", f"100 x {label}", f"{added} keys added", "at most 2", added <= 2)
        )
    before = keys()
    response = browser.get(f"{site.url}/film-reviews/?page=99999")
    response.read()
    code = getattr(response, "status", None) or response.code
    stored = response.headers.get("X-Page-Cache") == "miss"
    added = keys() - before
    rows.append(
        Finding(
            "11",
            "GET /film-reviews/?page=99999 (beyond the last)",
            f"{code}, {'stored' if stored else 'not stored'}, {added} keys added",
            "404, not stored",
            code == 404 and not stored and added == 0,
        )
    )
    return rows


def finding_12(site: Site, seed: dict, admin: Browser) -> list[Finding]:
    add = f"{site.url}/admin/pages/add/reviews/filmreviewpage/{seed['section']}/"
    rows = []
    for field in ("reviewer", "body-count"):
        form = review_form()
        form[field] = "abc"
        label = f"{field}=abc"
        code, _ = post_form(admin, add, add, form)
        rows.append(Finding("12", f"admin: add review, {label}", str(code), "200", code == 200))
    edit = f"{site.url}/admin/pages/{seed['rated']}/edit/"
    form = review_form(title="Rated Eight", slug="rated-eight")
    form.update(rating_value="abc", rating_best="5")
    code, html = post_form(admin, edit, edit, form)
    errors = field_errors(html).get("rating_value", []) if code == 200 else []
    rows.append(
        Finding(
            "12",
            "admin: edit a review 8/10 to rating 'abc' of 5",
            f"{code}, rating errors {errors}",
            "200, rating errors ['Enter a number.']",
            code == 200 and errors == ["Enter a number."],
        )
    )
    return rows


def review_form(*, title: str = "The Quiet Harbour", slug: str = "the-quiet-harbour") -> dict:
    """What the admin's film review form posts (Wagtail's form_data helpers, flattened: they
    import Django models, which this script, outside Django, cannot)."""
    paragraph = {
        "blocks": [
            {"key": "a1b2c", "type": "unstyled", "depth": 0, "text": "Sato never tells us.",
             "inlineStyleRanges": [], "entityRanges": []}
        ],
        "entityMap": {},
    }  # fmt: skip
    return {
        "title": title,
        "slug": slug,
        "original_title": "",
        "creators-TOTAL_FORMS": "1",
        "creators-INITIAL_FORMS": "0",
        "creators-MIN_NUM_FORMS": "1",
        "creators-MAX_NUM_FORMS": "1000",
        "creators-0-name": "Hana Sato",
        "creators-0-ORDER": "0",
        "creators-0-DELETE": "",
        "countries": "Japan",
        "year": "2022",
        "reviewer": "",
        "date": "2024-01-08",
        "summary": "Grief waits politely to be noticed.",
        "lead_image": "",
        "body-count": "1",
        "body-0-type": "paragraph",
        "body-0-value": json.dumps(paragraph),
        "body-0-deleted": "",
        "body-0-order": "0",
    }


# -- Running ----------------------------------------------------------------------------------


def build(site: Site) -> dict:
    site.manage("migrate", "--noinput", "-v", "0")
    site.manage("collectstatic", "--noinput", "-v", "0")
    site.manage("generate_archive", "--reviews", "40", env=generator_env(site.env))
    site.manage("ensure_admin", "--username", ADMIN[0], "--password", ADMIN[1])
    return site.shell(SEED.format(hostile=HOSTILE))


def probe(site: Site, seed: dict, redis: RedisServer | None) -> list[Finding]:
    mirrors = site.workdir / "mirrors"
    admin = Browser()
    admin.log_in(site.url, *ADMIN)
    rows: list[Finding] = []
    steps = [
        ("1", lambda: finding_1(site, mirrors / "one")),
        ("2", lambda: finding_2(site, mirrors / "two")),
        ("3", lambda: finding_3(site)),
        ("4", lambda: finding_4(site)),
        ("4", lambda: finding_4_admin(site, seed, admin)),
        ("5", lambda: finding_5(site)),
        ("6", lambda: finding_6_importer(site, mirrors / "six")),
        ("8", lambda: finding_8(site, mirrors / "eight", admin)),
        ("9", lambda: finding_9(site)),
        ("10", lambda: finding_10(site, seed)),
        ("11", lambda: finding_11(site, redis)),
        ("12", lambda: finding_12(site, seed, admin)),
        # Last: a damaged picture fails every page that shows it where finding 6 holds not.
        ("6", lambda: finding_6(site, seed)),
    ]
    for number, step in steps:
        try:
            rows += step()
        except Exception as error:  # a probe that cannot run is a failed row, not a crash
            failure = f"{type(error).__name__}: {error}"[:200]
            rows.append(Finding(number, "(the probe could not run)", failure, "-", False))
    return rows


def print_table(rows: list[Finding], label: str) -> None:
    print(f"\n{label}\n")
    print("| finding | request | observed | expected | holds |")
    print("| --- | --- | --- | --- | --- |")
    for row in sorted(rows, key=lambda row: int(row.number)):
        cells = (row.number, row.request, row.observed, row.expected, "yes" if row.ok else "NO")
        print("| " + " | ".join(str(c).replace("|", "/") for c in cells) + " |")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout to serve")
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--pg-database", default="tp_probe21", help="created and dropped")
    parser.add_argument("--port", type=int, default=8798)
    parser.add_argument("--redis-port", type=int, default=6385, help="the probe's own Redis")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument(
        "--threads", type=int, default=1, help="threads per worker (gthread above 1)"
    )
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    repo = args.repo.resolve()
    workdir = Path(tempfile.mkdtemp(prefix="tp-probe21-"))
    redis = None
    postgres = args.database == "postgres"
    try:
        if postgres:
            drop = f'DROP DATABASE IF EXISTS "{args.pg_database}" WITH (FORCE)'
            on_the_server(drop, f'CREATE DATABASE "{args.pg_database}"')
            url = f"postgres://postgres@127.0.0.1:5432/{args.pg_database}"
            redis = RedisServer(args.redis_port, workdir)
            redis.start()
        else:
            url = f"sqlite:///{workdir / 'probe.sqlite3'}"
        env = plain_http_production_env(
            workdir,
            url,
            redis.url if redis else "",
            GUNICORN_BIND=f"127.0.0.1:{args.port}",
            WEB_CONCURRENCY=str(args.workers),
            GUNICORN_THREADS=str(args.threads),
            PYTHONPATH=str(repo),
            STATIC_ROOT=str(workdir / "static"),
        )
        site = Site(repo, env, args.port, workdir)
        seed = build(site)
        site.start()
        try:
            rows = probe(site, seed, redis)
        finally:
            site.stop()
        commit = subprocess.run(
            ["git", "-C", str(repo), "log", "-1", "--format=%h"], capture_output=True, text=True
        ).stdout.strip()
        database = "PostgreSQL + Redis" if postgres else "SQLite"
        served = f"gunicorn {args.workers} workers x {args.threads} threads"
        print_table(rows, f"{repo} at {commit}, {database}, {served}")
        if args.json:
            args.json.write_text(json.dumps([row.__dict__ for row in rows], indent=2))
        failed = [row for row in rows if not row.ok]
        print(f"\n{len(rows) - len(failed)} of {len(rows)} rows hold")
        sys.exit(1 if failed else 0)
    finally:
        if redis:
            redis.kill()
        if postgres:
            on_the_server(f'DROP DATABASE IF EXISTS "{args.pg_database}" WITH (FORCE)')
        if args.keep:
            print(f"kept {workdir} (gunicorn.log)")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
