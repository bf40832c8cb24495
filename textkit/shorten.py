"""Text shortened to a length limit at a word boundary, never in the middle of a word."""

ELLIPSIS = "…"


def shorten_at_word(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters; otherwise its longest run of whole words
    that fits with "…" after it. Only a first word longer than the limit is cut inside.

    ``limit`` is at least 1 (room for the ellipsis)."""
    if len(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    # The last space at or before ``room``: the words before it fit with the ellipsis.
    boundary = next((i for i in range(room, 0, -1) if text[i].isspace()), 0)
    head = text[:boundary].rstrip() or text[:room]
    return head + ELLIPSIS
