"""Re-import from the review queue: ten records of a 2,000-page site, read again.

    .venv/bin/python bench/reimport_bench.py                 # temp SQLite file
    .venv/bin/python bench/reimport_bench.py --pages 500 --chosen 10 --repeat 3

Imports a generated mirror (``import_bench.generate_mirror``: one site of films, books and
features) once, then times ``legacy.writing.reimport.reimport`` on ``--chosen`` records
(every 200th), as the queue's "Re-import" runs it (in the worker). The baseline, measured in
the same run, is parsing the whole mirror without writing anything: a re-import cannot be
cheaper than the parse the site's model needs, and should cost little more.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.benchdb import bench_database  # noqa: E402
from bench.import_bench import generate_mirror, parse_only  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--chosen", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="tp-reimport-bench-") as temp_name:
        temp = Path(temp_name)
        mirror = temp / "mirror"
        generate_mirror(mirror, args.pages)
        with bench_database("tp-reimport-bench-"):
            from django.conf import settings
            from django.core.management import call_command
            from django.db import connection

            settings.MEDIA_ROOT = str(temp / "media")
            call_command("migrate", verbosity=0)
            from legacy.models import ImportRecord
            from legacy.writing.reimport import reimport
            from legacy.writing.writer import ImportOptions, LegacyImporter

            start = time.perf_counter()
            LegacyImporter(ImportOptions(base_url="http://bench.example/")).run_import([mirror])
            import_seconds = time.perf_counter() - start

            pages = ImportRecord.objects.filter(page__isnull=False).order_by("source_path")
            chosen = list(pages[:: max(1, pages.count() // args.chosen)][: args.chosen])
            parse_times, reimport_times = [], []
            for _ in range(args.repeat):
                parse_times.append(parse_only(mirror)[1])
                start = time.perf_counter()
                done = reimport(chosen, invoked_by="bench")
                reimport_times.append(time.perf_counter() - start)
            parse = statistics.median(parse_times)
            again = statistics.median(reimport_times)
            print(f"database        {connection.vendor}")
            print(f"pages           {args.pages} (import {import_seconds:.1f} s)")
            print(f"parse only      {parse:7.2f} s  (baseline: the whole mirror, no writing)")
            print(
                f"re-import {len(chosen):>3}   {again:7.2f} s  ({again / parse:.2f}x parse only; "
                f"{len(done.written)} written)"
            )


if __name__ == "__main__":
    main()
