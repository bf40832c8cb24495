"""Which section each old page belongs to.

In order of precedence:

1. explicit rules: ``--section GLOB=KIND`` options, then the lines of a ``--map`` file;
2. the credits line of a review: a publisher or page count means a book, else a film;
3. the A-Z listing pages: every page a listing links to belongs to the listing's section;
4. the old folder names (``reviews/`` and ``films/`` → film, ``books/`` and
   ``bookreviews/`` → book, ``news/`` → news, ``features/`` → feature);
5. what the parser recognised (news page, feature, plain page).

Mapping file format, one rule per line, ``#`` starts a comment, first match wins::

    # glob (matched against the lower-cased mirror path; * crosses folders) = kind
    reviews/*         = film
    archive/books/*   = book
    specials/*.htm    = feature
    aboutus.htm       = page
    drafts/*          = skip

Kinds: ``film``, ``book``, ``news``, ``feature`` (the sections), ``page`` (a plain page
under Home) and ``skip`` (not imported).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from reviews import kinds

from .document import Kind, LegacyDocument
from .paths import LinkKind, resolve_href

PAGE, SKIP = "page", "skip"
SECTION_KINDS = kinds.VALUES
TARGET_KINDS = (*SECTION_KINDS, PAGE, SKIP)

FOLDER_DEFAULTS = {folder: kind.value for kind in kinds.KINDS for folder in kind.folders}
# The shapes of old page each kind holds; of two kinds holding a shape (films and DVDs), the
# first takes a page of it unless its folder or a listing names the other (``reversed``: the
# first kind's entry is written last).
SHAPES_OF = {kind.value: {Kind(shape) for shape in kind.legacy_shapes} for kind in kinds.KINDS}
KIND_DEFAULTS = {
    shape: kind.value for kind in reversed(kinds.KINDS) for shape in SHAPES_OF[kind.value]
} | {Kind.PAGE: PAGE}


def listing_hint(name: str) -> str | None:
    """The section a listing's lower-cased file name and title say it indexes."""
    for kind in kinds.KINDS:
        if any(word in name for word in kind.listing_words):
            return kind.value
    # "Reviews A-Z" names no work: the magazine's first review section.
    return kinds.REVIEW_KINDS[0].value if "review" in name else None


class MappingError(ValueError):
    pass


@dataclass(frozen=True)
class SectionRule:
    pattern: str
    target: str

    def matches(self, key: str) -> bool:
        return fnmatchcase(key, self.pattern)


def parse_rule(text: str) -> SectionRule:
    """``"reviews/* = film"`` → SectionRule; raises MappingError on anything else."""
    pattern, separator, target = text.partition("=")
    pattern, target = pattern.strip().lower().lstrip("/"), target.strip().lower()
    if not separator or not pattern:
        raise MappingError(f"expected 'glob = kind', got {text!r}")
    if target not in TARGET_KINDS:
        raise MappingError(f"unknown kind {target!r} in {text!r}; use one of {TARGET_KINDS}")
    return SectionRule(pattern, target)


def load_mapping_file(path: Path) -> list[SectionRule]:
    rules = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            rules.append(parse_rule(line))
        except MappingError as error:
            raise MappingError(f"{path}:{number}: {error}") from error
    return rules


@dataclass
class SectionMap:
    rules: list[SectionRule] = field(default_factory=list)
    learned: dict[str, str] = field(default_factory=dict)  # page key → kind, from listings

    def learn_from_listings(self, documents: Iterable[LegacyDocument], base_url: str = "") -> None:
        """Remember the section of every page an A-Z listing links to."""
        for document in documents:
            if document.kind != Kind.LISTING:
                continue
            section = self.listing_section(document)
            if section is None:
                continue
            for href in document.links:
                target = resolve_href(href, document.source_path, base_url)
                if target.kind == LinkKind.PAGE:
                    self.learned.setdefault(target.value, section)

    def listing_section(self, document: LegacyDocument) -> str | None:
        """The section an A-Z listing indexes, from a rule or its own name and title."""
        explicit = self.explicit(document.source_path)
        if explicit in SECTION_KINDS:
            return explicit
        return listing_hint(f"{document.source_path} {document.title}".lower())

    def explicit(self, key: str) -> str | None:
        return next((rule.target for rule in self.rules if rule.matches(key)), None)

    def target_for(self, document: LegacyDocument) -> str:
        """Where a content page goes: a section kind, ``page`` or ``skip``."""
        key = document.source_path
        explicit = self.explicit(key)
        if explicit:
            return explicit
        hinted = self.learned.get(key) or folder_default(key)
        if document.kind in (Kind.FILM_REVIEW, Kind.BOOK_REVIEW) and document.credits:
            # The credits line decides the shape: a publisher or a page count means a book.
            shape = Kind.BOOK_REVIEW if document.credits.is_book else Kind.FILM_REVIEW
            return hinted if shape in SHAPES_OF.get(hinted, ()) else KIND_DEFAULTS[shape]
        if (
            document.kind is Kind.FEATURE
            and hinted
            and Kind.FEATURE not in SHAPES_OF.get(hinted, {Kind.FEATURE})
        ):
            # No credits in a review folder: a game, a restaurant, a list ("check kind").
            return KIND_DEFAULTS[Kind.FEATURE]
        return hinted or KIND_DEFAULTS.get(document.kind, PAGE)


def folder_default(key: str) -> str | None:
    """The section the old site's folder names imply (innermost folder wins)."""
    for folder in reversed(key.split("/")[:-1]):
        if folder in FOLDER_DEFAULTS:
            return FOLDER_DEFAULTS[folder]
    return None
