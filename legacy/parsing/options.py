"""What the operator says about a run, for every step of the parse: ``ParseOptions`` (pure).

Set once (by ``import_legacy``, or a test) and carried by each site's model to every step
that needs it, so no step reads a default of its own. The next option is one field here.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reviews import kinds

from .document import Kind
from .lexicon import LANGUAGES

if TYPE_CHECKING:
    from .profile import SiteProfile

DATE_ORDERS = ("dmy", "mdy")  # how "03/04/2005" is read: 3 April (dmy) or March 4 (mdy)
GENERIC_REVIEW_WORD = "review"  # "reviews/", "moviereviews/": the magazine's first review kind


@dataclass(frozen=True)
class FolderHints:
    """Which kind of page an old folder's name suggests ("books/", "filmreviews/"): words
    found inside folder names, each with the shape of page its section kind holds. Plain
    data taken from ``reviews.kinds`` (``folder_words``), so the parser stays Django-free."""

    words: tuple[tuple[str, Kind], ...] = ()
    review: Kind | None = None  # what a folder named only "review(s)" holds

    @classmethod
    def from_registry(cls) -> "FolderHints":
        words = tuple(
            (word, Kind(kind.legacy_shapes[0]))
            for kind in kinds.KINDS
            if kind.legacy_shapes
            for word in kind.folder_words
        )
        first = kinds.REVIEW_KINDS[0] if kinds.REVIEW_KINDS else None
        review = Kind(first.legacy_shapes[0]) if first and first.legacy_shapes else None
        return cls(words, review)

    def of_folder(self, folder: str) -> set[Kind]:
        """The shapes a folder's (lower-cased) name suggests: every kind whose word it holds;
        the generic review word only when no review kind's own word is there."""
        found = {shape for word, shape in self.words if word in folder}
        reviews = {Kind.FILM_REVIEW, Kind.BOOK_REVIEW}
        if self.review and not found & reviews and GENERIC_REVIEW_WORD in folder:
            found.add(self.review)
        return found


@dataclass(frozen=True)
class ParseOptions:
    """``date_order``: numeric slashed dates day first ("dmy") or month first ("mdy");
    dotted dates ("03.11.2002") are day first whatever it says. ``languages``: the
    lexicons to read the pages with (``--language``), else each site's are recognised
    from its text (``lexicon``). ``site_names``: the old site's own names, as printed
    ("Talking Pictures"), which are never a page's title; more are learnt from the
    site's <title>s. ``folder_hints``: the section kinds' folder words. ``profile``: the
    operator's corrections to what is learnt of the site (``profile.SiteProfile``)."""

    date_order: str = "dmy"
    languages: tuple[str, ...] = ()
    site_names: tuple[str, ...] = ()
    base_url: str = ""  # where the old site lived (--base-url): its absolute links are its own
    folder_hints: FolderHints = field(default_factory=FolderHints.from_registry)
    profile: "SiteProfile | None" = None  # the operator's corrections (``--profile``)

    def __post_init__(self) -> None:
        unknown = [code for code in self.languages if code not in LANGUAGES]
        if unknown:
            known = ", ".join(LANGUAGES)
            raise ValueError(f"no lexicon for {', '.join(unknown)} (known: {known})")
        if self.date_order not in DATE_ORDERS:
            raise ValueError(
                f"date order must be one of {', '.join(DATE_ORDERS)}: {self.date_order!r}"
            )
