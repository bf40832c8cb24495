"""Dates as the old pages print them: "March 2011", "12 November 2010", "November 12, 2010",
"13. August 2002", "1er mai 1999"."""

import datetime
import re
from dataclasses import dataclass

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            # English, German, French (accents as printed and as old pages dropped them)
            ("january", "jan", "januar", "jänner", "janvier", "janv"),
            ("february", "feb", "februar", "février", "fevrier", "févr", "fevr"),
            ("march", "mar", "märz", "maerz", "mars"),
            ("april", "apr", "avril", "avr"),
            ("may", "mai"),
            ("june", "jun", "juni", "juin"),
            ("july", "jul", "juli", "juillet", "juil"),
            ("august", "aug", "août", "aout"),
            ("september", "sept", "sep", "septembre"),
            ("october", "oct", "oktober", "okt", "octobre"),
            ("november", "nov", "novembre"),
            ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc"),
        ),
        start=1,
    )
    for name in names
}
MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))  # a regex alternation
_MONTH = rf"(?P<month>{MONTH_NAMES})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"  # "1st", "1er", German "1."
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = (
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+"
    r"|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag),?\s+"
    r"|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
)
_NUMERIC = 3  # index of the first numeric form in _DATE_FORMS
_DATE_FORMS = (
    re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)"),
    # 1994.03.29, 1994/3/29: year first, as Chinese and Japanese pages print it
    re.compile(
        r"(?<![\d/.])(?P<year>(?:19|20)\d\d)(?P<ysep>[/.])(?P<month>[01]?\d)(?P=ysep)"
        r"(?P<day>[0-3]?\d)(?![\d/.])"
    ),
    # 12/11/2010 and 03.11.2002; which number is the day: ``date_order`` (dotted dates are
    # European, so always day first).
    re.compile(
        r"(?<![\d/.])(?P<day>\d{1,2})(?P<sep>[/.])(?P<month>\d{1,2})(?P=sep)"
        r"(?P<year>(?:19|20)\d\d|\d\d)(?![\d/])"
    ),
)
_TWO_DIGITS = re.compile(r"\d\d")
_LINE_NOISE = re.compile(
    r"^\W*(?:(?:posted|published|updated|added|written)(?:\s+on)?\s*:?\s*)?|\W*$", re.IGNORECASE
)
# The lines that say when a page was last edited, in English, German and French: usually
# page furniture, so the parser reads them from the removed text too.
UPDATED = re.compile(
    r"(?:last\s+(?:updated|modified|revised|changed)|(?:page\s+)?updated|modified|revised"
    r"|zuletzt\s+(?:geändert|aktualisiert)|letzte\s+(?:änderung|aktualisierung)|aktualisiert|stand"
    r"|(?:dernière\s+)?mise\s+à\s+jour|mis\s+à\s+jour|modifié)"
    r"(?:\s+(?:on|am|le|:))?\s*:?\s*",
    re.IGNORECASE,
)
POSTED = re.compile(
    r"(?:posted|published|veröffentlicht|publié|erschienen)(?:\s+(?:on|am|le))?\s*:?\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    date: datetime.date
    printed: str  # as the page prints it: "03/04/2002"
    start: int
    end: int
    ambiguous: bool = False  # two numbers that could each be the month (03/04/2002)


def _to_date(match: re.Match[str], date_order: str = "dmy") -> FoundDate | None:
    parts = match.groupdict()
    month_text = parts["month"].lower().rstrip(".")
    numeric = month_text.isdigit()
    month = int(month_text) if numeric else _MONTHS[month_text]
    day = int(parts.get("day") or 1)
    slashed = parts.get("sep") == "/"
    if slashed and date_order == "mdy":
        day, month = month, day
    if month > 12 >= day:
        day, month = month, day  # 11/25/2010 was written month first (or 25/11 day first)
    ambiguous = slashed and day <= 12 and month <= 12 and day != month
    year = int(parts["year"])
    if year < 100:  # "02/04/04": a two-digit year of a page written since 1990
        year += 2000 if year < 90 else 1900
    try:
        found = datetime.date(year, month, day)
    except ValueError:
        return None
    return FoundDate(found, match.group(0), match.start(), match.end(), ambiguous)


def search_date(text: str, date_order: str = "dmy") -> FoundDate | None:
    """The first date printed anywhere in ``text``, with where it is printed."""
    if not _TWO_DIGITS.search(text):
        return None  # every form prints a year: the quick answer for most lines
    found = []
    for form in _DATE_FORMS:
        for match in form.finditer(text):
            if date := _to_date(match, date_order):
                found.append(date)
                break
    return min(found, key=lambda item: item.start) if found else None


def find_date(text: str, date_order: str = "dmy") -> datetime.date | None:
    """The first date printed anywhere in ``text``."""
    found = search_date(text, date_order)
    return found.date if found else None


def date_line(text: str, date_order: str = "dmy") -> datetime.date | None:
    """The date when the whole line is only a date ("Posted on 3 May 2009." counts)."""
    found = read_date_line(text, date_order)
    return found.date if found else None


def read_date_line(text: str, date_order: str = "dmy") -> FoundDate | None:
    """``date_line``, with the date as printed and whether it reads both ways."""
    core = _LINE_NOISE.sub("", text.strip())
    for form in _DATE_FORMS:
        match = form.fullmatch(core)
        if match and (found := _to_date(match, date_order)):
            return found
    return None


def labelled_date(text: str, label: re.Pattern[str], date_order: str = "dmy") -> FoundDate | None:
    """The date printed right after a label ("Last updated 26/9/2006", "Zuletzt geändert:
    03.11.2002", "Mis à jour le 02/04/04", "Posted March 3, 1997")."""
    for match in label.finditer(text):
        found = search_date(text[match.end() :], date_order)
        if found and found.start == 0:
            return found
    return None


_LEADING_SEPARATOR = re.compile(r"\s*(?:[-–—:|]+|\.)\s+")


def leading_date(text: str) -> tuple[datetime.date, str, str] | None:
    """A line that opens with a date and goes on after a dash or colon: ("3. November
    2002 - Endlich online") -> (date, "3. November 2002", "Endlich online")."""
    core = text.strip()
    for form in _DATE_FORMS:
        match = form.match(core)
        if not match or not (found := _to_date(match)):
            continue
        separator = _LEADING_SEPARATOR.match(core, match.end())
        if separator and core[separator.end() :].strip():
            return found.date, match.group(0), core[separator.end() :].strip()
    return None
