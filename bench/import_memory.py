"""Importer memory against the size of what it reads (issue 21, finding 7; issue 23).

    .venv/bin/python bench/import_memory.py                  # 10 and 100 pages of 1.5 MB
    .venv/bin/python bench/import_memory.py --pages 2 8 --size 1.5 --real
    .venv/bin/python bench/import_memory.py --pages --site 2000 6000 --before ../main

Writes mirrors of N big old review pages (each ``--size`` MB of varied prose: long
reviews, as a hand-edited archive has a few) and runs ``manage.py import_legacy MIRROR
--dry-run`` on each in a process of its own, reading that process's peak resident set
size from the kernel (``os.wait4``). The baseline, measured in the same run, is the same
command on a mirror of N small pages: ``(peak - baseline) / N`` is what one big page costs
the run, printed in MB and as a multiple of the page's size. A run whose memory is bounded
keeps that figure flat as N grows; one that keeps every page's copies grows with N.
``--real`` measures the real import too (pages written), ``--site N`` the real import of
``import_bench``'s whole site of N ordinary pages, and ``--before PATH`` each figure again
with another checkout's code (``main``), in the same run.

The database is a temp SQLite file of its own, migrated once and copied fresh for each
import (never db.sqlite3).
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from import_bench import WORDS, generate_mirror  # noqa: E402  (the same invented site)


def paragraph(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(60, 120))]
    return '<p><font face="Verdana" size="2">' + " ".join(words).capitalize() + ".</font></p>\n"


def review(rng: random.Random, number: int, size: int) -> str:
    head = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        f"<title>Long Film {number}</title></head><body>\n"
        f'<p align="center"><b><font size="5">Long Film {number}</font></b></p>\n'
        f'<p align="center"><b>Director {number}. U.K. {1950 + number % 60}.</b></p>\n'
    )
    tail = f'<p align="right"><b>Reviewer {number % 7}</b><br>March 2011</p>\n</body></html>'
    body, length = [], len(head) + len(tail)
    while length < size:
        body.append(paragraph(rng))
        length += len(body[-1])
    return head + "".join(body) + tail


def write_mirror(folder: Path, pages: int, size: int, seed: int = 21) -> Path:
    rng = random.Random(seed)
    (folder / "reviews").mkdir(parents=True, exist_ok=True)
    for number in range(pages):
        text = review(rng, number, size)
        (folder / "reviews" / f"film{number}.htm").write_bytes(text.encode("cp1252"))
    return folder


def peak_rss_mb(command: list[str], env: dict[str, str], tree: Path) -> float:
    """The peak resident set size of one process, in MB, from the kernel's accounting."""
    with tempfile.TemporaryFile() as errors:  # progress lines, shown only on a failure
        process = subprocess.Popen(
            command, env=env, cwd=tree, stdout=subprocess.DEVNULL, stderr=errors
        )
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode()[-2000:]}")
    return usage.ru_maxrss / 1024  # kilobytes on Linux


class Importer:
    """``import_legacy`` of one checkout (``tree``), each run on a fresh copy of the
    migrated database."""

    def __init__(self, tree: Path, migrated: Path, temp: Path, env: dict[str, str]) -> None:
        self.tree, self.migrated, self.temp, self.env = tree, migrated, temp, env

    def peak(self, mirror: Path, real: bool) -> float:
        database = self.temp / "run.sqlite3"
        shutil.copyfile(self.migrated, database)
        env = {**self.env, "DATABASE_URL": f"sqlite:///{database}"}
        command = [sys.executable, "manage.py", "import_legacy", str(mirror)]
        command += ["--max-page-size", "0", "--base-url", "http://bench.example/"]
        return peak_rss_mb(command + ([] if real else ["--dry-run"]), env, self.tree)


def big_pages(importers: dict[str, Importer], temp: Path, counts: list[int], size: int, real):
    mode = "import" if real else "dry-run"
    for pages in counts:
        small = write_mirror(temp / f"small{pages}", pages, 3_000)
        big = write_mirror(temp / f"big{pages}", pages, size)
        for name, importer in importers.items():
            baseline, peak = importer.peak(small, real), importer.peak(big, real)
            per_page = (peak - baseline) / pages
            ratio = per_page / (size / 2**20)
            print(
                f"{name:>7} {mode:>8} {pages:>6} {baseline:>9.0f} {peak:>10.0f} "
                f"{per_page:>9.1f} {ratio:>7.1f}",
                flush=True,
            )


def whole_sites(importers: dict[str, Importer], temp: Path, counts: list[int]) -> None:
    for pages in counts:
        mirror = temp / f"site{pages}"
        generate_mirror(mirror, pages)
        for name, importer in importers.items():
            peak = importer.peak(mirror, real=True)
            print(f"{name:>7} {'import':>8} {pages:>6} {'':>9} {peak:>10.0f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="*", default=[10, 100])
    parser.add_argument("--size", type=float, default=1.5, help="MB per big page")
    parser.add_argument("--real", action="store_true", help="also the real import")
    parser.add_argument("--site", type=int, nargs="*", default=[], help="whole-site pages")
    parser.add_argument("--before", type=Path, help="another checkout to measure too")
    args = parser.parse_args()
    size = int(args.size * 1024 * 1024)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    with tempfile.TemporaryDirectory(prefix="import-memory-") as temp_name:
        temp = Path(temp_name)
        migrated = temp / "migrated.sqlite3"
        migrate_env = {**env, "DATABASE_URL": f"sqlite:///{migrated}"}
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "-v0"], env=migrate_env, cwd=ROOT, check=True
        )
        trees = {"this": ROOT, **({"before": args.before.resolve()} if args.before else {})}
        importers = {name: Importer(tree, migrated, temp, env) for name, tree in trees.items()}
        print(f"peak RSS of import_legacy (MB); big pages of {size / 2**20:.2f} MB")
        print(
            f"{'code':>7} {'mode':>8} {'pages':>6} {'baseline':>9} {'peak':>10} "
            f"{'per page':>9} {'x size':>7}"
        )
        for real in (False, True) if args.real else (False,):
            big_pages(importers, temp, args.pages, size, real)
        whole_sites(importers, temp, args.site)


if __name__ == "__main__":
    main()
