"""The importer's side of the checks (``legacy.checks``): the facts of one written page,
the site's signers counted once per run, and the findings stored on the page's record."""

import re
from collections import Counter
from collections.abc import Iterable

from wagtail.models import Page

from legacy.checks import Finding, PageFacts
from legacy.models import ImportCheck, ImportRecord
from legacy.parsing.aside import signature_names
from legacy.parsing.dates import search_date
from legacy.parsing.document import Image, Kind, LegacyDocument, Paragraph, Signature
from legacy.parsing.names import name_key
from reviews.models import ArticlePage, ReviewPage

_YEAR_ONLY = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
REVIEW_KINDS = (Kind.FILM_REVIEW, Kind.BOOK_REVIEW)
YEAR_SHARE = 10  # a site whose reviews print a year on fewer than one in ten prints none


def signer_of(document: LegacyDocument) -> str:
    """The name the page is signed with (its last signature, as the page keeps it)."""
    names = signature_names(document)  # also while its blocks are set aside
    return names[-1].strip() if names else ""


class SiteSigners:
    """How many pages of the run each name signs, how many reviews are signed at all, and
    whether the site's reviews print their work's year (one in ``YEAR_SHARE`` at least)."""

    def __init__(self, documents: Iterable[LegacyDocument]) -> None:
        self.pages: Counter[str] = Counter()
        self.signed_reviews = reviews = with_year = 0
        for document in documents:
            signer = signer_of(document)
            if signer:
                self.pages[name_key(signer)] += 1
                self.signed_reviews += document.kind in REVIEW_KINDS
            if document.kind in REVIEW_KINDS:
                reviews += 1
                with_year += bool(document.credits and document.credits.year)
        self.prints_years = not reviews or with_year * YEAR_SHARE >= reviews

    def count(self, name: str) -> int:
        return self.pages[name_key(name)] if name else 0


def page_facts(
    source_path: str,
    document: LegacyDocument,
    page: Page,
    target: str,
    *,
    words_source: int,
    words_removed: int,
    missing_images: list[str],
    signers: SiteSigners,
    title_affixes: tuple[str, ...] = (),
) -> PageFacts:
    """What the checks read about the page just written from ``document``."""
    signer = _page_signer(page) or signer_of(document)
    paragraphs = [block.html for block in document.blocks if isinstance(block, Paragraph)]
    return PageFacts(
        source_path=source_path,
        kind=str(document.kind),
        target=target,
        is_review=isinstance(page, ReviewPage),
        signer=signer,
        signer_pages=signers.count(signer),
        signed_reviews=signers.signed_reviews,
        site_prints_years=signers.prints_years,
        title=page.title,
        title_affixes=title_affixes,
        summary=getattr(page, "summary", ""),
        first_paragraph=paragraphs[0] if paragraphs else "",
        image_alts=[block.alt for block in document.blocks if isinstance(block, Image)],
        credits=document.credits,
        published=document.published,
        date_printed=_date_printed(document),
        date_ambiguous=any(w.startswith("ambiguous date") for w in document.warnings),
        date_source=document.date_source,
        date_approximate=document.date_approximate,
        removed=document.removed,
        words_source=words_source,
        words_removed=words_removed,
        missing_images=missing_images,
        cluster_outlier=document.cluster_outlier,
        parser_notes=list(document.warnings),
    )


def cluster_of(document: LegacyDocument | None) -> str:
    """The template cluster the parser put the page in (issue 23)."""
    return document.cluster[:40] if document else ""


def _page_signer(page: Page) -> str:
    if isinstance(page, ReviewPage) and page.reviewer_id:
        return page.reviewer.name
    if isinstance(page, ArticlePage) and page.author_id:
        return page.author.name
    return ""


def _date_printed(document: LegacyDocument) -> str:
    """The dateline the page's date was read from, as printed ("" when it came from
    elsewhere: a headline date, a "Posted" line)."""
    for block in document.blocks:
        if isinstance(block, Signature) and block.dateline:
            found = search_date(block.dateline)
            if found and found.date == document.published:
                return found.printed
            year = _YEAR_ONLY.search(block.dateline)
            published = document.published
            if year and published and (published.month, published.day) == (1, 1):
                return year.group(0)  # "X, 2004": dated 1 January of it
    return ""


def store_findings(
    record: ImportRecord, findings: list[Finding], *, created: bool = False
) -> None:
    """Replace the record's checks with ``findings`` (one query each way; ``created``: the
    record is new, so it has no checks to delete)."""
    if not created:
        ImportCheck.objects.filter(record=record).delete()
    ImportCheck.objects.bulk_create(
        ImportCheck(record=record, name=f.name, severity=f.severity, detail=f.detail[:2000])
        for f in findings
    )
