"""The credits line under a review's title, as structured fields.

Films: ``Mark Romanek. U.K. 2010.`` (director. country. year.)
Books: ``Kazuo Ishiguro. Faber and Faber, 1989. 245 pages.`` (author. publisher, year.)
Editors drifted ("Directed by X (2010)", "Knopf, 2005, 288 pp.", missing periods), so the
rules classify each piece by its shape instead of by its position.
"""

import re

from textkit.markup import normalise_space

from .document import Credits

MAX_CREDITS_WORDS = 30

# "Directed by" proves credits on its own; "by" also opens bylines, so it needs facts.
_STRONG_PREFIX = re.compile(
    r"^(?:(?:a\s+)?film\s+by|directed\s+by|director\s*:|dir\.?\s*:?)\s+", re.IGNORECASE
)
_WEAK_PREFIX = re.compile(r"^(?:(?:a\s+)?novel\s+by|written\s+by|author\s*:|by)\s+", re.IGNORECASE)
_PAGES = re.compile(r"\b(\d{1,4})\s*(?:pages|pp\b\.?|pgs?\b\.?)", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DOTTED_ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}")  # U.K., U.S.A. stay whole
_INITIAL = re.compile(r"\b([A-Z])\.(?=\s+[A-Z])")  # "J. R. R. Tolkien"
_TITLE_ABBREVIATION = re.compile(r"\b(Jr|Sr|St|Dr|Mr|Mrs|Ms)\.", re.IGNORECASE)
_PROTECTED_DOT = "\ue000"
_SEGMENT_END = re.compile(r"[.;:]+(?:\s+|$)")
_PEOPLE_SEPARATOR = re.compile(r"\s*(?:,|;|/|&|\band\b)\s*")

_NAME_PARTICLES = {
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "das", "la",
    "le", "ten", "ter", "bin", "ibn", "al", "el", "y", "e", "st.",
}  # fmt: skip
_TITLE_CASE_GLUE = {"and", "of", "the", "&", "y", "et", "und", "de", "la", "del", "du"}
_PUBLISHER_WORDS = re.compile(
    r"\b(?:press|books?|publish\w*|house|editions?|faber|knopf|penguin|vintage|picador|"
    r"random|bloomsbury|norton|scribner|harper\w*|doubleday|viking|chatto|cape|hamish|"
    r"macmillan|heinemann|hutchinson|virago|fourth estate|granta|jonathan|little|brown|"
    r"simon|schuster|houghton|mifflin|farrar|straus|grove|canongate|sons|ltd|inc|co)\b",
    re.IGNORECASE,
)
_COUNTRIES = {
    "usa", "u.s.a.", "us", "u.s.", "america", "united states", "uk", "u.k.", "gb", "britain",
    "great britain", "england", "scotland", "wales", "ireland", "northern ireland", "france",
    "germany", "west germany", "east germany", "w. germany", "italy", "spain", "portugal",
    "japan", "china", "hong kong", "taiwan", "korea", "south korea", "north korea", "india",
    "iran", "iraq", "israel", "palestine", "lebanon", "syria", "jordan", "turkey", "egypt",
    "russia", "ussr", "u.s.s.r.", "soviet union", "poland", "czech republic", "czechoslovakia",
    "slovakia", "hungary", "romania", "bulgaria", "serbia", "yugoslavia", "croatia", "bosnia",
    "slovenia", "austria", "switzerland", "belgium", "netherlands", "holland", "luxembourg",
    "denmark", "sweden", "norway", "finland", "iceland", "greece", "mexico", "brazil",
    "argentina", "chile", "colombia", "peru", "cuba", "venezuela", "bolivia", "uruguay",
    "canada", "australia", "new zealand", "south africa", "senegal", "mali", "nigeria",
    "morocco", "tunisia", "algeria", "chad", "burkina faso", "ethiopia", "kenya", "thailand",
    "philippines", "indonesia", "vietnam", "singapore", "malaysia", "ukraine", "georgia",
    "kazakhstan", "estonia", "latvia", "lithuania", "afghanistan", "pakistan", "bangladesh",
    "sri lanka", "bhutan", "saudi arabia", "jamaica", "qatar", "ivory coast",
}  # fmt: skip


def parse_credits(line: str) -> Credits | None:
    """Structured credits from one line, or None when the line is not credits-shaped."""
    raw = normalise_space(line)
    if not raw or len(raw.split()) > MAX_CREDITS_WORDS:
        return None
    body, had_prefix = _strip_prefix(raw)
    segments = _segments(body.replace("(", ". ").replace(")", ". "))
    if not segments:
        return None
    people_chunks, pieces = _split_people(segments[0])
    people = _people(people_chunks)
    if not people:
        return None
    credits = Credits(raw=raw, people=people)
    for piece in pieces + segments[1:]:
        if not _absorb(credits, piece):
            return None
    credits.is_book = bool(credits.publisher) or credits.pages is not None
    if not credits.year and not all(map(_is_country, credits.countries)):
        return None  # "Note: Spoiler Alert" is not a director and a country
    has_facts = credits.year or credits.countries or credits.is_book
    full_names = all(len(name.split()) > 1 for name in people)
    return credits if had_prefix or (full_names and (has_facts or len(people) > 1)) else None


def _strip_prefix(text: str) -> tuple[str, bool]:
    """The line without a "Directed by"/"by" opener, and whether the opener was strong."""
    stripped = _STRONG_PREFIX.sub("", text, count=1)
    if stripped != text:
        return stripped, True
    return _WEAK_PREFIX.sub("", text, count=1), False


def _segments(text: str) -> list[str]:
    """Split on sentence periods, keeping U.K., initials and Jr. whole."""
    protect = lambda match: match.group().replace(".", _PROTECTED_DOT)  # noqa: E731
    guarded = _DOTTED_ABBREVIATION.sub(protect, text)
    guarded = _INITIAL.sub(protect, guarded)
    guarded = _TITLE_ABBREVIATION.sub(protect, guarded)
    pieces = (piece.replace(_PROTECTED_DOT, ".") for piece in _SEGMENT_END.split(guarded))
    return [trimmed for trimmed in map(_trim, pieces) if trimmed]


def _split_people(segment: str) -> tuple[list[str], list[str]]:
    """The first segment may carry "Name, Country, Year": peel facts off its tail."""
    chunks = [chunk.strip() for chunk in segment.split(",") if chunk.strip()]
    tail: list[str] = []
    while len(chunks) > 1 and _is_fact(chunks[-1]):
        tail.insert(0, chunks.pop())
    return chunks, tail


def _is_fact(chunk: str) -> bool:
    return bool(_YEAR.fullmatch(chunk) or _PAGES.search(chunk) or _is_country(chunk)) or bool(
        _PUBLISHER_WORDS.search(chunk)
    )


def _people(chunks: list[str]) -> list[str]:
    names = [name for chunk in chunks for name in _PEOPLE_SEPARATOR.split(chunk) if name]
    if not names or not all(_is_name(name) for name in names):
        return []
    return _share_surname(names)


def _share_surname(names: list[str]) -> list[str]:
    """ "Joel and Ethan Coen" names two Coens."""
    surname = names[-1].split()[-1] if len(names[-1].split()) > 1 else ""
    if not surname:
        return names
    return [name if len(name.split()) > 1 else f"{name} {surname}" for name in names]


def _is_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or _is_country(text) or _YEAR.search(text):
        return False
    if not words[0][:1].isupper():
        return False
    return all(word[:1].isupper() or word.lower() in _NAME_PARTICLES for word in words)


def _is_country(text: str) -> bool:
    return normalise_space(text).lower() in _COUNTRIES


def _absorb(credits: Credits, piece: str) -> bool:
    """Fold one piece (pages, year, countries, publisher) into ``credits``; False if the
    piece fits none, which means the line was prose rather than credits."""
    piece, pages = _take(_PAGES, piece)
    piece, year = _take(_YEAR, piece)
    credits.pages = int(pages) if pages else credits.pages
    credits.year = int(year) if year else credits.year
    rest = _trim(piece)
    if not rest:
        return bool(pages or year)
    if not _looks_like_proper_noun(rest):
        return False
    countries = [part.strip() for part in re.split(r"\s*[/,]\s*|\s+-\s+", rest) if part.strip()]
    if all(_is_country(country) for country in countries):
        credits.countries.extend(countries)
    elif _PUBLISHER_WORDS.search(rest) or pages or (year and "," in piece):
        credits.publisher = credits.publisher or rest
    elif credits.publisher or credits.pages:
        return False
    else:
        credits.countries.extend(countries)  # unknown places are kept as written
    return True


def _trim(text: str) -> str:
    """Strip separators, but keep the period that ends an abbreviation like "U.K."."""
    text = text.strip(" ,;:")
    if text.endswith(".") and not _DOTTED_ABBREVIATION.search(text.split()[-1]):
        text = text.rstrip(". ")
    return text.strip(" ,;:")


def _take(pattern: re.Pattern[str], text: str) -> tuple[str, str | None]:
    match = pattern.search(text)
    if not match:
        return text, None
    return text[: match.start()] + text[match.end() :], match.group(1)


def _looks_like_proper_noun(text: str) -> bool:
    words = text.split()
    if len(words) > 6:
        return False
    return all(word[:1].isupper() or word.lower() in _TITLE_CASE_GLUE for word in words)
