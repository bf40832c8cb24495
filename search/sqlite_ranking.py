"""SQLite FTS5 relevance ranking that scales (see search/backends.py).

Imported only on SQLite: modelsearch's SQLite module needs the FTS model, which exists only
there.
"""

from django.db import connections
from django.db.models import F

from modelsearch.backends.database.sqlite import sqlite as modelsearch_sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.utils import get_descendants_content_types_pks

from search.ranking import is_plain_query

# FTS5 column order is (autocomplete, body, title): a word in the title counts five times.
COLUMN_WEIGHTS = (0.0, 1.0, 5.0)
# Candidates ranked per results page before the page filters are checked (at least twice the
# end of the requested slice); fewer passing the filters means ranking every match.
CANDIDATES = 500


class WeightedBM25(modelsearch_sqlite.BM25):
    def as_sql(self, compiler, connection, function=None, template=None):
        table = modelsearch_sqlite.SQLiteFTSIndexEntry._meta.db_table
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({table}, {weights})", []


class RankedSQLiteSearchResults(modelsearch_sqlite.SQLiteSearchResults):
    def _matching_entries(self):
        """FTS entries matching the query for this model, or None to fall back to modelsearch."""
        compiler = self.query_compiler
        query = normalize(compiler.query)
        if self._score_field or not is_plain_query(query):
            return None
        match = MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS, compiler.build_search_query(query)
        )
        content_types = get_descendants_content_types_pks(compiler.queryset.model)
        return (
            modelsearch_sqlite.SQLiteFTSIndexEntry.objects.filter(match)
            # "+ 0" keeps SQLite from driving the join from the content-type index and
            # re-running the FTS match once per entry of that type (quadratic for one kind).
            .annotate(_content_type=F("index_entry__content_type_id") + 0)
            .filter(_content_type__in=content_types)
        )

    def get_queryset(self):
        entries = self._matching_entries()
        if entries is None:
            return super().get_queryset()
        compiler = self.query_compiler
        queryset = compiler.queryset.filter(pk__in=entries.values("index_entry__object_id"))
        if not compiler.order_by_relevance and not queryset.query.order_by:
            queryset = queryset.order_by("-pk")  # stable pages (wagtail#3729)
        return queryset[self.start : self.stop]

    def _do_search(self):
        entries = self._matching_entries()
        if entries is None or not self.query_compiler.order_by_relevance:
            return super()._do_search()
        queryset = self.query_compiler.queryset.order_by()
        pk_field = queryset.model._meta.pk
        content_types = set(get_descendants_content_types_pks(queryset.model))
        start, stop = self.start, self.stop
        # Rank the FTS table alone (no join per match), keep the best candidates, then check
        # only those against the page filters. Exact, not approximate: candidates come in
        # score order, so if enough of them pass, they are the best that pass.
        limit = None if stop is None else max(CANDIDATES, 2 * stop)
        ranked, complete = self._ranked_object_ids(limit, content_types, pk_field)
        candidates = queryset.filter(pk__in=ranked) if limit is not None else queryset
        allowed = set(candidates.values_list("pk", flat=True))
        if not complete and sum(pk in allowed for pk in ranked) < stop:
            # Restrictive filters (or a deep page) for a very common word: rank every match
            # and intersect with the pages that pass the filters.
            ranked, _ = self._ranked_object_ids(None, content_types, pk_field)
            allowed = set(queryset.values_list("pk", flat=True))
        ids = [pk for pk in ranked if pk in allowed][start:stop]
        found = queryset.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def _ranked_object_ids(self, limit, content_types, pk_field) -> tuple[list, bool]:
        """Object ids of the matching entries, best first (at most ``limit`` entries).

        Also says whether those were all the matching entries (of any page type).
        """
        compiler = self.query_compiler
        match = MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(normalize(compiler.query)),
        )
        top = (
            modelsearch_sqlite.SQLiteFTSIndexEntry.objects.filter(match)
            .annotate(score=WeightedBM25())
            .order_by("score", "-index_entry_id")  # bm25() is negative: best first
            .values_list("index_entry_id", "score")
        )
        if limit is not None:
            top = top[:limit]
        sql, params = top.query.sql_with_params()
        entries = modelsearch_sqlite.SQLiteFTSIndexEntry._meta.get_field("index_entry")
        connection = connections[compiler.queryset.db]
        table = connection.ops.quote_name(entries.related_model._meta.db_table)
        with connection.cursor() as cursor:
            # The join to the entries table runs for the candidates only, after the LIMIT.
            cursor.execute(
                f'SELECT e."object_id", e."content_type_id" FROM ({sql}) AS top '  # noqa: S608
                f'INNER JOIN {table} AS e ON e."id" = top."index_entry_id" '
                f'ORDER BY top."score", top."index_entry_id" DESC',
                params,
            )
            rows = cursor.fetchall()
        ids = [
            pk_field.to_python(object_id)
            for object_id, content_type in rows
            if content_type in content_types
        ]
        return ids, limit is None or len(rows) < limit


class RankedSQLiteSearchBackend(modelsearch_sqlite.SQLiteSearchBackend):
    results_class = RankedSQLiteSearchResults
