"""Real servers for the production tests: gunicorn, a redis-server of the test's own, a
PostgreSQL database of the test's own, and a cookie-keeping HTTP client.

Shared by test_scale_out.py, test_faults.py and bench/soak.py (so it imports nothing from
the test suite). Everything binds to 127.0.0.1 only.
"""

import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PUBLIC_HOST = "127.0.0.1"
POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def plain_http_production_env(
    workdir: Path, database_url: str, redis_url: str, **extra: str
) -> dict[str, str]:
    """Production settings made to work over plain HTTP on 127.0.0.1 (no TLS here), with
    their own files in ``workdir``; for the benchmarks that run gunicorn. Readers reach the
    site at its GUNICORN_BIND address (SITE_URL), when ``extra`` gives one."""
    environ = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {
        **environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"http://{extra.get('GUNICORN_BIND', PUBLIC_HOST)}",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(workdir / "media"),
        "CACHE_DIR": str(workdir / "cache"),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(REPO),
        **extra,
    }


def manage(env: dict, *command: str, timeout: float = 300) -> str:
    """Run ``manage.py`` with ``env`` (a deployed server's environment); return its stdout."""
    result = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        raise AssertionError(
            f"manage.py {command[0]} exited {result.returncode}:\n{result.stderr[-4000:]}"
        )
    return result.stdout


# An editor publishing from another process: one page, a new title every ``interval`` seconds
# for ``seconds``; prints {"ok": n, "failed": n, "errors": [...]} as its last line.
PUBLISHER = """
import json, time
from reviews.models import FilmReviewPage
page_id = FilmReviewPage.objects.get(slug={slug!r}).pk
ok, errors, end = 0, [], time.monotonic() + {seconds}
while time.monotonic() < end:
    started = time.monotonic()
    try:
        page = FilmReviewPage.objects.get(pk=page_id)
        page.title = "{title} " + str(ok + len(errors) + 1)
        page.save_revision().publish()
        ok += 1
    except Exception as error:
        errors.append(repr(error)[:300])
    time.sleep(max(0.0, {interval} - (time.monotonic() - started)))
print(json.dumps({{"ok": ok, "failed": len(errors), "errors": errors[:5]}}))
"""


def start_publisher(
    env: dict, *, slug: str, title: str, seconds: float, interval: float
) -> subprocess.Popen:
    """The publisher above in a ``manage.py shell`` of its own; read it with publisher_result."""
    script = PUBLISHER.format(slug=slug, title=title, seconds=seconds, interval=interval)
    return subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def publisher_result(process: subprocess.Popen, timeout: float = 120) -> dict:
    stdout, stderr = process.communicate(timeout=timeout)
    if process.returncode:
        return {"ok": 0, "failed": 1, "errors": [stderr[-2000:]]}
    return json.loads(stdout.strip().splitlines()[-1])


def on_the_server(*statements: str) -> None:
    """Run statements on the PostgreSQL server itself (CREATE/DROP DATABASE)."""
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def start_gunicorn(env: dict, port: int, log: Path | None = None) -> subprocess.Popen:
    """gunicorn with config/gunicorn.py on 127.0.0.1:``port``, once /healthz answers at all.

    ``log`` collects the server's stdout and stderr (tracebacks) for a failing test to show.
    """
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    output = log.open("ab") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [gunicorn, "-c", "config/gunicorn.py"],
        cwd=REPO,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=output,
        stderr=output if log else None,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn on {port} exited with {process.returncode}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return process
        except urllib.error.HTTPError:
            return process  # answering, if unhealthy (the test may want exactly that)
        except OSError:
            time.sleep(0.3)
    stop_gunicorn(process)
    raise RuntimeError(f"gunicorn on {port} did not start")


def stop_gunicorn(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


class RedisServer:
    """A redis-server of the test's own, which the test may stop and start again.

    It saves its data on shutdown and loads it on start, as a default redis.conf does: a
    restart brings back the keys (and cached pages) it had, not an empty cache.
    """

    def __init__(self, port: int, workdir: Path):
        self.port = port
        self.workdir = workdir
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port)]
            + ["--dir", str(self.workdir), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while self.cli("ping") != "PONG":
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"redis-server on {self.port} did not start")
            time.sleep(0.1)

    def stop(self) -> None:
        """Shut down as an operator's restart does: save the data set, then exit."""
        if self.process and self.process.poll() is None:
            self.cli("shutdown", "save")
            self.process.wait(timeout=10)

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def cli(self, *command: str) -> str:
        result = subprocess.run(
            ["redis-cli", "-p", str(self.port), *command], capture_output=True, text=True
        )
        return result.stdout.strip()


class Browser:
    """A cookie-keeping HTTP client that can be pointed at any server."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies),
            NoRedirects(),
            urllib.request.ProxyHandler({}),  # loopback only, whatever *_proxy says
        )

    def get(self, url: str):
        # Behind a load balancer every server sees the site's own Host, not its own port.
        request = urllib.request.Request(url, headers={"Host": PUBLIC_HOST})
        try:
            return self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            return error

    def post(self, url: str, fields: dict[str, str]):
        """A form POST with the CSRF token from the cookie, as the browser's form sends it."""
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": self.csrf_token(), **fields})
        request = urllib.request.Request(
            url, data=data.encode(), headers={"Host": PUBLIC_HOST, "Referer": url}
        )
        try:
            return self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            return error

    def csrf_token(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def log_in(self, server: str, username: str, password: str) -> None:
        form = self.get(f"{server}/admin/login/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "username": username, "password": password}
        ).encode()
        request = urllib.request.Request(
            f"{server}/admin/login/", data=data, headers={"Referer": f"{server}/admin/login/"}
        )
        try:
            response = self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            assert error.code == 302, f"login POST: {error.code} {error.read()[:500]!r}"
        else:
            raise AssertionError(f"login POST: {response.status}, the form again (refused)")


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
