"""Legacy import benchmark: a generated mirror of N old pages, imported end to end.

    .venv/bin/python bench/import_bench.py                 # 2,000 pages on a temp SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tp_bench .venv/bin/python bench/import_bench.py

Measures pages/second for the whole import (parse, create, publish, redirect, records) and,
as a baseline in the same run, parse-only throughput: the ratio says what the database side
costs. Each is also given as process CPU time (user + sys), and the full import as SQL
statements per page: on a noisy machine (other jobs, a shared host) wall-clock rates swing by
a quarter from run to run, the query count not at all and CPU time much less. Peak memory
is the process's maximum resident set size. The database is always a
fresh one of its own (a temp SQLite file, or Django's test database on PostgreSQL): the
project's db.sqlite3 is never touched.
"""

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = [
    "light",
    "river",
    "winter",
    "orchard",
    "camera",
    "silence",
    "family",
    "road",
    "lantern",
    "harbour",
    "story",
    "memory",
    "actor",
    "scene",
    "patient",
    "quiet",
    "final",
    "image",
    "ending",
    "music",
    "careful",
    "long",
    "take",
    "summer",
    "letter",
]


def sentence(rng: random.Random, length: int = 14) -> str:
    words = [rng.choice(WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def film_page(rng: random.Random, number: int, total: int) -> str:
    other = rng.randrange(total)
    body = "".join(
        f'<p><font face="Verdana" size="2">{paragraph(rng)}</font></p>\n' for _ in range(4)
    )
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        f"<title>Film {number}</title></head><body>\n"
        '<p align="center"><img src="../images/banner.gif" alt="Talking Pictures"></p>\n'
        f'<p align="center"><b><font size="5">Film {number}</font></b></p>\n'
        f'<p align="center"><b>Director {number % 97}. U.K. {1950 + number % 60}.</b></p>\n'
        f'<p align="center"><i>\u201c{sentence(rng, 10)}\u201d</i><br>Author Unknown</p>\n'
        '<p><b><font color="#FF0000">Note: Spoiler Alert</font></b></p>\n'
        f"{body}"
        f'<p><font size="2">See also <a href="film{other}.htm">Film {other}</a>.</font></p>\n'
        '<p align="right"><b>Reviewer ' + str(number % 13) + "</b><br>March 2011</p>\n"
        "</body></html>"
    )


def book_page(rng: random.Random, number: int) -> str:
    body = "<BR><BR>\r\n".join(paragraph(rng) for _ in range(4))
    return (
        '<HTML><HEAD><META http-equiv=Content-Type content="text/html; charset=iso-8859-1">\r\n'
        f"<TITLE>Talking Pictures - Book Review - Book {number}</TITLE></HEAD><BODY>\r\n"
        f"<H1>Book {number}</H1>\r\n<P class=credits>Author {number % 89}. Faber and Faber, "
        f"{1960 + number % 50}. {100 + number % 400} pages.</P>\r\n"
        f"<FONT face=Georgia size=3>{body}</FONT>\r\n"
        f"<P align=right><I>Reviewer {number % 13}</I><BR><SMALL>April 2009</SMALL></P>\r\n"
        "</BODY></HTML>\r\n"
    )


def feature_page(rng: random.Random, number: int) -> str:
    sections = "".join(f"<h2>Part {part}</h2>\n<p>{paragraph(rng)}</p>\n" for part in range(3))
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        f"<title>Talking Pictures - Feature - Feature {number}</title></head><body>\n"
        f"<h1>Feature {number}</h1>\n<p>{paragraph(rng)}</p>\n{sections}"
        f'<p align="right"><b>Reviewer {number % 13}</b><br>May 2010</p>\n</body></html>'
    )


def generate_mirror(root: Path, count: int, seed: int = 2011) -> None:
    """Films, books and features in the old site's folders, plus A-Z listings."""
    rng = random.Random(seed)
    films = count * 6 // 10
    for number in range(count):
        if number < films:
            path, html = root / "reviews" / f"film{number}.htm", film_page(rng, number, films)
        elif number % 2:
            path, html = root / "books" / f"book{number}.htm", book_page(rng, number)
        else:
            path, html = root / "features" / f"feature{number}.htm", feature_page(rng, number)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(html.encode("cp1252" if "windows" in html[:120] else "utf-8"))


def setup_django(database_url: str | None, media_root: Path) -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ["MEDIA_ROOT"] = str(media_root)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = str(media_root)
    return settings.DATABASES["default"]["ENGINE"]


def fresh_database(temp: Path) -> str:
    """A temp SQLite file (migrated), or Django's test database on PostgreSQL."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "sqlite":
        call_command("migrate", verbosity=0)
        return str(temp / "bench.sqlite3")
    return connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)


def cpu_seconds() -> float:
    """The process's CPU time so far, user and system."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def parse_only(mirror: Path) -> tuple[int, float]:
    from legacy.parsing.paths import walk_sources
    from legacy.writing.writer import parse_sources, read_source

    start = time.perf_counter()
    parsed = parse_sources([read_source(source) for source in walk_sources([mirror])])
    return len(parsed), time.perf_counter() - start


def full_import(mirror: Path, base_url: str) -> tuple[dict, float]:
    from legacy.writing.writer import ImportOptions, LegacyImporter

    start = time.perf_counter()
    report = LegacyImporter(ImportOptions(base_url=base_url)).run_import([mirror])
    return report.summary(), time.perf_counter() - start


def counting_statements(counter: list[int]):
    """A database execute wrapper that counts every statement run (savepoints too)."""

    def counted(execute, sql, params, many, context):
        counter[0] += 1
        return execute(sql, params, many, context)

    return counted


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--profile", action="store_true", help="cProfile the import (top 25).")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tp-import-bench-") as temp_name:
        temp = Path(temp_name)
        database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{temp / 'bench.sqlite3'}"
        engine = setup_django(database_url, temp / "media")
        database = fresh_database(temp)
        mirror = temp / "mirror"
        generate_mirror(mirror, args.pages)

        from django.db import connection

        cpu = cpu_seconds()
        parsed, parse_seconds = parse_only(mirror)
        parse_cpu, cpu = cpu_seconds() - cpu, cpu_seconds()
        statements = [0]
        with connection.execute_wrapper(counting_statements(statements)):
            if args.profile:
                import cProfile
                import pstats

                profiler = cProfile.Profile()
                summary, seconds = profiler.runcall(full_import, mirror, "http://bench.example/")
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
            else:
                summary, seconds = full_import(mirror, "http://bench.example/")
        import_cpu = cpu_seconds() - cpu
        second_summary, second_seconds = full_import(mirror, "http://bench.example/")

        parse_rate = parsed / parse_seconds
        import_rate = args.pages / seconds
        print(f"database          {engine.rsplit('.', 1)[-1]} ({database})")
        print(f"pages             {args.pages}")
        print(f"parse only        {parse_rate:8.1f} pages/s  (baseline; CPU {parse_cpu:.1f} s)")
        print(f"full import       {import_rate:8.1f} pages/s  ({seconds:.1f} s) {summary}")
        print(
            f"                  CPU {import_cpu:.1f} s ({1000 * import_cpu / args.pages:.1f} ms a "
            f"page), {statements[0] / args.pages:.1f} SQL statements a page"
        )
        print(f"ratio             {import_rate / parse_rate:8.3f} of parse-only throughput")
        print(f"re-run (no-op)    {args.pages / second_seconds:8.1f} pages/s  {second_summary}")
        print(f"peak memory       {peak_rss_mb():8.1f} MB (max RSS)")
        if engine.endswith("postgresql"):
            from django.db import connection

            connection.creation.destroy_test_db(database, verbosity=0)


if __name__ == "__main__":
    main()
