"""Reader listings benchmark: every listing at 100 reviews, then again at 10,000.

    .venv/bin/python bench/listing_bench.py                    # SQLite (temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tp_listing \\
        .venv/bin/python bench/listing_bench.py                # PostgreSQL (tp_listing_bench)

The archive is built in bulk (demo.archive), the listings (home, sections and their later
pages, A-Z, years, decades, directors, countries, a reviewer's page, a review with its related
reviews, feeds, sitemap) are measured at the small size, the archive is grown and the same URLs
are measured again. Each line prints the median time and SQL queries at both sizes and their
ratio: the small archive is the baseline, measured in the same run. Pages are rendered whole
(test settings: no page cache). Options: ``--small N``, ``--reviews N``, ``--repeat N``.
"""

import argparse
import sys
from pathlib import Path

from admin_bench import measure
from benchdb import bench_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def listing_urls() -> list[tuple[str, str]]:
    """One URL per listing, chosen from the small archive so that it exists at both sizes."""
    from django.urls import reverse

    from reviews.models import Contributor, FilmReviewPage, SectionPage

    film = SectionPage.objects.get(kind=SectionPage.Kind.FILM_REVIEWS).specific
    review = FilmReviewPage.objects.live().order_by("pk").first()
    year, director, country = review.year, review.creators.first().name, review.countries
    route = film.reverse_subpage
    return [
        ("home", "/"),
        ("section", film.url),
        ("section, page 2", f"{film.url}?page=2"),
        ("A-Z", film.url + route("a_to_z")),
        ("A-Z, one letter", film.url + route("a_to_z_letter", args=[review.title[0].lower()])),
        ("years", film.url + route("years")),
        ("one year", film.url + route("year", args=[year])),
        ("one decade", film.url + route("decade", args=[year // 10 * 10])),
        ("directors", film.url + route("directors")),
        ("one director", film.creator_url(director)),
        ("countries", film.url + route("countries")),
        ("one country", film.url + route("country", args=[country_slug(country)])),
        ("reviewer's page", reverse("contributor", args=[busiest_contributor(Contributor)])),
        ("review + related", review.url),
        ("site feed", reverse("feed_rss")),
        ("section feed", film.url + route("rss_feed")),
        ("sitemap index", reverse("sitemap")),
        ("sitemap page", reverse("sitemap_section", args=["pages"])),
    ]


def country_slug(countries: str) -> str:
    from django.utils.text import slugify

    return slugify(countries.split("/")[0])


def busiest_contributor(contributor_model) -> str:
    from django.db.models import Count

    ranked = contributor_model.objects.annotate(n=Count("reviews")).order_by("-n", "pk")
    return ranked.first().slug


def measure_all(client, urls, repeat: int) -> dict[str, tuple[float, int]]:
    return {label: measure(client, url, repeat) for label, url in urls}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--reviews", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()

    with bench_database("tp-listing-bench-"):
        compare_sizes(options.small, options.reviews, options.repeat)


def compare_sizes(small_size: int, large_size: int, repeat: int) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from demo.archive import build_archive
    from home.tree import ensure_site_tree

    print(f"Listing benchmark on {connection.vendor}: {small_size}, then {large_size}")
    call_command("migrate", verbosity=0)
    tree = ensure_site_tree(hostname="testserver")
    build_archive(small_size, images=3, search_index=False, tree=tree)
    urls, client = listing_urls(), Client()
    small = measure_all(client, urls, repeat)
    build_archive(large_size - small_size, images=3, seed=7, search_index=False, tree=tree)
    large = measure_all(client, urls, repeat)
    report(small, large, small_size, large_size)


def report(small, large, small_size: int, large_size: int) -> None:
    print(
        f"\n  {'listing':18} {f'ms @{small_size}':>9} {f'ms @{large_size}':>10} {'× time':>7}"
        f" {f'queries @{small_size}':>13} {f'@{large_size}':>7}"
    )
    for label, (small_time, small_queries) in small.items():
        large_time, large_queries = large[label]
        print(
            f"  {label:18} {small_time * 1000:9.1f} {large_time * 1000:10.1f} "
            f"{large_time / small_time:7.2f} {small_queries:13d} {large_queries:7d}"
        )
    grown = [label for label in small if large[label][1] > small[label][1]]
    print(f"\n  query counts that grew with the archive: {grown or 'none'}")


if __name__ == "__main__":
    main()
