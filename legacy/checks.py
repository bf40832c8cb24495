"""Named checks an editor can trust: what an imported page may have got wrong (pure).

Each check is a pure function over ``PageFacts`` (what the parser read and what the page
became, gathered by the importer) returning a ``Finding`` or None. The registry,
``CHECKS``, gives each its name (stored on the import record, filtered by in the queue and
listed in the JSON report), its label for editors and its severity. A run may mute a check
by name, or every check on pages and images under a path pattern (``Mutes``).

Adding a check is one function under ``@check(...)`` and a test with a page that raises it
and one that must not.
"""

import datetime
import fnmatch
import math
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from html.parser import HTMLParser

from legacy.parsing.accounting import HELD
from legacy.parsing.bylines import is_person_name, opens_with_label, parse_byline
from legacy.parsing.clusters import AFFIX_REASON
from legacy.parsing.dates import posted_label, search_date
from legacy.parsing.document import Credits, Removed

LARGE_SHARE_REMOVED = 0.5  # at least half of the old page's words are not on the new page
LARGE_SHARE_MIN_WORDS = 60  # below this, a page is mostly its chrome and that is normal
MIN_SIGNED_REVIEWS = 5  # "seen on no other page" means something once a site has this many
SEGMENT_WORDS = 10  # a removed piece this short may be a byline or a dateline
LINK_SHARE = 0.6  # a summary this much link text is a link, not a sentence
KEPT_AS_FIELD = "kept as"  # removed lines that became the title or the credits


class Severity(IntEnum):
    """How sure the check is that the page is wrong: the queue sorts by it."""

    INFO = 1  # worth a look
    WARNING = 2  # probably wrong, the page reads fine
    ERROR = 3  # the page misleads readers until fixed

    @property
    def label(self) -> str:
        return self.name.lower()


# A check's weight in the queue's order is its severity's weight times how rare it is in
# its run: each level outweighs the one below unless it is far commoner.
SEVERITY_WEIGHT = {Severity.INFO: 1.0, Severity.WARNING: 4.0, Severity.ERROR: 16.0}


def check_weight(severity: int, pages_with_check: int, pages: int) -> float:
    """What one check adds to its page's place in the review queue: its severity's weight
    times its rarity in the run, ln(pages / pages with it). A check on every page adds 0:
    it says something about the site, not about the page; one on a single page of 235 adds
    5.5 times its weight, one on 84% of them 0.17 times."""
    if pages_with_check <= 0:
        return 0.0
    return SEVERITY_WEIGHT.get(severity, 1.0) * math.log(
        max(pages, pages_with_check) / pages_with_check
    )


@dataclass(frozen=True)
class Finding:
    name: str
    severity: Severity
    detail: str

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "severity": self.severity.label, "detail": self.detail}


@dataclass
class PageFacts:
    """What the checks read about one imported page."""

    source_path: str
    kind: str  # what the parser read the page as: "film_review", "feature", "page", ...
    target: str  # the section kind it was filed in ("film", "news", ...) or "page"
    is_review: bool = False  # its page type has a reviewer
    signer: str = ""  # the name of the reviewer or author the page is signed with
    signer_pages: int = 0  # pages of the site signed by that name (this one included)
    signed_reviews: int = 0  # reviews of the site that are signed at all
    site_prints_years: bool = True  # the site's reviews print their work's year (some do)
    title: str = ""
    title_affixes: Sequence[str] = ()  # the site's learnt title affixes (issue 23)
    summary: str = ""
    first_paragraph: str = ""  # its sanitised inline HTML
    image_alts: Sequence[str] = ()
    credits: Credits | None = None
    published: datetime.date | None = None
    date_printed: str = ""  # the dateline the date was read from, as printed
    date_ambiguous: bool = False
    date_source: str = ""  # where an unprinted date came from: "index", "folder", ... (evidence)
    date_approximate: bool = False
    removed: Sequence[Removed] = ()
    words_source: int = 0
    words_removed: int = 0  # removed as chrome, plus lost
    missing_images: Sequence[str] = ()  # mirror paths (or srcs) of images not found
    cluster_outlier: str = ""  # the page's template cluster when its kind is an outlier of it
    parser_notes: Sequence[str] = ()  # the parser's warnings about the page


CheckFunction = Callable[[PageFacts], str | None]


@dataclass(frozen=True)
class CheckType:
    name: str
    label: str  # as editors see it in the queue's filter and columns
    severity: Severity
    function: CheckFunction
    help: str = ""

    def run(self, facts: PageFacts) -> Finding | None:
        detail = self.function(facts)
        return None if detail is None else Finding(self.name, self.severity, detail)


CHECKS: dict[str, CheckType] = {}


def check(name: str, label: str, severity: Severity) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check: the function returns the detail an editor reads, or None."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[name] = CheckType(name, label, severity, function, (function.__doc__ or "").strip())
        return function

    return register


def label_of(name: str) -> str:
    check_type = CHECKS.get(name)
    return check_type.label if check_type else name.replace("_", " ")


# -- the checks --------------------------------------------------------------------------


@check("review_without_reviewer", "Review without a reviewer", Severity.ERROR)
def review_without_reviewer(facts: PageFacts) -> str | None:
    """A film or book review that names nobody as its reviewer."""
    if facts.is_review and not facts.signer:
        return "No signature or byline was read: set the reviewer."
    return None


@check("reviewer_seen_once", "Reviewer on no other page", Severity.WARNING)
def reviewer_seen_once(facts: PageFacts) -> str | None:
    """The reviewer's name signs no other page of a site with several signed reviews: often
    a misread line (a quotation's source, a cast member) rather than a reviewer."""
    if not facts.signer or facts.signed_reviews < MIN_SIGNED_REVIEWS:
        return None
    if facts.signer_pages <= 1:
        return f"'{facts.signer}' signs no other page of the site: is it the reviewer?"
    return None


@check("summary_is_link_text", "Summary is link or alt text", Severity.WARNING)
def summary_is_link_text(facts: PageFacts) -> str | None:
    """The listing summary is an image's alt text or mostly the words of links."""
    summary = _folded(facts.summary)
    if not summary:
        return None
    alts = [_folded(alt) for alt in facts.image_alts]
    if any(alt and summary.startswith(alt) for alt in alts):
        return f"The summary is an image's alt text: '{facts.summary[:80]}'"
    linked = sum(len(_folded(text)) for text in link_texts(facts.first_paragraph))
    if linked >= LINK_SHARE * len(_folded(html_text(facts.first_paragraph)) or "x"):
        return f"The summary is mostly link text: '{facts.summary[:80]}'"
    return None


@check("credits_incomplete", "Credits without creator or year", Severity.WARNING)
def credits_incomplete(facts: PageFacts) -> str | None:
    """A review whose credits name no director or author, or print no year (on a site whose
    reviews print years: where none does, a missing year is the site's, not the page's)."""
    if not facts.is_review:
        return None
    if facts.credits is None:
        wanted = "the creator and the year" if facts.site_prints_years else "the creator"
        return f"No credits line was read: add {wanted}."
    no_year = not facts.credits.year and facts.site_prints_years
    absent = {"creator": not facts.credits.people, "year": no_year}
    missing = [what for what, is_absent in absent.items() if is_absent]
    if missing:
        return f"The credits '{facts.credits.raw[:80]}' give no {' and no '.join(missing)}."
    return None


@check("title_has_site_affix", "Title holds the site's name", Severity.WARNING)
def title_has_site_affix(facts: PageFacts) -> str | None:
    """The title still carries an affix the site's <title>s share ("Talking Pictures -")."""
    title = _folded(facts.title)
    for affix in facts.title_affixes:
        if _folded(affix) and _folded(affix) in title:
            return f"The title '{facts.title}' holds the site's affix '{affix}'."
    return None


@check("date_missing_or_approximate", "Date missing or approximate", Severity.WARNING)
def date_missing_or_approximate(facts: PageFacts) -> str | None:
    """A dated page type with no printed date, or one printed as a month, a year or both
    ways (03/04/2002)."""
    if facts.target == "page":
        return None
    if facts.published is None:
        return "The old page prints no date, nor does its site: shown undated."
    if facts.date_approximate:
        return (
            f"The old page prints no date: dated {facts.published.isoformat()} from the "
            f"site's evidence ({facts.date_source}), approximate."
        )
    if facts.date_ambiguous:
        return f"The date '{facts.date_printed}' reads both ways."
    precision = date_precision(facts.date_printed)
    if precision != "day":
        return f"The date is printed as a {precision} only ('{facts.date_printed}')."
    return None


@check("kind_outlier", "Kind from an outlier of its template", Severity.WARNING)
def kind_outlier(facts: PageFacts) -> str | None:
    """The page's kind differs from the other pages of its template cluster."""
    if facts.cluster_outlier.startswith(AFFIX_REASON):  # the site's <title>s say its kind
        return facts.cluster_outlier[0].upper() + facts.cluster_outlier[1:] + "."
    if facts.cluster_outlier:
        return f"Its template's other pages are another kind: {facts.cluster_outlier}"
    return None


KIND_NOTE = "check kind:"  # legacy.parsing.classify: placed by content against its folder


@check("kind_against_folder", "Kind against its folder", Severity.WARNING)
def kind_against_folder(facts: PageFacts) -> str | None:
    """The parser read the page as another kind than its folder holds (a page without
    credits among the reviews: a game, a list, or a review whose credits it missed)."""
    if facts.cluster_outlier:
        return None  # kind_outlier says it, with the cluster's reason
    for note in facts.parser_notes:
        if note.startswith(KIND_NOTE):
            return note[len(KIND_NOTE) :].strip().capitalize()
    return None


@check("outside_sections", "Page outside every section", Severity.WARNING)
def outside_sections(facts: PageFacts) -> str | None:
    """An article or review filed as a plain page under Home, in no section."""
    if facts.target == "page" and facts.kind not in ("page", ""):
        return f"Read as a {facts.kind.replace('_', ' ')}, filed as a plain page under Home."
    return None


@check("byline_removed", "Byline or date removed?", Severity.ERROR)
def byline_removed(facts: PageFacts) -> str | None:
    """Removed text that holds a labelled byline, a labelled date, or (on a page signed by
    nobody) a line that is a person's name alone: was a byline removed as chrome?"""
    for entry in facts.removed:
        if KEPT_AS_FIELD in entry.reason or entry.slot == HELD:
            continue  # a field holds it: the byline slot's label, the date slot's line
        segments = short_segments(entry.text)
        alone = len(segments) == 1  # the removed piece is this line alone, not a bar's item
        for segment in segments:
            what = byline_like(segment, bare_name=alone and not facts.signer)
            if what:
                return f"Removed ({entry.reason}): '{segment}' looks like {what}."
    return None


@check("large_share_removed", "Large share removed", Severity.WARNING)
def large_share_removed(facts: PageFacts) -> str | None:
    """At least half of the old page's words are not on the new page."""
    if facts.words_source < LARGE_SHARE_MIN_WORDS:
        return None
    share = facts.words_removed / facts.words_source
    if share >= LARGE_SHARE_REMOVED:
        return f"{share:.0%} of the old page's {facts.words_source} words are not on the page."
    return None


@check("images_missing", "Images missing", Severity.INFO)
def images_missing(facts: PageFacts) -> str | None:
    """Images the old page showed that are not in the mirror: one finding per page, grouped
    by folder."""
    if not facts.missing_images:
        return None
    folders = Counter(posixpath.dirname(path) + "/" for path in facts.missing_images)
    grouped = ", ".join(f"{folder} ({count})" for folder, count in folders.most_common())
    count = len(facts.missing_images)
    return f"{count} image{'s' if count != 1 else ''} not in the mirror: {grouped}"


# -- running them ------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutes:
    """What a run does not report: check names, and paths (glob patterns) of pages or
    images whose findings are dropped ("images/icons/*": the old site's own icons)."""

    names: frozenset[str] = frozenset()
    paths: tuple[str, ...] = ()

    @classmethod
    def parse(cls, values: Iterable[str]) -> "Mutes":
        """``--mute`` values: a check's name, or a path pattern (anything else)."""
        names, paths = set(), []
        for value in (value.strip() for value in values):
            if value in CHECKS:
                names.add(value)
            elif value:
                paths.append(value.lower())
        return cls(frozenset(names), tuple(paths))

    def mutes_path(self, path: str) -> bool:
        return any(fnmatch.fnmatchcase(path.lower(), pattern) for pattern in self.paths)

    def as_list(self) -> list[str]:
        return [*sorted(self.names), *self.paths]


def run_checks(facts: PageFacts, mutes: Mutes = Mutes()) -> tuple[list[Finding], int]:
    """The page's findings, worst first, and how many the run's mutes dropped."""
    if mutes.mutes_path(facts.source_path):
        found = [f for f in (c.run(facts) for c in CHECKS.values()) if f]
        return [], len(found)
    images = [path for path in facts.missing_images if not mutes.mutes_path(path)]
    muted_images = len(images) != len(facts.missing_images)
    if muted_images:
        facts = replace(facts, missing_images=images)
    findings, muted = [], int(muted_images and not images)
    for check_type in CHECKS.values():
        finding = check_type.run(facts)
        if finding is None:
            continue
        if finding.name in mutes.names:
            muted += 1
        else:
            findings.append(finding)
    findings.sort(key=lambda finding: -finding.severity)
    return findings, muted


# -- reading helpers (pure) --------------------------------------------------------------

_SEGMENT_BREAK = re.compile(r"\s*(?:\n|\||•|·|\s{3,})\s*")
_DAY = re.compile(r"(?<!\d)(?:[0-3]?\d)(?!\d)")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def short_segments(text: str) -> list[str]:
    """The short pieces of a removed text (a line, a bar item) that may be a byline."""
    pieces = [piece.strip(" -–—:,.") for piece in _SEGMENT_BREAK.split(text)]
    return [piece for piece in pieces if piece and len(piece.split()) <= SEGMENT_WORDS]


def byline_like(segment: str, *, bare_name: bool) -> str:
    """What the segment looks like, if a byline's: "a byline", "a dated label", or with
    ``bare_name`` (a line removed alone from a page signed by nobody) "a person's name"."""
    if opens_with_label(segment):
        byline = parse_byline(segment)
        if byline is not None and byline.label and byline.person:
            return "a byline"
    for match in posted_label().finditer(segment):
        found = search_date(segment[match.end() :])
        if found is not None and not segment[match.end() :][: found.start].strip(" :,"):
            return "a dated label"
    if bare_name and is_person_name(segment):
        return "a person's name"
    return ""


def date_precision(printed: str) -> str:
    """ "day", "month" or "year": how much of a date the printed text gives."""
    if not printed:
        return "day"  # read from somewhere that printed a full date
    without_year = _YEAR.sub(" ", printed)
    if _DAY.search(without_year):
        return "day"
    return "month" if re.search(r"[^\W\d_]{3,}", without_year) else "year"


class _LinkText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "a":
            self.depth += 1
            self.links.append("")

    def handle_endtag(self, tag) -> None:
        if tag == "a" and self.depth:
            self.depth -= 1

    def handle_data(self, data) -> None:
        self.text.append(data)
        if self.depth:
            self.links[-1] += data


def link_texts(html: str) -> list[str]:
    parser = _LinkText()
    parser.feed(html or "")
    return [text for text in parser.links if text.strip()]


def html_text(html: str) -> str:
    parser = _LinkText()
    parser.feed(html or "")
    return "".join(parser.text)


def _folded(text: str) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


_NUMBERS = re.compile(r"\d+(?:[.,]\d+)?")


def warning_type(warning: str) -> str:
    """What kind of warning this is, for counting them by type: its text up to the first
    colon, numbers as N ("12 word(s) of the old page lost: ..." -> "N word(s) of the old
    page lost")."""
    head = warning.split(": ", 1)[0] if ": " in warning else warning
    return _NUMBERS.sub("N", head.strip())[:80]


def count_by_type(warnings: Iterable[str]) -> dict[str, int]:
    """Warnings counted by ``warning_type``, most common first."""
    return dict(Counter(warning_type(w) for w in warnings).most_common())
