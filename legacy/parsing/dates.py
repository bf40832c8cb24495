"""Dates as the old pages print them: "March 2011", "12 November 2010", "November 12, 2010",
"13. August 2002", "1er mai 1999"."""

import datetime
import re

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
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"  # "1st", "1er", German "1."
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE_FORMS = (
    re.compile(rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)"),
    # 12/11/2010: a British magazine, so day first unless the numbers say otherwise.
    re.compile(r"(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>(?:19|20)\d\d)"),
)
_LINE_NOISE = re.compile(
    r"^\W*(?:(?:posted|published|updated|added|written)(?:\s+on)?\s*:?\s*)?|\W*$", re.IGNORECASE
)


def _to_date(match: re.Match[str]) -> datetime.date | None:
    parts = match.groupdict()
    month_text = parts["month"].lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
    day = int(parts.get("day") or 1)
    if month > 12 >= day:
        day, month = month, day  # 11/25/2010 was written month first
    try:
        return datetime.date(int(parts["year"]), month, day)
    except ValueError:
        return None


def find_date(text: str) -> datetime.date | None:
    """The first date printed anywhere in ``text``."""
    found = []
    for form in _DATE_FORMS:
        match = form.search(text)
        if match and (date := _to_date(match)):
            found.append((match.start(), date))
    return min(found, key=lambda item: item[0])[1] if found else None


def date_line(text: str) -> datetime.date | None:
    """The date when the whole line is only a date ("Posted on 3 May 2009." counts)."""
    core = _LINE_NOISE.sub("", text.strip())
    for form in _DATE_FORMS:
        match = form.fullmatch(core)
        if match:
            return _to_date(match)
    return None


_LEADING_SEPARATOR = re.compile(r"\s*(?:[-–—:|]+|\.)\s+")


def leading_date(text: str) -> tuple[datetime.date, str, str] | None:
    """A line that opens with a date and goes on after a dash or colon: ("3. November
    2002 - Endlich online") -> (date, "3. November 2002", "Endlich online")."""
    core = text.strip()
    for form in _DATE_FORMS:
        match = form.match(core)
        if not match or not (date := _to_date(match)):
            continue
        separator = _LEADING_SEPARATOR.match(core, match.end())
        if separator and core[separator.end() :].strip():
            return date, match.group(0), core[separator.end() :].strip()
    return None
