"""What a whole site says about its pages: the figures of issue 23's site-evidence half
(kinds per template, dates from evidence, news splits, index blurbs, joined articles).

    .venv/bin/python bench/site_evidence.py           # the fixture sites (tests/sites)

Each fixture site is parsed whole, as the importer does, and held to the answers its
pages state (``tests/sites/corpora.py``): misfiled pages (kind other than expected) and
how many of them are flagged "check kind"; pages dated today; dates right, by source;
news articles a split makes on pages that hold no news (junk); summaries taken from an
index's blurb, right; articles joined from parts; words lost (document accounts). No
database is touched.
"""

import datetime
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from legacy.parsing.accounting import document_account  # noqa: E402
from legacy.parsing.news import split_news  # noqa: E402
from legacy.parsing.parser import parse_site  # noqa: E402
from tests.sites.corpora import CORPORA  # noqa: E402

JUDGED = ("home", "log")  # expectations that are no page kind


def figures(name: str) -> dict:
    site = CORPORA[name]()
    pages = [
        (html.encode(site.charset, "xmlcharrefreplace"), p) for p, html in site.render().items()
    ]
    started = time.perf_counter()
    documents = {d.source_path: d for d in parse_site(pages)}
    seconds = time.perf_counter() - started
    expected = site.expected()
    kinds = {
        p: e["kind"] for p, e in expected.items() if e.get("kind") and e["kind"] not in JUDGED
    }
    misfiled = [p for p, kind in kinds.items() if documents[p].kind.value != kind]
    parts = {p for p, d in documents.items() if d.continues}  # joined into their first part
    dated = {p: e["date"] for p, e in expected.items() if "date" in e and p not in parts}
    splits = split_news(documents.values())
    junk = sum(len(items) for p, items in splits.items.items() if expected[p].get("items", 1) == 0)
    blurbs = {p: e["summary"] for p, e in expected.items() if "summary" in e}
    return {
        "pages": len(pages),
        "misfiled": len(misfiled),
        "misfiled unflagged": sum(1 for p in misfiled if not documents[p].cluster_outlier),
        "flagged": sum(1 for d in documents.values() if d.cluster_outlier),
        "dated today": sum(1 for d in documents.values() if d.published == datetime.date.today()),
        "dates right": f"{sum(str(documents[p].published) == d for p, d in dated.items())}"
        f"/{len(dated)}",
        "date sources": dict(
            Counter(
                d.date_source or "none"
                for p, d in documents.items()
                if d.kind.value not in ("listing", "stub") and p not in parts
            )
        ),
        "news articles": sum(len(items) for items in splits.items.values()),
        "junk news": junk,
        "held back": sum(splits.held_back.values()),
        "blurb summaries right": f"{sum(documents[p].summary == b for p, b in blurbs.items())}"
        f"/{len(blurbs)}",
        "joined parts": sum(len(d.parts) for d in documents.values()),
        "words lost": sum(document_account(d).lost for d in documents.values() if not d.continues),
        "parse s": round(seconds, 2),
    }


def main() -> None:
    for name in sorted(CORPORA):
        print(name)
        for key, value in figures(name).items():
            print(f"  {key:<22} {value}")


if __name__ == "__main__":
    main()
