"""The golden files of the parser's fixtures: a reviewed snapshot of each page's parse.

Regenerating them is a step of its own, never part of a test run:

    .venv/bin/python -m tests.legacy.goldens        # or: make goldens

writes the snapshots that changed and prints their diff, to be reviewed (and committed
apart from the code change, or with it, saying why each changed) before the tests run
again. ``test_golden.py`` only compares.
"""

import dataclasses
import difflib
import json
import sys
from pathlib import Path

from legacy.parsing.document import LegacyDocument
from legacy.parsing.text import content_words

from .support import GOLDEN, fixture_paths, parse_fixture


def snapshot(document: LegacyDocument) -> dict:
    """A stable, readable view: blocks tagged with their type, long text as a word count."""
    data = dataclasses.asdict(document)
    data["kind"] = str(document.kind)
    data["published"] = document.published.isoformat() if document.published else None
    data["blocks"] = [
        {"type": type(block).__name__, **dataclasses.asdict(block)} for block in document.blocks
    ]
    for entry in data["removed"]:
        if not entry["slot"]:
            del entry["slot"]  # only a slot's removals say so
    data["content_words"] = len(content_words(data.pop("content_text")))
    data["source_words"] = len(content_words(data.pop("source_text")))
    return data


def golden_path(path: str) -> Path:
    return GOLDEN / (path.replace("/", "__").removesuffix(".htm") + ".json")


def rendered(path: str) -> str:
    return json.dumps(snapshot(parse_fixture(path)), indent=2, ensure_ascii=False) + "\n"


def regenerate() -> list[str]:
    """Write every golden that differs from today's parse; return their diffs."""
    diffs = []
    for path in fixture_paths():
        golden = golden_path(path)
        new = rendered(path)
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
