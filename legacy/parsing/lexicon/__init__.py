"""The words of each language the parser reads, one file per language (pure).

As jusText keeps a stoplist per language, the parser keeps a lexicon per language:
``en.toml``, ``de.toml``, ``fr.toml``, ``es.toml``, ``it.toml``. Each holds only what no
library has (byline and credit labels, "updated"/"posted" labels, posts, institution and
navigation words, generic titles, rating units, click and spoiler words); month and
weekday names come from Babel's CLDR data, the stopwords that recognise a language from
jusText's stoplists. Adding a language is one new file (``legacy/README.md``).

A site's pages are read with the lexicon of the site's languages: recognised from its text
(``recognise``), or forced by ``ParseOptions.languages`` (``--language``). The parse of
one site runs inside ``override(lexicon)``, as Django's ``translation.override`` sets the
active language; the modules compile their patterns from ``active()`` once per lexicon.
"""

import contextlib
import functools
import itertools
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

import justext
from babel import Locale

HERE = Path(__file__).resolve().parent
ENGLISH = "en"
# English first: where two languages' labels overlap, its order is the one the rules met
LANGUAGES: tuple[str, ...] = tuple(
    sorted((path.stem for path in HERE.glob("*.toml")), key=lambda code: (code != ENGLISH, code))
)
RECOGNITION_WORDS = 400  # the first words of a page are enough to tell its language
MIN_STOPWORD_SHARE = 0.2  # a language whose stopwords make this share of a text's words
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The merged words of ``languages``, in their order. Compared and hashed by its
    languages: the modules cache their compiled patterns per lexicon."""

    languages: tuple[str, ...]
    months: Mapping[str, int] = field(default_factory=dict)  # casefolded name -> 1..12
    weekdays: tuple[str, ...] = ()
    entries: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # "bylines.labels"
    numbers: Mapping[str, float] = field(default_factory=dict)  # rating number words
    countries: frozenset[str] = frozenset()  # lower-cased country names, from CLDR

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and other.languages == self.languages

    def __hash__(self) -> int:
        return hash(self.languages)

    def __getitem__(self, name: str) -> tuple[str, ...]:
        """Every language's entries under ``name`` ("credits.director"), in order."""
        return self.entries.get(name, ())

    def words(self, name: str) -> frozenset[str]:
        return frozenset(self[name])

    def pattern(self, name: str) -> str:
        """The entries under ``name`` as one regular expression alternation (a space in an
        entry matches any whitespace); "(?!)" (never matches) when there are none."""
        return "|".join(entry.replace(" ", r"\s+") for entry in self[name]) or "(?!)"


def trie_pattern(words: Iterable[str]) -> str:
    """``words`` as one regex alternation factored by common prefixes ("ma(?:rch|y|i|rs)"):
    Python's ``re`` tries each branch of a flat alternation at every position, and a
    lexicon's month and weekday names are many."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # the end of a word

    def pattern(node: dict) -> str:
        ends = "" in node
        branches = [
            re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?" if len(branches) > 1 else f"(?:{body})?"
        return body

    return pattern(trie)


@functools.cache
def _language(code: str) -> dict:
    with (HERE / f"{code}.toml").open("rb") as file:
        return tomllib.load(file)


@functools.cache
def lexicon_for(languages: tuple[str, ...]) -> Lexicon:
    """The lexicon of ``languages`` (codes of ``LANGUAGES``), merged in that order."""
    unknown = [code for code in languages if code not in LANGUAGES]
    if unknown:
        raise ValueError(f"no lexicon for {', '.join(unknown)}; known: {', '.join(LANGUAGES)}")
    entries: dict[str, list[str]] = {}
    months: dict[str, int] = {}
    weekdays: dict[str, None] = {}
    numbers: dict[str, float] = {}
    countries: set[str] = set()
    for code in languages:
        data = _language(code)
        for section, values in data.items():
            if not isinstance(values, dict) or section == "extra_months":
                continue
            for name, value in values.items():
                if name == "numbers":
                    numbers.update(value)
                else:
                    entries.setdefault(f"{section}.{name}", []).extend(value)
        for number, names in _cldr_months(tuple(data["locales"])).items():
            months.update(dict.fromkeys(names, number))
        months.update({_fold(name): number for name, number in data["extra_months"].items()})
        weekdays.update(dict.fromkeys(_cldr_weekdays(tuple(data["locales"]))))
        weekdays.update(dict.fromkeys(data["extra_weekdays"]))
        countries |= _cldr_countries(tuple(data["locales"]))
    return Lexicon(
        languages=tuple(languages),
        months=months,
        weekdays=tuple(weekdays),
        entries={name: tuple(dict.fromkeys(values)) for name, values in entries.items()},
        numbers=numbers,
        countries=frozenset(countries),
    )


def _fold(name: str) -> str:
    return name.casefold().rstrip(".")


def _spellings(name: str) -> set[str]:
    """A name as printed, and as old pages typed it without accents ("fevrier", "maerz")."""
    name = _fold(name)
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return {name, bare, name.translate(_UMLAUTS)}


@functools.cache
def _cldr_months(locales: tuple[str, ...]) -> dict[int, set[str]]:
    """Month names, wide and abbreviated, as written in a date and standing alone."""
    months: dict[int, set[str]] = {}
    for code in locales:
        data = Locale.parse(code).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in data[context][width].items():
                    months.setdefault(number, set()).update(_spellings(name))
    return months


@functools.cache
def _cldr_weekdays(locales: tuple[str, ...]) -> list[str]:
    """Weekday names, wide, and abbreviated where the abbreviation is three letters or
    more (German "Mo." or "Di." open too many other lines)."""
    names: dict[str, None] = {}
    for code in locales:
        data = Locale.parse(code).days
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for name in data[context][width].values():
                    names.update(dict.fromkeys(s for s in _spellings(name) if len(s) >= 3))
    return list(names)


@functools.cache
def _cldr_countries(locales: tuple[str, ...]) -> frozenset[str]:
    """Countries' names ("España", "Deutschland", "Royaume-Uni"): CLDR's territories with a
    two-letter code (the others are regions: "Europe", "Latin America")."""
    return frozenset(
        name.casefold()
        for code in locales
        for territory, name in Locale.parse(code).territories.items()
        if len(territory) == 2 and territory.isalpha()
    )


ALL = lexicon_for(LANGUAGES)  # a page read with no site, or whose language is unknown
# the lexicons read on every site whatever its language (``always = true`` in their file)
ALWAYS: tuple[str, ...] = tuple(code for code in LANGUAGES if _language(code)["always"])
_ACTIVE: ContextVar[Lexicon] = ContextVar("lexicon", default=ALL)


def active() -> Lexicon:
    """The lexicon of the pages being read now (``override``), or every language's."""
    return _ACTIVE.get()


@contextlib.contextmanager
def override(lexicon: Lexicon) -> Iterator[Lexicon]:
    """Read with ``lexicon`` inside the block: the parse of one site."""
    token = _ACTIVE.set(lexicon)
    try:
        yield lexicon
    finally:
        _ACTIVE.reset(token)


# --- which language a text is in ------------------------------------------------------


@functools.cache
def _stopwords(code: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in justext.get_stoplist(_language(code)["stoplist"]))


@functools.cache
def _every_stopword() -> frozenset[str]:
    return frozenset().union(*map(_stopwords, LANGUAGES))


def writes_titles_in_title_case(code: str) -> bool:
    """Whether the titles of language ``code`` capitalise every word but the small ones
    (English does; German capitalises its nouns in any sentence, French and Spanish only
    the first word), so that capitals can tell a title from a sentence."""
    return bool(_language(code)["title_case"])


def is_stopword(word: str) -> bool:
    """Whether ``word`` (casefolded) is a stopword of a language there is a lexicon for."""
    return word in _every_stopword()


def stopword_counts(words: Iterable[str]) -> Counter[str]:
    """For each language, how many of ``words`` (casefolded) are its stopwords."""
    sample = list(itertools.islice(words, RECOGNITION_WORDS))
    return Counter({code: sum(map(_stopwords(code).__contains__, sample)) for code in LANGUAGES})


def recognise(words: Iterable[str], declared: str = "") -> str | None:
    """The language of a text (its casefolded words): the one whose stopwords it uses most,
    when they are a fair share of it; else the language the page declares (``lang``), if
    there is a lexicon for it; else None (too little text to tell)."""
    sample = list(itertools.islice(words, RECOGNITION_WORDS))
    counts = stopword_counts(sample)
    best, hits = max(counts.items(), key=lambda item: (item[1], item[0] == ENGLISH))
    if sample and hits >= MIN_STOPWORD_SHARE * len(sample) and hits >= 3:
        return best
    code = declared.split("-")[0].strip().lower()
    return code if code in LANGUAGES else None
