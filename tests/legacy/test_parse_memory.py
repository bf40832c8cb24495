"""A site's parse holds one page's units at a time (issue 21, finding 7).

Learning a site needs all of its pages before any is finished; holding every page's units
(and the words and keys learning reads from them) for that cost ~15 times each page's
size, so a run's memory grew with its mirror: 100 pages of 1.5 MB peaked at 2.7 GB. The
peak of a parse of 4N pages, against that of N pages, tells whether it still does:
tracemalloc in a fresh process (no cache of another test in the figures), pages whose
paragraphs are too long for the word caches, so what grows is what the parse keeps."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE_SIZE = 20_000  # characters of prose per page
FEW, MANY = 2, 8

PEAK = r"""
import random, sys, tracemalloc
from legacy.parsing.parser import parse_site
from legacy.parsing.spill import Spill

WORDS = "light river winter orchard camera silence road lantern harbour story".split()
pages, size, aside = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "aside"
rng = random.Random(pages)

def page(number):
    prose = []
    while sum(map(len, prose)) < size:
        words = " ".join(rng.choice(WORDS) for _ in range(700))  # no word cache holds it
        prose.append(f"<p>{words.capitalize()} {rng.random()}.</p>")
    return (
        f"<html><head><title>Long Film {number}</title></head><body><h1>Long Film {number}"
        f"</h1><p><b>Director {number}. U.K. 2001.</b></p>{''.join(prose)}"
        "<p align=right><b>Ada Quill</b></p></body></html>"
    ).encode()

site = [(page(n), f"reviews/long{n}.htm") for n in range(pages)]
parse_site(site[:1])  # lexicons and patterns load once, outside the figure
with Spill() as spill:
    tracemalloc.start()
    documents = parse_site(site, aside=spill if aside else None)
    peak = tracemalloc.get_traced_memory()[1]
    import functools, gc  # what the documents hold, not what the word caches keep
    for cached in gc.get_objects():
        if isinstance(cached, functools._lru_cache_wrapper):
            cached.cache_clear()
    held = tracemalloc.get_traced_memory()[0]
    print(held if aside else peak)
"""


def peak_bytes(pages: int, aside: bool = False) -> int:
    """The traced peak of parsing ``pages`` long reviews as one site, in a fresh process;
    ``aside``: instead, what the documents hold once parsed, their heavy fields left in a
    spill as the importer leaves them."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK, str(pages), str(PAGE_SIZE), "aside" if aside else ""],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return int(done.stdout.strip())


def test_parsing_more_pages_costs_little_more_memory_per_page():
    few, many = peak_bytes(FEW), peak_bytes(MANY)
    per_page = (many - few) / (MANY - FEW)
    # With every page's units held until the site was learnt: ~15 times a page's size
    # per page. Now its document (what the writer reads) and the words it printed.
    assert per_page < 6 * PAGE_SIZE, f"{per_page / PAGE_SIZE:.1f} times a page's size per page"


def test_pages_left_aside_hold_a_fraction_of_their_size_each():
    """As the importer parses: each finished page's heavy fields (blocks, texts, removals)
    wait on disk until it is written (``legacy.parsing.aside``), so what the parsed pages
    hold until then is a fraction of their size (before: every document whole, held until
    its page was written, ~4.9 times its size)."""
    few, many = 4, 12  # enough pages that the word caches' churn is noise
    per_page = (peak_bytes(many, aside=True) - peak_bytes(few, aside=True)) / (many - few)
    # now ~1.2 times (light documents, patterns compiled on the way); whole ones ~4.9
    assert per_page < 2 * PAGE_SIZE, f"{per_page / PAGE_SIZE:.1f} times a page's size per page"
