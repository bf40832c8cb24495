"""Soak: many readers for a minute while an editor publishes every second; 0 errors expected.

    make soak                                        # SQLite, then PostgreSQL + Redis
    make soak SOAK_ARGS="--profile sqlite --clients 8 --seconds 20"

Profiles (gunicorn with config/gunicorn.py and production settings, on 127.0.0.1 only):

- ``sqlite``: a temporary SQLite file, no Redis (the cache on disk, page cache off);
- ``postgres``: PostgreSQL (database --database, tp_soak by default, created and dropped) with
  a redis-server of the soak's own on --redis-port (page cache on), as in the scale-out
  deployment.

Each profile builds an archive (generate_archive, under the development settings, which
alone install it, on the same database and media), warms every page of the mix once, then
measures /healthz alone with the same clients (the baseline), then runs the soak: --clients
clients, each a bounded loop of requests (reviews, sections, searches, feeds) until
--seconds have passed, while a publisher (manage.py shell) publishes a review every second.
It prints requests, errors by status, p50/p99 latency, p99 as a multiple of the baseline's
p99, publishes ok/failed, and the servers' peak resident memory (gunicorn's master and
workers, sampled from /proc every half second); it exits 1 if anything failed.
"""

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from benchdb import generator_env

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.production.servers import (  # noqa: E402 - after the path is set
    RedisServer,
    manage,
    on_the_server,
    plain_http_production_env,
    publisher_result,
    start_gunicorn,
    start_publisher,
    stop_gunicorn,
)

POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/{database}"
SEARCHES = ["harbour", "winter+light", "harbour+light", "river", "night+train", "film"]
SECTIONS = ["/", "/film-reviews/", "/book-reviews/", "/news/", "/features/"]
SECTIONS += ["/film-reviews/?page=2", "/film-reviews/a-z/", "/film-reviews/years/"]
FEEDS = ["/feed/", "/feed/atom/", "/film-reviews/feed/", "/book-reviews/feed/atom/"]
FEEDS += ["/sitemap.xml"]
# How often each kind of request comes up in the mix (out of 100).
WEIGHTS = {"review": 45, "section": 25, "search": 20, "feed": 10}


@dataclass
class Tally:
    """What the clients saw: latencies (ms) per kind of request, and every failure."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter = field(default_factory=Counter)

    def add(self, kind: str, status: str, milliseconds: float) -> None:
        self.latencies.setdefault(kind, []).append(milliseconds)
        if status != "200":
            self.errors[f"{kind} {status}"] += 1

    def all_latencies(self) -> list[float]:
        return [ms for values in self.latencies.values() for ms in values]


def percentile(values: list[float], p: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


# -- The clients --------------------------------------------------------------------------------


async def fetch(port: int, path: str, timeout: float) -> str:
    """One GET on a new connection (gunicorn's sync workers close it); the status code."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    try:
        request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        writer.write(request.encode())
        await writer.drain()
        response = await asyncio.wait_for(reader.read(), timeout)
        return response.split(b" ", 2)[1].decode() if response else "empty"
    finally:
        writer.close()


async def client(port: int, mix: dict[str, list[str]], until: float, tally: Tally, seed: int):
    rng = random.Random(seed)
    kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
    while time.monotonic() < until:
        kind = rng.choices(kinds, weights)[0]
        path = rng.choice(mix[kind])
        started = time.perf_counter()
        try:
            status = await fetch(port, path, timeout=30)
        except (OSError, TimeoutError) as error:
            status = type(error).__name__
        tally.add(kind, status, (time.perf_counter() - started) * 1000)


async def load(port: int, mix: dict[str, list[str]], clients: int, seconds: float) -> Tally:
    tally, until = Tally(), time.monotonic() + seconds
    await asyncio.gather(*(client(port, mix, until, tally, seed) for seed in range(clients)))
    return tally


def request_mix(sample: dict) -> dict[str, list[str]]:
    return {
        "review": sample["reviews"] + sample["articles"],
        "section": SECTIONS + ([sample["contributor"]] if sample.get("contributor") else []),
        "search": [f"/search/?q={query}" for query in SEARCHES],
        "feed": FEEDS,
    }


# -- The servers' memory --------------------------------------------------------------------------


def group_rss_kib(group: int) -> dict[int, int]:
    """Resident memory (KiB) of each live process in a process group (gunicorn's, from /proc)."""
    sizes = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) != group:  # fields after the name: state, ppid, pgrp, ...
                continue
            status = (stat.parent / "status").read_text()
        except (OSError, IndexError, ValueError):
            continue  # the process ended while it was read
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                sizes[int(stat.parent.name)] = int(line.split()[1])
    return sizes


class MemoryWatch:
    """Samples a process group's resident memory until stopped: the peak of the sum (master
    and workers together) and of the largest single process, in MB."""

    def __init__(self, group: int, every: float = 0.5):
        self.group, self.every = group, every
        self.peak_total = self.peak_process = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "MemoryWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            sizes = group_rss_kib(self.group)
            if sizes:
                self.peak_total = max(self.peak_total, sum(sizes.values()) // 1024)
                self.peak_process = max(self.peak_process, max(sizes.values()) // 1024)
            self._stop.wait(self.every)


# -- A profile ----------------------------------------------------------------------------------


def production_env(workdir: Path, database_url: str, redis_url: str, workers: int) -> dict:
    return plain_http_production_env(
        workdir,
        database_url,
        redis_url,
        STATIC_ROOT=str(workdir / "static"),
        WEB_CONCURRENCY=str(workers),
    )


def build_site(env: dict, reviews: int) -> dict:
    manage(env, "migrate", "--noinput", "-v", "0", timeout=900)
    manage(env, "collectstatic", "--noinput", "-v", "0")
    output = manage(
        generator_env(env), "generate_archive", "--reviews", str(reviews), "--json", timeout=900
    )
    return json.loads(output.strip().splitlines()[-1])


def warm(port: int, mix: dict[str, list[str]]) -> Counter:
    """Every page of the mix once (renditions, connections); what did not answer 200."""

    async def each() -> list[str]:
        paths = [path for paths in mix.values() for path in paths]
        return [f"{path} {await fetch(port, path, 30)}" for path in paths]

    return Counter(line for line in asyncio.run(each()) if not line.endswith(" 200"))


def soak_profile(name: str, env: dict, args: argparse.Namespace, workdir: Path) -> dict:
    started = time.monotonic()
    sample = build_site(env, args.reviews)
    print(f"{name}: archive {sample['counts']} built in {time.monotonic() - started:.0f} s")
    log = workdir / f"gunicorn-{name}.log"
    server = start_gunicorn(env, args.port, log)
    try:
        mix = request_mix(sample)
        not_ok = warm(args.port, mix)
        healthz_only = dict.fromkeys(WEIGHTS, ["/healthz"])
        baseline = asyncio.run(load(args.port, healthz_only, args.clients, args.baseline))
        slug = sample["reviews"][0].rstrip("/").rsplit("/", 1)[-1]
        publisher = args.publish_every and start_publisher(
            env, slug=slug, title="Soak", seconds=args.seconds, interval=args.publish_every
        )
        with MemoryWatch(server.pid) as memory:
            tally = asyncio.run(load(args.port, mix, args.clients, args.seconds))
        published = (
            publisher_result(publisher, timeout=args.seconds + 120)
            if publisher
            else {"ok": 0, "failed": 0, "errors": []}
        )
    finally:
        stop_gunicorn(server)
    result = summarise(tally, baseline, published)
    result.update(profile=name, warm_up_failures=dict(not_ok), seconds=args.seconds)
    result.update(peak_rss_mb=memory.peak_total, peak_worker_rss_mb=memory.peak_process)
    result["tracebacks"] = error_lines(log) if result["errors"] or published["failed"] else []
    print_result(result, args)
    return result


def summarise(tally: Tally, baseline: Tally, published: dict) -> dict:
    latencies, base = tally.all_latencies(), baseline.all_latencies()
    p99, base_p99 = percentile(latencies, 99), percentile(base, 99)
    return {
        "requests": len(latencies),
        "errors": sum(tally.errors.values()),
        "errors_by_status": dict(tally.errors),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p99_ms": round(p99, 1),
        "healthz_p99_ms": round(base_p99, 1),
        "p99_ratio": round(p99 / base_p99, 1) if base_p99 else None,
        "publishes_ok": published["ok"],
        "publishes_failed": published["failed"],
        "publish_errors": published["errors"],
        "per_kind": {
            kind: (len(values), round(percentile(values, 50), 1), round(percentile(values, 99), 1))
            for kind, values in sorted(tally.latencies.items())
        },
    }


def error_lines(log: Path, limit: int = 5) -> list[str]:
    """The last line of each distinct traceback in the gunicorn log (its exception)."""
    seen: Counter = Counter()
    for line in log.read_text(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("exc_info"):
            seen[entry["exc_info"].strip().splitlines()[-1][:200]] += 1
    return [f"{count} x {line}" for line, count in seen.most_common(limit)]


def print_result(result: dict, args: argparse.Namespace) -> None:
    print(
        f"{result['profile']}: {result['requests']:,} requests by {args.clients} clients in "
        f"{args.seconds} s, errors {result['errors']} {result['errors_by_status'] or ''}\n"
        f"  p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms = {result['p99_ratio']} x "
        f"the /healthz p99 ({result['healthz_p99_ms']} ms, same clients, same run)\n"
        f"  publishes {result['publishes_ok']} ok / {result['publishes_failed']} failed\n"
        f"  peak RSS {result['peak_rss_mb']} MB (gunicorn master and {args.workers} workers), "
        f"largest process {result['peak_worker_rss_mb']} MB"
    )
    for kind, (count, p50, p99) in result["per_kind"].items():
        print(f"  {kind:<8} {count:>7,} requests  p50 {p50:>7.1f} ms  p99 {p99:>7.1f} ms")
    for heading, values in (
        ("warm-up failures", result["warm_up_failures"]),
        ("publish errors", result["publish_errors"]),
        ("server exceptions", result["tracebacks"]),
    ):
        if values:
            print(f"  {heading}: {values}")


# -- Running ------------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=60, help="length of the soak")
    parser.add_argument("--baseline", type=int, default=5, help="seconds of /healthz alone")
    parser.add_argument("--reviews", type=int, default=2000, help="reviews in the archive")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8788)
    parser.add_argument("--redis-port", type=int, default=6383, help="the soak's own Redis")
    parser.add_argument(
        "--database", default="tp_soak", help="PostgreSQL database (created and dropped)"
    )
    parser.add_argument(
        "--publish-every", type=float, default=1.0, help="seconds between publishes (0: none)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    return parser.parse_args()


def run_sqlite(args: argparse.Namespace, workdir: Path) -> dict:
    url = f"sqlite:///{workdir / 'soak.sqlite3'}"
    return soak_profile("sqlite", production_env(workdir, url, "", args.workers), args, workdir)


def run_postgres(args: argparse.Namespace, workdir: Path) -> dict:
    database = args.database
    drop = f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'
    on_the_server(drop, f'CREATE DATABASE "{database}"')
    redis = RedisServer(args.redis_port, workdir)
    try:
        redis.start()
        url = POSTGRES_URL.format(database=database)
        env = production_env(workdir, url, redis.url, args.workers)
        return soak_profile("postgres+redis", env, args, workdir)
    finally:
        redis.kill()
        on_the_server(drop)


def main() -> None:
    args = parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress shows as it happens under make
    profiles = {"sqlite": [run_sqlite], "postgres": [run_postgres]}
    runs = profiles.get(args.profile, [run_sqlite, run_postgres])
    print(f"load average before: {os.getloadavg()}, {os.cpu_count()} cores", flush=True)
    results = []
    for run in runs:
        workdir = Path(tempfile.mkdtemp(prefix="tp-soak-"))
        try:
            results.append(run(args, workdir))
        finally:
            if args.keep:
                print(f"  kept {workdir} (gunicorn-*.log has every request's time)")
            else:
                shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    failed = any(r["errors"] or r["publishes_failed"] or r["warm_up_failures"] for r in results)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
