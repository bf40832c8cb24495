"""The golden files of the parser's fixtures: a reviewed snapshot of each page's parse.

Regenerating them is a step of its own, never part of a test run:

    .venv/bin/python -m tests.legacy.goldens        # or: make goldens

writes the snapshots that changed and prints their diff, to be reviewed (and committed
apart from the code change, or with it, saying why each changed) before the tests run
again. ``test_golden.py`` only compares.
"""

import dataclasses
import difflib
import functools
import json
import sys
from pathlib import Path

from legacy.parsing.document import LegacyDocument
from legacy.parsing.parser import parse_site
from legacy.parsing.text import content_words
from tests.sites import cine_de_papel, reel_cellar

from .support import GOLDEN, fixture_paths, parse_fixture


def snapshot(document: LegacyDocument) -> dict:
    """A stable, readable view: blocks tagged with their type, long text as a word count."""
    data = dataclasses.asdict(document)
    del data["aside"]  # bookkeeping of the run (None once restored), not the document
    data["kind"] = str(document.kind)
    data["published"] = document.published.isoformat() if document.published else None
    data["blocks"] = [
        {"type": type(block).__name__, **dataclasses.asdict(block)} for block in document.blocks
    ]
    for entry in data["removed"]:
        if not entry["slot"]:
            del entry["slot"]  # only a slot's removals say so
    if not data["entries"]:
        del data["entries"]  # only an index's entries are shown
    else:
        for entry in data["entries"]:
            entry["date"] = entry["date"].isoformat() if entry["date"] else None
    # a page's menu links ("part" turns) are evidence the site pass weighs, whatever the
    # page is (a nav of same-folder pages is one): test_flat_folder_site holds them
    data["turns"] = [turn for turn in data["turns"] if turn[0] != "part"]
    for name in ("intro", "summary", "turns", "continues", "parts"):  # shown where they are
        if not data[name]:
            del data[name]
    del data["cluster"]  # the run's template clusters are named in the site's model
    if not document.cluster_outlier:
        del data["cluster_outlier"]
    if not document.date_approximate:  # only a date from the site's evidence says where from
        del data["date_source"], data["date_approximate"]
    data["content_words"] = len(content_words(data.pop("content_text")))
    data["source_words"] = len(content_words(data.pop("source_text")))
    return data


def golden_path(path: str) -> Path:
    return GOLDEN / (path.replace("/", "__").removesuffix(".htm") + ".json")


def rendered(path: str) -> str:
    return json.dumps(snapshot(parse_fixture(path)), indent=2, ensure_ascii=False) + "\n"


# Whole fixture sites (``tests/sites``), each parsed whole as the importer does: a golden
# per page, under ``tests/fixtures/site-goldens/<site>/``.
SITE_GOLDEN = GOLDEN.parents[1] / "site-goldens"


def _reel_cellar() -> list[tuple[bytes, str]]:
    return [(data, path) for path, data, _ in reel_cellar.build()]


def _cine_de_papel() -> list[tuple[bytes, str]]:
    site = cine_de_papel.build()
    return [
        (html.encode(site.charset, "xmlcharrefreplace"), path)
        for path, html in site.render().items()
    ]


SITES = {"reel-cellar": _reel_cellar, "cine-de-papel": _cine_de_papel}


@functools.cache
def site_snapshots(name: str) -> dict[str, str]:
    """Each page of a whole fixture site, parsed with the rest of its site, rendered."""
    pages = SITES[name]()
    documents = parse_site(pages)
    return {
        path: json.dumps(snapshot(document), indent=2, ensure_ascii=False) + "\n"
        for (_, path), document in zip(pages, documents, strict=True)
    }


def site_golden_path(name: str, path: str) -> Path:
    return SITE_GOLDEN / name / (path.replace("/", "__").rsplit(".", 1)[0] + ".json")


def _goldens() -> list[tuple[Path, str]]:
    found = [(golden_path(path), rendered(path)) for path in fixture_paths()]
    for name in SITES:
        found += [
            (site_golden_path(name, path), text) for path, text in site_snapshots(name).items()
        ]
    return found


def regenerate() -> list[str]:
    """Write every golden that differs from today's parse; return their diffs."""
    diffs = []
    for golden, new in _goldens():
        old = golden.read_text("utf-8") if golden.exists() else ""
        if new == old:
            continue
        diffs.append(
            "".join(
                difflib.unified_diff(
                    old.splitlines(keepends=True),
                    new.splitlines(keepends=True),
                    f"a/{golden.name}",
                    f"b/{golden.name}",
                )
            )
        )
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(new, "utf-8")
    return diffs


if __name__ == "__main__":
    changed = regenerate()
    sys.stdout.write("".join(changed))
    print(f"{len(changed)} golden file(s) rewritten: review the diff above before committing")
