"""Dates as the old pages print them: "March 2011", "12 November 2010", "November 12, 2010",
"13. August 2002", "1er mai 1999", "12 de marzo de 2003", in the languages of the active
lexicon (``lexicon``: month and weekday names from CLDR)."""

import datetime
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import Lexicon, active, trie_pattern

_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"  # "1st", "1er", German "1."
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUMERIC_FORMS = (
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


@dataclass(frozen=True)
class _Rules:
    """The date patterns of one lexicon: its month and weekday names, its labels."""

    months: dict[str, int]
    month_names: str  # a regex alternation (factored by prefixes)
    forms: tuple[re.Pattern[str], ...]
    line_noise: re.Pattern[str]
    updated: re.Pattern[str]
    posted: re.Pattern[str]


@functools.cache
def _rules(lex: Lexicon) -> _Rules:
    names = trie_pattern(lex.months)
    month = rf"(?P<month>{names})\.?"
    weekdays = trie_pattern(lex.weekdays)
    weekday = rf"(?:(?:{weekdays})\.?,?\s+)?"
    joints = lex.pattern("dates.joints")
    year_joints = lex.pattern("dates.month_year_joints")
    label_joints = lex.pattern("dates.label_joints")
    forms = (
        re.compile(
            rf"{weekday}{_DAY}\s+(?:(?:{joints})\s+)?{month},?\s+(?:(?:{year_joints})\s+)?{_YEAR}",
            re.IGNORECASE,
        ),
        re.compile(rf"{weekday}{month}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
        re.compile(rf"\b{month},?\s+(?:(?:{year_joints})\s+)?{_YEAR}", re.IGNORECASE),
        *_NUMERIC_FORMS,
    )
    labelled = rf"(?:\s+(?:{label_joints}|:))?\s*:?\s*"
    return _Rules(
        months=dict(lex.months),
        month_names=names,
        forms=forms,
        line_noise=re.compile(
            rf"^\W*(?:(?:{lex.pattern('dates.line_labels')})(?:\s+(?:{label_joints}))?\s*:?\s*)?"
            r"|\W*$",
            re.IGNORECASE,
        ),
        updated=re.compile(rf"(?:{lex.pattern('dates.updated')}){labelled}", re.IGNORECASE),
        posted=re.compile(rf"(?:{lex.pattern('dates.posted')}){labelled}", re.IGNORECASE),
    )


def month_names(lex: Lexicon | None = None) -> str:
    """The month names of a lexicon (the active one), as a regex alternation."""
    return _rules(lex or active()).month_names


def updated_label() -> re.Pattern[str]:
    """The labels of a page's "last updated" line: "Last updated", "Zuletzt geändert",
    "Mis à jour le" (usually page furniture, so the parser reads them from the removed
    text too)."""
    return _rules(active()).updated


def posted_label() -> re.Pattern[str]:
    """ "Posted", "Veröffentlicht am", "Publié le", "Publicado el", "Pubblicato il"."""
    return _rules(active()).posted


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
    month = int(month_text) if numeric else _rules(active()).months[month_text]
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
    for form in _rules(active()).forms:
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
    rules = _rules(active())
    core = rules.line_noise.sub("", text.strip())
    for form in rules.forms:
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
    for form in _rules(active()).forms:
        match = form.match(core)
        if not match or not (found := _to_date(match)):
            continue
        separator = _LEADING_SEPARATOR.match(core, match.end())
        if separator and core[separator.end() :].strip():
            return found.date, match.group(0), core[separator.end() :].strip()
    return None


_COPYRIGHT = re.compile(r"©|&copy;|\(c\)|\bcopyright\b", re.I)
_COPYRIGHT_YEARS = re.compile(r"(?<!\d)(19[4-9]\d|20[0-4]\d)(?!\d)")


def copyright_years(texts: Sequence[str]) -> list[int]:
    """The years a page's copyright lines print ("Copyright © 1997-1999": 1997, 1999)."""
    years = []
    for text in texts:
        for line in text.splitlines():
            if _COPYRIGHT.search(line):
                years += [int(year) for year in _COPYRIGHT_YEARS.findall(line)]
    return years
