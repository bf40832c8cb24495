"""What the whole site says about a page that the page does not say itself (pure).

An old site's indexes print a date and a one-line blurb beside each link; its folders are
named after years; its pages stand among dated neighbours; its footer prints copyright
years. After every page of a site is parsed, ``date_pages`` dates each page that prints
no date from this evidence, in order of trust, and records where the date came from:

1. ``index``: an index entry that links to the page prints a date;
2. ``filename``: the file names of its folder print dates (``ced-970711.htm``,
   ``news-19990312.htm``, ``1999-03-12.htm``): most names of the folder carry one run of
   six or eight digits, or three groups of digits joined by one ``-``, ``_`` or ``.``, and
   every run reads as a valid date in the same one order (year, month and day; day, month
   and year; or month, day and year), so the run is a date, not a number;
3. ``folder``: a folder of its path is a year (``1999/``): 1 January of it; or its name
   holds a year or a month and year (``Issue1999``, ``Mag0399``) in a digit run that the
   site's folders of the same name shape (``Mag0199``, ``Mag0299`` ...) all read the same
   way: the first of that month (or 1 January);
4. ``neighbours``: pages of the same kind in the same folder print dates: their median;
5. ``copyright``: the copyright years its footer (or, failing that, the site's) prints:
   1 January of the first.

Every such date is approximate (``LegacyDocument.date_approximate``). A page with no
evidence keeps no date: it is shown undated and listed last, never dated today. One pass
collects the evidence (entries, dated folders, copyright years), one applies it: linear.
"""

import datetime
import posixpath
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from textkit.markup import normalise_space

from .aside import printed_copyright_years
from .dates import date_line, search_date
from .document import IndexEntry, Kind, LegacyDocument
from .options import ParseOptions
from .paths import LinkKind, resolve_href
from .site import site_of
from .text import content_words
from .units import Span, Unit

BLURB_MAX_WORDS = 40  # an index's line beside a link is a blurb, not an essay
BLURB_MIN_WORDS = 3  # fewer is a letter heading or a name, not a line about the page
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")  # "(Cormac McCarthy)", "[1999]"
MIN_NEIGHBOURS = 2  # dated pages of the same folder and kind needed to date another
_YEAR_FOLDER = re.compile(r"(?<!\d)(19[4-9]\d|20[0-4]\d)(?!\d)")
_DIGIT_RUN = re.compile(r"\d+")
# a date in a file name: six or eight digits ("970711", "19970711"), or three groups of
# digits joined by one separator ("1997-07-11", "11.07.97")
_FILE_DATE = re.compile(
    r"(?<!\d)(?:\d{8}|\d{6}|\d{2}(?:\d{2})?([-_.])\d{2}\1\d{2}(?:\d{2})?)(?!\d)"
)
_DATE_GROUP_SEPARATOR = re.compile(r"[-_.]")
FILE_DATE_SHARE = 2 / 3  # of a folder's file names must carry a date for any to be read
MIN_DATED_NAMES = 3  # file names of a folder that must print dates for the rule to apply
MIN_SHAPE_FOLDERS = 2  # differently numbered folders of one name shape, to read the number
_FILE_DATE_ORDERS = ("ymd", "dmy", "mdy")
_EDGES = " \t-–—:|,;()[]·•"
UNDATED_KINDS = (Kind.LISTING, Kind.STUB)  # not imported as pages: never dated


# --- index entries (per page, in the parse) -------------------------------------------


def index_entries(units: Sequence[Unit], date_order: str = "dmy") -> list[IndexEntry]:
    """The entries of an index page: each line holding one link, with the date and the
    blurb printed beside it, in the line itself ("Title (3 May 1999) - blurb") or, for a
    unit of one line, in the unit before or after it (a row of cells: date | link | blurb;
    <dt> link, <dd> blurb)."""
    entries = []
    for index, unit in enumerate(units):
        lines = unit.lines
        for line in lines:
            spans = [item for item in line if isinstance(item, Span)]
            hrefs = {span.style.href for span in spans if span.style.href is not None}
            if len(hrefs) != 1:
                continue  # no link, or a nav bar of several
            alone = len(lines) == 1
            before = units[index - 1] if index and alone else None
            after = units[index + 1] if index + 1 < len(units) and alone else None
            entries.append(_entry(spans, hrefs.pop(), before, after, date_order))
    return entries


def _entry(
    spans: list[Span], href: str, before: Unit | None, after: Unit | None, date_order: str
) -> IndexEntry:
    text = normalise_space("".join(s.text for s in spans if s.style.href))
    rest = normalise_space(" ".join(s.text for s in spans if s.style.href is None))
    printed = [normalise_space("".join(s.text for s in spans))]
    found = search_date(rest, date_order)
    date, printed_date = (found.date, found.printed) if found else (None, "")
    if found:
        rest = rest.replace(found.printed, " ", 1)
    blurb = _blurb(rest)
    for beside in (before, after):  # a row of cells: the date in its own cell
        if date is None and beside is not None and not beside.hrefs:
            date, printed_date = date_line(beside.text, date_order), beside.text
            printed += [beside.text] if date else []
    if not blurb and after is not None and _is_blurb(after, date_order):
        blurb = _blurb(after.text)
        printed.append(after.text)
    return IndexEntry(href, text, date, blurb, printed_date if date else "", "\n".join(printed))


def index_intro(units: Sequence[Unit], date_order: str = "dmy") -> str:
    """An index's introduction: the sentences it prints before its first link."""
    intro = []
    for unit in units:
        if unit.hrefs:
            break
        if len(content_words(unit.text)) >= BLURB_MIN_WORDS and not date_line(unit.text):
            intro.append(normalise_space(unit.text))
    return "\n\n".join(intro)


def _blurb(text: str) -> str:
    """The line beside a link, without what brackets hold (an author, a year) and the
    separators around it; empty when too short to say anything about the page."""
    blurb = normalise_space(_BRACKETED.sub(" ", text)).strip(_EDGES)
    return blurb if len(content_words(blurb)) >= BLURB_MIN_WORDS else ""


def _is_blurb(unit: Unit, date_order: str) -> bool:
    words = content_words(unit.text)
    return (
        not unit.hrefs
        and 0 < len(words) <= BLURB_MAX_WORDS
        and date_line(unit.text, date_order) is None
    )


# --- dating pages from the site's evidence ---------------------------------------------


@dataclass(frozen=True)
class DateEvidence:
    date: datetime.date
    source: str  # "index", "filename", "folder", "neighbours", "copyright"
    note: str  # what the operator is told: "the index 1999/reviews.htm (3 May 1999)"


def apply_site_evidence(documents: Sequence[LegacyDocument], options: ParseOptions) -> None:
    """What the site's indexes and folders say about its pages, in place: each page an
    index lists with a blurb gets it as its ``summary`` (the first index's); each page
    that prints no date is dated (``date_pages``)."""
    listed = _listed(documents, options)
    by_key = {document.source_path: document for document in documents}
    for key, entries in listed.items():
        blurbs = [entry.blurb for _, entry in entries if entry.blurb]
        if blurbs and not by_key[key].summary:
            by_key[key].summary = blurbs[0]
    date_pages(documents, _indexed_dates(listed))


def _listed(
    documents: Sequence[LegacyDocument], options: ParseOptions
) -> dict[str, list[tuple[str, IndexEntry]]]:
    """The index entries that link to each page of the run: (the index's path, entry)."""
    keys = {document.source_path for document in documents}
    listed: dict[str, list[tuple[str, IndexEntry]]] = defaultdict(list)
    for document in documents:
        for entry in document.entries:
            target = resolve_href(entry.href, document.source_path, options.base_url)
            if target.kind is LinkKind.PAGE and target.value in keys:
                listed[target.value].append((document.source_path, entry))
    return listed


def date_pages(
    documents: Sequence[LegacyDocument], indexed: dict[str, DateEvidence] | None = None
) -> None:
    """Date every page of the run that prints no date from its site's evidence (see the
    module's docstring), in place: ``published``, ``date_source``, ``date_approximate``
    and a warning naming the evidence. Pages that print their date get the source
    ``printed``; pages with no evidence keep none. ``indexed``: the dates the site's
    index entries give the pages they link to."""
    indexed = indexed or {}
    named = _file_name_dates(documents)
    folders = _dated_folders(documents)
    neighbours = _neighbour_dates(documents)
    copyright_years = _site_copyright_years(documents)
    for document in documents:
        if document.kind in UNDATED_KINDS or document.continues:
            continue
        if document.published is not None:
            document.date_source = document.date_source or "printed"
            continue
        evidence = (
            indexed.get(document.source_path)
            or named.get(document.source_path)
            or _folder_year(document.source_path, folders)
            or neighbours.get(_neighbourhood(document))
            or _copyright(document, copyright_years.get(site_of(document.source_path)))
        )
        if evidence is None:
            document.warnings.append(
                "No date on the old page and none on its site (index, folder, neighbours, "
                "copyright): shown undated, listed last"
            )
            continue
        document.published = evidence.date
        document.date_source = evidence.source
        document.date_approximate = True
        document.warnings.append(
            f"Dated {evidence.date.isoformat()} (approximate) from {evidence.note}"
        )


def _indexed_dates(listed: dict[str, list[tuple[str, IndexEntry]]]) -> dict[str, DateEvidence]:
    """The date the site's dated index entries give each page they link to (the earliest,
    when two indexes disagree: a page is listed when it is new)."""
    found: dict[str, DateEvidence] = {}
    for key, entries in listed.items():
        dated = [(entry.date, index) for index, entry in entries if entry.date is not None]
        if dated:
            date, index = min(dated)
            found[key] = DateEvidence(date, "index", f"the index {index} ({date:%-d %B %Y})")
    return found


def _folder_year(source_path: str, dated: dict[str, datetime.date]) -> DateEvidence | None:
    """The date the innermost dated folder of the path is named after: 1 January of a
    year folder (``1999/``), else the date its name shape gives it (``_dated_folders``)."""
    for folder in reversed(posixpath.dirname(source_path).split("/")):
        if (match := _YEAR_FOLDER.fullmatch(folder)) is not None:
            year = int(match.group(1))
            return DateEvidence(datetime.date(year, 1, 1), "folder", f"its folder {folder}/")
        if (date := dated.get(folder)) is not None:
            return DateEvidence(date, "folder", f"its folder {folder}/ ({date:%B %Y})")
    return None


def _dated_folders(documents: Sequence[LegacyDocument]) -> dict[str, datetime.date]:
    """Folder names holding one run of four digits that is a year (``Issue1999``) or a
    month and a two-digit year (``Mag0399``), read only when two or more differently
    numbered folders of the site share the name's shape and every one of them reads the
    same way: a lone ``club1024/`` or a ``disk1``..``disk12`` series is no date."""
    shapes: dict[str, set[str]] = defaultdict(set)
    for document in documents:
        for folder in posixpath.dirname(document.source_path).split("/"):
            runs = _DIGIT_RUN.findall(folder)
            if len(runs) == 1 and len(runs[0]) == 4:
                shapes[_DIGIT_RUN.sub("#", folder)].add(folder)
    dated = {}
    for folders in shapes.values():
        if len(folders) < MIN_SHAPE_FOLDERS:
            continue
        for reading in (_year_of_run, _month_of_run):
            dates = {folder: reading(_DIGIT_RUN.search(folder).group()) for folder in folders}
            if all(dates.values()):
                dated.update(dates)
                break
    return dated


def _year_of_run(run: str) -> datetime.date | None:
    return datetime.date(int(run), 1, 1) if _YEAR_FOLDER.fullmatch(run) else None


def _month_of_run(run: str) -> datetime.date | None:
    """``0399``: March 1999 (two-digit years from 1950 to 2049)."""
    month, year = int(run[:2]), int(run[2:])
    if not 1 <= month <= 12:
        return None
    return datetime.date(year + (1900 if year >= 50 else 2000), month, 1)


def _file_name_dates(documents: Sequence[LegacyDocument]) -> dict[str, DateEvidence]:
    """The dates the file names of a folder print, where most of its names carry one run
    of six digits and all those runs read as valid dates in one order only (see the
    module's docstring); a folder of part numbers or of mixed names gives none."""
    by_folder: dict[str, list[str]] = defaultdict(list)
    for document in documents:
        by_folder[posixpath.dirname(document.source_path)].append(document.source_path)
    found = {}
    for paths in by_folder.values():
        runs = {}
        for path in paths:
            stem = posixpath.splitext(posixpath.basename(path))[0]
            if len(matches := [m.group() for m in _FILE_DATE.finditer(stem)]) == 1:
                runs[path] = matches[0]
        if len(runs) < max(MIN_DATED_NAMES, FILE_DATE_SHARE * len(paths)):
            continue
        readings = [
            dates
            for order in _FILE_DATE_ORDERS
            if all(
                (dates := {path: _file_date(run, order) for path, run in runs.items()}).values()
            )
        ]
        if len(readings) != 1:
            continue  # no order reads them all, or two do: not safe to choose
        for path, date in readings[0].items():
            name = posixpath.basename(path)
            found[path] = DateEvidence(
                date, "filename", f"its file name {name} ({date:%-d %B %Y})"
            )
    return found


def _file_date(run: str, order: str) -> datetime.date | None:
    """A file name's date run read in ``order`` ("ymd": ``970711``, ``19970711`` and
    ``1997-07-11`` are 11 July 1997), or None when it reads as no date that way. Run
    together, the year takes two digits of six and four of eight; a four-digit year is
    one from 1940 to 2049, a two-digit one from 1950 to 2049."""
    groups = _DATE_GROUP_SEPARATOR.split(run)
    if len(groups) == 1:
        widths = {"y": len(run) - 4, "m": 2, "d": 2}
        starts = [sum(widths[letter] for letter in order[:n]) for n in range(3)]
        groups = [run[at : at + widths[letter]] for at, letter in zip(starts, order, strict=True)]
    parts = dict(zip(order, groups, strict=True))
    if len(parts["m"]) != 2 or len(parts["d"]) != 2:
        return None
    if len(parts["y"]) == 4:
        if not _YEAR_FOLDER.fullmatch(parts["y"]):
            return None
        year = int(parts["y"])
    else:
        year = int(parts["y"]) + (1900 if int(parts["y"]) >= 50 else 2000)
    try:
        return datetime.date(year, int(parts["m"]), int(parts["d"]))
    except ValueError:
        return None


def _neighbourhood(document: LegacyDocument) -> tuple[str, str]:
    return posixpath.dirname(document.source_path), document.kind.value


def _neighbour_dates(documents: Sequence[LegacyDocument]) -> dict[tuple[str, str], DateEvidence]:
    """The median printed date of each folder's pages of one kind, where two or more
    print one."""
    printed: dict[tuple[str, str], list[datetime.date]] = defaultdict(list)
    for document in documents:
        if document.published is not None and document.kind not in UNDATED_KINDS:
            printed[_neighbourhood(document)].append(document.published)
    evidence = {}
    for (folder, kind), dates in printed.items():
        if len(dates) >= MIN_NEIGHBOURS:
            median = statistics.median_low(sorted(dates))
            note = f"the {len(dates)} dated pages of its kind in {folder or 'the top'}/"
            evidence[folder, kind] = DateEvidence(median, "neighbours", note)
    return evidence


def _site_copyright_years(documents: Sequence[LegacyDocument]) -> dict[str, tuple[int, ...]]:
    """Each site's copyright years: the range its pages print most often."""
    counts: dict[str, Counter[tuple[int, ...]]] = defaultdict(Counter)
    for document in documents:
        if years := printed_copyright_years(document):
            counts[site_of(document.source_path)][tuple(sorted(set(years)))] += 1
    return {site: found.most_common(1)[0][0] for site, found in counts.items()}


def _copyright(
    document: LegacyDocument, site_years: tuple[int, ...] | None
) -> DateEvidence | None:
    """1 January of the first copyright year the page prints, else the site's."""
    own = printed_copyright_years(document)
    years = sorted(set(own)) or list(site_years or ())
    if not years:
        return None
    printed = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
    whose = "its" if own else "the site's"
    return DateEvidence(
        datetime.date(years[0], 1, 1), "copyright", f"{whose} copyright years ({printed})"
    )
