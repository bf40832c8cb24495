"""Where every word of the old page went, and the fidelity score built on it (pure).

Definitions (also in ``legacy/README.md``), over words as ``text.content_words`` counts
them and as multisets, so each source word is matched at most once:

- ``source``: the visible text of the old page's body before any removal;
- ``kept``: source words found in the new page's body;
- ``fields``: source words found, beyond those, in the title and credits fields, and in
  the slots taken off the page into fields (the "Posted" date line, a byline's label);
- ``chrome``: source words found, beyond those, in the page's removed list (site chrome,
  templates, server code, forms), each entry with its reason; never a slot's (a name or
  a date under a label): a slot removed as chrome counts as lost;
- ``lost``: the rest: source words that are nowhere. Nothing may be lost silently.

``source == kept + fields + chrome + lost`` always. Fidelity is the share of the page's
content (``source - chrome``) that the page holds as content and not as residue:
``(kept + fields - residue) / (kept + fields + lost)``, where residue counts kept words of
blocks that look like chrome (``site.residue``). 1.0 means nothing lost and no chrome.
"""

from collections import Counter
from dataclasses import asdict, dataclass, field

from .document import LegacyDocument, Removed
from .text import blocks_text, content_words

MISSING_WORDS_SHOWN = 20
HELD = "held"  # ``Removed.slot`` of a slot's words a field holds
DROPPED = "dropped"  # ``Removed.slot`` of a slot removed as chrome


@dataclass
class WordAccount:
    source: int = 0
    kept: int = 0
    fields: int = 0
    chrome: int = 0
    lost: int = 0
    residue: int = 0
    missing: list[str] = field(default_factory=list)  # the first lost words, in order

    @property
    def fidelity(self) -> float:
        content = self.kept + self.fields + self.lost
        if not content:
            return 1.0
        return max(0, self.kept + self.fields - self.residue) / content

    def as_dict(self) -> dict[str, int]:
        counts = asdict(self)
        counts.pop("missing")
        counts.pop("residue")
        return counts


def account(
    source_text: str, kept_text: str, field_text: str, removed_texts: list[str], residue_text: str
) -> WordAccount:
    """Match the source's words against the page's body, then its fields, then removals."""
    remaining = Counter(content_words(source_text))
    result = WordAccount(source=remaining.total())
    result.kept = _take(remaining, content_words(kept_text))
    result.fields = _take(remaining, content_words(field_text))
    result.chrome = _take(remaining, [w for text in removed_texts for w in content_words(text)])
    result.lost = remaining.total()
    result.residue = min(len(content_words(residue_text)), result.kept)
    if result.lost:
        result.missing = _in_source_order(source_text, remaining)
    return result


def removed_texts(removed: list[Removed]) -> tuple[str, list[str]]:
    """A page's removed list as the account reads it: the words of a slot taken off the
    page into a field ("Posted 8 Oct 1999" is the page's date, "Review by" the label of
    its byline) count with the fields; a slot dropped as chrome counts nowhere, so it is
    lost (and lowers fidelity); every other removal is chrome."""
    held = "\n".join(entry.text for entry in removed if entry.slot == HELD)
    return held, [entry.text for entry in removed if not entry.slot]


def words_beyond(text: str, kept: str) -> list[str]:
    """The words of ``text`` that ``kept`` does not hold (as multisets), in order:
    "Reviewed by" of a signature line whose block keeps the name."""
    available = Counter(content_words(kept))
    return [word for word in content_words(text) if not _take_one(available, word)]


def _take(remaining: Counter[str], words: list[str]) -> int:
    return sum(_take_one(remaining, word) for word in words)


def _take_one(remaining: Counter[str], word: str) -> bool:
    if remaining[word] > 0:
        remaining[word] -= 1
        return True
    return False


def _in_source_order(source_text: str, remaining: Counter[str]) -> list[str]:
    left = Counter(remaining)
    missing: list[str] = []
    for word in reversed(content_words(source_text)):  # the last copies are the lost ones
        if left[word] > 0:
            left[word] -= 1
            missing.append(word)
    return list(reversed(missing))[:MISSING_WORDS_SHOWN]


def document_account(document: LegacyDocument) -> WordAccount:
    """The account of a parsed page, before it is saved (the writer counts the saved one)."""
    held, removed = removed_texts(document.removed)
    return account(
        document.source_text,
        blocks_text(document.blocks),
        "\n".join([document.field_text, held]),
        removed,
        "\n".join(document.residue),
    )
