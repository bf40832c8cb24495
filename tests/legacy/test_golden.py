"""Golden files: the whole parse of every fixture, compared with a reviewed snapshot.

After an intended change, regenerate with ``UPDATE_GOLDEN=1`` and review the JSON diff.
"""

import dataclasses
import json
import os

import pytest

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
    data["content_words"] = len(content_words(data.pop("content_text")))
    data["source_words"] = len(content_words(data.pop("source_text")))
    return data


@pytest.mark.parametrize("path", fixture_paths())
def test_matches_golden_file(path):
    golden = GOLDEN / (path.replace("/", "__").removesuffix(".htm") + ".json")
    actual = snapshot(parse_fixture(path))
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", "utf-8")
    if not golden.exists():
        pytest.fail(f"no golden file for {path}; run with UPDATE_GOLDEN=1 and review it")
    assert actual == json.loads(golden.read_text("utf-8"))
