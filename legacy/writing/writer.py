"""Writes parsed legacy documents into Wagtail as pages, redirects and import records.

A run has three steps:

1. read every file, then parse them all together (pure, no database): each site's chrome
   is learnt from all of its pages first; learn sections from A-Z listings;
2. write each page in its own transaction (one validation, one revision, one publish):
   links to pages that already exist become internal links at once, links to pages of
   this run that are not written yet are left pending, links to pages that exist nowhere
   are unwrapped to text and reported. Pages are written in link order (a page after the
   pages it links to), so only pages in a cycle of links have pending links;
3. once every page of the run exists, rewrite the pending links (a second pass), so the
   order of the files never matters.

Search and reference indexing are deferred and done in bulk (``indexing.py``).

Nothing outside the mirror is read: a file or image that is a symlink leading out of it
(or looping) is skipped and reported, without a byte of it stored; a symlink to another
page inside the mirror makes its name an old URL of that page. Pages over the page-size
limit (``LEGACY_IMPORT_MAX_PAGE_SIZE``, ``--max-page-size``) are skipped before they are
read, and images over Wagtail's own upload limits are not imported (``images.py``).

The old path is the key: a file whose bytes (and the importer version) have not changed
since the last run is "unchanged" and not touched; a changed file gets one new revision.
"""

import contextlib
import datetime
import getpass
import hashlib
import socket
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from html import escape
from pathlib import Path

from django.conf import settings
from django.core.files.storage import InMemoryStorage
from django.db import DatabaseError, reset_queries, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image as WagtailImage
from wagtail.models import COMMENTS_RELATION_NAME, Page

from home.models import StandardPage
from home.tree import SiteTree, ensure_site_tree
from legacy.checks import Finding, Mutes, count_by_type, run_checks
from legacy.models import ImportRecord, ImportRun, ImportStatus, ReviewState
from legacy.parsing.accounting import WordAccount, account, removed_texts
from legacy.parsing.aside import restore, set_aside
from legacy.parsing.document import Kind, LegacyDocument
from legacy.parsing.encoding import DecodedText, decode_html, is_binary
from legacy.parsing.names import is_institution
from legacy.parsing.news import NewsSplits, split_news
from legacy.parsing.options import ParseOptions
from legacy.parsing.parser import parse_site
from legacy.parsing.paths import (
    LinkKind,
    LinkTarget,
    Refused,
    SourceFile,
    TooLarge,
    mirror_roots,
    read_file,
    resolve_href,
    walk_sources,
)
from legacy.parsing.richtext import TEXT_ONLY, ResolvedLink
from legacy.parsing.sections import SHAPES_OF, SKIP, SectionMap, SectionRule
from legacy.parsing.site import site_of
from legacy.parsing.spill import Handle, Spill
from legacy.parsing.text import content_words
from legacy.writing import pages
from oldurls.paths import INDEX_KEY_NAME, old_url_path, url_prefix
from reviews.models import Contributor, SectionPage
from textkit.identity import confusable_key, lookalike, strip_format_chars
from textkit.markup import html_to_text
from textkit.shorten import shorten_at_word

from .checking import SiteSigners, cluster_of, page_facts, store_findings
from .convert import CONVERTED, convert_page
from .images import ImageLibrary
from .indexing import BatchedIndexer
from .streamdata import BodyBuilder, stream_text

IMPORTER_VERSION = "4"  # bump when the output changes, so every page is rewritten once
LINK_PROBLEMS = {
    LinkKind.PAGE: "Dead link kept as text",
    LinkKind.FILE: "Link to a file that is not a page kept as text",
    LinkKind.UNSAFE: "Unsafe link removed, its text kept",
}
IMPORTED_STATUSES = {ImportStatus.CREATED, ImportStatus.UPDATED, ImportStatus.UNCHANGED}
DEFAULT_MAX_PAGE_SIZE = 2 * 1024 * 1024  # the largest real old page is under 200 KB
OLD_PATH_LIMIT = Redirect._meta.get_field("old_path").max_length
RECORD_PATH_LIMIT = ImportRecord._meta.get_field("source_path").max_length


@dataclass
class ImportOptions:
    base_url: str = ""
    dry_run: bool = False
    draft: bool = False
    rules: list[SectionRule] = field(default_factory=list)
    root: Path | None = None  # mirror root for single files given on their own
    invoked_by: str = ""
    max_page_size: int | None = None  # bytes; None: LEGACY_IMPORT_MAX_PAGE_SIZE; 0: no limit
    parse: ParseOptions = field(default_factory=ParseOptions)  # date order, languages, ...
    date_from_mtime: bool = False  # a page that prints no date: the file's modification time
    mutes: Mutes = field(default_factory=Mutes)  # checks and paths the run does not report
    rewrite: frozenset[str] = frozenset()  # keys written again even when unchanged
    # A re-import of these keys only (the review queue's): only their sites are read, the
    # other pages of those sites are parsed for the site's model and left as they are.
    only: frozenset[str] | None = None


@dataclass
class ItemReport:
    source: str
    status: str
    kind: str
    page_id: int | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    fidelity: float | None = None
    words: dict[str, int] | None = None  # source, kept, fields, chrome, lost
    refused: bool = False  # not read: a link out of the mirror, a loop, over a size limit
    checks: list[dict] = field(default_factory=list)  # [{name, severity, detail}], worst first
    converted: str = ""  # "article → film review" when this run changed the page's kind


@dataclass
class ImportReport:
    items: list[ItemReport] = field(default_factory=list)
    news: NewsSplits = field(default_factory=NewsSplits)  # split news pages, and held back
    muted: int = 0  # findings the run's mutes dropped
    run_id: int | None = None  # the ImportRun (None for a dry run)
    stopped: str = ""  # why the run stopped before its end (then ``items`` is partial)
    sites: list[dict] = field(default_factory=list)  # each site's learnt model, as shown

    def summary(self) -> dict[str, int]:
        counts = {status.value: 0 for status in ImportStatus}
        for item in self.items:
            counts[item.status] += 1
        return counts

    def news_summary(self) -> dict:
        """News pages split (each with its number of articles) and held back whole (with
        the number a split would make): what the dry run shows before anything is split."""
        return {
            "split": {key: len(items) for key, items in sorted(self.news.items.items())},
            "held_back": dict(sorted(self.news.held_back.items())),
        }

    def check_counts(self) -> dict[str, int]:
        """Pages per check, most common first."""
        return count_by_type(check["name"] for item in self.items for check in item.checks)

    def warning_types(self) -> dict[str, int]:
        """Warnings counted by their type (``legacy.checks.warning_type``)."""
        return count_by_type(warning for item in self.items for warning in item.warnings)

    def run_summary(self) -> dict:
        """What the run keeps for comparing runs of one mirror (``ImportRun.summary``)."""
        pages = [item for item in self.items if item.page_id and item.status != "skipped"]
        return {
            "kinds": count_by_type(item.kind for item in pages),
            "checks": self.check_counts(),
            "warning_types": self.warning_types(),
            "fidelity": count_by_type(fidelity_band(item.fidelity) for item in pages),
        }

    def as_dict(self) -> dict:
        report = {
            "summary": self.summary(),
            "checks": self.check_counts(),
            "warning_types": self.warning_types(),
            "muted": self.muted,
            "sites": self.sites,
            "items": [asdict(item) for item in self.items],
        }
        return {"stopped": self.stopped, **report} if self.stopped else report


@dataclass
class ParsedSource:
    file: SourceFile
    checksum: str = ""
    original_html: str = ""
    decoded: DecodedText | None = None  # until parsed
    document: LegacyDocument | None = None
    error: str = ""
    refused: str = ""  # why it was not read (then nothing of it is stored)
    item: int = 0  # one item of a news page split into articles (``news.htm#2``)
    items: int = 0  # on a news page: how many articles it was split into
    modified: datetime.date | None = None  # the file's modification time (local date)
    # In a run: the decoded text and the original HTML, set aside in the run's spill from
    # when the file is read until the page is written (``LegacyImporter._text_aside``).
    text: Handle | None = None

    @property
    def key(self) -> str:
        return f"{self.file.key}#{self.item}" if self.item else self.file.key


class _DryRunRollback(Exception):
    """Raised at the end of a dry run to roll back everything it wrote."""


def page_size_limit(option: int | None = None) -> int | None:
    """The page-size limit in bytes (None: no limit): the option, else the setting."""
    if option is None:
        option = getattr(settings, "LEGACY_IMPORT_MAX_PAGE_SIZE", DEFAULT_MAX_PAGE_SIZE)
    return option or None


def read_source(source: SourceFile, max_size: int | None = DEFAULT_MAX_PAGE_SIZE) -> ParsedSource:
    """Read and parse one file; any failure is recorded on the result, never raised.

    A file the walk refused is not opened, and one over ``max_size`` bytes is not read."""
    parsed = ParsedSource(file=source, refused=source.refused)
    if source.refused or source.alias_of:
        return parsed
    try:
        data = read_file(source.path, max_size)
    except TooLarge as too_large:
        parsed.refused = (
            f"Page too large ({_size(too_large.size)}), over the {_size(too_large.limit)} "
            "page-size limit (LEGACY_IMPORT_MAX_PAGE_SIZE, --max-page-size)"
        )
        return parsed
    except Refused as refused:
        parsed.refused = str(refused)
        return parsed
    with contextlib.suppress(OSError):
        parsed.modified = _local_date(source.path.stat().st_mtime)
    try:
        parsed.checksum = hashlib.sha256(data).hexdigest()
        decoded = decode_html(data)
        parsed.original_html = _storable(decoded.text)
        if is_binary(data):
            raise ValueError("not an HTML document (binary content)")
        parsed.decoded = decoded
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the batch
        parsed.error = f"Unreadable: {type(error).__name__}: {error}"
    return parsed


def parse_sources(
    parsed: list[ParsedSource],
    options: ParseOptions | None = None,
    split_asked: Callable[[str], bool] = lambda key: False,
    news: NewsSplits | None = None,
    models: dict[str, dict] | None = None,
    spill: Spill | None = None,
) -> list[ParsedSource]:
    """Parse every readable page together, so each site's chrome is learnt from all of
    its pages (``legacy.parsing.site``), and split news pages into their items
    (``news.split_news``; ``split_asked``: whether the operator mapped a page to news,
    ``news``: filled with what was split and held back): the sources to import, in order;
    never raises. ``options``: the run's ``ParseOptions`` (how numeric dates such as
    03/04/2005 read, the languages, ...). ``models``: filled with each site's learnt
    model as the operator sees it (``legacy.parsing.site.model_summary``). ``spill``: the
    run's, where the sources' texts wait (``ParsedSource.text``) and the documents' heavy
    fields are left (``legacy.parsing.aside``): then the documents come back light."""
    readable = [item for item in parsed if item.decoded is not None or _text_aside(item)]
    pages = SourcesAside(readable, spill)
    documents = parse_site(pages, options=options, models=models, aside=spill)
    for item, document in zip(readable, documents, strict=True):
        item.document, item.decoded = document, None
    splits = split_news(documents, options, split_asked, spill)
    if news is not None:
        news.items, news.held_back = splits.items, splits.held_back
    expanded: list[ParsedSource] = []
    for source in parsed:
        expanded.append(source)
        items = splits.items.get(source.key, []) if source.document else []
        source.items = len(items)
        expanded += [
            replace(source, document=document, item=number, items=0)
            for number, document in enumerate(items, start=1)
        ]
    return expanded


class SourcesAside(Sequence[tuple[DecodedText, str]]):
    """The readable sources as ``parse_site`` reads them, (decoded text, key), each text
    read back from the run's spill when it is asked for: never all of them at once."""

    def __init__(self, readable: list[ParsedSource], spill: Spill | None) -> None:
        self.readable, self.spill = readable, spill

    def __len__(self) -> int:
        return len(self.readable)

    def __getitem__(self, index: int) -> tuple[DecodedText, str]:  # type: ignore[override]
        item = self.readable[index]
        if item.decoded is not None or item.text is None or self.spill is None:
            return item.decoded, item.key
        decoded, _ = self.spill.get(item.text)
        return decoded, item.key


def _local_date(timestamp: float) -> datetime.date:
    """A file's modification time as a date where the site is (settings.TIME_ZONE)."""
    moment = datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC)
    return timezone.localtime(moment).date()


def _size(size: int) -> str:
    return filesizeformat(size).replace("\xa0", " ")  # plain spaces in reports and logs


def _storable(text: str) -> str:
    return text.replace("\x00", "")  # PostgreSQL text cannot hold NUL


class LegacyImporter:
    """Imports a set of old pages; see the module docstring for the steps."""

    def __init__(self, options: ImportOptions) -> None:
        if options.base_url != options.parse.base_url:  # the parse reads the site's links too
            options = replace(options, parse=replace(options.parse, base_url=options.base_url))
        self.options = options
        self.sections = SectionMap(rules=list(options.rules))
        self.url_prefix = url_prefix(options.base_url)  # "/1999/": every old URL's start
        self.page_ids: dict[str, int] = {}  # old key → page id, for link rewriting
        self.run_keys: set[str] = set()  # keys of the pages this run will write
        self.pending: dict[str, set[str]] = {}  # key → keys of not-yet-written link targets
        self.relinking = False  # in the second pass, a target still missing is dead
        self.images: ImageLibrary | None = None
        self.aliases: dict[str, str] = {}  # key of an inside symlink → key it points at
        self.joined: dict[str, str] = {}  # key of a later part of an article → its first part
        self.tree: SiteTree | None = None
        self.slugs = pages.FreeSlugs()  # the slugs taken under each parent, kept by the run
        self.run: ImportRun | None = None
        self.indexer = BatchedIndexer()
        self.records: dict[str, ImportRecord] | None = None  # key → record, loaded up front
        # Which records and redirects exist, known up front so that a new page's are
        # created at once rather than looked for first (``_new_record``, ``_point_redirect``):
        # the keys whose records were loaded, the record paths this run has saved, and the
        # old paths of the site-wide redirects (None: not known, look each one up).
        self.looked_up: frozenset[str] = frozenset()
        self.recorded: set[str] = set()
        self.redirects: set[str] | None = None
        self.contributors: dict[str, Contributor] | None = None  # confusable_key → them
        self.signers = SiteSigners(())  # who signs how many pages of the run
        self.planned = 0
        self.title_affixes: dict[str, tuple[str, ...]] = {}  # site → its learnt title affixes
        self.muted = 0
        self.report = ImportReport()  # so far: whole once ``run_import`` returns
        # The run's texts and documents' heavy fields, on disk until each page is written
        self.spill: Spill | None = None

    def run_import(
        self, paths: Iterable[Path], on_item: Callable[[ItemReport], None] | None = None
    ) -> ImportReport:
        """Import the pages under ``paths``. The run is closed (``ImportRun.finished_at``)
        whatever happens; if it stops early (Ctrl-C, a fault), ``self.report`` holds what
        was done and why it stopped, and the error goes on up."""
        self.report = ImportReport()
        try:
            with Spill() as self.spill:
                self._run(paths, on_item)
        except BaseException as error:
            self.report.stopped = self.report.stopped or _stopped_by(error)
            raise
        finally:
            self.spill = None
        return self.report

    def _run(self, paths: Iterable[Path], on_item: Callable[[ItemReport], None] | None) -> None:
        paths = [Path(path) for path in paths]
        sources = walk_sources(paths, self.options.root)
        if self.options.only is not None:
            sites = {site_of(key) for key in self.options.only}
            sources = [source for source in sources if site_of(source.key) in sites]
        self.aliases = {source.key: source.alias_of for source in sources if source.alias_of}
        limit = page_size_limit(self.options.max_page_size)
        read = [self._text_aside(read_source(storable_path(s), limit)) for s in sources]
        report = self.report
        models: dict[str, dict] = {}
        parsed = parse_sources(
            read, self.options.parse, self._split_asked, report.news, models, self.spill
        )
        report.sites = [models[site] for site in sorted(models)]
        self.title_affixes = {
            model.get("site", ""): tuple(a["affix"] for a in model.get("title_affixes", ()))
            for model in report.sites
        }
        self.joined = {item.key: item.document.continues for item in parsed if _part(item)}
        self.sections.learn_from_listings(
            (item.document for item in parsed if item.document), self.options.base_url
        )
        pages = {item.key for item in parsed if self._will_be_page(item)}
        self.signers = SiteSigners(item.document for item in parsed if item.key in pages)
        if self.options.only is not None:  # the site learnt from all: write the chosen
            parsed = [item for item in parsed if item.key in self.options.only]
        self.planned = len(parsed)  # items to write: the progress bar's total
        self.run_keys = pages & {item.key for item in parsed}
        roots = mirror_roots(paths, self.options.root)
        self.images = ImageLibrary(roots, self.options.base_url)
        with self._dry_run_guard(), self.indexer.deferred(indexing=not self.options.dry_run):
            with self.indexer.batch():
                self._prepare(paths, parsed)
            items: dict[int, ItemReport] = {}
            try:
                for position in self._write_order(parsed):
                    self._bring_back(parsed[position])
                    items[position] = self._import_guarded(parsed[position])
                    self._release(parsed[position])
                    reset_queries()  # with DEBUG on, Django logs each query: a page's text
                    if on_item:
                        on_item(items[position])
                report.items = [items[position] for position in range(len(parsed))]
                self._relink(parsed, report)
                if self.options.only is None:
                    report.items += self._refused_images(paths, {item.key for item in parsed})
            except BaseException as error:  # interrupted (Ctrl-C) or a fault: close the run
                report.items = [items[position] for position in sorted(items)]
                report.stopped = _stopped_by(error)
                self._finish(report, quietly=True)
                raise
            self._finish(report)

    # -- setup ---------------------------------------------------------------------------

    def _split_asked(self, key: str) -> bool:
        """Whether the operator mapped this page to a section that holds news
        (``--section 'news.htm=news'``): then it is split however many items it has."""
        return Kind.NEWS in SHAPES_OF.get(self.sections.explicit(key) or "", ())

    def _will_be_page(self, parsed: ParsedSource) -> bool:
        document = parsed.document
        return bool(
            document
            and not parsed.items  # a split news page: its items are the pages
            and not document.continues  # a later part: joined into the first part's page
            and document.kind not in (Kind.STUB, Kind.LISTING)
            and parsed.key != INDEX_KEY_NAME
            and self.sections.target_for(document) != SKIP
        )

    def _write_order(self, parsed: list[ParsedSource]) -> list[int]:
        """Positions in ``parsed``: everything that is not a page first (listings give their
        old URL a destination), then the pages, each after the pages of this run it links to
        where the links allow (depth-first; a cycle is broken where it is met)."""
        positions = {item.key: position for position, item in enumerate(parsed)}
        pages_at = [p for p, item in enumerate(parsed) if item.key in self.run_keys]
        # Aliases and later parts of joined articles redirect to a page: after the pages.
        after = [p for p, item in enumerate(parsed) if item.key in self.aliases or _part(item)]
        later = set(after)
        order = [
            p for p, item in enumerate(parsed) if item.key not in self.run_keys and p not in later
        ]
        state: dict[int, int] = {}  # 1 = being visited, 2 = placed
        for root in pages_at:
            if root in state:
                continue
            stack = [(root, iter(self._link_targets(parsed[root], positions)))]
            state[root] = 1
            while stack:
                position, targets = stack[-1]
                target = next(targets, None)
                if target is None:
                    stack.pop()
                    state[position] = 2
                    order.append(position)
                elif target not in state:
                    state[target] = 1
                    stack.append((target, iter(self._link_targets(parsed[target], positions))))
        return order + after  # an alias once the page it names is written

    def _link_targets(self, item: ParsedSource, positions: dict[str, int]) -> list[int]:
        targets = []
        for href in item.document.links:
            target = self._resolve_href(href, item.key)
            if target.kind == LinkKind.PAGE and target.value in self.run_keys:
                targets.append(positions[target.value])
        return targets

    def _resolve_href(self, href: str, source_key: str) -> LinkTarget:
        """resolve_href, with an old name that is a symlink inside the mirror, or a later
        part of an article joined into its first, read as the page it now is."""
        target = resolve_href(href, source_key, self.options.base_url)
        if target.kind == LinkKind.PAGE and target.value in self.aliases:
            return LinkTarget(LinkKind.PAGE, self.aliases[target.value])
        if target.kind == LinkKind.PAGE and target.value in self.joined:
            return LinkTarget(LinkKind.PAGE, self.joined[target.value])
        return target

    @contextlib.contextmanager
    def _dry_run_guard(self) -> Iterator[None]:
        """A dry run does everything inside one transaction that is then rolled back, and
        keeps image files in memory, so the database and the media folder stay untouched."""
        if not self.options.dry_run:
            yield
            return
        field = WagtailImage._meta.get_field("file")
        real_storage, field.storage = field.storage, InMemoryStorage()
        try:
            with transaction.atomic():
                yield
                raise _DryRunRollback
        except _DryRunRollback:
            pass
        finally:
            field.storage = real_storage

    def _prepare(self, paths: list[Path], parsed: list[ParsedSource] | None = None) -> None:
        self.tree = ensure_site_tree()
        self.page_ids = dict(
            ImportRecord.objects.filter(page__isnull=False).values_list("source_path", "page_id")
        )
        keys = [item.key for item in parsed or ()]
        self.records = {} if parsed is not None else None
        self.looked_up = frozenset(keys) if parsed is not None else frozenset()
        self.redirects = set(Redirect.objects.filter(site=None).values_list("old_path", flat=True))
        for start in range(0, len(keys), 500):
            chunk = ImportRecord.objects.filter(source_path__in=keys[start : start + 500])
            for record in chunk.defer("original_html").prefetch_related("checks"):
                self.records[record.source_path] = record
        self.page_ids[INDEX_KEY_NAME] = self.tree.home.pk
        self._point_redirect(INDEX_KEY_NAME, self.tree.home)  # the old /index.htm is Home
        self.run = ImportRun.objects.create(
            invoked_by=self.options.invoked_by or _who(),
            sources=[str(path.absolute()) for path in paths],  # found again from anywhere
            options={
                "base_url": self.options.base_url,
                "draft": self.options.draft,
                "dry_run": self.options.dry_run,
                "rules": [f"{rule.pattern} = {rule.target}" for rule in self.options.rules],
                "max_page_size": page_size_limit(self.options.max_page_size),
                "date_order": self.options.parse.date_order,
                "languages": list(self.options.parse.languages),
                "site_names": list(self.options.parse.site_names),
                "date_from_mtime": self.options.date_from_mtime,
                "mutes": self.options.mutes.as_list(),
                "profile": profile.source if (profile := self.options.parse.profile) else "",
                **({"only": sorted(self.options.only)} if self.options.only is not None else {}),
            },
            mutes=self.options.mutes.as_list(),
            importer_version=IMPORTER_VERSION,
        )

    # -- one file ------------------------------------------------------------------------

    def _import_guarded(self, parsed: ParsedSource) -> ItemReport:
        """``import_one`` in a savepoint of its own: a fault it does not report itself
        fails that file alone, never the run."""
        try:
            with transaction.atomic():
                return self.import_one(parsed)
        except Exception as error:  # noqa: BLE001 - one bad file must not stop the batch
            self.images.clear_cache()
            self.slugs.forget()
            self.contributors = None
            reason = pages.describe_error(error)
            with contextlib.suppress(DatabaseError), transaction.atomic():
                return self._failed(parsed, reason)
            return self._item(parsed.key, ImportStatus.FAILED, "", None, [reason])

    def _text_aside(self, parsed: ParsedSource) -> ParsedSource:
        """The file's decoded text and original HTML written to the run's spill as soon as
        it is read, and read back when needed (``SourcesAside``, ``_bring_back``): a run
        holds one page's text at a time, not its mirror's."""
        if self.spill is not None and (parsed.decoded is not None or parsed.original_html):
            parsed.text = self.spill.put((parsed.decoded, parsed.original_html))
            parsed.decoded, parsed.original_html = None, ""
        return parsed

    def _bring_back(self, parsed: ParsedSource) -> None:
        """The page about to be written, whole again: its document's heavy fields and its
        original HTML read back from the run's spill (``legacy.parsing.aside``)."""
        if self.spill is None:
            return
        if parsed.document is not None:
            restore(parsed.document, self.spill)
        if parsed.text is not None and not parsed.original_html:
            _, parsed.original_html = self.spill.get(parsed.text)

    def _release(self, parsed: ParsedSource) -> None:
        """Drop a written page's parse and text (several times its size); a page whose
        links the second pass rewrites keeps its document, its heavy fields set aside
        again: memory is given back page by page, not at the run's end."""
        if parsed.key not in self.pending:
            parsed.document, parsed.original_html = None, ""
        elif self.spill is not None and parsed.document is not None:
            set_aside(parsed.document, self.spill)
            parsed.original_html = ""

    def import_one(self, parsed: ParsedSource) -> ItemReport:
        document = parsed.document
        if parsed.key in self.aliases:
            return self._alias(parsed)
        if parsed.refused:
            return self._refused(parsed)
        if document is None:
            return self._failed(parsed, parsed.error)
        if document.continues:
            return self._continuation(parsed)
        if document.kind == Kind.LISTING or parsed.key == INDEX_KEY_NAME:
            return self._redirect_only(parsed)
        if parsed.items:
            return self._news_page(parsed)
        if document.kind == Kind.STUB:
            return self._skipped(parsed, "Empty or stub page: nothing to import.")
        target = self.sections.target_for(document)
        if target == SKIP:
            return self._skipped(parsed, "Skipped by the section mapping.")
        if self.records is None:
            record = ImportRecord.objects.filter(source_path=parsed.key).first()
        else:
            record = self.records.get(parsed.key)
        if self._is_unchanged(record, parsed, target):
            return self._unchanged(record)
        try:
            with transaction.atomic(), self.indexer.batch(len(parsed.original_html)):
                item, page_id = self._write(parsed, target, record)
        except Exception as error:  # noqa: BLE001 - reported, and the batch goes on
            self.images.clear_cache()  # images saved in the rolled-back transaction are gone
            self.slugs.forget()  # and a new page's slug with them
            self.contributors = None  # and so are contributors: read them again
            return self._failed(parsed, pages.describe_error(error), record)
        self.page_ids[parsed.key] = page_id  # only once the page is committed
        return item

    def _is_unchanged(
        self, record: ImportRecord | None, parsed: ParsedSource, target: str
    ) -> bool:
        return bool(
            record
            and record.page_id
            and record.status in IMPORTED_STATUSES
            and record.checksum == parsed.checksum
            and record.importer_version == IMPORTER_VERSION
            and record.section == target
            and not self._newly_dated(record, parsed)
            and parsed.key not in self.options.rewrite
        )

    def _newly_dated(self, record: ImportRecord, parsed: ParsedSource) -> bool:
        """An undated page imported before that ``--date-from-mtime`` now dates otherwise."""
        file_date = self._file_date(parsed)
        return bool(
            record.undated
            and file_date
            and pages.dated_from_mtime(file_date) not in record.warnings
        )

    def _file_date(self, parsed: ParsedSource) -> datetime.date | None:
        """The date to give a page that prints none: its file's, with ``--date-from-mtime``."""
        if not self.options.date_from_mtime or parsed.document.published is not None:
            return None
        return parsed.modified

    def _write(
        self, parsed: ParsedSource, target: str, record: ImportRecord | None
    ) -> tuple[ItemReport, int]:
        document = parsed.document
        page, is_new, warnings = self._page_for(record, target, document)
        built = self._builder(parsed.key, warnings).build(document.blocks)
        warnings += built.warnings
        file_date = self._file_date(parsed)
        warnings += pages.fill_page(page, document, built.data, built.signer, file_date=file_date)
        with pages.validated_once(page, is_new=is_new):  # the one full validation
            self._save(page, is_new, document, target, file_date)
        if not parsed.item:  # a news page's old URL leads to its section (``_news_page``)
            self._point_redirect(parsed.key, page)
        held, removed = removed_texts(document.removed)
        words = account(
            document.source_text,
            stream_text(page.body),
            "\n".join([pages.field_text(page), held]),
            removed,
            "\n".join(document.residue),
        )
        warnings += _account_warnings(words)
        warnings += document.warnings
        findings = self._check(parsed, page, target, words, built.missing_images)
        status = ImportStatus.CREATED if is_new and record_is_new(record) else ImportStatus.UPDATED
        undated = document.date_source != "printed" and not isinstance(page, StandardPage)
        dating = _date_source(document, file_date) if not isinstance(page, StandardPage) else ""
        self._save_record(
            parsed,
            status,
            page,
            target,
            warnings,
            words,
            undated=undated,
            findings=findings,
            dating=dating,
        )
        item = self._item(parsed.key, status, document.kind, page, warnings, words)
        item.checks = [finding.as_dict() for finding in findings]
        item.converted = next((w for w in warnings if w.startswith(CONVERTED)), "")
        return item, page.pk

    def _check(
        self, parsed: ParsedSource, page: Page, target: str, words: WordAccount, images: list
    ) -> list[Finding]:
        """The checks' findings on the page just written, less what the run mutes."""
        facts = page_facts(
            parsed.key,
            parsed.document,
            page,
            target,
            words_source=words.source,
            words_removed=words.chrome + words.lost,
            missing_images=[self.images.key_for(src, parsed.key) or src for src in images],
            signers=self.signers,
            title_affixes=self.title_affixes.get(site_of(parsed.key), ()),
        )
        findings, muted = run_checks(facts, self.options.mutes)
        self.muted += muted
        return findings

    def _page_for(
        self, record: ImportRecord | None, target: str, document: LegacyDocument
    ) -> tuple[Page, bool, list[str]]:
        """The page to write: the one imported before, an existing one to adopt, or new."""
        page_type = pages.page_type(target)
        if record and record.page_id:
            page = Page.objects.get(pk=record.page_id).specific
            parent = pages.parent_for(self.tree, target)
            if isinstance(page, page_type) and page.get_parent().pk == parent.pk:
                return page, False, []
            # Filed elsewhere now (a --section rule, a new kind): converted or moved in
            # place, keeping its id, revisions and old URLs; ConversionRefused says why not.
            self.slugs.forget()  # a page moved to another parent, perhaps with a new slug
            conversion = convert_page(page, target, self.tree)
            return conversion.page, False, [conversion.note]
        if target == "page":
            existing = pages.adoptable_page(self.tree, document)
            if existing is not None:
                return existing, False, [f"Merged into the existing page '{existing.title}'."]
        parent = pages.parent_for(self.tree, target)
        return pages.new_page(target, document, parent, self.slugs), True, []

    def _builder(self, key: str, warnings: list[str]) -> BodyBuilder:
        return BodyBuilder(
            resolve_link=lambda href: self._resolve_link(key, href, warnings),
            find_image=lambda image: self.images.find(image, key),
            find_contributor=lambda name: self._contributor(name, warnings),
        )

    def _save(
        self,
        page: Page,
        is_new: bool,
        document: LegacyDocument,
        target: str,
        file_date: datetime.date | None = None,
    ) -> None:
        live = not self.options.draft
        if is_new:
            # A page created now has no workflow state and is no site's root: Wagtail's own
            # hints (PageQuerySet.prefetch_workflow_states, annotate_site_root_state) spare
            # the query its publish and each of its three saves would make to find that out.
            page._current_workflow_states = []
            page._is_site_root = False
            page.live = live
            first = pages.first_published(document, file_date)
            page.first_published_at = first if live else None
            pages.parent_for(self.tree, target).add_child(instance=page)
            # Nor has it any comment: said in memory (modelcluster's child relation, as the
            # edit form does), its revision does not look them up twice.
            setattr(page, COMMENTS_RELATION_NAME, [])
        # Already validated (validated_once): clean=False, and publish this very instance.
        # Like Wagtail's own create view, a new page logs "created" and "published" only.
        revision = page.save_revision(clean=False, log_action=not is_new)
        if live:
            pages.publish(page, revision, created=is_new, log_action=True)

    def _point_redirect(self, key: str, page: Page) -> None:
        old_path = old_url_path(key, self.url_prefix)
        fields = {"redirect_page": page, "redirect_link": "", "is_permanent": True}
        if self.redirects is not None and old_path not in self.redirects:
            # None at the run's start nor since: created without looking for it first
            Redirect.objects.create(old_path=old_path, site=None, **fields)
        else:
            Redirect.objects.update_or_create(old_path=old_path, site=None, defaults=fields)
        if self.redirects is not None:
            self.redirects.add(old_path)  # one rolled back: update_or_create creates it

    def _contributor(self, name: str, warnings: list[str] | None = None) -> Contributor | None:
        """The contributor a signature names, matched across spellings ("R.P. Nettelhorst"
        is "R. P. Nettelhorst") and look-alike letters ("Ruth Аbernathy" with a Cyrillic А
        is Ruth Abernathy, said in ``warnings``: ``textkit.identity``), created when new,
        without invisible characters; None for the name of an institution ("Petros Baptist
        Church"), which is never made a contributor."""
        name = strip_format_chars(name).strip()[: pages.NAME_LIMIT]
        key = confusable_key(name)
        if not key or is_institution(name):
            return None
        if self.contributors is None:  # every contributor's key, read once per run
            self.contributors = {}
            for contributor in Contributor.objects.order_by("-pk"):
                self.contributors[confusable_key(contributor.name)] = contributor  # oldest wins
        contributor = self.contributors.get(key)
        if contributor is None:
            contributor, _ = Contributor.objects.get_or_create(name=name)
            self.contributors[key] = contributor
        elif warnings is not None and lookalike(name, contributor.name):
            warnings.append(
                f"Signed '{name}', which looks like '{contributor.name}' but is spelt with "
                f"other letters (look-alike characters): credited to {contributor.name}."
            )
        return contributor

    # -- links ---------------------------------------------------------------------------

    def _resolve_link(self, source_key: str, href: str, warnings: list[str]) -> ResolvedLink:
        """What an href becomes; links that cannot be kept leave their words and a warning."""
        target = self._resolve_href(href, source_key)
        if target.kind == LinkKind.EXTERNAL:
            return ResolvedLink(url=target.value)
        if target.kind == LinkKind.PAGE and target.value in self.page_ids:
            return ResolvedLink(page_id=self.page_ids[target.value])
        if target.kind == LinkKind.PAGE and target.value in self.run_keys and not self.relinking:
            self.pending.setdefault(source_key, set()).add(target.value)
            # rewritten in the second pass
            return ResolvedLink(url=old_url_path(target.value, self.url_prefix))
        problem = LINK_PROBLEMS.get(target.kind)
        if problem and f"{problem}: {href}" not in warnings:
            warnings.append(f"{problem}: {href}")
        return TEXT_ONLY

    def _relink(self, parsed: list[ParsedSource], report: ImportReport) -> None:
        """Second pass: rewrite the links that pointed at pages written later in this run."""
        items = {item.source: item for item in report.items}
        self.relinking = True
        for source in parsed:
            if source.key not in self.pending or source.key not in self.page_ids:
                continue
            item = items[source.key]
            self._bring_back(source)
            try:
                with transaction.atomic(), self.indexer.batch():
                    self._rewrite_links(source, item)
            except Exception as error:  # noqa: BLE001 - keep the page as written, report
                self.images.clear_cache()
                self.contributors = None
                item.warnings.append(f"Links not rewritten: {pages.describe_error(error)}")
            source.document, source.original_html = None, ""

    def _rewrite_links(self, source: ParsedSource, item: ItemReport) -> None:
        page = Page.objects.get(pk=self.page_ids[source.key]).specific
        built = self._builder(source.key, item.warnings).build(source.document.blocks)
        page.body = built.data
        with pages.validated_once(page, is_new=False):
            revision = page.save_revision(clean=False)
            if page.live and not self.options.draft:
                pages.publish(page, revision)
        ImportRecord.objects.filter(source_path=source.key).update(warnings=item.warnings)

    # -- outcomes ------------------------------------------------------------------------

    def _redirect_only(self, parsed: ParsedSource) -> ItemReport:
        """A listing (or the old home page) is not content: its old URL leads to its section."""
        if parsed.key == INDEX_KEY_NAME:
            destination: Page = self.tree.home
        else:
            section = self.sections.listing_section(parsed.document)
            destination = self.tree.sections.get(section) or self.tree.home
        document = parsed.document
        if document.kind is not Kind.LISTING:
            return self._redirected(parsed, destination, "Index page: not imported")
        intro_placed = self._give_intro(destination, document.intro)
        words = self._index_account(document, intro_placed)
        notes = ["Index page: not imported"]
        if document.intro and not intro_placed:
            notes.append("its introduction not used: the section has an intro of its own")
        return self._redirected(parsed, destination, "; ".join(notes), words)

    def _give_intro(self, destination: Page, intro: str) -> bool:
        """An index's introduction becomes its section's intro when the section has none;
        whether the section's intro holds it."""
        section = destination.specific
        if not intro or not isinstance(section, SectionPage):
            return False
        held = content_words(html_to_text(section.intro or ""))
        if section.intro and not set(content_words(intro)) <= set(held):
            return False
        if not section.intro:
            section.intro = "".join(f"<p>{escape(part)}</p>" for part in intro.split("\n\n"))
            with transaction.atomic():
                revision = section.save_revision()
                if section.live:
                    revision.publish()
        return True

    def _index_account(self, document: LegacyDocument, intro_placed: bool) -> WordAccount:
        """Where an index's words went: its introduction to its section's intro, each blurb
        to the page it describes (its summary), each link's text and date to that page's
        title and date; the rest was chrome, or is lost (reported)."""
        described = []
        for entry in document.entries:
            target = self._resolve_href(entry.href, document.source_path)
            if target.kind == LinkKind.PAGE and target.value in self.run_keys:
                described.append(entry.printed)  # the page it lists holds what it says
        kept = "\n".join([document.intro if intro_placed else "", *described])
        held, removed = removed_texts(document.removed)
        return account(document.source_text, kept, f"{document.title}\n{held}", removed, "")

    def _news_page(self, parsed: ParsedSource) -> ItemReport:
        """A news page split into one article per item: its old URL leads to the news
        section, which lists them all (the first item alone would hide the others)."""
        target = self.sections.target_for(parsed.document)
        destination = self.tree.sections.get(target) or self.tree.home
        what = f"News page split into {parsed.items} articles ({parsed.key}#1 to #{parsed.items})"
        return self._redirected(parsed, destination, what)

    def _redirected(
        self,
        parsed: ParsedSource,
        destination: Page,
        what: str,
        words: WordAccount | None = None,
    ) -> ItemReport:
        """An old page that becomes no page of its own: a redirect and a skipped record
        (``words``: where its words went, for an index)."""
        self.page_ids.setdefault(parsed.key, destination.pk)
        notes = [f"{what}; its old URL redirects to {destination.url}"]
        notes += _account_warnings(words) if words and words.lost else []
        with transaction.atomic(), self.indexer.batch():
            self._point_redirect(parsed.key, destination)
            self._save_record(parsed, ImportStatus.SKIPPED, destination, "", notes, words)
        kind = parsed.document.kind
        item = self._item(parsed.key, ImportStatus.SKIPPED, kind, destination, notes, words)
        item.fidelity = None  # an index is no page: its words are accounted, not its fidelity
        return item

    def _continuation(self, parsed: ParsedSource) -> ItemReport:
        """A later part of an article printed over pages: joined into the first part's page
        (``continued.join_parts``), to which its old URL now leads."""
        first = parsed.document.continues
        page = Page.objects.filter(pk=self.page_ids.get(first)).first()
        if page is None:
            note = f"A later part of {first}, which was not imported: nothing to redirect to."
        else:
            self.page_ids[parsed.key] = page.pk
            note = f"A later part of {first}, joined into its page: its old URL redirects there."
        notes = [note, *parsed.document.warnings]
        with transaction.atomic(), self.indexer.batch():
            if page is not None:
                self._point_redirect(parsed.key, page)
            self._save_record(parsed, ImportStatus.SKIPPED, page, "", notes, None)
        return self._item(parsed.key, ImportStatus.SKIPPED, parsed.document.kind, page, notes)

    def _alias(self, parsed: ParsedSource) -> ItemReport:
        """A symlink to another page of the mirror: its name is one more old URL of it."""
        target = self.aliases[parsed.key]
        page = Page.objects.filter(pk=self.page_ids.get(target)).first()
        if page is None:
            note = f"A symlink to {target}, which was not imported: nothing to redirect to."
        else:
            self.page_ids[parsed.key] = page.pk
            note = f"A symlink to {target}: its old URL redirects to that page."
        with transaction.atomic(), self.indexer.batch():
            if page is not None:
                self._point_redirect(parsed.key, page)
            self._save_record(parsed, ImportStatus.SKIPPED, page, "", [note], None)
        return self._item(parsed.key, ImportStatus.SKIPPED, "", page, [note])

    def _refused(self, parsed: ParsedSource, kind: str = "") -> ItemReport:
        """Not read (see ``read_source``): the reason is stored, never the file's bytes."""
        record = (self.records or {}).get(parsed.key)
        page = record.page if record and record.page_id else None
        notes = [f"Not imported: {parsed.refused.rstrip('.')}."]
        if page is not None:
            notes.append(f"The page imported from it before is left as it was: {page.title}")
        self._save_record(parsed, ImportStatus.SKIPPED, page, "", notes, None)
        item = self._item(parsed.key, ImportStatus.SKIPPED, kind, page, notes)
        item.refused = True
        return item

    def _refused_images(self, paths: list[Path], reported: set[str]) -> list[ItemReport]:
        """One item for each image (or folder link) the image library would not import: all
        of them when folders were given, those the pages asked for when only files were."""
        whole_folders = any(path.is_dir() for path in paths)
        items = []
        for key, reason in sorted(self.images.refused.items()):
            if key not in reported and (whole_folders or key in self.images.asked):
                parsed = ParsedSource(file=SourceFile(None, key, refused=reason), refused=reason)
                items.append(self._refused(parsed, kind="link" if key.endswith("/") else "image"))
        return items

    def _skipped(self, parsed: ParsedSource, reason: str) -> ItemReport:
        self._save_record(parsed, ImportStatus.SKIPPED, None, "", [reason], None)
        return self._item(parsed.key, ImportStatus.SKIPPED, parsed.document.kind, None, [reason])

    def _unchanged(self, record: ImportRecord) -> ItemReport:
        record.status = ImportStatus.UNCHANGED
        record.last_run = self.run
        record.save(update_fields=["status", "last_run", "updated_at"])
        page = Page.objects.filter(pk=record.page_id).first()
        item = self._item(record.source_path, record.status, record.kind, page, record.warnings)
        item.fidelity, item.words = record.fidelity, record.words
        item.checks = [check.as_dict() for check in record.checks.all()]
        return item

    def _failed(
        self, parsed: ParsedSource, error: str, record: ImportRecord | None = None
    ) -> ItemReport:
        kind = parsed.document.kind if parsed.document else ""
        self._save_record(parsed, ImportStatus.FAILED, None, "", [error], None)
        page = record.page if record else None
        return self._item(parsed.key, ImportStatus.FAILED, kind, page, [error])

    def _save_record(
        self,
        parsed: ParsedSource,
        status: str,
        page: Page | None,
        target: str,
        warnings: list[str],
        words: WordAccount | None,
        *,
        undated: bool = False,
        findings: list[Finding] = (),
        dating: str = "",
    ) -> None:
        """The record of the page: what became of it, its word account and its checks
        (replaced by ``findings``; a page written again is to be checked again)."""
        document = parsed.document
        counts = words.as_dict() if words else dict.fromkeys(WordAccount().as_dict())
        defaults = {
            "checksum": parsed.checksum,
            "importer_version": IMPORTER_VERSION,
            "original_html": parsed.original_html,
            "encoding": document.encoding if document else "",
            "title": pages.clean_title(document.title) if document else "",
            "kind": document.kind.value if document else "",
            "section": target,
            "status": status,
            "warnings": [_storable(warning) for warning in warnings],
            "leftovers": [_storable(text) for text in document.leftovers] if document else [],
            # an index is no page: its words are accounted for, its fidelity is no page's
            "fidelity": None
            if words is None or status == ImportStatus.SKIPPED
            else round(words.fidelity, 4),
            **{f"words_{name}": count for name, count in counts.items()},
            "removed": [asdict(entry) for entry in document.removed] if document else [],
            "undated": undated,
            "date_source": dating,
            "date_approximate": dating not in ("", "printed", "none"),
            "last_run": self.run,
            "cluster": cluster_of(document),
            "severity": max((finding.severity for finding in findings), default=0),
            "review_state": ReviewState.TO_CHECK,
            "review_state_by": None,
            "review_state_at": None,
        }
        if page is not None or status != ImportStatus.FAILED:
            defaults["page"] = page  # a failed update keeps the link to the page it had
        path = record_path(parsed.key)
        if self._new_record(path):
            record, created = ImportRecord.objects.create(source_path=path, **defaults), True
        else:
            record, created = ImportRecord.objects.update_or_create(
                source_path=path, defaults=defaults
            )
        self.recorded.add(path)
        store_findings(record, list(findings), created=created)

    def _new_record(self, path: str) -> bool:
        """Whether no record of ``path`` exists: it was looked for up front (``_prepare``)
        and not found, nor saved since (a save rolled back leaves it unknown, not new)."""
        return (
            self.records is not None
            and path in self.looked_up
            and path not in self.records
            and path not in self.recorded
        )

    def _item(self, key, status, kind, page, warnings, words=None) -> ItemReport:
        hide_page = self.options.dry_run and status == ImportStatus.CREATED  # rolled back
        return ItemReport(
            source=key,
            status=str(status),
            kind=str(kind),
            page_id=None if page is None or hide_page else page.pk,
            url=None if page is None or hide_page else page.url,
            warnings=list(warnings),
            fidelity=None if words is None else round(words.fidelity, 4),
            words=None if words is None else words.as_dict(),
        )

    def _finish(self, report: ImportReport, *, quietly: bool = False) -> None:
        """Close the run: its counts, why it stopped early if it did, and ``finished_at``.
        ``quietly``: an error is already on its way up; one in closing must not hide it
        (a dry run's rolled-back transaction cannot be written to, nor needs to be)."""
        if self.run is None:
            return
        for status, count in report.summary().items():
            setattr(self.run, status, count)
        self.run.stopped = report.stopped
        self.run.finished_at = timezone.now()
        self.run.muted = report.muted = self.muted
        self.run.summary = report.run_summary()
        report.run_id = None if self.options.dry_run else self.run.pk
        if not quietly:
            self.run.save()
            return
        with contextlib.suppress(DatabaseError), transaction.atomic():
            self.run.save()


def storable_path(source: SourceFile) -> SourceFile:
    """``source``, refused ("path too long") when its old path is longer than a redirect
    can hold (``Redirect.old_path``, 255 characters): a page whose old URL could not
    lead to it is not imported."""
    length = len(old_url_path(source.key))
    if source.refused or length <= OLD_PATH_LIMIT:
        return source
    reason = f"path too long: its old path has {length} characters, over the {OLD_PATH_LIMIT} "
    return replace(source, path=None, refused=reason + "an old URL can be stored with")


def record_path(key: str) -> str:
    """The key as an import record stores it: a key too long for the column (a refused
    file's) is cut and made unique by its digest."""
    if len(key) <= RECORD_PATH_LIMIT:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return f"{key[: RECORD_PATH_LIMIT - len(digest) - 2]}…#{digest}"


def _stopped_by(error: BaseException) -> str:
    if isinstance(error, KeyboardInterrupt):
        return "Interrupted (Ctrl-C) before the end of the run."
    return shorten_at_word(f"Stopped by an error: {type(error).__name__}: {error}", 255)


def fidelity_band(fidelity: float | None) -> str:
    """The queue's fidelity bands (legacy/review.py): "1.0", "0.95 to 1.0", "below 0.95"."""
    if fidelity is None:
        return "not measured"
    return "1.0" if fidelity >= 1 else "0.95 to 1.0" if fidelity >= 0.95 else "below 0.95"


def _account_warnings(words: WordAccount) -> list[str]:
    warnings = []
    if words.lost:
        warnings.append(f"{words.lost} word(s) of the old page lost: {' '.join(words.missing)}")
    if words.residue:
        warnings.append(
            f"Fidelity {words.fidelity:.3f}: {words.residue} kept word(s) look like chrome "
            "(printed on other pages of the site, or mostly links)"
        )
    return warnings


def _date_source(document: LegacyDocument, file_date: datetime.date | None) -> str:
    """Where the page's date came from, for its record (``ImportRecord.date_source``)."""
    if document.published is not None:
        return document.date_source or "printed"
    return "file" if file_date else "none"


def _text_aside(item: ParsedSource) -> bool:
    """Whether the source's decoded text waits in the run's spill (an unreadable file's
    original HTML may wait there without one)."""
    return item.text is not None and not item.error


def _part(item: ParsedSource) -> bool:
    """A later part of an article printed over pages (joined into the first)."""
    return bool(item.document and item.document.continues)


def record_is_new(record: ImportRecord | None) -> bool:
    return record is None or record.page_id is None


def _who() -> str:
    with contextlib.suppress(Exception):
        return f"{getpass.getuser()}@{socket.gethostname()} (import_legacy)"
    return "import_legacy"
