"""Fill the site with a synthetic archive: `manage.py generate_archive --reviews 5000`."""

import json
import time

from django.core.management.base import BaseCommand

from demo.archive import build_archive
from reviews.models import ArticlePage, Contributor, FilmReviewPage


class Command(BaseCommand):
    help = "Bulk-insert a synthetic archive of live reviews and articles (benchmarks, load tests)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--reviews", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=2000)
        parser.add_argument("--no-index", action="store_true", help="skip the search index")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print sample URLs as JSON"
        )

    def handle(self, *args, reviews: int, seed: int, no_index: bool, as_json: bool, **options):
        started = time.monotonic()
        counts = build_archive(reviews, seed=seed, search_index=not no_index)
        elapsed = time.monotonic() - started
        if as_json:
            self.stdout.write(dumps_sample(counts, elapsed))
        else:
            self.stdout.write(f"Created {counts} in {elapsed:.1f}s")


def dumps_sample(counts: dict[str, int], elapsed: float) -> str:
    """A few URLs of each page type, for a load generator to request."""
    reviews = FilmReviewPage.objects.live().order_by("?")[:50]
    articles = ArticlePage.objects.live().order_by("?")[:10]
    contributor = Contributor.objects.order_by("pk").first()
    return json.dumps(
        {
            "counts": counts,
            "seconds": round(elapsed, 1),
            "reviews": [page.url for page in reviews],
            "articles": [page.url for page in articles],
            "contributor": f"/contributors/{contributor.slug}/" if contributor else None,
        }
    )
