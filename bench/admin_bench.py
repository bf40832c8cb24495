"""Admin benchmark: the editors' listing views with 10,000 reviews in one section.

    .venv/bin/python bench/admin_bench.py                      # SQLite (temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tp_editorial \\
        .venv/bin/python bench/admin_bench.py                  # PostgreSQL (tp_editorial_bench)

Never touches db.sqlite3 or the DATABASE_URL database itself: SQLite runs in a temporary file,
PostgreSQL in a database named after DATABASE_URL's plus ``_bench`` (created and dropped here).

Each view is requested by an editor (Editors group, not a superuser) ``--repeat`` times after a
warm-up; the median time and the SQL query count are printed, and each is also given as a ratio
to the dashboard measured in the same run, so figures from different machines compare.
Options: ``--reviews N`` (default 10000), ``--repeat N`` (default 7), ``--keep``.
"""

import argparse
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

from benchdb import bench_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONTRIBUTORS = 200
WORDS = [
    "Silent",
    "Broken",
    "Last",
    "Red",
    "Hidden",
    "Long",
    "Quiet",
    "Burning",
    "Golden",
    "Dark",
    "Secret",
    "Lost",
    "River",
    "Summer",
    "Garden",
    "Winter",
    "Harbour",
    "Station",
    "Mountain",
    "Road",
    "Season",
    "Mirror",
    "Letter",
    "Island",
    "Night",
    "Orchard",
]
OLD_PAGE = "<html><head><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"


def build_site(count: int, rng: random.Random):
    """Migrate, build the tree, then bulk-insert ``count`` film reviews with import records."""
    from django.core.management import call_command

    from demo.bulk import refresh_planner_statistics
    from home.tree import ensure_site_tree

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    tree = ensure_site_tree(hostname="testserver")
    migrated = time.perf_counter()
    insert_reviews(tree.section_for("film"), count, rng)
    # Without fresh statistics PostgreSQL believes the page table is nearly empty and plans
    # the explorer's permission subquery as a nested loop (bench/README.md has the cost).
    refresh_planner_statistics()
    print(
        f"  migrate + tree {migrated - started:.1f} s; "
        f"{count} reviews and import records inserted in {time.perf_counter() - migrated:.1f} s"
    )
    return tree


def insert_reviews(section, count: int, rng: random.Random) -> None:
    """Film reviews (one in ten a draft) with their creators and import records, in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Locale

    from demo.bulk import add_children
    from legacy.models import ImportRecord, ImportStatus
    from reviews.models import Contributor, FilmReviewPage, WorkCreator

    now, locale = timezone.now(), Locale.get_default()
    content_type = ContentType.objects.get_for_model(FilmReviewPage)
    with transaction.atomic():
        reviewers = Contributor.objects.bulk_create(
            [Contributor(name=f"Critic {n}", slug=f"critic-{n}") for n in range(CONTRIBUTORS)]
        )
        pages = []
        for number in range(count):
            title = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {number}"
            slug = f"review-{number}"
            page = FilmReviewPage(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                live=number % 10 != 0,
                has_unpublished_changes=number % 10 == 0,
                first_published_at=now,
                last_published_at=now,
                latest_revision_created_at=now,
                locale=locale,
                translation_key=uuid.uuid4(),
                year=rng.randint(1920, 2024),
                reviewer=reviewers[number % CONTRIBUTORS],
                countries="France",
                date=now.date().replace(year=rng.randint(2000, 2024)),
                summary="A summary.",
                body=[("paragraph", f"<p>{title} reviewed.</p>")],
            )
            pages.append(page)
        add_children(section, pages)
        WorkCreator.objects.bulk_create(
            [WorkCreator(page_id=p.id, sort_order=0, name="A Director") for p in pages],
            batch_size=2000,
        )
        ImportRecord.objects.bulk_create(
            [
                ImportRecord(
                    source_path=f"reviews/{page.slug}.htm",
                    checksum=f"{page.id:064d}",
                    title=page.title,
                    kind="film",
                    section="film",
                    status=ImportStatus.CREATED,
                    original_html=OLD_PAGE.format(title=page.title, body="<p>Old text.</p>" * 40),
                    warnings=["dropped a sidebar"] if page.id % 3 == 0 else [],
                    page_id=page.id,
                )
                for page in pages
            ],
            batch_size=1000,
        )


def editor_client():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from editorial.roles import EDITORS

    user = get_user_model().objects.create_user("bench-editor", password="unused")
    user.groups.add(Group.objects.get(name=EDITORS))
    client = Client()
    client.force_login(user)
    return client


def measure(client, url: str, repeat: int) -> tuple[float, int]:
    """(median seconds, queries of one request) for GET ``url``; the first request warms up."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            client.get(url)
            timings.append(time.perf_counter() - started)
    return statistics.median(timings), len(queries)


def views_to_measure(tree) -> list[tuple[str, str]]:
    from reviews.models import Contributor

    section = tree.section_for("film")
    busiest = Contributor.objects.order_by("pk").first()
    return [
        ("dashboard (baseline)", "/admin/"),
        ("page explorer: Film Reviews", f"/admin/pages/{section.pk}/"),
        ("page explorer: last page", f"/admin/pages/{section.pk}/?p=200"),
        ("page explorer: by title", f"/admin/pages/{section.pk}/?ordering=title"),
        ("Contributors list", "/admin/reviews/contributor/"),
        ("one contributor's reviews", f"/admin/reviews/contributor/{busiest.pk}/reviews/"),
        ("import records list", "/admin/legacy/importrecord/"),
        (
            "review queue: review without reviewer",
            "/admin/legacy/importrecord/?check=review_without_reviewer",
        ),
    ]


def report(client, tree, repeat: int) -> None:
    rows = [(label, *measure(client, url, repeat)) for label, url in views_to_measure(tree)]
    _, base_time, base_queries = rows[0]
    print(f"\n  {'view':34} {'median ms':>9} {'queries':>7} {'× time':>7} {'× queries':>9}")
    for label, seconds, queries in rows:
        print(
            f"  {label:34} {seconds * 1000:9.1f} {queries:7d} "
            f"{seconds / base_time:7.2f} {queries / base_queries:9.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    options = parser.parse_args()

    with bench_database("tp-admin-bench-", keep=options.keep):
        from django.db import connection

        print(f"Admin benchmark on {connection.vendor}, {options.reviews} reviews in one section")
        tree = build_site(options.reviews, random.Random(7))
        report(editor_client(), tree, options.repeat)


if __name__ == "__main__":
    main()
