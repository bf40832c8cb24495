"""The fixture corpus of old sites (``tests/fixtures/corpus/<site>/``) and how a parse of
it is scored against each site's ``expected.json`` (no Django). Used by
``test_corpus.py`` and ``bench/fidelity.py``.

Each site's pages are parsed together, as the importer does (``parse_site``). Per page:
kind, title and block sequence right or not; words lost (``accounting``: source words in
no block, field or removed entry); expected snippets missing; chrome leaked, the words of
expected chrome snippets still in the body.

And the review's parts (``PARTS``), each page's golden outcome for each: ``"credits"``
(null, or the fields the credits must have, e.g. ``{"people": ["Mike Leigh"], "year":
1996}``), ``"signature"`` (the reviewer's name, or null), ``"epigraph"`` (the opening
words of the quotation), ``"date"`` (ISO), ``"rating"`` (as printed). Null means the page
prints none, so finding one there is a false find.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from legacy.parsing.accounting import document_account
from legacy.parsing.document import Epigraph, Image, Kind, LegacyDocument, Signature
from legacy.parsing.news import news_items
from legacy.parsing.parser import parse_site
from legacy.parsing.text import blocks_text, content_words

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
PAGE_SUFFIXES = {".htm", ".html", ".php", ".asp", ".shtml"}
PARTS = ("credits", "signature", "epigraph", "date", "rating")


@dataclass
class PartScore:
    """One part of one page: what the golden outcome says and what the parser found."""

    expected: object  # None: the page prints none
    got: object

    @property
    def printed(self) -> bool:
        return self.expected is not None

    @property
    def right(self) -> bool:
        if self.expected is None or self.got is None:
            return self.expected is None and self.got is None
        if isinstance(self.expected, dict):
            return all(self.got.get(name) == value for name, value in self.expected.items())
        if isinstance(self.expected, str) and isinstance(self.got, str):
            # an epigraph is named by its opening words
            return content_words(self.got)[: len(content_words(self.expected))] == (
                content_words(self.expected)
            )
        return self.expected == self.got

    @property
    def false(self) -> bool:
        """Found where the page prints none, or found wrong (a wrong contributor)."""
        return self.got is not None and not self.right


@dataclass
class PageScore:
    site: str
    path: str
    kind: tuple[str, str]  # (expected, got)
    title: tuple[str, str]
    blocks: tuple[list[str], list[str]]
    lost: int  # accounting: words in no block, field or removed entry
    lost_words: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # expected snippets not on the page
    leaked: list[str] = field(default_factory=list)  # expected chrome still in the body
    leaked_words: int = 0
    body_words: int = 0
    shown: bool = True  # becomes a page of its own (not an index, stub or split news page)
    parts: dict[str, PartScore] = field(default_factory=dict)  # only those expected.json gives

    @property
    def kind_ok(self) -> bool:
        return self.kind[0] == self.kind[1]

    @property
    def title_ok(self) -> bool:
        return content_words(self.title[0]) == content_words(self.title[1])

    @property
    def blocks_ok(self) -> bool:
        return self.blocks[0] == self.blocks[1]


def sites() -> list[Path]:
    return sorted(path.parent for path in CORPUS.glob("*/expected.json"))


def parse_corpus_site(site: Path) -> dict[str, LegacyDocument]:
    files = sorted(p for p in site.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES)
    keys = [str(path.relative_to(site)) for path in files]
    documents = parse_site(
        [(path.read_bytes(), key) for path, key in zip(files, keys, strict=True)]
    )
    return dict(zip(keys, documents, strict=True))


def score_site(site: Path) -> list[PageScore]:
    expected = json.loads((site / "expected.json").read_text("utf-8"))["pages"]
    documents = parse_corpus_site(site)
    return [score_page(site.name, path, want, documents[path]) for path, want in expected.items()]


def score_page(site: str, path: str, want: dict, document: LegacyDocument) -> PageScore:
    body = content_words(blocks_text(document.blocks))
    on_page = content_words(
        "\n".join(
            [document.field_text, blocks_text(document.blocks), *_shown_by_templates(document)]
        )
    )
    words = document_account(document)
    score = PageScore(
        site=site,
        path=path,
        kind=(want["kind"], str(document.kind)),
        title=(want["title"], document.title),
        blocks=(want["blocks"], [type(block).__name__ for block in document.blocks]),
        lost=words.lost,
        lost_words=words.missing,
        body_words=len(body),
        shown=want["kind"] not in {"listing", "stub"} and not news_items(document),
    )
    score.parts = {
        name: PartScore(want[name], found_part(name, document)) for name in PARTS if name in want
    }
    score.missing = [text for text in want.get("keep", []) if not _contains(on_page, text)]
    score.leaked = [text for text in want.get("chrome", []) if _contains(body, text)]
    score.leaked_words = sum(len(content_words(text)) for text in score.leaked)
    return score


def found_part(name: str, document: LegacyDocument) -> object:
    """What the parser made of one part of a page, in the form expected.json writes it."""
    if name == "credits":
        return vars(document.credits) if document.credits else None
    if name == "signature":
        signed = [block.name for block in document.blocks if isinstance(block, Signature)]
        return signed[-1] if signed else None
    if name == "epigraph":
        quotes = [block.quote for block in document.blocks if isinstance(block, Epigraph)]
        return quotes[0] if quotes else None
    if name == "date":  # the date the page prints; the site's evidence is scored apart
        printed = document.published and not document.date_approximate
        return document.published.isoformat() if printed else None
    if name == "rating":
        return document.rating.printed if document.rating else None
    raise ValueError(name)


def _shown_by_templates(document: LegacyDocument) -> list[str]:
    """Image alt texts, and labels the page's templates print themselves: a review's
    byline ("Reviewed by X", reviews/templates/reviews/review_page.html), a notice's label."""
    alts = [block.alt for block in document.blocks if isinstance(block, Image)]
    labels = [entry.text for entry in document.removed if entry.reason.startswith("the label")]
    if document.kind in (Kind.FILM_REVIEW, Kind.BOOK_REVIEW):
        signed = [block.name for block in document.blocks if isinstance(block, Signature)]
        labels += [f"Reviewed by {name}" for name in signed]
    return alts + labels


def _contains(words: list[str], snippet: str) -> bool:
    """Whether the snippet's words occur in ``words`` in a row."""
    wanted = content_words(snippet)
    if not wanted:
        return True
    size = len(wanted)
    return any(words[start : start + size] == wanted for start in range(len(words) - size + 1))


def score_corpus() -> list[PageScore]:
    return [score for site in sites() for score in score_site(site)]
