"""A finished page's heavy parts set aside on disk until the writer writes it (pure).

A finished document holds its page several times over: its blocks, the words it shows
(``content_text``), all it printed (``source_text``), what was removed and why. The
site's rules that run once every page is finished (template clusters, articles printed
over pages, dates from the site's evidence, news splits, the run's signers) read a few
small facts of each page, not those; the writer reads them of one page at a time. So
each finished page keeps only its light fields in memory, and its heavy ones wait in the
run's ``Spill`` with the facts the rules read (``Aside``), until the page is about to be
written: ``restore`` puts them back, ``set_aside`` takes them out again. A run then holds
one page's heavy parts at a time, whatever its number of pages (issue 21, finding 7).
"""

from dataclasses import dataclass

from .dates import copyright_years
from .document import LegacyDocument, Signature
from .spill import Handle, Spill
from .text import content_words

HEAVY_FIELDS = ("blocks", "content_text", "source_text", "removed", "leftovers", "residue")


@dataclass(frozen=True)
class Aside:
    """Where a document's heavy fields are (``handle``), and the facts of them the site's
    rules read while they are away."""

    handle: Handle
    words: int  # content words: an article's length (``clusters``)
    signatures: tuple[str, ...]  # the names its Signature blocks print, in order
    copyright_years: tuple[int, ...]  # the years its removed copyright lines print


def set_aside(document: LegacyDocument, spill: Spill) -> LegacyDocument:
    """``document`` with its heavy fields written to ``spill`` and emptied, in place (its
    identity kept: the site's rules and the writer hold it by reference)."""
    if document.aside is not None:
        return document
    heavy = {name: getattr(document, name) for name in HEAVY_FIELDS}
    document.aside = Aside(
        handle=spill.put(heavy),
        words=len(content_words(document.content_text)),
        signatures=tuple(b.name for b in document.blocks if isinstance(b, Signature)),
        copyright_years=tuple(copyright_years([entry.text for entry in document.removed])),
    )
    document.blocks, document.removed, document.leftovers, document.residue = [], [], [], []
    document.content_text = document.source_text = ""
    return document


def restore(document: LegacyDocument, spill: Spill) -> LegacyDocument:
    """``document`` with its heavy fields read back from ``spill``, in place."""
    if document.aside is not None:
        for name, value in spill.get(document.aside.handle).items():
            setattr(document, name, value)
        document.aside = None
    return document


def word_count(document: LegacyDocument) -> int:
    """The page's content words, whether its text is in memory or set aside."""
    if document.aside is not None:
        return document.aside.words
    return len(content_words(document.content_text))


def signature_names(document: LegacyDocument) -> tuple[str, ...]:
    """The names the page's signatures print, in order, set aside or not."""
    if document.aside is not None:
        return document.aside.signatures
    return tuple(block.name for block in document.blocks if isinstance(block, Signature))


def printed_copyright_years(document: LegacyDocument) -> list[int]:
    """The years the page's removed copyright lines print (``dates.copyright_years``)."""
    if document.aside is not None:
        return list(document.aside.copyright_years)
    return copyright_years([entry.text for entry in document.removed])
