"""A synthetic magazine archive of any size, for benchmarks, load tests and query budgets.

Publishing each page through a revision would take minutes for a few thousand pages, so the
pages are inserted in bulk (demo.bulk). They are live, have no revisions (as if imported),
and are added to the search index in bulk; the page cache is cleared afterwards.
"""

import datetime
import io
import random
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.images.models import Image
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from PIL import Image as PILImage

from demo.bulk import add_children, last_position, refresh_planner_statistics
from home.tree import SiteTree, ensure_site_tree
from ops.pagecache import bump_version
from reviews.models import (
    ArticlePage,
    BookReviewPage,
    Contributor,
    FilmReviewPage,
    SectionPage,
    WorkCreator,
)

BATCH_SIZE = 200
WORDS = [
    "light",
    "harbour",
    "winter",
    "silence",
    "memory",
    "river",
    "lamp",
    "archive",
    "camera",
    "novel",
    "island",
    "garden",
    "letter",
    "station",
    "voyage",
    "mirror",
    "shadow",
    "orchard",
    "kingdom",
    "daughter",
    "stranger",
    "summer",
    "city",
    "night",
    "music",
    "ghost",
    "promise",
    "border",
    "theatre",
    "journey",
    "portrait",
    "signal",
    "window",
]
COUNTRIES = ["France", "Japan", "U.K.", "U.S.A.", "Germany/Austria", "Poland", "Italy", "Iran"]
PUBLISHERS = ["Faber and Faber", "Harbour Books", "Northlight Press", "Picador", "Granta"]


@dataclass
class ArchiveSize:
    films: int
    books: int
    articles: int

    @classmethod
    def for_reviews(cls, reviews: int) -> "ArchiveSize":
        """Two film reviews for every book review, plus one article per ten reviews."""
        films = (reviews * 2 + 2) // 3
        return cls(films=films, books=reviews - films, articles=max(reviews // 10, 1))


def phrase(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def story_body(rng: random.Random, paragraphs: int = 5) -> list[dict]:
    """Raw StreamField data: a heading and a few paragraphs of a typical review's length."""
    body = [{"type": "heading", "value": {"text": phrase(rng, 4).title(), "level": "h2"}}]
    body += [
        {"type": "paragraph", "value": f"<p>{phrase(rng, 90).capitalize()}.</p>"}
        for _ in range(paragraphs)
    ]
    return body


def make_images(count: int, rng: random.Random) -> list[Image]:
    images = []
    for number in range(count):
        colour = tuple(rng.randrange(30, 120) for _ in range(3))
        buffer = io.BytesIO()
        PILImage.new("RGB", (1200, 675), colour).save(buffer, "JPEG", quality=70)
        file = ImageFile(buffer, name=f"archive-still-{number}.jpg")
        images.append(Image.objects.create(title=f"Archive still {number}", file=file))
    return images


def make_contributors(count: int) -> list[Contributor]:
    existing = set(Contributor.objects.values_list("name", flat=True))
    names = [f"Archive Writer {number}" for number in range(count)]
    Contributor.objects.bulk_create(
        [Contributor(name=name, slug=slugify(name)) for name in names if name not in existing]
    )
    return list(Contributor.objects.filter(name__in=names))


class ArchiveBuilder:
    """Builds pages under one section in bulk; ``build`` returns the saved pages."""

    def __init__(self, rng: random.Random, contributors: list[Contributor], images: list[Image]):
        self.rng = rng
        self.contributors = contributors
        self.images = images
        self.locale_id = Locale.get_default().pk
        self.now = timezone.now()

    def build(self, section: Page, model: type[Page], count: int) -> list[Page]:
        pages = [self.new_page(model, number) for number in range(count)]
        with transaction.atomic():
            for start in range(0, count, BATCH_SIZE):
                self.insert_batch(section, model, pages[start : start + BATCH_SIZE])
        return pages

    def new_page(self, model: type[Page], number: int) -> Page:
        rng = self.rng
        title = f"{phrase(rng, 3).title()} {number}"
        fields = {
            "title": title,
            "draft_title": title,
            "slug": slugify(title),
            "date": datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randrange(9000)),
            "summary": f"{phrase(rng, 18).capitalize()}.",
            "body": story_body(rng),
            "lead_image": rng.choice(self.images) if self.images else None,
        }
        if model is ArticlePage:
            fields["author"] = rng.choice(self.contributors)
        else:
            fields |= {
                "reviewer": rng.choice(self.contributors),
                "year": rng.randrange(1920, 2025),
            }
        if model is FilmReviewPage:
            fields["countries"] = rng.choice(COUNTRIES)
        if model is BookReviewPage:
            fields |= {"publisher": rng.choice(PUBLISHERS), "pages": rng.randrange(120, 700)}
        return model(**fields)

    def insert_batch(self, section: Page, model: type[Page], pages: list[Page]) -> None:
        after = last_position(section)
        content_type = ContentType.objects.get_for_model(model)
        for position, page in enumerate(pages, start=after + 1):
            page.slug = f"{page.slug}-{position}"
            page.content_type = content_type
            page.locale_id = self.locale_id
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = self.now
        add_children(section, pages)
        if model is not ArticlePage:
            self.add_creators(pages)

    def add_creators(self, pages: list[Page]) -> None:
        WorkCreator.objects.bulk_create(
            WorkCreator(page_id=page.pk, name=phrase(self.rng, 2).title(), sort_order=0)
            for page in pages
        )


def index_pages(model: type[Page], pages: list[Page]) -> None:
    queryset = model.objects.filter(pk__in=[page.pk for page in pages])
    queryset = queryset.select_related("lead_image").prefetch_related(
        *(["creators"] if model is not ArticlePage else [])
    )
    get_search_backend().add_bulk(model, list(queryset))


def build_archive(
    reviews: int,
    *,
    images: int = 12,
    seed: int = 2000,
    search_index: bool = True,
    tree: SiteTree | None = None,
) -> dict[str, int]:
    """Add about ``reviews`` film and book reviews (and articles) to the site; return counts."""
    rng = random.Random(seed)
    tree = tree or ensure_site_tree()
    size = ArchiveSize.for_reviews(reviews)
    builder = ArchiveBuilder(
        rng, make_contributors(max(reviews // 100, 3)), make_images(images, rng)
    )
    plan = [
        (tree.section_for(SectionPage.Kind.FILM_REVIEWS), FilmReviewPage, size.films),
        (tree.section_for(SectionPage.Kind.BOOK_REVIEWS), BookReviewPage, size.books),
        (tree.section_for(SectionPage.Kind.NEWS), ArticlePage, size.articles - size.articles // 2),
        (tree.section_for(SectionPage.Kind.FEATURES), ArticlePage, size.articles // 2),
    ]
    counts: dict[str, int] = {}
    for section, model, count in plan:
        pages = builder.build(section, model, count)
        if search_index and pages:
            index_pages(model, pages)
        counts[section.slug] = count
    refresh_planner_statistics()
    bump_version()  # bulk inserts send no publish signals: drop cached pages ourselves
    return counts
