"""Importer memory against the size of what it reads (issue 21, finding 7): a run keeps no
copy of a page's text once the page is written. Before, a cache of word tokens kept every
whole page's text and words (~60 MB per 1.5 MB page) until the process ended: 8 pages of
1.5 MB peaked at 734 MB. bench/import_memory.py measures peak RSS; this test measures what
a run leaves behind, with tracemalloc, on small big pages so that it stays fast."""

import gc
import random
import tracemalloc

from django.db import connection

import pytest

from legacy.writing.writer import ImportOptions, LegacyImporter

from .conftest import BASE_URL
from .mirror import write_mirror

pytestmark = pytest.mark.django_db

PAGE_SIZE = 60_000
WORDS = [
    "light",
    "river",
    "winter",
    "orchard",
    "camera",
    "silence",
    "road",
    "lantern",
    "harbour",
    "story",
    "memory",
]


def long_review(rng: random.Random, number: int) -> str:
    head = (
        f"<html><head><title>Long Film {number}</title></head><body>\n"
        f"<h1>Long Film {number}</h1>\n<p><b>Director {number}. U.K. 2001.</b></p>\n"
    )
    paragraphs = []
    while sum(map(len, paragraphs)) < PAGE_SIZE:
        words = " ".join(rng.choice(WORDS) for _ in range(700))  # longer than a cached unit
        paragraphs.append(f"<p>{words.capitalize()} {rng.random()}.</p>\n")
    return head + "".join(paragraphs) + "<p align=right><b>Ada Quill</b></p></body></html>"


def left_behind(tmp_path, pages: int, seed: int) -> int:
    """Bytes still allocated after a dry run over ``pages`` long reviews."""
    rng = random.Random(seed)
    mirror = write_mirror(
        tmp_path / f"site{seed}",
        {f"reviews/long{n}.htm": long_review(rng, n) for n in range(pages)},
    )
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    LegacyImporter(ImportOptions(base_url=BASE_URL, dry_run=True)).run_import([mirror])
    gc.collect()
    return tracemalloc.get_traced_memory()[0] - before


def test_a_run_keeps_no_copy_of_the_pages_it_read(tmp_path):
    left_behind(tmp_path, 1, seed=1)  # lexicons, templates and the like load once
    tracemalloc.start()
    try:
        one = left_behind(tmp_path, 1, seed=2)
        two = left_behind(tmp_path, 2, seed=3)
    finally:
        tracemalloc.stop()
    # Before: each long page left ~9 times its size behind (its words, cached).
    assert two - one < PAGE_SIZE


def test_a_run_with_debug_on_keeps_no_log_of_each_pages_queries(tmp_path):
    """With DEBUG on (``config.settings.dev``: an operator's local run), Django logs every
    query with its parameters, which hold each page's body, revision and original HTML:
    before, 100 pages of 1.5 MB kept ~5 MB each in that log until the run ended."""
    mirror = write_mirror(
        tmp_path / "site",
        {
            "reviews/first.htm": long_review(random.Random(4), 1).replace(
                "<body>", "<body><!-- quillwort lantern -->"
            ),
            "reviews/second.htm": long_review(random.Random(5), 2),
        },
    )
    connection.force_debug_cursor = True  # what DEBUG = True does
    try:
        LegacyImporter(ImportOptions(base_url=BASE_URL, dry_run=True)).run_import([mirror])
        logged = "\n".join(query["sql"] for query in connection.queries)
    finally:
        connection.force_debug_cursor = False
    # The first page's original HTML (only its import record stores it) is not logged
    assert logged and "quillwort lantern" not in logged


def run_peak(tmp_path, pages: int, seed: int) -> int:
    """The traced peak of a dry run over ``pages`` long reviews, in bytes above its start."""
    rng = random.Random(seed)
    mirror = write_mirror(
        tmp_path / f"peak{seed}",
        {f"reviews/long{n}.htm": long_review(rng, n) for n in range(pages)},
    )
    gc.collect()
    tracemalloc.reset_peak()
    start = tracemalloc.get_traced_memory()[0]
    LegacyImporter(ImportOptions(base_url=BASE_URL, dry_run=True)).run_import([mirror])
    return tracemalloc.get_traced_memory()[1] - start


def test_a_runs_peak_does_not_grow_with_its_number_of_pages(tmp_path):
    """Each page's text and heavy parse (blocks, words, removals) wait on disk from when it
    is read until it is written (``legacy.parsing.aside``): a run holds one page's at a
    time. Before, every page's text, blocks and texts were held until it was written, so a
    run's peak grew by ~4.9 times a page's size with each page (100 pages of 1.5 MB: 1 GB);
    and the credits reader's cache kept each long paragraph it was asked about. On
    PostgreSQL a dry run still grew by ~6 times a page's size per page (6.13 here): it
    indexed its pages for search at its end, all of them in one chunk, and the PostgreSQL
    backend holds ~6 copies of each page's text in its one INSERT; a dry run is rolled
    back, so it now indexes nothing (``BatchedIndexer.deferred(indexing=False)``)."""
    left_behind(tmp_path, 1, seed=1)  # lexicons, templates and the like load once
    few, many = 2, 8
    tracemalloc.start()
    try:
        peaks = {pages: run_peak(tmp_path, pages, seed=10 + pages) for pages in (few, many)}
    finally:
        tracemalloc.stop()
    per_page = (peaks[many] - peaks[few]) / (many - few)
    # Now ~0.1 (SQLite), ~0.7 (PostgreSQL; varies with the pages' words, not their number)
    assert per_page < 2 * PAGE_SIZE, f"{per_page / PAGE_SIZE:.2f} times a page's size per page"


def test_long_pages_are_indexed_a_few_at_a_time(tmp_path, monkeypatch):
    """Search indexing loads each chunk of pages whole, with its body and search text
    (several times the old page): chunks are bounded by the old pages' size as well as
    their number (``PAGE_CHUNK_CHARS``), and every page written is indexed. Before, 20
    pages of 1.5 MB were loaded at once at the end of a run."""
    from wagtail.models import Page

    from legacy.writing import indexing

    indexed: list[list[int]] = []
    index = indexing.BatchedIndexer._index

    def spy(self, model, pks):
        if issubclass(model, Page):
            indexed.append(list(pks))
        return index(self, model, pks)

    monkeypatch.setattr(indexing.BatchedIndexer, "_index", spy)
    monkeypatch.setattr(indexing, "PAGE_CHUNK_CHARS", 2 * PAGE_SIZE)
    rng = random.Random(7)
    mirror = write_mirror(
        tmp_path / "site", {f"reviews/long{n}.htm": long_review(rng, n) for n in range(5)}
    )
    report = LegacyImporter(ImportOptions(base_url=BASE_URL)).run_import([mirror])
    written = {item.page_id for item in report.items if item.status == "created"}
    assert len(written) == 5
    assert written <= {pk for chunk in indexed for pk in chunk}
    # (the site's own sections, written before, weigh nothing: they go 20 at a time)
    assert max(len(written & set(chunk)) for chunk in indexed) <= 2, indexed
