"""What the ranked searches of both databases share (sqlite_ranking.py, postgres_ranking.py)."""

from modelsearch.query import And, Or, Phrase, PlainText


def is_plain_query(query) -> bool:
    """Plain words and phrases combined with AND/OR: what the site search sends, and all
    that the ranked queries of both databases handle (anything else: modelsearch's SQL)."""
    if isinstance(query, PlainText | Phrase):
        return True
    if isinstance(query, And | Or):
        return all(is_plain_query(subquery) for subquery in query.subqueries)
    return False
