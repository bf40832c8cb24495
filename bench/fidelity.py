"""Fidelity on the fixture corpus of old sites: per page and in total (no database).

    .venv/bin/python bench/fidelity.py            # totals and every page
    .venv/bin/python bench/fidelity.py --failing  # only pages with something wrong

For every page of ``tests/fixtures/corpus/`` (small sites written in the manner of
FrontPage, NetObjects, Dreamweaver, Word, OpenOffice, HTTrack, Tidy and by hand), parsed
site by site as the importer does: words lost silently (target 0), chrome leaked (target:
at most 1% of body words), kind, title and block sequence right against the site's
``expected.json``. Also the parse throughput of the corpus, with and without the site pass
(the baseline: each page parsed on its own).
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from legacy.parsing.parser import parse_document  # noqa: E402
from tests.legacy.corpus import (  # noqa: E402
    PAGE_SUFFIXES,
    PARTS,
    parse_corpus_site,
    score_corpus,
    sites,
)

# The false finds each part must never make: a wrong name on a public Contributor page,
# a caption or a testimonial set as an epigraph.
FALSE_NAMES = {"signature": "wrong contributors", "epigraph": "false epigraphs"}


def _share(count: int, total: int) -> str:
    return f"{count}/{total} ({count / total:.0%})" if total else "0/0"


def print_page(score) -> None:
    marks = "".join(
        mark if ok else "-"
        for mark, ok in (("K", score.kind_ok), ("T", score.title_ok), ("B", score.blocks_ok))
    )
    print(
        f"{marks} {score.site}/{score.path}: lost {score.lost}, leaked {score.leaked_words}"
        f"/{score.body_words}, missing {len(score.missing)}"
    )
    if not score.kind_ok:
        print(f"      kind: want {score.kind[0]}, got {score.kind[1]}")
    if not score.title_ok:
        print(f"      title: want {score.title[0]!r}, got {score.title[1]!r}")
    if not score.blocks_ok:
        print(f"      blocks: want {score.blocks[0]}\n              got  {score.blocks[1]}")
    for name, part in score.parts.items():
        if not part.right:
            got = part.got
            if isinstance(part.expected, dict) and isinstance(got, dict):
                got = {field: got.get(field) for field in part.expected}
            print(f"      {name}: want {part.expected!r}, got {got!r}")
    for text in score.missing:
        print(f"      missing: {text!r}")
    for text in score.leaked:
        print(f"      leaked: {text!r}")
    if score.lost:
        print(f"      lost words: {' '.join(score.lost_words)}")


def print_parts(scores) -> None:
    """Recognition of each part on the pages that print it (target 90%), and false finds
    on all pages (target 0)."""
    print("parts recognised, on the pages that print them (target 90%):")
    for name in PARTS:
        parts = [score.parts[name] for score in scores if name in score.parts]
        printed = [part for part in parts if part.printed]
        right = sum(part.right for part in printed)
        false = sum(part.false for part in parts)
        label = FALSE_NAMES.get(name, "false or wrong")
        print(f"  {name}: {_share(right, len(printed))}; {label}: {false}")


def timing() -> tuple[float, float, int]:
    """Seconds to parse the corpus site by site, and page by page (the baseline)."""
    pages = [p for site in sites() for p in site.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES]
    start = time.perf_counter()
    for site in sites():
        parse_corpus_site(site)
    with_site = time.perf_counter() - start
    start = time.perf_counter()
    for path in pages:
        parse_document(path.read_bytes(), path.name)
    return with_site, time.perf_counter() - start, len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failing", action="store_true", help="Only pages with a problem.")
    args = parser.parse_args()
    scores = score_corpus()
    for score in scores:
        problem = score.lost or score.leaked or score.missing
        problem = problem or not all(part.right for part in score.parts.values())
        if not args.failing or problem or not (score.kind_ok and score.title_ok):
            print_page(score)
    body = sum(score.body_words for score in scores)
    leaked = sum(score.leaked_words for score in scores)
    total = len(scores)
    print(f"\npages: {total} in {len(sites())} sites")
    print(f"words lost silently: {sum(score.lost for score in scores)} (target 0)")
    print(f"chrome leaked: {leaked} of {body} body words ({leaked / body:.2%}; target <= 1%)")
    print(f"expected snippets missing: {sum(len(score.missing) for score in scores)}")
    print(f"kind right: {_share(sum(score.kind_ok for score in scores), total)}")
    print(f"title right: {_share(sum(score.title_ok for score in scores), total)} (target 95%)")
    shown = [score for score in scores if score.shown]
    titled = sum(score.title_ok for score in shown)
    print(f"  on pages imported as pages (no indexes, split news): {_share(titled, len(shown))}")
    print(f"block sequence right: {_share(sum(score.blocks_ok for score in scores), total)}")
    print_parts(scores)
    with_site, alone, pages = timing()
    print(
        f"parse: {pages / with_site:.0f} pages/s with the site pass, {pages / alone:.0f} "
        f"pages/s page by page (ratio {alone / with_site:.2f})"
    )


if __name__ == "__main__":
    main()
