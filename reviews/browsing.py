"""Pure rules for browsing the archive: how titles sort, which letter they file under, decades.

No Django models here, so the rules can be unit-tested on their own.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from textkit import slugs

T = TypeVar("T")

# Leading articles a librarian ignores when filing: "The Quiet Harbour" files under Q.
LEADING_ARTICLES = ("the", "a", "an")
OTHER_LETTER = "#"
_ARTICLE = re.compile(rf"^(?:{'|'.join(LEADING_ARTICLES)})\s+(?=\S)", re.IGNORECASE)
_PUNCTUATION = re.compile(r"^[\W_]+")


def _fold(text: str) -> str:
    """Lower-case without accents, so "Élan" sorts beside "Elan"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def title_sort_key(title: str) -> str:
    """The key a title files under: no leading article or punctuation, no accents, lower case.

    A title that is nothing but an article ("The") keeps it, so it still files somewhere.
    """
    text = _PUNCTUATION.sub("", title.strip())
    text = _ARTICLE.sub("", text)
    text = _PUNCTUATION.sub("", text)
    return _fold(text or title.strip())


def letter_of(key: str) -> str:
    """The index letter of a sort key: A–Z, or "#" for digits and everything else."""
    first = key[:1].upper()
    return first if "A" <= first <= "Z" else OTHER_LETTER


@dataclass
class LetterGroup:
    letter: str
    items: list = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return "other" if self.letter == OTHER_LETTER else self.letter.lower()


def group_by_letter(
    items: Iterable[T],
    title: Callable[[T], str],
    sort_key: Callable[[str], str] = title_sort_key,
) -> list[LetterGroup]:
    """Items sorted by the filing key of their title and grouped by letter; "#" comes first."""
    ordered = sorted(items, key=lambda item: (sort_key(title(item)), title(item)))
    groups: dict[str, LetterGroup] = {}
    for item in ordered:
        letter = letter_of(sort_key(title(item)))
        groups.setdefault(letter, LetterGroup(letter)).items.append(item)
    return sorted(groups.values(), key=lambda group: (group.letter != OTHER_LETTER, group.letter))


def alphabet() -> list[str]:
    """Every letter the index can link to, in order, "#" first."""
    return [OTHER_LETTER, *(chr(code) for code in range(ord("A"), ord("Z") + 1))]


def decade_of(year: int) -> int:
    """1994 → 1990."""
    return year - year % 10


def decade_label(decade: int) -> str:
    """1990 → "1990s"."""
    return f"{decade}s"


def decade_range(decade: int) -> tuple[int, int]:
    """The first and last year of a decade, both included: 1990 → (1990, 1999); a year inside
    it stands for its decade (1995 → the 1990s), so a hand-typed ``?decade=`` still works."""
    start = decade_of(decade)
    return start, start + 9


def split_countries(countries: str) -> list[str]:
    """ "Germany/Austria" → ["Germany", "Austria"], as the credits print them."""
    return [country.strip() for country in countries.split("/") if country.strip()]


def name_slug(name: str) -> str:
    """The URL form of a director's, author's or country's name: "Agnès Varda" → "agnes-varda",
    "侯孝賢" → "侯孝賢" (distinct per name, in its own script: textkit.slugs.name_slug)."""
    return slugs.name_slug(name)


def names_matching_slug(names: Iterable[str], slug: str) -> list[str]:
    """Every spelling in ``names`` whose URL form is ``slug`` ("U.K." and "UK" are one country)."""
    return sorted({name for name in names if name_slug(name) == slug})


def count_names(values: Iterable[str], split: Callable[[str], list[str]]) -> dict[str, int]:
    """How often each name appears across values such as "Germany/Austria" and "Germany"."""
    counts: dict[str, int] = {}
    for value in values:
        for name in split(value):
            counts[name] = counts.get(name, 0) + 1
    return counts


def surname_key(name: str) -> str:
    """People file under their last name: "Mark Romanek" under R."""
    words = name.split()
    return _fold(words[-1] if words else name)
