"""Slugs: a name's URL form, and slugs made unique by numbering ("anne-roy", "anne-roy-2")."""

import hashlib
import re
import unicodedata
from collections.abc import Container


def numbered_slug(base: str, taken: Container[str]) -> str:
    """``base``, or the first of ``base-2``, ``base-3``… that is not ``taken``.

    Callers read the taken slugs in one query (``slug__startswith=base``) and pass them in,
    so the numbering itself stays pure."""
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def name_slug(name: str) -> str:
    """A name's URL form, distinct per name and in its own script: a name in Latin letters
    loses its accents ("Agnès Varda" → "agnes-varda"), one with letters of another script
    keeps them ("侯孝賢" → "侯孝賢", "Zhang 艺谋" → "zhang-艺谋"). A name with no letter or digit
    at all gets a short digest of itself, never one slug shared with other such names.

    Contributors' addresses and the creator and country browse pages all use it; the URL
    router and the lookup (``names_matching_slug``) round-trip it through a URL."""
    slug = _without_accents(_unicode_slugify(name))
    if slug:
        return slug
    return "name-" + hashlib.blake2b(name.encode(), digest_size=4).hexdigest()


def _unicode_slugify(text: str) -> str:
    """Django's ``slugify(text, allow_unicode=True)``, here so textkit stays free of Django."""
    text = re.sub(r"[^\w\s-]", "", unicodedata.normalize("NFKC", text).lower())
    return re.sub(r"[-\s]+", "-", text).strip("-_")


def _without_accents(text: str) -> str:
    """Latin letters lose their accents ("è" → "e"); letters of other scripts stay whole
    ("й" is not "и", "봉" is not its jamo)."""
    return "".join(_latin_base(ch) for ch in text)


def _latin_base(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)[:1]
    return base if base.isascii() and base.isalnum() else ch
