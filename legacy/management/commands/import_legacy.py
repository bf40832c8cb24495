"""``manage.py import_legacy PATH [PATH ...]``: the old static site into Wagtail.

Thin by design: options in, LegacyImporter (legacy/writing/writer.py) does the work,
a progress bar, a summary table and an optional JSON report out.
"""

import json
import re
import sys
from argparse import ArgumentTypeError
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tqdm import tqdm

from legacy.checks import Mutes, count_by_type, label_of
from legacy.models import KIND_LABELS
from legacy.parsing.lexicon import LANGUAGES
from legacy.parsing.options import DATE_ORDERS, ParseOptions
from legacy.parsing.profile import SiteProfile
from legacy.parsing.sections import MappingError, load_mapping_file, parse_rule
from legacy.writing.writer import ImportOptions, ImportReport, LegacyImporter


class Command(BaseCommand):
    help = (
        "Import pages of the old static site (folders are walked for .htm, .html, .shtml, "
        ".php, .php3 and .asp pages)."
    )

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
        parser.add_argument(
            "--max-page-size",
            type=parse_size,
            metavar="SIZE",
            help="Skip pages larger than this, unread (e.g. 500K, 2M; 0: no limit). "
            "Default: the LEGACY_IMPORT_MAX_PAGE_SIZE setting, 2M.",
        )
        parser.add_argument(
            "--date-order",
            choices=DATE_ORDERS,
            default="dmy",
            help="How numeric dates such as 03/04/2005 are read: day first (dmy, 3 April "
            "2005; the default) or month first (mdy, March 4, 2005).",
        )
        parser.add_argument(
            "--language",
            action="append",
            default=[],
            choices=LANGUAGES,
            help="Read the pages in this language's lexicon only (repeatable); by default "
            "each site's languages are recognised from its text.",
        )
        parser.add_argument(
            "--site-name",
            action="append",
            default=[],
            metavar="NAME",
            help="The old site's own name as its pages print it (repeatable): never a page's "
            "title, and chrome where it stands alone. Names its <title>s share are learnt.",
        )
        parser.add_argument(
            "--profile",
            type=Path,
            metavar="SITE.toml",
            help="The site's profile: corrections to what is learnt of it (a slot's field, "
            "extra chrome, title affixes, its language and name...), applied to every page. "
            "The dry run prints the learnt model in the profile's terms.",
        )
        parser.add_argument(
            "--date-from-mtime",
            action="store_true",
            help="Date a page that prints no date by its file's modification time (mirrors "
            "made with wget keep the server's Last-Modified) instead of today.",
        )

        parser.add_argument(
            "--mute",
            action="append",
            default=[],
            metavar="CHECK|GLOB",
            help="Do not report a check (by its name, e.g. images_missing) or any check on "
            "pages and images under a path pattern (e.g. 'images/icons/*'); repeatable, "
            "recorded on the run.",
        )

    def handle(self, *args, **options) -> None:
        missing = [str(path) for path in options["paths"] if not path.exists()]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}")
        importer = LegacyImporter(self.import_options(options))
        try:
            with self.progress_bar() as bar:
                progress = Progress(bar, importer, self.stderr)
                importer.run_import(options["paths"], on_item=progress.item)
        except KeyboardInterrupt:
            self.report(importer.report, options)
            raise CommandError(importer.report.stopped, returncode=130) from None
        except Exception:
            self.report(importer.report, options)  # what was done, then the traceback
            raise
        self.report(importer.report, options)

    def report(self, report: ImportReport, options: dict) -> None:
        """The summary, and the JSON report when asked for: also for a run that stopped."""
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
            max_page_size=self.max_page_size(options["max_page_size"]),
            parse=self.parse_options(options),
            date_from_mtime=bool(options.get("date_from_mtime")),
            mutes=Mutes.parse(options.get("mute") or ()),
        )

    def parse_options(self, options: dict) -> ParseOptions:
        """What the parser is told about the run: ``ParseOptions``."""
        try:
            profile = self.profile(options.get("profile"))
            given = profile or SiteProfile()
            return ParseOptions(
                date_order=self.date_order(options.get("date_order") or "dmy"),
                languages=tuple(options.get("language") or given.languages),
                site_names=(*(options.get("site_name") or ()), *given.names),
                profile=profile,
            )
        except ValueError as error:  # call_command(language=...) skips argparse's choices
            raise CommandError(str(error)) from error

    def profile(self, given: Path | str | SiteProfile | None) -> SiteProfile | None:
        """The site profile: a file (its path recorded absolute on the run), or one already
        read (the review queue's re-import gives one)."""
        if given is None or isinstance(given, SiteProfile):
            return given
        return SiteProfile.read(Path(given).absolute())

    def date_order(self, value: str) -> str:
        # call_command(date_order=...) passes the text through without argparse's choices
        if value not in DATE_ORDERS:
            raise CommandError(f"--date-order must be one of {', '.join(DATE_ORDERS)}: {value!r}")
        return value

    def max_page_size(self, value: str | int | None) -> int | None:
        # call_command(max_page_size="2M") passes the text through without argparse's type
        try:
            return None if value is None else parse_size(value)
        except ArgumentTypeError as error:
            raise CommandError(str(error)) from error

    def progress_bar(self) -> tqdm:
        # A bar with the total and the time left on a terminal; plain lines otherwise.
        return tqdm(unit="page", disable=not sys.stderr.isatty(), leave=False)

    def print_summary(self, report: ImportReport, *, dry_run: bool) -> None:
        title = "Dry run: nothing was written" if dry_run else "Import finished"
        if report.stopped:
            title = f"{report.stopped} The counts are of the files reached."
        self.stdout.write(self.style.MIGRATE_HEADING(title))
        for status, count in report.summary().items():
            self.stdout.write(f"  {status:<10} {count:>6}")
        self.stdout.write(f"  {'total':<10} {len(report.items):>6}")
        for item in report.items:
            if item.status == "failed":
                self.stdout.write(self.style.ERROR(f"  failed: {item.source}: {item.warnings[0]}"))
            elif item.refused:
                self.stdout.write(
                    self.style.WARNING(f"  not read: {item.source}: {item.warnings[0]}")
                )
            elif item.converted:
                self.stdout.write(f"  converted: {item.source}: {item.converted}")
        news = report.news_summary()
        if news["split"]:
            articles = sum(news["split"].values())
            self.stdout.write(
                f"  news: {len(news['split'])} page(s) split into {articles} article(s)"
            )
        for key, items in news["held_back"].items():
            self.stdout.write(
                self.style.WARNING(
                    f"  news page kept whole: {key} (a split would make {items} articles; "
                    f"--section '{key}=news' splits it)"
                )
            )
        self.print_findings(report)
        if dry_run:
            for model in report.sites:
                self.print_site_model(model)

    def print_findings(self, report: ImportReport) -> None:
        """Pages by kind, checks with counts, the five commonest problems, where to look."""
        pages = [item for item in report.items if item.page_id and item.status != "skipped"]
        kinds = count_by_type(KIND_LABELS.get(item.kind, item.kind) for item in pages)
        if kinds:
            self.stdout.write(self.style.MIGRATE_HEADING("Pages by kind"))
            for kind, count in kinds.items():
                self.stdout.write(f"  {kind:<24} {count:>6}")
        checks = report.check_counts()
        self.stdout.write(self.style.MIGRATE_HEADING("Checks (pages)"))
        if not checks:
            self.stdout.write("  none raised")
        for name, count in checks.items():
            self.stdout.write(f"  {label_of(name):<36} {count:>6}  {name}")
        if report.muted:
            self.stdout.write(f"  {'muted (--mute)':<36} {report.muted:>6}")
        problems = {label_of(name): n for name, n in checks.items()}
        problems.update(report.warning_types())
        top = sorted(problems.items(), key=lambda item: -item[1])[:TOP_PROBLEMS]
        if top:
            self.stdout.write(self.style.MIGRATE_HEADING("Most common problems"))
            for number, (problem, count) in enumerate(top, start=1):
                self.stdout.write(f"  {number}. {problem} ({count})")
        self.stdout.write(self.style.MIGRATE_HEADING("Where to look"))
        run = report.run_id
        if run:
            self.stdout.write(f"  review queue:  /admin/legacy/importrecord/?last_run={run}")
            self.stdout.write(f"  run dashboard: /admin/legacy/importrun/inspect/{run}/")
        self.stdout.write(
            "  every page's checks and warnings: --report FILE (JSON); mute a check or the "
            "site's own icons with --mute NAME or --mute 'images/icons/*'"
        )

    def print_site_model(self, model: dict) -> None:
        """What was learnt of a site, in the terms of a profile file that corrects it."""
        name = model["site"] or "the site"
        languages = ", ".join(model["languages"])
        self.stdout.write(
            self.style.MIGRATE_HEADING(f"Learnt of {name} ({model['pages']} pages, {languages})")
        )
        if model["names"]:
            self.stdout.write(f"  names: {'; '.join(model['names'])}")
        for slot in model["slots"]:
            samples = "; ".join(slot["samples"][:3])
            check = f"  CHECK: {slot['check']}" if slot.get("check") else ""
            self.stdout.write(
                f'  slot "{slot["label"]}" = {slot["field"]} ({slot["type"]}, {slot["why"]}; '
                f"e.g. {samples}){check}"
            )
        for affix in model["title_affixes"]:
            self.stdout.write(f'  title affix "{affix["affix"]}" on {affix["pages"]} pages')
        for chrome in model["chrome"][:10]:
            self.stdout.write(f"  chrome on {chrome['pages']} pages: {chrome['text'][:70]}")
        for key, value in model.items():
            if key not in PRINTED_MODEL_KEYS and value:  # what other steps add
                self.stdout.write(f"  {key}: {value}")


PRINTED_MODEL_KEYS = {"site", "pages", "languages", "names", "slots", "title_affixes", "chrome"}
TOP_PROBLEMS = 5
PLAIN_LINES = 10  # progress lines when not on a terminal: one per tenth of the run


class Progress:
    """Counts written items: tqdm's bar on a terminal (total and time left, once the
    parse has counted them), a plain line per tenth otherwise."""

    def __init__(self, bar: tqdm, importer: LegacyImporter, stream) -> None:
        self.bar, self.importer, self.stream = bar, importer, stream
        self.done = 0

    def item(self, item) -> None:
        self.done += 1
        total = self.importer.planned
        if not self.bar.disable:
            if self.bar.total != total:
                self.bar.total = total
                self.bar.refresh()
            self.bar.update()
            return
        step = max(1, total // PLAIN_LINES)
        if total and (self.done % step == 0 or self.done == total):
            self.stream.write(f"  written {self.done} of {total} ({self.done / total:.0%})")


_SIZE = re.compile(r"\s*(\d+)\s*([kmg]?)b?\s*", re.IGNORECASE)


def parse_size(text: str | int) -> int:
    """``"2M"`` → 2097152 bytes; a plain number is bytes."""
    match = _SIZE.fullmatch(str(text))
    if match is None:
        raise ArgumentTypeError(f"not a size: {text!r} (use e.g. 500K or 2M)")
    number, unit = match.groups()
    return int(number) * 1024 ** " kmg".index(unit.lower() or " ")
