"""Bylines and signatures as old pages print them, read from their text alone (pure).

``parse_byline`` splits "Reviewed by R.P. Nettelhorst", "By Mark Sauer / UNION-TRIBUNE
STAFF WRITER", "-- Bob", "Howard Schumann, March 2011" or a name over one or two lines of
titles into its label, the name, a note (title or affiliation) and a dateline; whatever it
cannot place is its remainder, so no character is lost. Whether the name is a person's
(an institution never signs a review) is ``Byline.person``; where such a line may stand
(top or tail of the page) is decided in blocks.py.
"""

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .dates import search_date
from .lexicon import Lexicon, active
from .names import is_institution, is_name_shaped
from .text import content_words

MAX_NAME_WORDS = 5
MAX_NOTE_WORDS = 12
MAX_LINE_WORDS = 25  # a byline's first line: label, name, note and date
SEPARATORS = " \t\n,;/|()[]-–—―~:.·*_"  # what may stand between the parts of a byline

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# between the names of one byline or credit: "X and Y", "X y Y", "X et Y", "X, Y & Z"
NAME_JOINTS = re.compile(r"\s*(?:,|&|\band\b|\by\b|\be\b|\bund\b|\bet\b)\s*", re.IGNORECASE)
# the writer's address printed after the name, in brackets: "(x@host.de)", "<x@host.de>",
# "(E-Mail: x@host.de)" (a label of one word and a colon, in any language)
_CONTACT = r"[(<\[]\s*(?:[^\W\d_][\w-]*\s*:\s*)?(?P<contact>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*[)>\]]"
_PIECE_SEPARATOR = re.compile(r"\s*(?:[,;|/·]|\s[-–—]\s|[()\[\]])\s*")


@dataclass(frozen=True)
class _Rules:
    """The byline patterns of one lexicon."""

    label: re.Pattern[str]  # "Reviewed by", "By", "Kritik:", "Reseña de", "--"
    phrase: re.Pattern[str]  # a label of words ("Reseña de", "Recensione di"), opening a line
    date_joint: re.Pattern[str]  # "on 3 May 2004", "am 3. Mai", "le 2 mai"
    posts: re.Pattern[str]  # "Pastor", "Staff Writer", "Redakteurin", "periodista"
    not_names: frozenset[str]  # "Top", "Review", "Copyright"
    trailing: re.Pattern[str]  # "par Mahendra Tallur" ending a headline's line
    bracketed: re.Pattern[str]  # "(von Uwe Pannecke)", "(par X et Y)" ending one
    dashed: re.Pattern[str]  # "- von Uwe Pannecke (uwe@host.de)" ending one


@functools.cache
def _rules(lex: Lexicon) -> _Rules:
    labels = lex.pattern("bylines.labels")
    colon = lex.pattern("bylines.colon_labels")
    short = lex.pattern("bylines.short_labels")
    return _Rules(
        label=re.compile(
            rf"^\s*(?P<label>(?:{labels})\b\s*:?|(?:{short})\b(?=\s+\S+\s+\S)"
            rf"|(?:{colon})\s*:|-{{2,}}|[–—―~])\s*",
            re.IGNORECASE,
        ),
        phrase=re.compile(rf"^\s*(?:{labels})\b", re.IGNORECASE),
        date_joint=re.compile(
            rf"(?<=\s)(?:{lex.pattern('dates.label_joints')})\s+$", re.IGNORECASE
        ),
        posts=re.compile(rf"\b(?:{lex.pattern('bylines.posts')})\b\.?", re.IGNORECASE),
        not_names=lex.words("bylines.not_names"),
        trailing=re.compile(
            rf"(?<=\s)(?P<label>(?:{labels}|{short}))\s+(?P<name>[^\s,;:|()\[\]–—][^,;:|()\[\]–—]*)$",
            re.IGNORECASE,
        ),
        bracketed=re.compile(
            rf"(?<=\s)(?P<open>[(\[])\s*(?P<label>(?:{labels}|{short}))\s+"
            rf"(?P<name>[^\s,;:|()\[\]–—][^;:|()\[\]–—]*?)\s*(?:{_CONTACT})?\s*[)\]]\s*$",
            re.IGNORECASE,
        ),
        dashed=re.compile(
            rf"(?<=\s)(?P<open>[-–—])\s*(?P<label>(?:{labels}|{short}))\s+"
            rf"(?P<name>[^\s,;:|()<>\[\]–—][^;:|()<>\[\]–—]*?)\s*(?:{_CONTACT})?\s*$",
            re.IGNORECASE,
        ),
    )


def is_post(text: str) -> bool:
    """Whether ``text`` is a title or a post as a whole ("Senior", "Staff"), never a name."""
    return bool(_rules(active()).posts.fullmatch(text.strip()))


_CJK_NAME = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uac00-\ud7af]{2,4}")
_PLACE = re.compile(r"[^\W\d_][\w.'’ -]{0,30}")  # "New York", "新竹" after a signature's date


@dataclass
class BylinePart:
    role: str  # "label", "name", "note", "dateline" or "remainder"
    text: str


@dataclass
class Byline:
    label: str  # as printed: "Reviewed by", "--", "" (a bare name)
    name: str
    note: str = ""  # title or affiliation: "UNION-TRIBUNE STAFF WRITER"
    dateline: str = ""  # as printed: "March 2011", "2004"
    remainder: str = ""  # what was not understood, as printed
    parts: list[BylinePart] = field(default_factory=list)

    @property
    def person(self) -> bool:
        """Whether the name is a person's (a single word only after a label or a dash)."""
        return is_person_name(self.name, allow_single_word=bool(self.label)) and not (
            is_institution(self.name)
        )


def is_person_name(text: str, allow_single_word: bool = False) -> bool:
    words = text.split()
    if not words or len(words) > MAX_NAME_WORDS or (len(words) == 1 and not allow_single_word):
        return False
    if re.search(r"[\d@:;!?()\"“”,/|]", text) or is_post(text):
        return False
    if any(is_post(word.strip(".,'’")) for word in words[1:]):
        return False  # "Academic Vice President", "Senior Staff Writer": a post, not a name
    if len(words) == 1 and _CJK_NAME.fullmatch(words[0]):
        return True  # "侯捷", "曾銘源": a Chinese, Japanese or Korean name has no capitals
    if any(word.strip(".,'’").lower() in _rules(active()).not_names for word in words):
        return False  # "Top of Page", "Staff Writer"
    return is_name_shaped(words)


def is_note(text: str) -> bool:
    """A title or affiliation line: "Pastor, Petros Baptist Church", "STAFF WRITER"."""
    words = re.findall(r"\w+", text)
    if not words or len(words) > MAX_NOTE_WORDS or text.rstrip().endswith((":", "?", "!")):
        return False
    shouted = text.upper() == text and any(char.isalpha() for char in text)
    return bool(is_institution(text) or _rules(active()).posts.search(text) or shouted)


def opens_with_phrase_label(text: str) -> bool:
    """Whether ``text`` opens with a byline's label of words ("Reviewed by", "Reseña de",
    "Recensione di"): no person's name does, though "Reseña de Javier Mendoza" is shaped
    like one."""
    return bool(_rules(active()).phrase.match(text))


def opens_with_label(text: str) -> bool:
    """Whether ``text`` opens with a byline's label ("Reviewed by", "By", "--"): the quick
    test before a would-be byline is read whole."""
    return bool(_rules(active()).label.match(text))


def unbroken(lines: list[str]) -> list[str]:
    """A byline's lines joined again where the page broke it: a label alone on its line
    goes on with the name opening the next ("Review by" / "Ann Lee"), and a first name
    alone after a label with the surname opening the next ("by Ann" / "Lee, 2 May 1999")."""
    joined: list[str] = []
    for line in lines:
        if joined and _goes_on(joined[-1], line):
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        else:
            joined.append(line)
    return joined


def _goes_on(line: str, following: str) -> bool:
    words = following.split()
    if not words or len(words) > MAX_NAME_WORDS + 3:
        return False  # a name opens the next line, maybe with a date after it
    match = _rules(active()).label.match(line)
    if match is None or _is_dash(match.group("label")):
        return False
    rest = line[match.end() :].split()
    joint = NAME_JOINTS.match(following)
    if joint and following[: joint.end()].endswith((" ", "\t")):  # "and Bo Rey": a 2nd writer
        return bool(rest) and len(words) > 1 and words[1][:1].isupper()
    if not words[0][:1].isupper():
        return False
    return not rest or (len(rest) == 1 and rest[0][:1].isupper() and rest[0][-1:].isalpha())


def _is_dash(label: str) -> bool:
    return not re.search(r"\w", label)


def is_labelled_byline(text: str) -> bool:
    """Whether ``text`` is a byline and nothing else: a label, then a person's name ("von
    Andreas Falk", "Review by Ann Lee"), as a <title>'s last segment may print it."""
    if not opens_with_label(text):
        return False
    found = parse_byline(text)
    return found is not None and bool(found.label) and found.person and not found.remainder


# An include the editor never filled in: FrontPage prints "[Shared Documents/…/x.html]" in
# place of the file it could not include; a bracketed path names files, never a person.
_PLACEHOLDER = re.compile(r"\[[^\]\n]*(?:/|\\)[^\]\n]*\]|\[[^\]\n]*\.[A-Za-z0-9]{2,5}\]")


def is_placeholder(text: str) -> bool:
    """Whether ``text`` is only a bracketed file path (an unfilled include)."""
    return bool(_PLACEHOLDER.fullmatch(text.strip()))


def parse_byline(text: str) -> Byline | None:
    """The parts of a byline or signature (one to four lines), or None when the text does
    not open with a label nor with something shaped like a name. Never raises; every
    character but separators is in one of the parts."""
    if is_placeholder(text):
        return None
    lines = text.split("\n")
    first = lines[0]
    label_match = _rules(active()).label.match(first)
    if len(first.split()) > MAX_LINE_WORDS:
        return None  # running text, not a byline
    label = label_match.group("label").strip() if label_match else ""
    start = label_match.end() if label_match else 0
    parts: list[BylinePart] = [BylinePart("label", label)] if label else []
    _read_first_line(first, start, parts)
    for line in lines[1:]:
        _read_line(line, parts)
    byline = _assemble(label, parts)
    named = is_person_name(byline.name) or is_institution(byline.name)
    if not byline.name or not (label or named):
        return None
    return byline


def _read_first_line(line: str, start: int, parts: list[BylinePart]) -> None:
    """Name, then a note, then a dateline, in the order the line prints them."""
    rest = line[start:]
    date = search_date(rest)
    year = _YEAR.search(rest) if date is None else None
    date_span = (date.start, date.end) if date else (year.span() if year else None)
    if date_span and not _only_separators(rest[date_span[1] :]):
        # a date inside the name part ("Bob, 2004 and beyond"): not a dateline
        tail = rest[date_span[1] :].strip(SEPARATORS)
        place = bool(_PLACE.fullmatch(tail)) and len(tail.split()) <= 3 and date is not None
        date_span = None if _has_words(tail) and not place else date_span
    if date_span and (joint := _rules(active()).date_joint.search(rest[: date_span[0]])):
        date_span = (joint.start(), date_span[1])  # "on 3 May 2004", "am 3. Mai", "le 2 mai"
    head = rest[: date_span[0]] if date_span else rest
    pieces = _PIECE_SEPARATOR.split(head)
    named = False
    for piece in pieces:
        if _only_separators(piece):
            continue
        if not named:
            parts.append(BylinePart("name", piece.strip(SEPARATORS)))
            named = True
        else:
            parts.append(BylinePart("note", piece.strip(SEPARATORS)))
    if date_span:
        parts.append(BylinePart("dateline", rest[date_span[0] : date_span[1]].strip()))
        tail = rest[date_span[1] :]
        place = tail.strip(SEPARATORS)
        if place and _PLACE.fullmatch(place) and len(place.split()) <= 3:
            # "-- 侯捷 1994.03.29 新竹": where it was signed
            parts.append(BylinePart("note", place))
        elif not _only_separators(tail):
            parts.append(BylinePart("remainder", tail.strip()))


def _read_line(line: str, parts: list[BylinePart]) -> None:
    """A line under the name: a date, a title or affiliation, or not understood."""
    stripped = line.strip()
    if _only_separators(stripped):
        return
    date = search_date(stripped)
    if date and _only_separators(stripped[: date.start] + stripped[date.end :]):
        parts.append(BylinePart("dateline", stripped))
    elif is_note(stripped):
        parts.append(BylinePart("note", stripped))
    else:
        parts.append(BylinePart("remainder", stripped))


def _assemble(label: str, parts: list[BylinePart]) -> Byline:
    def joined(role: str, separator: str) -> str:
        return separator.join(part.text for part in parts if part.role == role and part.text)

    names = [part.text for part in parts if part.role == "name"]
    name = names[0].rstrip(" .") if names else ""
    if names and name != names[0]:
        trimmed = names[0][len(name) :]
        parts[[p.role for p in parts].index("name")].text = name
        if not _only_separators(trimmed):
            parts.append(BylinePart("remainder", trimmed))
    return Byline(
        label=label,
        name=name,
        note=joined("note", ", "),
        dateline=joined("dateline", " "),
        remainder=joined("remainder", " "),
        parts=parts,
    )


def _only_separators(text: str) -> bool:
    return all(char in SEPARATORS or char.isspace() for char in text)


def _has_words(text: str) -> bool:
    return bool(re.search(r"\w", text))


HEADLINE_WORDS = 15  # a headline printed with its byline on one line is shorter than this
BYLINE_WORDS = 8  # and its byline: a label and two names ("par Jean-Yves Auger et Ann Rey")


def byline_names(text: str) -> list[str]:
    """The names of a byline that ends a headline's line ("par X et Y" -> [X, Y]), in
    brackets or not ("(von X und Y)"), or after a dash ("- von X (x@host.de)")."""
    match = _byline_match(text)
    if match is None:
        return []
    name = " ".join(match["name"].split()).strip(" .")
    return [part for part in NAME_JOINTS.split(name) if part]


def byline_contact(text: str) -> str:
    """The address a byline ending a headline's line prints after the name, or ""."""
    match = _byline_match(text)
    return (match.groupdict().get("contact") or "") if match is not None else ""


def _byline_match(text: str) -> re.Match[str] | None:
    rules = _rules(active())
    return (
        rules.bracketed.search(" " + text)
        or rules.dashed.search(" " + text)
        or rules.trailing.search(" " + text)
    )


def trailing_byline_start(text: str) -> int:
    """Where a byline printed at the end of a short headline line starts ("Test de Immortal
    par Mahendra Tallur", "Flut von Karl Brenner", "Terminplaner (von Uwe Pannecke)": at
    its bracket; "Spielecke - von Uwe Pannecke (uwe@host.de)": at its dash), or -1: a
    label of the lexicon, then a person's name of two words or more, and nothing after it
    (but the closing bracket, or the writer's address in brackets)."""
    if not text.strip() or len(text.split()) > HEADLINE_WORDS + BYLINE_WORDS:
        return -1
    rules = _rules(active())
    set_off = [*rules.bracketed.finditer(text), *rules.dashed.finditer(text)]
    for match in [*set_off, *_every_match(rules.trailing, text)]:
        head, name = text[: match.start()], " ".join(match["name"].split()).strip(" .")
        names = [part for part in NAME_JOINTS.split(name) if part]
        short = len(content_words(head)) <= HEADLINE_WORDS
        if short and content_words_in(head) and names and all(map(_signs, names)):
            return match.start("open" if "open" in match.groupdict() else "label")
    return -1


def _every_match(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of ``pattern``, overlapping ones too: "Test : la France par Monts et
    par Vaux par David Brunet" holds three "par", and only the last opens the byline."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        yield match
        position = match.start() + 1


def is_bracketed_byline(text: str) -> bool:
    """Whether ``text`` is a byline in brackets and nothing else: "(von Uwe Pannecke)"."""
    match = _rules(active()).bracketed.search(" " + text.strip())
    return match is not None and match.start() == 1


def is_set_off_byline(text: str) -> bool:
    """Whether ``text`` is a byline set off from the headline it ends, and nothing else:
    in brackets ("(von Uwe Pannecke)") or after a dash ("- von Uwe Pannecke (uwe@host.de)"):
    the label can only be a byline's there, never a preposition of the headline's."""
    rules = _rules(active())
    return any(
        (match := pattern.search(" " + text.strip())) is not None and match.start() == 1
        for pattern in (rules.bracketed, rules.dashed)
    )


def content_words_in(text: str) -> bool:
    return bool(re.search(r"\w\w", text))


def _signs(name: str) -> bool:
    return is_person_name(name) and not is_institution(name)
