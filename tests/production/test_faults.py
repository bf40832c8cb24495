"""Faults a deployment meets, under production settings and real gunicorn (issue 11).

Redis at a closed port and Redis restarted mid-run, a view restriction seen by every
worker at once, readers, searches and an editor publishing together on SQLite and on
PostgreSQL, and a hostile legacy mirror (symlinks out of it, oversized files).

Each test serves a copy of one migrated, seeded SQLite database (built once for the module)
or, on PostgreSQL, a database of its own (tp_faults, dropped afterwards), with
config/gunicorn.py. No fault is mocked: Redis is a closed port or a redis-server the test
starts and stops itself. A failing assertion shows the end of the gunicorn log.
"""

import hashlib
import json
import os
import shutil
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.production.conftest import deployment_environ
from tests.production.servers import (
    REPO,
    Browser,
    RedisServer,
    manage,
    on_the_server,
    publisher_result,
    start_gunicorn,
    start_publisher,
    stop_gunicorn,
)

PASSWORD = "pw-faults"
IKIRU, RASHOMON = "/film-reviews/ikiru/", "/film-reviews/rashomon/"
IKIRU_BODY = "Watanabe learns he has months to live"
RASHOMON_BODY = "Four witnesses tell the story of one crime"
READER_PATHS = [
    "/",
    "/film-reviews/",
    IKIRU,
    "/book-reviews/",
    "/news/",
    "/search/?q=ikiru",
    "/feed/",
    "/sitemap.xml",
]
SEARCHES = ["ikiru", "tokyo+story", "ozu", "japan", "kurosawa", "remains+of+the+day", "weeds"]
SEED = f"""
from django.contrib.auth import get_user_model
from home.tree import ensure_site_tree
from tests.conftest import make_article, make_book_review, make_film_review
tree = ensure_site_tree(hostname="127.0.0.1")
film = tree.section_for("film")
for title, body in (("Ikiru", "{IKIRU_BODY}"), ("Rashomon", "{RASHOMON_BODY}")):
    make_film_review(film, title=title, directors=("Akira Kurosawa",), countries="Japan",
                     year=1952, body=[("paragraph", f"<p>{{body}}.</p>")])
for title in ("Tokyo Story", "Late Spring", "Floating Weeds", "Early Summer"):
    make_film_review(film, title=title, directors=("Yasujiro Ozu",), countries="Japan", year=1953)
make_book_review(tree.section_for("book"))
make_article(tree.section_for("news"))
get_user_model().objects.create_superuser("editor", "editor@example.com", "{PASSWORD}")
"""
RENAME_IKIRU = """
from reviews.models import FilmReviewPage
page = FilmReviewPage.objects.get(slug="ikiru")
page.title = "Ikiru (To Live)"
page.save_revision().publish()
"""
RESTRICT_RASHOMON = """
from wagtail.models import Page, PageViewRestriction
page = Page.objects.get(slug="rashomon")
PageViewRestriction.objects.create(page=page, restriction_type="login")
"""

needs_redis_server = pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="redis-server is not installed on this machine"
)
needs_postgres = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL (DATABASE_URL=postgres://...), as in CI's second pass",
)


# -- A deployment of the site --------------------------------------------------------------------


def production_env(workdir: Path, static_root: Path, **env: str) -> dict[str, str]:
    """Production settings over plain HTTP on 127.0.0.1, with this test's own files."""
    return deployment_environ(
        ALLOWED_HOSTS="127.0.0.1",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(static_root),
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        LOG_LEVEL="WARNING",
        WEB_CONCURRENCY="2",
        PYTHONPATH=str(REPO),
        **env,
    )


class Deployment:
    """One site's environment: gunicorn started on it, manage.py run in it."""

    def __init__(self, workdir: Path, env: dict[str, str]):
        self.env = env
        self.log = workdir / "gunicorn.log"

    @contextmanager
    def serving(self, port: int, **env: str) -> Iterator[str]:
        process = start_gunicorn({**self.env, **env}, port, self.log)
        try:
            yield f"http://127.0.0.1:{port}"
        except (AssertionError, OSError) as error:
            raise AssertionError(
                f"{error}\n--- gunicorn log, end ---\n{self.log_tail()}"
            ) from None
        finally:
            stop_gunicorn(process)

    def shell(self, script: str) -> str:
        return manage(self.env, "shell", "-v", "0", "-c", script)

    def log_tail(self, characters: int = 5000) -> str:
        """The log's end, its JSON lines unpacked so that tracebacks read as tracebacks."""
        if not self.log.exists():
            return ""
        return "\n".join(map(readable, self.log.read_text(errors="replace").splitlines()))[
            -characters:
        ]


def readable(line: str) -> str:
    try:
        entry = json.loads(line)
    except ValueError:
        return line
    if not isinstance(entry, dict):
        return line
    head = f"{entry.get('level')} {entry.get('logger')}: {entry.get('message')}"
    return f"{head}\n{entry['exc_info']}" if entry.get("exc_info") else head


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """Static files and a migrated, seeded SQLite database, made once for the module."""
    workdir = tmp_path_factory.mktemp("faults-build")
    database = workdir / "seeded.sqlite3"
    env = production_env(
        workdir, workdir / "static", DATABASE_URL=f"sqlite:///{database}", REDIS_URL=""
    )
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "shell", "-c", SEED)
    return {"static": workdir / "static", "database": database}


@pytest.fixture
def deploy(built, tmp_path) -> Callable[..., Deployment]:
    """A deployment on a fresh copy of the seeded SQLite database."""

    def make(redis_url: str = "", **env: str) -> Deployment:
        database = tmp_path / "site.sqlite3"
        shutil.copy(built["database"], database)
        url = f"sqlite:///{database}"
        environ = production_env(
            tmp_path, built["static"], DATABASE_URL=url, REDIS_URL=redis_url, **env
        )
        return Deployment(tmp_path, environ)

    return make


@pytest.fixture
def own_redis(tmp_path) -> Iterator[RedisServer]:
    redis = RedisServer(6381, tmp_path)
    redis.start()
    yield redis
    redis.kill()


def port_is_closed(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def log_in(browser: Browser, server: str) -> None:
    browser.log_in(server, "editor", PASSWORD)
    assert browser.get(f"{server}/admin/").status == 200, "the editor's session did not hold"


def statuses(browser: Browser, server: str, paths: list[str]) -> dict[str, int]:
    return {path: browser.get(server + path).status for path in paths}


# -- Redis down, Redis restarted -----------------------------------------------------------------


CLOSED_PORT = 6389  # in this suite's range: nothing else may listen on it


def test_redis_at_a_closed_port_costs_the_cache_not_the_site(deploy):
    assert port_is_closed(CLOSED_PORT)
    site = deploy(redis_url=f"redis://127.0.0.1:{CLOSED_PORT}/0")
    with site.serving(8781) as server:
        reader = Browser()
        assert statuses(reader, server, READER_PATHS) == dict.fromkeys(READER_PATHS, 200)
        log_in(Browser(), server)
        assert reader.get(f"{server}/healthz").status == 503  # the load balancer is told


class Poller(threading.Thread):
    """A reader requesting pages all the time; remembers every answer that was not 200."""

    def __init__(self, server: str, paths: list[str]):
        super().__init__(daemon=True)
        self.server, self.paths = server, paths
        self.requests, self.failures = 0, []
        self.stopping = threading.Event()

    def run(self) -> None:
        browser = Browser()
        while not self.stopping.is_set():
            path = self.paths[self.requests % len(self.paths)]
            try:
                status = browser.get(self.server + path).status
            except OSError as error:
                status = repr(error)
            if status != 200:
                self.failures.append((round(time.monotonic(), 2), path, status))
            self.requests += 1
            time.sleep(0.05)

    def __enter__(self) -> "Poller":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.join(timeout=20)


def wait_until_healthy(browser: Browser, server: str, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while browser.get(f"{server}/healthz").status != 200:
        assert time.monotonic() < deadline, "/healthz did not recover after Redis came back"
        time.sleep(0.2)


def page_cache_status(browser: Browser, url: str) -> tuple[str | None, bytes]:
    response = browser.get(url)
    assert response.status == 200, url
    return response.headers["X-Page-Cache"], response.read()


def served_until_cached(browser: Browser, url: str, timeout: float = 20) -> list[tuple]:
    """The page, again and again until it comes from the page cache (or ``timeout``)."""
    served, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline and (not served or served[-1][0] != "hit"):
        served.append(page_cache_status(browser, url))
        time.sleep(0.2)
    return served


@needs_redis_server
def test_a_redis_restart_mid_run_costs_readers_and_editors_nothing(deploy, own_redis):
    site = deploy(redis_url=own_redis.url)
    with site.serving(8782) as server, Poller(server, READER_PATHS[:3]) as poller:
        editor, reader = Browser(), Browser()
        log_in(editor, server)
        review = server + IKIRU
        assert [page_cache_status(reader, review)[0] for _ in range(2)][-1] == "hit"

        own_redis.stop()
        assert statuses(reader, server, READER_PATHS) == dict.fromkeys(READER_PATHS, 200)
        assert editor.get(f"{server}/admin/").status == 200, "a Redis outage logged the editor out"
        site.shell(RENAME_IKIRU)  # an editor publishes during the outage
        assert b"Ikiru (To Live)" in reader.get(review).read()

        # Redis comes back with the data it saved, the old cached page of Ikiru included.
        own_redis.start()
        wait_until_healthy(reader, server)
        served = served_until_cached(reader, review)
        assert all(b"Ikiru (To Live)" in body for _, body in served), "a stale page was served"
        assert served[-1][0] == "hit", f"the page cache did not come back: {served}"
        assert editor.get(f"{server}/admin/").status == 200, "the Redis restart logged out"
    assert poller.requests > 20
    assert poller.failures == []


# -- View restrictions across workers ------------------------------------------------------------


def page_id(site: Deployment, slug: str) -> int:
    script = f"from wagtail.models import Page; print(Page.objects.get(slug={slug!r}).pk)"
    return int(site.shell(script))


def leaked(browser: Browser, url: str, body: str) -> bool:
    return body in browser.get(url).read().decode()


def test_a_view_restriction_holds_on_every_worker_at_once(deploy):
    """Without Redis (a per-process cache), one review made private through the admin (on
    one worker) and one from the shell: no worker may go on showing either to anyone."""
    site = deploy(redis_url="")
    ikiru_id = page_id(site, "ikiru")
    with site.serving(8783, WEB_CONCURRENCY="3") as server:
        reader, editor = Browser(), Browser()
        # Every worker serves both reviews and so learns the site has no restriction.
        for _ in range(15):
            assert leaked(reader, server + IKIRU, IKIRU_BODY)
            assert leaked(reader, server + RASHOMON, RASHOMON_BODY)
        log_in(editor, server)
        privacy = f"{server}/admin/pages/{ikiru_id}/privacy/"
        assert editor.post(privacy, {"restriction_type": "login"}).status == 200
        site.shell(RESTRICT_RASHOMON)
        leaks = Counter()
        for _ in range(30):
            leaks[IKIRU] += leaked(reader, server + IKIRU, IKIRU_BODY)
            leaks[RASHOMON] += leaked(reader, server + RASHOMON, RASHOMON_BODY)
        assert leaks == Counter({IKIRU: 0, RASHOMON: 0}), "anonymous readers got private reviews"
        assert reader.get(server + IKIRU).status == 302  # to the login form


# -- Readers, searches and a publisher together --------------------------------------------------


def client_loop(server: str, paths: list[str], until: float, results: Counter) -> None:
    browser, n = Browser(), 0
    while time.monotonic() < until:
        path = paths[n % len(paths)]
        try:
            status = browser.get(server + path).status
        except OSError as error:
            status = type(error).__name__
        results[(path.split("?")[0], status)] += 1
        n += 1


def mixed_load(site: Deployment, server: str, seconds: float = 10) -> tuple[Counter, dict]:
    """6 clients (2 readers, 3 searchers, 1 on feeds and sections) for ``seconds`` while an
    editor publishes a review every half second; the answers by (path, status)."""
    reading = [IKIRU, "/", "/film-reviews/tokyo-story/", "/film-reviews/"]
    searching = [f"/search/?q={query}" for query in SEARCHES]
    browsing = ["/feed/", "/book-reviews/", "/feed/atom/", "/news/", "/film-reviews/?page=1"]
    mixes = [reading, reading, searching, searching[2:], searching[4:], browsing]
    publisher = start_publisher(
        site.env, slug="late-spring", title="Late Spring", seconds=seconds, interval=0.5
    )
    results, until = Counter(), time.monotonic() + seconds
    clients = [
        threading.Thread(target=client_loop, args=(server, paths, until, results))
        for paths in mixes
    ]
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    return results, publisher_result(publisher)


def assert_no_errors(results: Counter, published: dict) -> None:
    errors = {key: n for key, n in results.items() if key[1] != 200}
    assert sum(results.values()) > 30, results  # a busy machine still serves that many
    assert errors == {}, f"{sum(errors.values())} of {sum(results.values())} requests failed"
    assert published["failed"] == 0, published
    assert published["ok"] >= 5, published


def test_sqlite_under_readers_searches_and_a_publisher(deploy):
    site = deploy(redis_url="")
    with site.serving(8784, WEB_CONCURRENCY="3") as server:
        assert_no_errors(*mixed_load(site, server))


@pytest.fixture
def postgres_site(built, tmp_path) -> Iterator[Deployment]:
    """tp_faults, migrated and seeded, with a redis-server of its own when there is one."""
    on_the_server("DROP DATABASE IF EXISTS tp_faults WITH (FORCE)", "CREATE DATABASE tp_faults")
    redis = RedisServer(6382, tmp_path) if shutil.which("redis-server") else None
    try:
        if redis:
            redis.start()
        env = production_env(
            tmp_path,
            built["static"],
            DATABASE_URL="postgres://postgres@127.0.0.1:5432/tp_faults",
            REDIS_URL=redis.url if redis else "",
        )
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "shell", "-c", SEED)
        yield Deployment(tmp_path, env)
    finally:
        if redis:
            redis.kill()
        on_the_server("DROP DATABASE IF EXISTS tp_faults WITH (FORCE)")


@needs_postgres
def test_postgres_under_readers_searches_and_a_publisher(postgres_site):
    with postgres_site.serving(8785, WEB_CONCURRENCY="3") as server:
        assert_no_errors(*mixed_load(postgres_site, server))


# -- A hostile legacy mirror ---------------------------------------------------------------------

SECRET = "Zanzibarsecret"  # in every file outside the mirror, nowhere inside it
FIXTURE_MIRROR = REPO / "home" / "fixtures" / "legacy-mirror"
OVERSIZED_PAGE_BYTES = 6 * 1024 * 1024
OVERSIZED_IMAGE_SIDE = 12_000  # 144 megapixels; Wagtail's upload form refuses over 128


def legacy_page(title: str, image: str = "paperlanterns.jpg", repeat: int = 1) -> bytes:
    """The fixture's Paper Lanterns page, retitled, with another still and ``repeat`` times
    its review text."""
    html = (FIXTURE_MIRROR / "reviews" / "paperlanterns.htm").read_bytes()
    html = html.replace(b"Paper Lanterns", title.encode()).replace(
        b"paperlanterns.jpg", image.encode()
    )
    start, end = html.index(b'<p><font face="Verdana"'), html.index(b'<p align="right">')
    return html[:start] + html[start:end] * repeat + html[end:]


def save_image(path: Path, size: tuple[int, int], mode: str = "RGB", color=0) -> None:
    from PIL import Image

    Image.new(mode, size, color).save(path)


def hostile_mirror(tmp_path: Path) -> tuple[Path, Path]:
    """The fixture mirror plus links out of it and oversized files; returns (mirror, outside)."""
    mirror, outside = tmp_path / "mirror", tmp_path / "outside"
    shutil.copytree(FIXTURE_MIRROR, mirror)
    (outside / "folder").mkdir(parents=True)
    (outside / "passwd.htm").write_bytes(legacy_page(f"{SECRET} Passwd"))
    (outside / "hostname").write_text(f"{SECRET}-host\n")
    (outside / "folder" / "review.htm").write_bytes(legacy_page(f"{SECRET} Folder"))
    save_image(outside / "still.jpg", (64, 48), color=(200, 10, 10))
    reviews, stills = mirror / "reviews", mirror / "images" / "stills"
    (reviews / "passwd.htm").symlink_to(outside / "passwd.htm")
    (reviews / "hostname.htm").symlink_to(outside / "hostname")
    (mirror / "linked").symlink_to(outside / "folder", target_is_directory=True)
    (stills / "leak.jpg").symlink_to(outside / "still.jpg")
    (reviews / "leakystill.htm").write_bytes(legacy_page("Harbour Lamps", image="leak.jpg"))
    save_image(stills / "huge.png", (OVERSIZED_IMAGE_SIDE,) * 2, mode="1")
    (reviews / "hugestill.htm").write_bytes(legacy_page("Enormous Still", image="huge.png"))
    repeat = OVERSIZED_PAGE_BYTES // 2000 + 1  # the review text is about 2 kB
    (reviews / "endless.htm").write_bytes(legacy_page("Endless Review", repeat=repeat))
    return mirror, outside


STORED = f"""
import json
from wagtail.images.models import Image
from wagtail.models import Revision
from legacy.models import ImportRecord
print(json.dumps({{
    "records": list(ImportRecord.objects.filter(original_html__contains={SECRET!r})
                    .values_list("source_path", flat=True)),
    "revisions": Revision.objects.filter(content__icontains={SECRET!r}).count(),
    "images": list(Image.objects.values_list("title", "width", "height", "file_hash")),
}}))
"""


def file_sha1(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()  # noqa: S324 - Wagtail's file_hash


def test_a_hostile_mirror_imports_nothing_from_outside_it(deploy, tmp_path):
    mirror, outside = hostile_mirror(tmp_path)
    site = deploy(redis_url="")
    report_file = tmp_path / "report.json"
    manage(site.env, "import_legacy", str(mirror), "--report", str(report_file), timeout=180)
    items = {item["source"]: item for item in json.loads(report_file.read_text())["items"]}
    problems = mirror_report_problems(items) + stored_problems(site, outside)

    # An outside page is titled "... Passwd" (a query is shown back: never search SECRET).
    urls = ["/", "/film-reviews/", "/search/?q=passwd", "/feed/", "/sitemap.xml"]
    urls += [item["url"] for item in items.values() if item["url"]]
    with site.serving(8786) as server:
        reader = Browser()
        for url in urls:
            try:
                page = reader.get(server + url)
                body = page.read()
            except OSError as error:
                problems.append(f"{url}: {error!r}")
                continue
            if page.status != 200:
                problems.append(f"{url} answered {page.status}")
            if SECRET.encode() in body:
                problems.append(f"{url} shows a file from outside the mirror")
            if len(body) > OVERSIZED_PAGE_BYTES:
                problems.append(f"{url} is {len(body):,} bytes")
        assert not problems, "\n".join(problems)


def mirror_report_problems(items: dict[str, dict]) -> list[str]:
    """What the import report got wrong: every file out of bounds is a skip with a reason."""
    problems = []
    for source in ("reviews/passwd.htm", "reviews/hostname.htm", "reviews/endless.htm"):
        item = items.get(source, {"status": "missing from the report", "warnings": []})
        if item["status"] != "skipped" or not item["warnings"]:
            problems.append(f"{source}: {item['status']}, warnings {item['warnings']}")
    if items.get("linked/review.htm", {}).get("status", "skipped") != "skipped":
        problems.append("linked/review.htm (a folder outside the mirror) was imported")
    for source, image in (
        ("reviews/leakystill.htm", "leak.jpg"),
        ("reviews/hugestill.htm", "huge.png"),
    ):
        if image not in " ".join(items.get(source, {}).get("warnings", [])):
            problems.append(f"{source}: the skipped image {image} is not reported")
    return problems


def stored_problems(site: Deployment, outside: Path) -> list[str]:
    """What the database holds that it must not: outside files, oversized images."""
    stored = json.loads(site.shell(STORED))
    problems = [f"import record {path} holds an outside file" for path in stored["records"]]
    if stored["revisions"]:
        problems.append(f"{stored['revisions']} page revisions hold an outside file")
    outside_hash = file_sha1(outside / "still.jpg")
    for title, width, height, file_hash in stored["images"]:
        if file_hash == outside_hash:
            problems.append(f"image {title!r} is the still from outside the mirror")
        if width * height > 128_000_000:
            problems.append(f"image {title!r} is {width} x {height}")
    return problems
