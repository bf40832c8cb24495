"""HTTP benchmark: gunicorn + production settings on 127.0.0.1, loaded by Debian's wrk.

    make bench                                  # 5,000 reviews, PostgreSQL if reachable
    make bench BENCH_ARGS="--size 500 --duration 5 --soak 10"   # a quick run

Builds an archive in its own database (tp_prod_bench on PostgreSQL, else a temporary
SQLite file; never db.sqlite3) with generate_archive, run under the development settings
(production does not install the generator) on the same database and media. Then for two
server configurations, page cache off ("uncached") and on ("cached"), it measures each page
type and /healthz (the baseline) with wrk, and soaks a mix of pages. Prints a table and
writes bench/results/latest.json.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchdb import generator_env

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.production.servers import plain_http_production_env  # noqa: E402 - after the path

PYTHON = sys.executable
RESULTS = REPO / "bench" / "results" / "latest.json"
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_URL = "postgres://postgres@127.0.0.1:5432/tp_prod_bench"
SEARCH_QUERY = "harbour light"


@dataclass
class Measurement:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    error_kinds: dict[str, int] = field(default_factory=dict)
    ratio: float | None = None


# -- Setting up ---------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=5000, help="reviews in the archive")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--soak", type=int, default=60, help="seconds of the mixed soak")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections per page")
    parser.add_argument("--soak-connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--database", choices=["auto", "postgres", "sqlite"], default="auto")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5")
    return parser.parse_args()


def run(*command: str, env: dict, capture: bool = False) -> str:
    result = subprocess.run(
        command,
        cwd=REPO,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )
    return result.stdout if capture else ""


def postgres_reachable() -> bool:
    return (
        shutil.which("pg_isready") is not None
        and subprocess.run(
            ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False
        ).returncode
        == 0
    )


def fresh_database(choice: str, workdir: Path) -> str:
    """An empty database of our own for this run."""
    if choice == "postgres" or (choice == "auto" and postgres_reachable()):
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
            connection.execute("DROP DATABASE IF EXISTS tp_prod_bench WITH (FORCE)")
            connection.execute("CREATE DATABASE tp_prod_bench")
        return PG_BENCH_URL
    return f"sqlite:///{workdir / 'bench.sqlite3'}"


def ensure_redis(redis_url: str) -> None:
    if subprocess.run(["redis-cli", "-u", redis_url, "ping"], capture_output=True).returncode:
        subprocess.run(
            [
                "redis-server",
                "--daemonize",
                "yes",
                "--bind",
                "127.0.0.1",
                "-::1",
                "--port",
                "6379",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            check=True,
        )
        time.sleep(0.5)
    subprocess.run(["redis-cli", "-u", redis_url, "flushdb"], check=True, capture_output=True)


def production_env(database_url: str, redis_url: str, workdir: Path, port: int) -> dict:
    return plain_http_production_env(
        workdir, database_url, redis_url, GUNICORN_BIND=f"127.0.0.1:{port}"
    )


def build_site(env: dict, size: int) -> dict:
    manage = [PYTHON, "manage.py"]
    run(*manage, "migrate", "--noinput", "-v", "0", env=env)
    run(*manage, "collectstatic", "--noinput", "-v", "0", env=env)
    generator = generator_env(env)
    output = run(
        *manage, "generate_archive", "--reviews", str(size), "--json", env=generator, capture=True
    )
    return json.loads(output.strip().splitlines()[-1])


# -- Serving ------------------------------------------------------------------------------------


class Server:
    """gunicorn with config/gunicorn.py, started and stopped around one configuration."""

    def __init__(self, env: dict, workers: int, port: int, page_cache: bool):
        self.env = {
            **env,
            "WEB_CONCURRENCY": str(workers),
            "PAGE_CACHE_ENABLED": "true" if page_cache else "false",
        }
        self.base_url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        gunicorn = str(Path(PYTHON).parent / "gunicorn")
        self.process = subprocess.Popen(
            [gunicorn, "-c", "config/gunicorn.py"],
            cwd=REPO,
            env=self.env,
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.wait_until_healthy()
        return self

    def wait_until_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not become healthy")

    def __exit__(self, *exc) -> None:
        if self.process:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


# -- Loading with wrk ---------------------------------------------------------------------------


def wrk(url: str, seconds: int, connections: int, script: Path | None = None) -> Measurement:
    command = [
        "wrk",
        "-t",
        "1",
        "-c",
        str(connections),
        "-d",
        f"{seconds}s",
        "--latency",
        "--timeout",
        "10s",
    ]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> Measurement:
    def latency(percentile: str) -> float:
        match = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    requests = int(re.search(r"(\d+) requests in", output).group(1))
    kinds = {kind: int(n) for kind, n in re.findall(r"(connect|read|write|timeout) (\d+)", output)}
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    kinds["non_2xx"] = int(non_2xx.group(1)) if non_2xx else 0
    return Measurement(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=round(latency("50"), 2),
        p99_ms=round(latency("99"), 2),
        requests=requests,
        errors=sum(kinds.values()),
        error_kinds={kind: n for kind, n in kinds.items() if n},
    )


def page_paths(sample: dict) -> dict[str, str]:
    return {
        "healthz": "/healthz",
        "home": "/",
        "section": "/film-reviews/",
        "review": sample["reviews"][0],
        "article": sample["articles"][0],
        "search": "/search/?q=" + SEARCH_QUERY.replace(" ", "+"),
    }


def soak_script(sample: dict, workdir: Path) -> Path:
    """A wrk Lua script that requests a random page of the mix for every request."""
    paths = [
        "/",
        "/film-reviews/",
        "/film-reviews/?page=2",
        "/book-reviews/",
        "/news/",
        "/search/?q=harbour",
        "/search/?q=winter+light",
        "/healthz",
        *sample["reviews"],
        *sample["articles"],
    ]
    if sample.get("contributor"):
        paths.append(sample["contributor"])
    lua = "paths = {" + ", ".join(json.dumps(path) for path in paths) + "}\n"
    lua += 'request = function()\n  return wrk.format("GET", paths[math.random(#paths)])\nend\n'
    script = workdir / "soak.lua"
    script.write_text(lua)
    return script


def measure_configuration(server: Server, sample: dict, args, workdir: Path) -> dict:
    pages = {}
    for name, path in page_paths(sample).items():
        wrk(server.base_url + path, 2, args.connections)  # warm: renditions, caches, connections
        pages[name] = wrk(server.base_url + path, args.duration, args.connections)
        print(f"  {name:<8} {pages[name].rps:8.0f} req/s", flush=True)
    baseline = pages["healthz"].rps
    for measurement in pages.values():
        measurement.ratio = round(measurement.rps / baseline, 3)
    soak = wrk(server.base_url, args.soak, args.soak_connections, soak_script(sample, workdir))
    print(
        f"  soak     {soak.requests} requests, {soak.errors} errors {soak.error_kinds}", flush=True
    )
    return {
        "pages": {name: asdict(m) for name, m in pages.items()},
        "soak": {
            "requests": soak.requests,
            "errors": soak.errors,
            "error_kinds": soak.error_kinds,
            "rps": soak.rps,
            "seconds": args.soak,
            "connections": args.soak_connections,
        },
    }


# -- Reporting ----------------------------------------------------------------------------------


def print_table(results: dict) -> None:
    print(f"\n{'page':<9}{'run':<10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>8}")
    for run_name in ("uncached", "cached"):
        for page, m in results[run_name]["pages"].items():
            print(
                f"{page:<9}{run_name:<10}{m['rps']:>9.0f}{m['p50_ms']:>9.2f}"
                f"{m['p99_ms']:>9.2f}{m['ratio']:>8.2f}"
            )
    for run_name in ("uncached", "cached"):
        soak = results[run_name]["soak"]
        print(
            f"soak ({run_name}): {soak['requests']} requests, {soak['errors']} errors"
            f" {soak['error_kinds'] or ''}, "
            f"{soak['connections']} clients, {soak['seconds']} s"
        )
    review = results["uncached"]["pages"]["review"]["ratio"]
    cached = min(m["ratio"] for p, m in results["cached"]["pages"].items() if p != "healthz")
    print(
        f"targets: uncached review {review:.2f} (>= 0.10), worst cached page {cached:.2f} "
        f"(>= 0.80); load before: {results['machine']['load_before']}"
    )


def main() -> None:
    args = parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk (make bench does this)")
    workdir = Path(tempfile.mkdtemp(prefix="tp-bench-"))
    try:
        database_url = fresh_database(args.database, workdir)
        ensure_redis(args.redis_url)
        env = production_env(database_url, args.redis_url, workdir, args.port)
        started = time.monotonic()
        sample = build_site(env, args.size)
        print(
            f"archive: {sample['counts']} in {sample['seconds']} s "
            f"(with migrations {time.monotonic() - started:.0f} s) on {database_url}"
        )
        results = {
            "machine": {
                "cpus": os.cpu_count(),
                "load_before": os.getloadavg(),
                "database": database_url.split(":")[0],
                "size": args.size,
                "workers": args.workers,
                "connections": args.connections,
            },
        }
        for run_name, page_cache in (("uncached", False), ("cached", True)):
            print(f"{run_name}:", flush=True)
            with Server(env, args.workers, args.port, page_cache) as server:
                results[run_name] = measure_configuration(server, sample, args, workdir)
        results["machine"]["load_after"] = os.getloadavg()
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2))
        print_table(results)
        print(f"written to {RESULTS.relative_to(REPO)}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
