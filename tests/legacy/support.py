"""Shared helpers for the legacy-parser tests (no Django anywhere)."""

import re
from pathlib import Path

from legacy.parsing.document import Block, LegacyDocument, Paragraph
from legacy.parsing.names import site_name_keys
from legacy.parsing.options import ParseOptions
from legacy.parsing.parser import parse_document, parse_site
from legacy.parsing.text import blocks_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "legacy"
GOLDEN = FIXTURES / "golden"
SHARED_SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "legacy-samples"

# What double decoding, broken bytes or stray C1 controls look like once they are text.
MOJIBAKE = re.compile(r"[\ufffd\u0080-\u009f]|â€|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]")
# What no input whatsoever may produce (random text can legitimately contain "Ã©").
NEVER_IN_OUTPUT = re.compile(r"[\ufffd\u0080-\u009f\x00-\x08\x0b\x0e-\x1f]")
ALLOWED_TAG = re.compile(r"</?(?:i|b|a|ul|ol|li)>|<a href=\"[^\"]*\">|<br/>")


def fixture_paths() -> list[str]:
    """Every fixture page, as a site-relative path (folder names are kind hints)."""
    return sorted(str(path.relative_to(FIXTURES)) for path in FIXTURES.rglob("*.htm"))


# The fixtures are pages of this magazine, each parsed on its own: its name is given, as an
# operator gives it (``--site-name``), since one page teaches no site name.
MAGAZINE = ParseOptions(site_names=("Talking Pictures", "Talking Pictures Online"))
MAGAZINE_NAMES = site_name_keys(MAGAZINE.site_names)


def parse_fixture(relative_path: str) -> LegacyDocument:
    data = (FIXTURES / relative_path).read_bytes()
    return parse_document(data, relative_path, options=MAGAZINE)


def block_types(blocks: list[Block]) -> list[str]:
    return [type(block).__name__ for block in blocks]


def paragraphs(document: LegacyDocument) -> list[Paragraph]:
    return [block for block in document.blocks if isinstance(block, Paragraph)]


def all_output_text(document: LegacyDocument) -> str:
    """Every string the importer will store, joined, for mojibake and chrome checks."""
    parts = [document.title, document.content_text, blocks_text(document.blocks)]
    parts += [block.html for block in paragraphs(document)]
    parts += document.leftovers
    if document.credits:
        parts += [document.credits.raw, *document.credits.people, *document.credits.countries]
        parts.append(document.credits.publisher)
    return "\n".join(parts)


def parsed_by_path(site) -> dict[str, LegacyDocument]:
    """A whole test site (``tests.sites``) parsed as one run: its documents by path."""
    return {document.source_path: document for document in parse_site(site.encoded())}


def is_flagged(document: LegacyDocument) -> bool:
    """Whether the page is flagged "kind to check" (``clusters.FLAG``)."""
    return any(warning.startswith("check kind") for warning in document.warnings)
