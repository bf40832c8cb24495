"""The credits line readers see under a review's title, built from structured fields.

Pure text rules (no Django) so they can be tested on their own and reused by the importer.
"""

from collections.abc import Sequence


def join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    names = [name.strip() for name in names if name and name.strip()]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _sentence(text: str) -> str:
    # "U.K." already ends its sentence; never print "U.K..".
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def credits_line(parts: Sequence[str | int | None]) -> str:
    """Join the non-empty parts as short sentences: ``Mark Romanek. U.K. 2010.``"""
    return " ".join(_sentence(str(part)) for part in parts if part not in (None, ""))


def film_credits(directors: Sequence[str], countries: str, year: int | None) -> str:
    return credits_line([join_names(directors), countries, year])


def book_credits(
    authors: Sequence[str], publisher: str, year: int | None, pages: int | None
) -> str:
    """``Kazuo Ishiguro. Faber and Faber, 1989. 245 pages.``"""
    imprint = ", ".join(str(part) for part in (publisher, year) if part)
    extent = f"{pages} pages" if pages else ""
    return credits_line([join_names(authors), imprint, extent])
