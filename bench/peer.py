"""This site beside Wagtail's own demo (wagtail/bakerydemo), page for page, in one run.

    make bench-peer BAKERYDEMO=../bakerydemo                  # 15 s per page
    make bench-peer BAKERYDEMO=../bakerydemo PEER_ARGS="--duration 5"
    .venv/bin/python bench/peer.py --bakerydemo PATH --before /tmp/at-270dd7a   # + an old commit

Given a checkout of bakerydemo (nothing in it is changed: its settings and URLs are wrapped by
modules written to a work folder), it makes bakerydemo a virtualenv with THIS project's Wagtail
and Django versions (its own other requirements as they are), loads its initial data
(``load_initial_data``), and loads this project's demo content (``load_demo_content``), each
into a SQLite database of its own. Both are served by gunicorn (2 sync workers each), DEBUG off,
this site's page cache off and no Redis (its cache on disk, as on one host). wrk (-t2 -c8) then
loads each pair of pages in turn: review vs blog page, home vs home, section vs blog index,
search vs search, and /healthz of both (bakerydemo gets one doing the same checks: a
``SELECT 1`` and a cache write and read) as the floor. It prints req/s, p50, p99 and the ratio
for each pair, then this site's pages with its page cache on against its /healthz; and writes
bench/results/peer.json. ``--before PATH`` serves a checkout of this project at another commit
(same virtualenv, same data) as a third site, for before/after figures in the same run.
"""

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from http_bench import Measurement, parse_wrk  # noqa: E402 - after the path

RESULTS = REPO / "bench" / "results" / "peer.json"
VENV_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "tp-bench-peer"
# What each pair compares, this site's page first.
PAIRS = ["review", "home", "section", "search", "healthz"]
OURS_SEARCH = "/search/?q=film"
PEER_SEARCH = "/search/?q=bread"

# bakerydemo's settings and URLs, wrapped: production settings, DEBUG off, our folders, and a
# /healthz like ours.
PEER_SETTINGS = """
import os
from bakerydemo.settings.production import *  # noqa: F403
DEBUG = False
SECURE_SSL_REDIRECT = False  # plain HTTP on 127.0.0.1, as this site's SECURE_SSL_REDIRECT=false
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "peer_urls"
MEDIA_ROOT = os.environ["PEER_MEDIA_ROOT"]
STATIC_ROOT = os.environ["PEER_STATIC_ROOT"]
LOGGING = {"version": 1, "disable_existing_loggers": False}
"""
PEER_URLS = """
import os
import time

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    token = str(time.monotonic_ns())
    cache.set(f"healthz:{os.getpid()}", token, 30)
    ok = cache.get(f"healthz:{os.getpid()}") == token
    return JsonResponse({"database": "ok", "cache": "ok" if ok else "error"})


urlpatterns = [path("healthz", healthz), path("", include("bakerydemo.urls"))]
"""
PEER_PATHS = """
from bakerydemo.blog.models import BlogPage
import json
blog = BlogPage.objects.live().order_by("pk").first()
print(json.dumps({"review": blog.url, "section": blog.get_parent().url, "home": "/"}))
"""
OURS_PATHS = """
from reviews.models import FilmReviewPage
import json
review = FilmReviewPage.objects.live().order_by("-date", "pk").first()
print(json.dumps({"review": review.url, "section": review.get_parent().url, "home": "/"}))
"""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bakerydemo", required=True, type=Path, help="a bakerydemo checkout")
    parser.add_argument("--before", type=Path, help="a checkout of this project to serve too")
    parser.add_argument("--duration", type=int, default=15, help="seconds of load per page")
    parser.add_argument("--warm", type=int, default=2, help="seconds of warming per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per site")
    parser.add_argument("--port", type=int, default=0, help="first of three ports (0: free)")
    parser.add_argument("--no-cached", action="store_true", help="skip the page-cache pass")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    return parser.parse_args()


def versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in ("wagtail", "django")}


def run(command: list[str], *, env: dict, cwd: Path, capture: bool = False) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, text=True, capture_output=True, check=False)
    if result.returncode:
        sys.exit(f"{' '.join(command[:4])} failed in {cwd}:\n{result.stderr[-3000:]}")
    return result.stdout if capture else ""


# -- bakerydemo ---------------------------------------------------------------------------------


def peer_requirements(checkout: Path, pins: dict[str, str]) -> list[str]:
    """bakerydemo's own requirements with Wagtail and Django at this project's versions (its
    pins follow Wagtail's main branch), plus what serving it needs."""
    lines = []
    for line in (checkout / "requirements" / "base.txt").read_text().splitlines():
        name = line.split("#")[0].strip()
        if not name or name.lower().startswith(("wagtail>", "wagtail=", "wagtail<", "django>")):
            continue
        if name.lower().startswith(("django=", "django<", "-r")):
            continue
        lines.append(name)
    return [
        *lines,
        f"wagtail=={pins['wagtail']}",
        f"Django=={pins['django']}",
        "gunicorn",
        "whitenoise>=6.11,<7",
    ]


def peer_venv(checkout: Path, pins: dict[str, str]) -> Path:
    """A virtualenv for bakerydemo, kept between runs (keyed by the versions)."""
    venv = VENV_CACHE / f"venv-wagtail{pins['wagtail']}-django{pins['django']}"
    requirements = peer_requirements(checkout, pins)
    stamp = venv / "requirements.txt"
    if stamp.exists() and stamp.read_text() == "\n".join(requirements):
        return venv
    shutil.rmtree(venv, ignore_errors=True)
    print(f"bakerydemo's virtualenv: {venv} (Wagtail {pins['wagtail']}, Django {pins['django']})")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [
            str(venv / "bin" / "pip"),
            "install",
            "--quiet",
            "--disable-pip-version-check",
            *requirements,
        ],
        check=True,
    )
    stamp.write_text("\n".join(requirements))
    return venv


def build_peer(checkout: Path, venv: Path, work: Path) -> tuple[dict, dict]:
    (work / "wrap").mkdir(parents=True)
    (work / "wrap" / "peer_settings.py").write_text(PEER_SETTINGS)
    (work / "wrap" / "peer_urls.py").write_text(PEER_URLS)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "peer_settings",
        "PYTHONPATH": f"{work / 'wrap'}{os.pathsep}{checkout}",
        "DATABASE_URL": f"sqlite:///{work / 'peer.sqlite3'}",
        "DJANGO_SECRET_KEY": "bench-only-" + os.urandom(16).hex(),
        "PEER_MEDIA_ROOT": str(work / "peer-media"),
        "PEER_STATIC_ROOT": str(work / "peer-static"),
        "REDIS_URL": "",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    python = str(venv / "bin" / "python")
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        ["load_initial_data"],
        ["collectstatic", "--noinput", "-v", "0"],
    ):
        run([python, "manage.py", *command], env=env, cwd=checkout)
    paths = json.loads(
        run([python, "manage.py", "shell", "-c", PEER_PATHS], env=env, cwd=checkout, capture=True)
        .strip()
        .splitlines()[-1]
    )
    return env, {**paths, "search": PEER_SEARCH, "healthz": "/healthz"}


# -- This project -------------------------------------------------------------------------------


def build_ours(checkout: Path, work: Path, port: int) -> tuple[dict, dict]:
    """Our demo content in a database of its own, served with production settings."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-only-" + os.urandom(16).hex(),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "REDIS_URL": "",
        "CACHE_DIR": str(work / "cache"),
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(checkout),
        "PAGE_CACHE_ENABLED": "false",
    }
    dev = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}  # the demo app is dev-only
    python = sys.executable
    run([python, "manage.py", "migrate", "--noinput", "-v", "0"], env=dev, cwd=checkout)
    run([python, "manage.py", "load_demo_content"], env=dev, cwd=checkout)
    run([python, "manage.py", "collectstatic", "--noinput", "-v", "0"], env=env, cwd=checkout)
    paths = json.loads(
        run([python, "manage.py", "shell", "-c", OURS_PATHS], env=env, cwd=checkout, capture=True)
        .strip()
        .splitlines()[-1]
    )
    return env, {**paths, "search": OURS_SEARCH, "healthz": "/healthz"}


# -- Serving and loading ------------------------------------------------------------------------


class Gunicorn:
    def __init__(self, command: list[str], env: dict, cwd: Path, port: int):
        self.command, self.env, self.cwd, self.port = command, env, cwd, port
        self.base_url = f"http://127.0.0.1:{port}"

    def __enter__(self) -> "Gunicorn":
        self.process = subprocess.Popen(
            self.command,
            cwd=self.cwd,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn on {self.port} exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/healthz", timeout=5) as response:
                    time.sleep(1)  # a gunicorn that could not bind exits: not our server
                    if response.status == 200 and self.process.poll() is None:
                        return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        sys.exit(f"gunicorn on {self.port} did not answer /healthz")

    def __exit__(self, *exc) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def ours_server(env: dict, checkout: Path, port: int, workers: int, cached: bool) -> Gunicorn:
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_THREADS": "1",
        "PAGE_CACHE_ENABLED": "true" if cached else "false",
    }
    return Gunicorn([gunicorn, "-c", "config/gunicorn.py"], env, checkout, port)


def peer_server(env: dict, venv: Path, checkout: Path, port: int, workers: int) -> Gunicorn:
    command = [
        str(venv / "bin" / "gunicorn"),
        "bakerydemo.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
        "--log-level",
        "warning",
    ]
    return Gunicorn(command, env, checkout, port)


def wrk(url: str, args, seconds: int) -> Measurement:
    command = [
        "wrk",
        "-t",
        str(args.threads),
        "-c",
        str(args.connections),
        "-d",
        f"{seconds}s",
        "--latency",
        "--timeout",
        "10s",
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def measure(server: Gunicorn, path: str, args) -> dict:
    url = server.base_url + path
    try:
        urllib.request.urlopen(url, timeout=30).close()
    except urllib.error.HTTPError as error:  # a broken page is reported, not measured
        print(f"  ! {url} answers {error.code}: {error.read()[:300]!r}")
        return {
            "path": path,
            "status": error.code,
            "rps": 0.0,
            "p50_ms": 0.0,
            "p99_ms": 0.0,
            "load": round(os.getloadavg()[0], 2),
        }
    wrk(url, args, args.warm)
    load = os.getloadavg()[0]
    result = asdict(wrk(url, args, args.duration))
    result.pop("ratio")
    if result["errors"]:
        print(f"  ! {url}: {result['error_kinds']}")
    return {**result, "path": path, "load": round(load, 2)}


# -- Reporting ----------------------------------------------------------------------------------


def print_pairs(results: dict) -> None:
    sites = [site for site in ("ours", "before") if site in results["sites"]]
    print(
        f"\n{'page':<9}{'site':<11}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'× peer':>8}"
        f"{'load':>7}  path"
    )
    for pair in PAIRS:
        peer = results["pages"][pair]["peer"]
        for site in [*sites, "peer"]:
            m = results["pages"][pair][site]
            ratio = f"{m['rps'] / peer['rps']:.2f}" if site != "peer" and peer["rps"] else ""
            print(
                f"{pair:<9}{site:<11}{m['rps']:>8.0f}{m['p50_ms']:>9.1f}{m['p99_ms']:>9.1f}"
                f"{ratio:>8}{m['load']:>7.2f}  {m['path']}"
            )
    if "cached" in results:
        floor = results["pages"]["healthz"]["ours"]["rps"]
        print("\nthis site with its page cache on (on disk), against its own /healthz:")
        for page, m in results["cached"].items():
            print(
                f"{page:<9}{m['rps']:>8.0f} req/s  p50 {m['p50_ms']:.1f} ms  "
                f"{m['rps'] / floor:.2f}× /healthz  (load {m['load']:.2f})"
            )


def main() -> None:
    args = parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    checkout = args.bakerydemo.resolve()
    if not (checkout / "bakerydemo" / "settings" / "production.py").exists():
        sys.exit(f"{checkout} is not a bakerydemo checkout (bakerydemo/settings/production.py)")
    pins = versions()
    venv = peer_venv(checkout, pins)
    work = Path(tempfile.mkdtemp(prefix="tp-peer-"))
    ports = dict(zip(("ours", "peer", "before"), free_ports(args.port), strict=True))
    try:
        print("loading bakerydemo's initial data and this site's demo content...", flush=True)
        peer_env, peer_paths = build_peer(checkout, venv, work / "peer")
        sites = {"ours": (REPO, *build_ours(REPO, mkdir(work / "ours"), ports["ours"]))}
        if args.before:
            before = args.before.resolve()
            sites["before"] = (
                before,
                *build_ours(before, mkdir(work / "before"), ports["before"]),
            )
        results = {
            "command": " ".join(sys.argv),
            "machine": {"cpus": os.cpu_count(), "load_before": os.getloadavg()},
            "versions": {**pins, "python": sys.version.split()[0]},
            "wrk": {
                "threads": args.threads,
                "connections": args.connections,
                "seconds": args.duration,
                "workers": args.workers,
            },
            "sites": {name: str(path) for name, (path, _, _) in sites.items()}
            | {"peer": str(checkout)},
            "pages": {pair: {} for pair in PAIRS},
        }
        servers = {
            name: ours_server(env, path, ports[name], args.workers, cached=False)
            for name, (path, env, _) in sites.items()
        }
        servers["peer"] = peer_server(peer_env, venv, checkout, ports["peer"], args.workers)
        paths = {name: paths for name, (_, _, paths) in sites.items()} | {"peer": peer_paths}
        with contextlib.ExitStack() as running:  # every server started is stopped, whatever fails
            for server in servers.values():
                running.enter_context(server)
            for pair in PAIRS:
                for name, server in servers.items():
                    results["pages"][pair][name] = measure(server, paths[name][pair], args)
                    m = results["pages"][pair][name]
                    print(
                        f"  {pair:<8}{name:<8}{m['rps']:8.0f} req/s  (load {m['load']})",
                        flush=True,
                    )
        if not args.no_cached:
            _, env, ours_paths = sites["ours"]
            results["cached"] = {}
            with ours_server(env, REPO, ports["ours"], args.workers, cached=True) as server:
                for pair in PAIRS:
                    results["cached"][pair] = measure(server, ours_paths[pair], args)
        for pair in PAIRS:
            peer = results["pages"][pair]["peer"]["rps"]
            ours = results["pages"][pair]["ours"]["rps"]
            results["pages"][pair]["ratio"] = round(ours / peer, 2) if peer else None
        results["machine"]["load_after"] = os.getloadavg()
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")
        print_pairs(results)
        print(
            f"\nload average before {results['machine']['load_before']}, after "
            f"{results['machine']['load_after']}; written to {RESULTS.relative_to(REPO)}"
        )
    finally:
        if args.keep:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def free_ports(first: int) -> list[int]:
    """Three ports: ``first`` and the next two, or (0) three the system says are free now."""
    if first:
        return [first, first + 1, first + 2]
    sockets = [socket.socket() for _ in range(3)]
    for sock in sockets:
        sock.bind(("127.0.0.1", 0))
    ports = [sock.getsockname()[1] for sock in sockets]
    for sock in sockets:
        sock.close()
    return ports


def mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


if __name__ == "__main__":
    main()
