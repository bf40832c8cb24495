"""Slugs made unique by numbering: "anne-roy", then "anne-roy-2", "anne-roy-3"."""

from collections.abc import Container


def numbered_slug(base: str, taken: Container[str]) -> str:
    """``base``, or the first of ``base-2``, ``base-3``… that is not ``taken``.

    Callers read the taken slugs in one query (``slug__startswith=base``) and pass them in,
    so the numbering itself stays pure."""
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
