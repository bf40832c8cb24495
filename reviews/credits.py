"""The credits line readers see under a review's title, built from structured fields.

Pure text rules (no Django) so they can be tested on their own and reused by the importer.
"""

from collections.abc import Sequence
from decimal import Decimal


def join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    names = [name.strip() for name in names if name and name.strip()]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def split_names(text: str) -> list[str]:
    """A field of names separated by commas ("A, B, C"), as a list."""
    return [name.strip() for name in (text or "").split(",") if name.strip()]


def _sentence(text: str) -> str:
    # "U.K." already ends its sentence; never print "U.K..".
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def credits_line(parts: Sequence[str | int | None]) -> str:
    """Join the non-empty parts as short sentences: ``Mark Romanek. U.K. 2010.``"""
    return " ".join(_sentence(str(part)) for part in parts if part not in (None, ""))


def _labelled(label: str, names: Sequence[str]) -> str:
    joined = join_names(names)
    return f"{label} {joined}" if joined else ""


def film_credits(
    directors: Sequence[str],
    countries: str,
    year: int | None,
    *,
    running_time: int | None = None,
    cast: Sequence[str] = (),
) -> str:
    """``Mark Romanek. U.K. 2010. 103 min. With Carey Mulligan and Andrew Garfield.``"""
    minutes = f"{running_time} min" if running_time else ""
    return credits_line([join_names(directors), countries, year, minutes, _labelled("With", cast)])


def book_credits(
    authors: Sequence[str],
    publisher: str,
    year: int | None,
    pages: int | None,
    *,
    translators: Sequence[str] = (),
    edition: str = "",
    isbn: str = "",
) -> str:
    """``Kazuo Ishiguro. Faber and Faber, 1989. 245 pages.``, then where set the translator,
    the edition and the ISBN: ``Translated by X. Paper. ISBN 0-571-15491-5.``"""
    imprint = ", ".join(str(part) for part in (publisher, year) if part)
    extent = f"{pages} pages" if pages else ""
    return credits_line(
        [
            join_names(authors),
            _labelled("Translated by", translators),
            imprint,
            extent,
            edition,
            f"ISBN {isbn.strip()}" if isbn and isbn.strip() else "",
        ]
    )


def number_text(number: Decimal | float | int) -> str:
    """8 → "8", 3.50 → "3.5": a mark as people write it."""
    return f"{Decimal(str(number)).normalize():f}"


def rating_text(value: Decimal | float | None, best: int | None, printed: str = "") -> str:
    """A rating as readers see it after "Rating:": "8/10"; "4/5 (****)" when the page printed
    it otherwise; the printed form alone for a grade that is no number ("B+"); or ""."""
    printed = (printed or "").strip()
    if value is None or not best:
        return printed
    number = f"{number_text(value)}/{number_text(best)}"
    if printed and printed.replace(" ", "") != number:
        return f"{number} ({printed})"
    return number
