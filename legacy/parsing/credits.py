"""The credits a review prints for the work it reviews, as structured fields.

Films: ``Mark Romanek. U.K. 2010.``, ``Directed by X (2010)``, ``Dir: X. 112 min. With A,
B and C. Cert 15.``; books: ``Kazuo Ishiguro. Faber and Faber, 1989. 245 pages.``, ``by X.
San Francisco: North Point Press. 1985. Paper. $12.95. 144 pages.``, ``Surname, Forename:
'Title' Publisher, 2000. ISBN ...``, ``Title, by X``, ``X, Title (Publisher, 1999)``.

Editors drifted, so the line is cut into segments (at sentence periods, semicolons and
brackets) and each piece is classified by its shape, not its position: a role label and
names, an ISBN, a running time, pages, a price, a binding, a certificate, a year, countries,
"City: Publisher", the work's title. A piece that fits nothing is kept, as printed, in the
remainder: one unknown piece never throws the line away. Every character of the line but
separators is in one ``CreditPart``, so nothing printed is lost.
"""

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textkit.markup import normalise_space

from .bylines import opens_with_phrase_label
from .dates import month_names
from .document import CreditPart, Credits
from .lexicon import Lexicon, active
from .names import is_institution, is_name_shaped
from .text import content_words

MAX_CREDITS_WORDS = 60  # credits over two or three lines, with a cast list
MAX_CLOSING_CHARS = 300  # credits at a page's end: one line, never a paragraph
CACHED_CHARS = 1_000  # a text this long is a paragraph: its reading is not cached
MAX_PROSE_RUN = 4  # this many lowercase words in a row in an unknown piece: a sentence

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PAGES = re.compile(
    r"\b(\d{1,4})\s*(?:pages|pp\b\.?|pgs?\b\.?|p\.|Seiten\b|pages?\b)|\bpp?\.\s*(\d{1,4})\b",
    re.IGNORECASE,
)
_ISBN = re.compile(r"\bISBN(?:-1[03])?\s*:?\s*((?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx])", re.I)
_RUNNING_TIME = re.compile(
    r"\b(?:(?P<hours>\d)\s*h(?:rs?|ours?)?\.?\s*(?P<minutes>\d{1,2})\s*(?:m(?:ins?)?\b\.?)?|"
    r"(?P<total>\d{2,3})\s*(?:min(?:ute)?s?\b\.?|mn\b|['’])|"
    r"(?P<whole_hours>\d)\s*(?:hrs?|hours?)\b\.?(?!\s*\d))",
    re.IGNORECASE,
)
_PRICE = re.compile(
    r"(?:US\s?\$|[$£€¥]|\b(?:DM|FF|CHF|EUR|USD|GBP)\s?)\s?\d+(?:[.,]\d{2})?\b|"
    r"\b\d+(?:[.,]\d{2})?\s?(?:€|EUR\b|DM\b|FF\b|euros?\b)",
    re.IGNORECASE,
)
_EDITION = re.compile(
    r"\b(?:(?:trade\s+|mass[- ]market\s+)?paper(?:back)?(?:\s+original)?|paper|"
    r"(?:hard|soft)\s?(?:cover|back|bound)|cloth(?:bound)?|unpaginated|(?:first|second|third|fourth|revised|new|"
    r"expanded|anniversary|\d+(?:st|nd|rd|th))\s+(?:edition|printing|ed\.)|broché|poche|"
    r"relié|taschenbuch|gebunden|kartoniert)(?:\b|(?<=\.))",
    re.IGNORECASE,
)
_CERTIFICATE = re.compile(
    r"\b(?:PG-13|NC-17|(?:rated|cert(?:ificate)?\.?|FSK)\s*:?\s*(?:U|PG|G|R|X|12A?|15|18|"
    r"0|6|16))(?!\w)",
    re.IGNORECASE,
)
# Role labels, each opening the names it labels, in this order (the lexicon's "credits"
# entries). "by" also opens bylines, so it is weak: the line needs facts too.
ROLES = ("director", "editor", "translator", "contributor", "cast", "author", "running_time",
         "publisher")  # fmt: skip
_PHOTOGRAPHS_BY = re.compile(r"\W*(?:with\s+)?(?:photo(?:graph)?s|photography)\s*(?:by|:)", re.I)
_STRONG_ROLES = {"director", "editor", "translator", "cast", "running_time", "publisher"}
_SUFFIX_ROLE = re.compile(r"^(?P<name>.+?)\s*\(?\b(?P<label>dirs?\.|director|ed(?:s)?\.|eds?)\)?$")
_ROLE_SUFFIX = re.compile(r"(?:dirs?|director|eds?|editors?)\.?", re.IGNORECASE)
# "Lietaer, Bernard: Title", and the bibliographer's "Budgen, David, 2003, Title"
_SURNAME_FIRST = re.compile(
    r"^(?P<surname>[A-Z][\w'’-]+),\s+(?P<forenames>(?![A-Z]{2}\s*:)[A-Z][\w.'’ -]*?)"
    r"(?::\s*|,\s*(?=\(?(?:1[89]|20)\d\d\b))"
)
_AUTHOR_COLON = re.compile(r"^(?P<names>[^:,]{3,60}):\s+(?P<rest>\S.*)$")
# "New York: Knopf", "Albuquerque, NM: University of New Mexico Press"
_CITY_PUBLISHER = re.compile(
    r"^(?P<city>[A-Z][\w.'’ -]{1,30}?(?:,\s*[A-Z]{2})?)\s*:\s+(?P<publisher>[A-Z].*)$"
)
_QUOTED = re.compile(r"[\"“„«‘']([^\"“”„«»‘’]{2,120}?)[\"”»’'](?!\w)")

_DOTTED_ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}")  # U.K., U.S.A. stay whole
_INITIAL = re.compile(r"\b([A-Z])\.(?=\s*[A-Z])")  # "J. R. R. Tolkien", "R.P. Nettelhorst"
_ABBREVIATION = re.compile(
    r"\b(?:Jr|Sr|St|Dr|Mr|Mrs|Ms|(?i:dirs?|eds?))\.|"  # always before a name
    r"\b(?i:pp|p|trans|tr|vol|rev|illus|cert|approx|ca|hrsg)\.(?=\s*[a-z\d,:])"
)
_PROTECTED_DOT = "\ue000"  # one character for one: segments stay substrings of the line
_SEGMENT_END = re.compile(r"([.;]+(?=\s|$)|[()\[\]|·•\n])")
_CONJUNCTION = r"(?:&|\band\b|\bund\b|\bet\b|\by\b)"  # between the last two names
_PEOPLE_SEPARATOR = re.compile(rf"\s*(?:,|;|/|{_CONJUNCTION})\s*")
_RUNS_ON = re.compile(rf"(?:,|{_CONJUNCTION})\s*$")  # a list of names goes on after this
_GOES_ON = re.compile(rf"^\s*{_CONJUNCTION}")
_SEPARATORS = " \t,;:.-–—/&|·•()[]\"“”„«»‘’'"

_TITLE_CASE_GLUE = {"and", "of", "the", "&", "y", "et", "und", "de", "la", "del", "du", "des"}
_PROSE_GLUE = _TITLE_CASE_GLUE | {"a", "an", "in", "on", "at", "to", "for", "by", "with"}
# Words only a publisher's name has, and words a publisher's name may share with a
# person's ("Jonathan Cape", "Little, Brown", "Simon & Schuster"). A house named after
# its founder ("Norton", "Knopf") is a surname too: read as a publisher only where a
# person is not (``_names_in``); the generic words never name a person.
_GENERIC_HOUSES = r"press|books?|publish\w*|editions?|éditions?|verlag|ltd|inc"
_PUBLISHER_HOUSES = (
    rf"{_GENERIC_HOUSES}|faber|knopf|penguin|vintage|"
    r"picador|bloomsbury|norton|scribner|harper\w*|doubleday|viking|chatto|macmillan|"
    r"heinemann|hutchinson|virago|fourth estate|granta|schuster|houghton|mifflin|farrar|"
    r"straus|canongate|gallimard|seuil|flammarion|suhrkamp|rowohlt|pantheon"
)
_PUBLISHER_WORDS = re.compile(
    rf"\b(?:{_PUBLISHER_HOUSES}|random|house|cape|hamish|jonathan|little|brown|simon|grove|"
    r"sons|co|hanser|fischer|university)\b",
    re.IGNORECASE,
)
_PUBLISHER_HOUSE = re.compile(rf"\b(?:{_PUBLISHER_HOUSES})\b", re.IGNORECASE)
_GENERIC_HOUSE = re.compile(rf"\b(?:{_GENERIC_HOUSES})\b", re.IGNORECASE)
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
    "sri lanka", "bhutan", "saudi arabia", "jamaica", "qatar", "ivory coast", "deutschland",
    "frankreich", "italien", "spanien", "österreich", "schweiz", "grossbritannien",
    "großbritannien", "allemagne", "italie", "espagne", "royaume-uni", "etats-unis",
    "états-unis", "japon", "brésil", "belgique", "suisse", "autriche",
}  # fmt: skip
_FACT_ROLES = {
    "year", "country", "publisher", "pages", "isbn", "running_time", "cast", "edition",
    "price", "certificate", "city",
}  # fmt: skip


def parse_credits(text: str, title: str = "") -> Credits | None:
    """Structured credits from one line, or None when it is not credits-shaped. ``title``:
    the page's title, which the credits may print ("Title, by Author")."""
    return parse_credits_lines([text], title)


def is_credits(text: str) -> bool:
    """Whether ``text`` reads as credits. Cached: a site prints the same recurring blocks
    on every page, and the site pass asks about each of them on each page; but not a
    paragraph (``CACHED_CHARS``), which the cache would keep long after its page."""
    if len(text) > CACHED_CHARS:
        return parse_credits(text) is not None
    return _reads_as_credits(text, active())


@functools.lru_cache(maxsize=4096)
def _reads_as_credits(text: str, lex: Lexicon) -> bool:
    return parse_credits(text) is not None


def parse_credits_lines(lines: Sequence[str], title: str = "") -> Credits | None:
    """Credits printed over two or three lines (``<p>Author<br>Publisher, 1999</p>``),
    read as one: a line ends a segment as a period does."""
    lines = [line for line in map(normalise_space, lines) if line]
    if not lines or sum(len(line.split()) for line in lines) > MAX_CREDITS_WORDS:
        return None
    if any(map(_is_prose, lines)):
        return None  # a sentence is never credits: no need to read it piece by piece
    credits = Credits(raw="\n".join(lines), people=[])
    reader = _Reader(credits, tuple(content_words(title)))
    joined = " ".join(lines)
    reader.bookish = any(p.search(joined) for p in (_ISBN, _PAGES, _EDITION))
    for segment, bracketed in (segment for line in lines for segment in _segments(line)):
        reader.read_segment(segment, bracketed)
    if not credits.people and reader.bookish and len(reader.photographers) == 1:
        # a book of photographs: its photographer is its author ("Photographs by Ann
        # Noggle. Albuquerque, NM: University of New Mexico Press, 1984, 195 pp.")
        extra, part = reader.photographers[0]
        credits.extras.remove(extra)
        part.role = "person"
        credits.people = list(_names(part.text))
    return credits if _is_credits(credits, reader) else None


def runs_on(line: str, following: str) -> bool:
    """Whether a list of names runs on from ``line`` into ``following``: the line ends in a
    comma or "and" ("Starring Jamie Lee Curtis, William Baldwin,"), or the next line opens
    with "and" ("and Joanna Pacula"); the line is a role label alone ("Starring") or the
    first words of one the next line ends ("Directed" / "by X"); or the line opens a cast
    and the next is names going on ("Starring A, B" / "C, D," / "and E"). A cast broken
    over lines and cells is one line."""
    return run_joint(line, following) is not None


def run_joint(line: str, following: str) -> str | None:
    """What joins ``line`` and ``following`` when a list of names runs on (``runs_on``),
    else None: a space, or ", " where a cast's line ended on a name with no comma
    ("Starring A, B" / "C, D," is "A, B, C, D,")."""
    if _RUNS_ON.search(line) or _GOES_ON.match(following):
        return " "
    line, following = line.strip(), following.strip()
    label = _rules(active()).label
    opened = label.match(f"{line} ")
    if opened and not line[opened.end() - 1 :].strip(_SEPARATORS):
        return " "  # "Starring" alone
    spanning = label.match(f"{line} {following} ")
    if spanning and spanning.end() > len(line) + 2 and not opened:
        return " "  # "Directed" / "by X"
    if opened and following[:1].isupper() and len(following.split()) <= 2:
        rest = line[opened.end() - 1 :].split()
        if len(rest) == 1 and rest[0][:1].isupper():  # "Directed by Ann" / "Lu."
            return " "
    cast = opened is not None and (opened.lastgroup or "").startswith("cast")
    if cast and _RUNS_ON.search(following) and _names(following.rstrip(" ,"), people=True):
        last = re.split(r",|\band\b", line[opened.end() - 1 :])[-1].split()
        return ", " if len(last) > 1 else " "  # "Starring Ann" / "Lee, Bo Rey,": one name
    return None


def is_country(text: str) -> bool:
    """A country as credits print it: "U.K.", "W. Germany", and every country's name in the
    languages of the active lexicon (CLDR's: "España", "Italia", "Royaume-Uni")."""
    name = normalise_space(text).lower()
    return name in _COUNTRIES or name in active().countries


def is_publisher_name(text: str) -> bool:
    """A name only publishers have: "Press", "Books", "Verlag", "Faber"."""
    return bool(_PUBLISHER_WORDS.search(text))


def opens_with_role_label(text: str) -> bool:
    """Whether ``text`` opens with a credits role label ("Directed by", "by", "Regia di")."""
    return bool(_rules(active()).label.match(text))


def may_close_credits(text: str) -> bool:
    """A quick test for the facts that credits at a page's end must print (an ISBN, pages,
    a running time, a publisher's name), before the line is read piece by piece."""
    if len(text) > MAX_CLOSING_CHARS or not any(char.isdigit() for char in text):
        return False
    return any(pattern.search(text) for pattern in (_ISBN, _PAGES, _RUNNING_TIME)) or (
        is_publisher_name(text)
    )


def only_facts(text: str) -> bool:
    """A line of a film's or a book's facts and nothing else ("Certificate PG", "running
    time 1hr 27 mins", "Paper. $12.95"): a review's credits, even where the same facts
    recur on other pages of the site (digits aside, every film of a site has them)."""
    return len(text) <= MAX_CLOSING_CHARS and _only_facts(text, active())


@functools.lru_cache(maxsize=4096)
def _only_facts(text: str, lex: Lexicon) -> bool:
    if len(text) > MAX_CLOSING_CHARS:
        return False
    rules = _rules(lex)
    rest, found = rules.fact_label.sub(" ", text), False
    for pattern, _, _ in rules.facts[:-2]:  # a year alone is no film's fact
        rest, count = pattern.subn(" ", rest)
        found = found or count > 0
    return found and all(char in _SEPARATORS or char.isspace() for char in rest)


def has_work_facts(text: str) -> bool:
    """Whether a line prints facts only a book's or a film's credits print: an ISBN,
    pages, a price, a running time, or a publisher's name with a year."""
    if len(text) > MAX_CLOSING_CHARS:
        return False
    facts = (_ISBN, _PAGES, _PRICE, _RUNNING_TIME)
    return any(p.search(text) for p in facts) or bool(
        _YEAR.search(text) and is_publisher_name(text)
    )


def words_understood(credits: Credits) -> int:
    return sum(len(content_words(p.text)) for p in credits.parts if p.role != "remainder")


def words_not_understood(credits: Credits) -> int:
    return sum(len(content_words(text)) for text in credits.remainder)


class _Reader:
    """Reads one segment after another into ``credits``, remembering what came first."""

    def __init__(self, credits: Credits, title_key: tuple[str, ...]) -> None:
        self.credits = credits
        self.title_key = title_key
        self.roles: list[str] = []  # the roles seen, in order
        self.strong = False  # a role label only credits print ("Directed by")
        self.weak_label = False  # a "by" opener
        self.names_open = True  # names open the credits: none after the first facts
        self.segment_year = False  # "Publisher, 1999": a year after a comma in this segment
        self.bookish = False  # the credits print pages, an ISBN or a binding somewhere
        self.photographers: list[tuple[str, CreditPart]] = []  # "Photographs by X"
        self.segment = 0  # which segment is being read
        self.publisher_segment = -1  # the segment the publisher was read in

    def add(self, role: str, text: str) -> None:
        text = text.strip(" ,;:") if role == "remainder" else text.strip(_SEPARATORS)
        if not text:
            return
        self.credits.parts.append(CreditPart(role, text))
        self.roles.append(role)
        if role == "remainder":
            self.credits.remainder.append(text)

    def read_segment(self, segment: str, bracketed: bool = False) -> None:
        """One segment; names open only the first, and never one in brackets: "The Lover
        (Pantheon, 1985)" names a publisher."""
        self.segment += 1
        if self._cast_goes_on(segment, bracketed):
            return
        opening = set(self.roles) <= {"title", "label"} and not (bracketed and self.roles)
        self.names_open = not self.credits.people and opening
        self.segment_year = bool(_rules(active()).after_comma_year.search(segment))
        if not segment.strip(_SEPARATORS):
            return
        if self._is_title(segment):
            self._add_title(segment)
        elif self.credits.people and _ROLE_SUFFIX.fullmatch(segment.strip()):
            self.strong = True  # "Jane Campion (dir.)"
            self.add("label", segment)
        elif label := _rules(active()).label.match(segment):
            self._read_labelled(label, segment)
        elif surname := _SURNAME_FIRST.match(segment):
            self.credits.people.append(f"{surname['forenames'].strip()} {surname['surname']}")
            self.add("person", surname.group(0))
            self.read_segment(segment[surname.end() :])
        else:
            self._read_plain(self._take_facts(segment))

    def _cast_goes_on(self, segment: str, bracketed: bool) -> bool:
        """Within a cast, a bracket after a name is that actor's part ("Ann Lee (voice of
        the cat)"), kept with the name; the names after it go on with the cast."""
        if self.roles[-1:] != ["cast"] or not segment.strip(_SEPARATORS):
            return False
        text = segment.strip(_SEPARATORS)
        if bracketed:
            if any(char.isdigit() for char in text) or _countries(text) or len(text.split()) > 6:
                return False  # "(USA, 1999)": the work's facts
            self.credits.cast[-1] = f"{self.credits.cast[-1]} ({text})"
            self.add("cast", text)
            return True
        names = _names(segment.strip(" ,;"), people=True)
        if not names or not segment.lstrip().startswith(","):
            return False
        self.credits.cast += names
        self.add("cast", segment)
        return True

    def _read_plain(self, segment: str) -> None:
        city = _CITY_PUBLISHER.match(segment.strip())
        publisher_like = city and (
            is_publisher_name(city["publisher"])
            or self.segment_year
            or (self.bookish and _looks_like_city(city["city"]))
        )
        state = city and re.search(r",\s*[A-Z]{2}$", city["city"])  # "Albuquerque, NM"
        if city and publisher_like and (state or not (self.names_open and _names(city["city"]))):
            self.add("city", city["city"])
            self.credits.extras.append(city["city"].strip())
            self._add_publisher(city["publisher"])
            return
        by_title = _AUTHOR_COLON.match(segment.strip())
        if by_title and self.names_open and _names(by_title["names"]):
            self._add_names(by_title["names"])  # "Paul Auster: The New York Trilogy"
            self.names_open = False
            self._read_chunk(by_title["rest"])
            return
        names: list[str] = []
        for chunk in _chunks(segment):
            if self.names_open and not self._is_title(chunk) and _names(chunk):
                names.append(chunk)
                continue
            if names:  # names come in one run: what follows them is not a name
                self._add_names(", ".join(names))
                names, self.names_open = [], False
            self._read_chunk(chunk)
            self.names_open = self.names_open and self.roles[-1:] == ["title"]
        if names:
            self._add_names(", ".join(names))

    def _read_labelled(self, label: re.Match[str], segment: str) -> None:
        role = re.sub(r"\d+$", "", label.lastgroup or "")
        label_text, rest = label.group(0), segment[label.end() :]
        chained = _GOES_ON.match(rest) and _rules(active()).label.match(_GOES_ON.sub("", rest))
        if chained and role in {"director", "author", "editor"}:
            # "Directed by and Screenplay by X": both labels name X
            self.add("label", label_text)
            before = len(self.credits.parts)
            self._read_labelled(chained, _GOES_ON.sub("", rest))
            named = [p.text for p in self.credits.parts[before:] if p.role == "contributor"]
            for text in named:
                self._add_names(text, people=True)
            return
        self.add("label", label_text)
        self.weak_label = self.weak_label or role == "author"
        self.strong = self.strong or role != "author"
        if role == "running_time":
            self.read_segment(rest)
            return
        if role == "publisher":
            self._add_publisher(rest)
            return
        rest = self._take_facts(rest)
        people = role in {"director", "editor", "translator", "cast"}  # a label of people
        names_text, tail = _names_and_tail(rest, people)
        if role == "cast" and not _names(names_text, people):
            names_text, tail = _leading_names(rest)  # "A, B, and the voices of C, D"
        if role in {"director", "author", "editor", "translator"}:
            names_text, tail = _listed_people(names_text, tail)
        names = _names(names_text, people)
        if not names:
            self.add("remainder", rest)
            return
        if role in {"director", "author", "editor"}:
            self._add_names(names_text, people)
        elif role == "translator":
            self.credits.translators += names
            self.add("translator", names_text)
        elif role == "cast":
            self.credits.cast += names
            self.add("cast", names_text)
        else:
            self.credits.extras.append(normalise_space(f"{label_text}{names_text}"))
            self.add("contributor", names_text)
            if _PHOTOGRAPHS_BY.match(label_text):
                self.photographers.append((self.credits.extras[-1], self.credits.parts[-1]))
        for chunk in _chunks(tail):
            self._read_chunk(chunk)

    def _take_facts(self, segment: str) -> str:
        """Take the pieces with a shape of their own out of ``segment``; return the rest."""
        has_digit = any(char.isdigit() for char in segment)
        for pattern, role, store in _rules(active()).facts:
            if pattern not in _WITHOUT_DIGITS and not has_digit:
                continue
            while match := pattern.search(segment):
                if role == "price":
                    segment = self._take_price_label(segment, match.start())
                    match = pattern.search(segment)
                self.add(role, match.group(0))
                store(self.credits, match)
                segment = f"{segment[: match.start()]} {segment[match.end() :]}"
        quoted = _QUOTED.search(segment)
        if quoted and not self.credits.work_title:
            self._add_title(quoted.group(0), quoted.group(1))
            segment = f"{segment[: quoted.start()]} {segment[quoted.end() :]}"
        return segment

    def _take_price_label(self, segment: str, start: int) -> str:
        """The words printed right before a price that end in a price word of the lexicon
        ("Suggested Retail Price DM 59", "Empfohlener Verkaufspreis DM 59"): the price's
        label, never a name (they had made a press release's price a film's director)."""
        label = _rules(active()).price_label.search(" " + segment[:start])
        if label is None:
            return segment
        begin, end = label.start("label") - 1, label.end("label") - 1
        self.add("label", segment[begin:end])
        return f"{segment[:begin]} {segment[end:]}"

    def _read_chunk(self, chunk: str) -> None:
        chunk = _trim(chunk)
        if not chunk.strip(_SEPARATORS):
            return
        label = _rules(active()).label.match(_GOES_ON.sub("", chunk).lstrip())
        if self.roles[-1:] == ["cast"] and not label and (names := _names(chunk, people=True)):
            self.credits.cast += names  # the cast goes on after a part or a second label
            self.add("cast", chunk)
        elif label and _GOES_ON.match(chunk):  # "..., and the voices of X"
            self._read_labelled(label, _GOES_ON.sub("", chunk).lstrip())
        elif self._is_title(chunk):
            self._add_title(chunk)
        elif label := _rules(active()).label.match(chunk):
            self._read_labelled(label, chunk)
        elif (suffix := _SUFFIX_ROLE.match(chunk)) and _names(suffix["name"]):
            self.strong = True
            self._add_names(suffix["name"])
            self.add("label", suffix["label"])
        elif countries := _countries(chunk):
            self.credits.countries.extend(countries)
            self.add("country", chunk)
        elif _looks_like_proper_noun(chunk):
            self._proper_noun(chunk)
        else:
            self.add("remainder", chunk)

    def _proper_noun(self, chunk: str) -> None:
        """A capitalised chunk after the names: a publisher, else a place as printed."""
        if _PUBLISHER_WORDS.search(chunk) or self.segment_year or self.bookish:
            self._add_publisher(chunk)
        elif self.credits.publisher or self.credits.countries or self.credits.year:
            self.add("remainder", chunk)
        else:
            self.credits.countries.append(chunk)  # an unknown place is kept as written
            self.add("country", chunk)

    def _add_names(self, printed: str, people: bool = False) -> None:
        # "Written by X" after "Directed by X": one person
        named = _names(printed, people)
        self.credits.people += [n for n in named if n not in self.credits.people]
        self.add("person", printed)

    def _add_publisher(self, text: str) -> None:
        text = _trim(text)
        city = _CITY_PUBLISHER.match(text)
        if city and not self.credits.publisher and _looks_like_city(city["city"]):
            self.add("city", city["city"])  # "by X, New York: Alfred Knopf, 1984"
            self.credits.extras.append(city["city"].strip())
            text = _trim(city["publisher"])
        if text and self.credits.publisher and self._publisher_misread(text):
            self.credits.publisher = ""
        if text and not self.credits.publisher:
            self.credits.publisher = text
            self.publisher_segment = self.segment
            self.add("publisher", text)
        else:
            self.add("remainder", text)

    def _publisher_misread(self, text: str) -> bool:
        """A second house after the first: the first was not the publisher. Right before
        it in the same segment it was the city ("New York, Aperture 1995"); in a segment
        before it, when a person's name, a second author or editor ("Berenice Abbott.
        Bonnie Yochelson. The New Press, 1997"). Its part is read again so."""
        earlier = self.credits.publisher
        part = next((p for p in reversed(self.credits.parts) if p.role == "publisher"), None)
        if part is None or _PUBLISHER_WORDS.search(earlier):
            return False
        same_segment = self.publisher_segment == self.segment
        if same_segment and self.roles[-1:] == ["publisher"]:
            part.role = "city"
            self.credits.extras.append(earlier)
            return True
        house = bool(_PUBLISHER_WORDS.search(text))
        just_before = self.publisher_segment == self.segment - 1
        if just_before and house and (names := _names(earlier)):
            part.role = "person"
            self.credits.people += names
            return True
        return False

    def _is_title(self, text: str) -> bool:
        return bool(self.title_key) and tuple(content_words(text)) == self.title_key

    def _add_title(self, printed: str, title: str = "") -> None:
        self.credits.work_title = self.credits.work_title or _trim(title or printed)
        self.add("title", printed)


def _store_year(credits: Credits, match: re.Match[str]) -> None:
    credits.year = credits.year or int(match.group(1))


def _store_pages(credits: Credits, match: re.Match[str]) -> None:
    credits.pages = credits.pages or int(match.group(1) or match.group(2))


def _store_isbn(credits: Credits, match: re.Match[str]) -> None:
    credits.isbn = credits.isbn or match.group(1).strip()


def _store_running_time(credits: Credits, match: re.Match[str]) -> None:
    if match["total"]:
        minutes = int(match["total"])
    elif match["whole_hours"]:
        minutes = int(match["whole_hours"]) * 60  # "(running time 2hrs)"
    else:
        minutes = int(match["hours"]) * 60 + int(match["minutes"])
    credits.running_time = credits.running_time or minutes


def _store_edition(credits: Credits, match: re.Match[str]) -> None:
    credits.edition = ", ".join(filter(None, [credits.edition, match.group(0).strip()]))


def _store_extra(credits: Credits, match: re.Match[str]) -> None:
    credits.extras.append(match.group(0).strip())


_WITHOUT_DIGITS = {_EDITION, _CERTIFICATE}  # "Paper", "Rated R": the rest all have digits
Fact = tuple[re.Pattern[str], str, Callable[[Credits, re.Match[str]], None]]


@dataclass(frozen=True)
class _Rules:
    """The credits patterns of one lexicon: its role labels and its month names."""

    label: re.Pattern[str]  # a group per label, named after its role: "director0", "author5"
    fact_label: re.Pattern[str]  # "Running time:", "Laufzeit", "Durée", "Retail price"
    price_label: re.Pattern[str]  # "Suggested Retail Price", "Verkaufspreis" right before one
    after_comma_year: re.Pattern[str]  # "Publisher, 1999", "Publisher, May 1999"
    facts: tuple[Fact, ...]  # the pieces with a shape of their own, in the order taken


@functools.cache
def _rules(lex: Lexicon) -> _Rules:
    months = month_names(lex)
    # "December 2000", "March 29 2007", "12 May 1999": when the edition came out (its year).
    published_on = re.compile(
        rf"\b(?:\d{{1,2}}\.?\s+)?(?:{months})\.?\s+(?:\d{{1,2}},?\s+)?(1[89]\d\d|20\d\d)\b",
        re.IGNORECASE,
    )
    labels = [(lex.pattern(f"credits.{role}"), role) for role in ROLES]
    return _Rules(
        label=re.compile(
            "|".join(
                f"(?P<{role}{n}>^\\W*(?:{pattern})\\s+)"
                for n, (pattern, role) in enumerate(labels)
            ),
            re.IGNORECASE,
        ),
        fact_label=re.compile(
            rf"\b(?:{lex.pattern('credits.running_time')}|{lex.pattern('credits.price_label')})"
            r"\b\s*:?",
            re.IGNORECASE,
        ),
        price_label=re.compile(
            rf"(?:^|[^\w\s])\s*(?P<label>[^\W\d_][^,.;:()\d]*?(?:{lex.pattern('credits.price_label')}))\s*$",
            re.IGNORECASE,
        ),
        after_comma_year=re.compile(
            rf",\s*(?:(?:\d{{1,2}}\.?\s+)?(?:{months})\.?\s+(?:\d{{1,2}},?\s+)?)?"
            r"(?:1[89]|20)\d\d\b",
            re.IGNORECASE,
        ),
        facts=(
            (_ISBN, "isbn", _store_isbn),
            (_PRICE, "price", _store_extra),
            (_CERTIFICATE, "certificate", _store_extra),
            (_RUNNING_TIME, "running_time", _store_running_time),
            (_PAGES, "pages", _store_pages),
            (_EDITION, "edition", _store_edition),
            (published_on, "year", _store_year),
            (_YEAR, "year", _store_year),
        ),
    )


def _is_credits(credits: Credits, reader: _Reader) -> bool:
    """Whether what was read is credits: names (or the work's title) with facts or a role
    label, and no sentence among the pieces not understood."""
    if not credits.people and not (
        credits.work_title and len(set(reader.roles) & _FACT_ROLES) > 1
    ):
        return False
    if any(_is_prose(text) for text in credits.remainder):
        return False
    if words_not_understood(credits) > words_understood(credits):
        return False
    credits.is_book = bool(credits.publisher or credits.pages or credits.isbn) or (
        bool(credits.edition) and not credits.running_time
    )
    facts = set(reader.roles) & _FACT_ROLES
    if facts <= {"country"} and not credits.year:
        known = all(map(is_country, credits.countries))
        if credits.countries and not known:
            return False  # "Note: Spoiler Alert" is not a director and a country
    if reader.strong:
        return True
    if credits.work_title and (credits.people or len(facts) > 1):
        return True  # "Title, by Author": the page's own title names the work
    full_names = all(len(name.split()) > 1 for name in credits.people)
    book_facts = credits.pages or credits.isbn or (credits.publisher and credits.year)
    if not full_names:
        return bool(book_facts)  # "Alain-Fournier. Émile-Paul, 1913. 311 pages."
    return bool(facts) or (len(credits.people) > 1 and not reader.weak_label)


def _is_prose(text: str) -> bool:
    run = longest = 0
    for word in text.split():
        lowered = word.strip(".,;:!?\"'()").lower()
        run = run + 1 if word[:1].islower() and lowered not in _PROSE_GLUE else 0
        longest = max(longest, run)
    return longest >= MAX_PROSE_RUN or text.rstrip().endswith(("?", "!"))


def _segments(text: str) -> list[tuple[str, bool]]:
    """Split at sentence periods, semicolons, brackets and line breaks, keeping U.K.,
    initials and Jr. whole; each segment with whether it opened with a bracket."""
    protect = lambda match: match.group().replace(".", _PROTECTED_DOT)  # noqa: E731
    guarded = _DOTTED_ABBREVIATION.sub(protect, text)
    guarded = _INITIAL.sub(protect, guarded)
    guarded = _ABBREVIATION.sub(protect, guarded)
    pieces = _SEGMENT_END.split(guarded)
    segments = []
    for index in range(0, len(pieces), 2):
        piece = pieces[index].replace(_PROTECTED_DOT, ".")
        if piece.strip(_SEPARATORS):
            segments.append((piece, index > 0 and pieces[index - 1] in "(["))
    return segments


def _chunks(segment: str) -> list[str]:
    """A segment's comma-separated chunks, "Farrar, Straus and Giroux" kept whole."""
    chunks = [chunk.strip() for chunk in segment.split(",") if chunk.strip(_SEPARATORS)]
    if len(chunks) > 1 and all(_PUBLISHER_WORDS.search(c) for c in chunks[:2]):
        return [", ".join(chunks)]
    return chunks


def _listed_people(names_text: str, tail: str) -> tuple[str, str]:
    """Where a list of authors (directors, translators) ends: "by Diane Arbus, New York,
    Aperture" lists one author, then a city and a house (authors are listed with "and");
    "translated by Richard Howard, Hill and Wang" one translator, then a publisher whose
    names are single words (a person listed so shares the last one's surname: "Joel and
    Ethan Coen")."""
    chunks = names_text.split(",")
    if len(chunks) < 2:
        return names_text, tail
    if not re.search(r"\b(?:and|und|et|y)\b|&", names_text, re.IGNORECASE):
        keep = 1
    else:
        keep = next(
            (
                index
                for index, chunk in enumerate(chunks[1:], start=1)
                if any(
                    len(piece.split()) == 1
                    for piece in _PEOPLE_SEPARATOR.split(chunk.strip())
                    if piece.strip(_SEPARATORS)
                )
            ),
            len(chunks),
        )
    return ",".join(chunks[:keep]), ",".join(chunks[keep:]) + tail


def _names_and_tail(text: str, people: bool = False) -> tuple[str, str]:
    """ "Carol Reed, U.K., 1949" -> ("Carol Reed", "U.K., 1949"): facts after the names."""
    chunks = text.split(",")
    while len(chunks) > 1 and not _names(chunks[-1], people):
        chunks.pop()
    names = ",".join(chunks)
    return names, text[len(names) :]


def _leading_names(text: str) -> tuple[str, str]:
    """ "A, B, and the voices of C, D" -> ("A, B", ", and the voices of C, D"): the names
    a list opens with, and the rest (read piece by piece)."""
    chunks = text.split(",")
    count = 0
    while count < len(chunks) and _names(chunks[count], people=True):
        count += 1
    names = ",".join(chunks[:count])
    return names, text[len(names) :]


def _names(text: str, people: bool = False) -> tuple[str, ...]:
    """The people ``text`` names, each whole, or () when any piece is not a name (cached:
    the reader asks about a chunk more than once). ``people``: after a label of people
    ("Starring", "Directed by"), where a founder's house name is a surname."""
    return _names_in(text, active(), people)


@functools.lru_cache(maxsize=4096)
def _names_in(text: str, lex: Lexicon, people: bool = False) -> tuple[str, ...]:
    text = _trim(text)
    names = [name for name in _PEOPLE_SEPARATOR.split(text) if name.strip(_SEPARATORS)]
    names = [_trim(name) for name in names]
    if not names or not all(_is_name(name) for name in names) or is_institution(text):
        return ()
    if any(_house(name, listed=people or len(names) > 1) for name in names):
        return ()  # "HarperCollins", "Faber and Faber", "W. W. Norton"
    return tuple(_share_surname(names))


def _house(name: str, listed: bool) -> bool:
    """Whether ``name`` is a publisher's, by its words and where it stands: a generic
    word ("Press", "Verlag") names a house anywhere; a house named after its founder
    ("Norton", "Knopf") is a person in a list of people when a forename comes first
    ("Brad Pitt, Edward Norton, Helena Bonham Carter"), alone or as initials a house
    ("W. W. Norton", "Houghton Mifflin")."""
    if _GENERIC_HOUSE.search(name):
        return True
    if not _PUBLISHER_HOUSE.search(name):
        return False
    words = name.split()
    forename = len(words) > 1 and not _PUBLISHER_WORDS.search(words[0])
    return not (listed and forename and len(words[0].rstrip(".")) > 1)


def _share_surname(names: list[str]) -> list[str]:
    """ "Joel and Ethan Coen" names two Coens; in a longer list a single word is a name of
    its own ("Dadon, Jampa Kelsang, ... and Taije Silverman")."""
    surname = names[-1].split()[-1] if len(names[-1].split()) > 1 else ""
    if not surname or len(names) > 2:
        return names
    return [name if len(name.split()) > 1 else f"{name} {surname}" for name in names]


def _is_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or _countries(text) or re.search(r"[\d@:;!?()\"“”]", text):
        return False
    if not words[0][:1].isupper() or _EDITION.search(text) or opens_with_phrase_label(text):
        return False
    return is_name_shaped(words)


def _countries(text: str) -> list[str]:
    """The countries of "Germany/Austria/France" or "USA - UK", or [] if any is unknown."""
    parts = [part.strip() for part in re.split(r"\s*[/,]\s*|\s+-\s+", text) if part.strip()]
    known = parts and all(map(is_country, parts))
    return parts if known else []


def _trim(text: str) -> str:
    """Strip separators, but keep the period that ends an abbreviation like "U.K."."""
    text = normalise_space(text).strip(" ,;:/-–—")
    if text.endswith(".") and not _DOTTED_ABBREVIATION.search(text.split()[-1]):
        text = text.rstrip(". ")
    return text.strip(" ,;:/-–—")


def _looks_like_city(text: str) -> bool:
    """ "Grand Rapids", "Santa Fe, NM": a place's name of one to three capitalised words."""
    words = text.replace(",", " ").split()
    return 1 <= len(words) <= 4 and all(word[:1].isupper() for word in words)


def _looks_like_proper_noun(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 6:
        return False
    return all(word[:1].isupper() or word.lower() in _TITLE_CASE_GLUE for word in words)
