"""``manage.py import_legacy PATH [PATH ...]``: the old static site into Wagtail.

Thin by design: options in, LegacyImporter (reviews/legacy/writer.py) does the work,
a progress bar, a summary table and an optional JSON report out.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tqdm import tqdm

from reviews.legacy.sections import MappingError, load_mapping_file, parse_rule
from reviews.legacy.writer import ImportOptions, ImportReport, LegacyImporter


class Command(BaseCommand):
    help = "Import pages of the old static site (folders are walked for *.htm/*.html)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="Mirror folders or files.")
        parser.add_argument("--base-url", default="", help="The old site's address.")
        parser.add_argument("--dry-run", action="store_true", help="Parse and report only.")
        parser.add_argument("--draft", action="store_true", help="Create unpublished drafts.")
        parser.add_argument("--report", type=Path, help="Write a JSON report to this file.")
        parser.add_argument(
            "--map", type=Path, help="Section mapping file: 'glob = kind' lines (see docs)."
        )
        parser.add_argument(
            "--section",
            action="append",
            default=[],
            metavar="GLOB=KIND",
            help="Section rule, e.g. 'archive/*=film'; repeatable, wins over --map.",
        )
        parser.add_argument(
            "--root", type=Path, help="Mirror root for single files (default: their folder)."
        )

    def handle(self, *args, **options) -> None:
        missing = [str(path) for path in options["paths"] if not path.exists()]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}")
        importer = LegacyImporter(self.import_options(options))
        with self.progress_bar() as bar:
            report = importer.run_import(options["paths"], on_item=lambda item: bar.update())
        self.print_summary(report, dry_run=options["dry_run"])
        if options["report"]:
            options["report"].write_text(
                json.dumps(report.as_dict(), indent=2, ensure_ascii=False), encoding="utf-8"
            )

    def import_options(self, options: dict) -> ImportOptions:
        try:
            rules = [parse_rule(rule) for rule in options["section"]]
            if options["map"]:
                rules += load_mapping_file(options["map"])
        except (MappingError, OSError) as error:
            raise CommandError(str(error)) from error
        return ImportOptions(
            base_url=options["base_url"],
            dry_run=options["dry_run"],
            draft=options["draft"],
            rules=rules,
            root=options["root"],
        )

    def progress_bar(self) -> tqdm:
        # Only on a terminal: logs and CI stay quiet.
        return tqdm(unit="page", disable=not sys.stderr.isatty(), leave=False)

    def print_summary(self, report: ImportReport, *, dry_run: bool) -> None:
        title = "Dry run: nothing was written" if dry_run else "Import finished"
        self.stdout.write(self.style.MIGRATE_HEADING(title))
        for status, count in report.summary().items():
            self.stdout.write(f"  {status:<10} {count:>6}")
        self.stdout.write(f"  {'total':<10} {len(report.items):>6}")
        for item in report.items:
            if item.status == "failed":
                self.stdout.write(self.style.ERROR(f"  failed: {item.source}: {item.warnings[0]}"))
        warned = sum(1 for item in report.items if item.warnings)
        if warned:
            self.stdout.write(f"  {warned} page(s) with warnings (see --report or the admin)")
