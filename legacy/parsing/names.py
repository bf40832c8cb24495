"""People's names as old pages print them: one key per person across spellings, and
the names that belong to institutions rather than people (no Django)."""

import functools
import re
from collections.abc import Iterable, Sequence

from textkit.identity import fold

from .lexicon import Lexicon, active
from .text import content_words

# The small words inside people's names, in every language the archive's names come from:
# "Ludwig van Beethoven", "João dos Santos", "Ludwig vom Rath", "Aziz ibn Tariq".
NAME_PARTICLES = frozenset({
    "von", "vom", "zu", "van", "der", "den", "ten", "ter", "de", "del", "della", "di", "da",
    "du", "dos", "das", "la", "le", "st.", "y", "e", "bin", "ibn", "al", "el", "d'",
})  # fmt: skip


def is_name_shaped(words: Sequence[str]) -> bool:
    """Whether ``words`` are printed as a person's name: each capitalised or a particle
    (``NAME_PARTICLES``), one capitalised at least, and no possessive ("Nobody's Fool"
    names a thing). The one shape test: credits and bylines add their own rejections."""
    if not words or any(word.endswith(("'s", "’s")) for word in words):
        return False
    capitalised = 0
    for word in words:
        bare = word.strip(".,'’")
        if not bare:
            return False
        if word.lower() in NAME_PARTICLES or bare.lower() in NAME_PARTICLES:
            continue
        if not bare[:1].isupper():
            return False
        capitalised += 1
    return capitalised > 0


def is_institution(name: str) -> bool:
    """Whether ``name`` names an organisation ("Petros Baptist Church", "Acme Ltd"): a
    church, a school, a press or a company is never a reviewer or a director. Its words are
    the active lexicon's ("names.institutions")."""
    return bool(_institution(active()).search(name))


@functools.cache
def _institution(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{lex.pattern('names.institutions')})\b\.?", re.IGNORECASE)


def site_name_keys(names: Iterable[str]) -> frozenset[str]:
    """A site's own names as the chrome and title rules compare them: their words, and
    their words run together ("talking pictures", "talkingpictures")."""
    keys = {" ".join(content_words(name)) for name in names}
    return frozenset({*keys, *(key.replace(" ", "") for key in keys)} - {""})


def name_key(name: str) -> str:
    """One key for every printing of a name: "R.P. Nettelhorst", "R. P. Nettelhorst" and
    "r p nettelhorst" share it; accents, case and invisible characters do not matter
    (``textkit.identity.fold``; look-alike letters: ``textkit.identity.confusable_key``)."""
    return fold(name)
