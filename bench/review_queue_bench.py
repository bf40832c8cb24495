"""Review queue benchmark: the import's review queue (legacy/review.py) at 20, 200 and 5,000
records, as an editor opens, filters and sorts it.

    .venv/bin/python bench/review_queue_bench.py               # SQLite (temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tp_i24 \\
        .venv/bin/python bench/review_queue_bench.py           # PostgreSQL (tp_i24_bench)

Never touches db.sqlite3 or the DATABASE_URL database itself (bench/benchdb.py). Each view is
requested by an editor (Editors group) ``--repeat`` times after a warm-up; the median time and
the SQL query count are printed, with the time as a ratio to the admin dashboard measured in
the same run. The queue must open in under 300 ms at 5,000 records on SQLite, in as many
queries as at 20.
"""

import argparse
import sys
from pathlib import Path

from admin_bench import editor_client, measure  # the same editor, measured the same way
from benchdb import bench_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = (20, 200, 5000)
VIEWS = [
    ("dashboard (baseline)", "/admin/"),
    ("queue, worst first", "/admin/legacy/importrecord/"),
    (
        "queue: review without reviewer",
        "/admin/legacy/importrecord/?check=review_without_reviewer",
    ),
    (
        "queue: film reviews by fidelity",
        "/admin/legacy/importrecord/?kind=film_review&ordering=fidelity",
    ),
    ("queue: search 'page number 4'", "/admin/legacy/importrecord/?q=page+number+4"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    with bench_database("tp-queue-bench-"):
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        from home.tree import ensure_site_tree
        from tests.importer.queue import make_records

        ensure_site_tree()
        client = editor_client()
        print(f"Review queue benchmark on {connection.vendor}")
        print(f"\n  {'records':>7}  {'view':34} {'median ms':>9} {'queries':>7} {'× time':>7}")
        made = 0
        for size in SIZES:
            make_records(size - made, start=made)
            made = size
            rows = [(label, *measure(client, url, options.repeat)) for label, url in VIEWS]
            base = rows[0][1]
            for label, seconds, queries in rows:
                print(
                    f"  {size:7d}  {label:34} {seconds * 1000:9.1f} {queries:7d} "
                    f"{seconds / base:7.2f}"
                )


if __name__ == "__main__":
    main()
