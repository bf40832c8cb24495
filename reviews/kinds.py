"""The kinds of section the magazine publishes, defined once.

Everything that depends on a section's kind reads it from here: the ``SectionPage.kind``
choices and the page type a section holds, its browse routes and their labels, the search
filter, the page tree that ``setup_site`` builds, the importer's section names, and the
schema.org types of the JSON-LD. Adding a kind is one entry in ``KINDS``, a page model and
its template: docs/developers.md, "Adding a section kind".

Pure Python: the importer's parser (``legacy.parsing``) reads it without Django.
"""

from dataclasses import dataclass

# The ways a review section can be browsed; each is a route of SectionPage.
A_TO_Z, YEARS, CREATORS, COUNTRIES = "a_to_z", "years", "creators", "countries"


@dataclass(frozen=True)
class ReviewedWork:
    """What a review section reviews, in the words its pages use."""

    singular: str  # "film"
    plural: str  # "films"
    creator: str  # "director": "By director", "More films by ..."
    creators: str  # "directors": also the address of the section's index of them
    by_creator: str  # the heading of one creator's listing: "Films directed by"
    schema_type: str  # schema.org type of the reviewed work (itemReviewed)
    browse: tuple[str, ...] = (A_TO_Z, YEARS, CREATORS)  # COUNTRIES needs a ``countries`` field

    @property
    def heading(self) -> str:
        """The plural as a heading starts: "Films from 1994"."""
        return self.plural[:1].upper() + self.plural[1:]


@dataclass(frozen=True)
class SectionKind:
    value: str  # stored in SectionPage.kind; the search's ?kind= and the importer's --map word
    label: str  # plural, as the section's kind is offered to editors: "Film reviews"
    singular: str  # one page of it, as the search filter offers it: "Film review"
    page_model: str  # the page type its sections hold, "app_label.ModelName"
    section_title: str  # the section setup_site creates: its title and slug
    section_slug: str
    schema_type: str  # schema.org type of one of its pages
    work: ReviewedWork | None = None  # None: news and features, not reviews of a work
    folders: tuple[str, ...] = ()  # old-site folder names whose pages the importer files here
    # words inside an old folder's name that say what its pages are ("moviereviews/"): the
    # importer's parser reads a page without credits there as a feature to check, not a page
    folder_words: tuple[str, ...] = ()
    listing_words: tuple[str, ...] = ()  # words in an old A-Z page's name that say it lists these
    legacy_shapes: tuple[str, ...] = ()  # what the importer's parser recognises as one of these

    @property
    def enum_name(self) -> str:
        """The member name of ``SectionPage.Kind``: "Film reviews" → FILM_REVIEWS."""
        return self.label.upper().replace(" ", "_").replace("-", "_")

    @property
    def is_review(self) -> bool:
        return self.work is not None


FILMS = ReviewedWork(
    singular="film",
    plural="films",
    creator="director",
    creators="directors",
    by_creator="Films directed by",
    schema_type="Movie",
    browse=(A_TO_Z, YEARS, CREATORS, COUNTRIES),
)
BOOKS = ReviewedWork(
    singular="book",
    plural="books",
    creator="author",
    creators="authors",
    by_creator="Books by",
    schema_type="Book",
)

# In the order the admin offers them and setup_site creates their sections (the menu order).
KINDS: tuple[SectionKind, ...] = (
    SectionKind(
        value="film",
        label="Film reviews",
        singular="Film review",
        page_model="reviews.FilmReviewPage",
        section_title="Film Reviews",
        section_slug="film-reviews",
        schema_type="Review",
        work=FILMS,
        # The old magazine kept its film reviews in reviews/.
        folders=("films", "filmreviews", "reviews"),
        folder_words=("film", "movie", "cinema", "dvd"),
        listing_words=("film",),
        legacy_shapes=("film_review",),
    ),
    SectionKind(
        value="book",
        label="Book reviews",
        singular="Book review",
        page_model="reviews.BookReviewPage",
        section_title="Book Reviews",
        section_slug="book-reviews",
        schema_type="Review",
        work=BOOKS,
        folders=("books", "bookreviews"),
        folder_words=("book",),
        listing_words=("book",),
        legacy_shapes=("book_review",),
    ),
    SectionKind(
        value="news",
        label="News",
        singular="News",
        page_model="reviews.ArticlePage",
        section_title="News",
        section_slug="news",
        schema_type="Article",
        folders=("news",),
        folder_words=("news",),
        listing_words=("news",),
        legacy_shapes=("news",),
    ),
    SectionKind(
        value="feature",
        label="Features",
        singular="Feature",
        page_model="reviews.ArticlePage",
        section_title="Features",
        section_slug="features",
        schema_type="Article",
        folders=("features",),
        folder_words=("feature", "article", "essay", "interview"),
        listing_words=("feature",),
        legacy_shapes=("feature",),
    ),
)
BY_VALUE: dict[str, SectionKind] = {kind.value: kind for kind in KINDS}
VALUES: tuple[str, ...] = tuple(BY_VALUE)
REVIEW_KINDS: tuple[SectionKind, ...] = tuple(kind for kind in KINDS if kind.is_review)
# Every creators index any kind has ("directors", "authors"): the section routes' addresses.
CREATOR_ROUTES: tuple[str, ...] = tuple(dict.fromkeys(k.work.creators for k in REVIEW_KINDS))
PAGE_MODELS: tuple[str, ...] = tuple(dict.fromkeys(kind.page_model for kind in KINDS))


def kind_of(value: str) -> SectionKind | None:
    return BY_VALUE.get(value)


def kinds_holding(page_model: str) -> tuple[SectionKind, ...]:
    """The kinds whose sections hold pages of ``page_model`` ("reviews.ArticlePage")."""
    return tuple(kind for kind in KINDS if kind.page_model == page_model)
