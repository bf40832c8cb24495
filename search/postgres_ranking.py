"""PostgreSQL full-text matching and ranking that use the GIN index (see search/backends.py).

modelsearch 1.3 joins every page to its index entry on ``object_id = page.id::varchar`` (a text
comparison no index serves), selects the whole ``title || body`` vector with each row, and
lets the planner rank and sort page rows, which it did with a nested loop over text keys
whose work grows with the archive even for ten results. Here the search starts from the index
entries (figures behind each choice: bench/README.md):

* matching is ``(title || body) @@ query`` on the entries table alone, which the GIN index of
  ``search/migrations/0001`` serves; the page filters are a semi-join on the integer page id
  (the primary key index), not a text join;
* only the entries that match *and* pass the filters are ranked (same ``ts_rank`` weights,
  title norm and tie-break as modelsearch), and only the ids of the requested slice come
  back; the pages of that slice are then loaded by primary key;
* counting (and "newest first") filter the pages with ``pk IN (matching entry ids)``; the site
  search asks for its section counts and its results page together (``counts_and_slice``),
  so the matches are found, scored and joined to the pages once per search, not twice;
* a phrase is matched by its words through the index and checked on the body alone unless
  the title holds a query word (``_match``), instead of rechecking ``title || body``;
* the tsquery is written ``(SELECT to_tsquery(…))`` everywhere (see ``_Once``): computed once
  per statement instead of once per ranked row, and hidden from the planner, so a word found
  in nearly every page is still matched through the GIN index rather than by a sequential
  scan that merges ``title || body`` for every row.

Imported only on PostgreSQL: modelsearch's PostgreSQL module needs the tsvector model.
"""

from django.contrib.postgres.search import SearchQueryCombinable, SearchQueryField
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import (
    BooleanField,
    Expression,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    Q,
    Value,
)
from django.db.models.functions import Cast

from modelsearch.backends.database.postgres import postgres as modelsearch_postgres
from modelsearch.query import And, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.ranking import is_plain_query

IndexEntry = modelsearch_postgres.IndexEntry
INTEGER_KEYS = ("AutoField", "BigAutoField", "IntegerField", "BigIntegerField", "SmallAutoField")


def _has_integer_key(model) -> bool:
    pk = model._meta.pk
    while pk.is_relation:  # a multi-table child: page_ptr -> Page.id
        pk = pk.target_field
    return pk.get_internal_type() in INTEGER_KEYS


class _Once(Func):
    """``(SELECT <tsquery>)``: an InitPlan, computed once per statement, whose value the planner
    does not see when it plans. Same value, same results; two effects on speed:

    * ``to_tsquery(text)`` is only STABLE, so written inline PostgreSQL parsed and normalised
      the query again for every row it ranked;
    * a match is then costed at the default selectivity (0.5 %), so PostgreSQL always takes
      the GIN index. Seeing a word found in most pages, it chose a sequential scan that
      computes ``title || body`` (a new, merged tsvector) for every row, because it costs
      ``||`` as nearly free, though the bitmap scan of the index (which needs no recheck for
      plain words) is several times faster. Raising a wrapper function's ``COST`` would not
      fix it: a bitmap heap scan is charged its recheck condition per row too, so at ~100 %
      selectivity the sequential scan still wins on paper. A stored generated column for the
      vector did not help either: TOASTed, reading it back costs what ``||`` does; kept in the
      row, it triples the heap.

    The price: row estimates are blind too, so with a huge match the joins to the page filters
    are nested loops over the page primary key (one index probe per match) rather than hash joins.
    """

    template = "(SELECT %(expressions)s)"
    output_field = SearchQueryField()


class _Matches(Func):
    """``vector @@ tsquery`` as a boolean expression (Django's lookup would wrap the query)."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _words_of(query):
    """``query`` with each phrase loosened to its words, all required: implied by the query,
    and matched exactly by the GIN index (no recheck of every candidate)."""
    if isinstance(query, Phrase):
        return PlainText(query.query_string, operator="and")
    if isinstance(query, And | Or):
        return type(query)([_words_of(subquery) for subquery in query.subqueries])
    return query


def _every_word(query) -> list[str]:
    if isinstance(query, Phrase | PlainText):
        return query.query_string.split()
    return [word for subquery in query.subqueries for word in _every_word(subquery)]


def _has_phrase(query) -> bool:
    if isinstance(query, And | Or):
        return any(_has_phrase(subquery) for subquery in query.subqueries)
    return isinstance(query, Phrase)


def _computed_once(expression):
    """A copy of ``expression`` in which every tsquery is computed once (see ``_Once``)."""
    if isinstance(expression, SearchQueryCombinable):
        return _Once(expression)
    sources = getattr(expression, "get_source_expressions", list)()  # F() has none
    if not sources:
        return expression
    expression = expression.copy()
    expression.set_source_expressions(
        [_computed_once(source) if source is not None else None for source in sources]
    )
    return expression


class RankedPostgresSearchResults(modelsearch_postgres.PostgresSearchResults):
    def _matching_entries(self):
        """Index entries matching the query for this model (ids as integers), or None."""
        compiler = self.query_compiler
        model = compiler.queryset.model
        if (
            # Only plain search: autocomplete matches a different vector, by prefix.
            type(compiler) is not modelsearch_postgres.PostgresSearchQueryCompiler
            or self._score_field
            or compiler.fields is not None
            or not is_plain_query(compiler.query)
            or not _has_integer_key(model)
        ):
            return None  # modelsearch's own SQL
        config = compiler.get_config(self.backend)
        tsquery = compiler.build_tsquery(compiler.query, config=config)
        if tsquery is None:
            return None
        return (
            IndexEntry._default_manager.filter(
                content_type_id__in=get_descendants_content_types_pks(model)
            )
            .filter(self._match(compiler, config, tsquery))
            # Cast in the select list: only entries of this model's types are converted.
            .annotate(_page_id=Cast("object_id", IntegerField()))
        )

    @staticmethod
    def _match(compiler, config, tsquery) -> Q:
        """modelsearch's ``(title || body) @@ query``, found through the GIN index of
        ``search/migrations/0001`` (that expression). With a phrase, the index only knows
        which entries hold the words, and checking each of them merges ``title || body``.
        The merge shifts the body's positions past the title's and changes nothing else, so
        where the title holds none of the query's words the body alone answers the same, and
        far more cheaply (no merged vector is built)."""
        title_body = F("title")._combine(F("body"), "||", False)
        matches = Q(_Matches(title_body, _Once(tsquery)))
        query = compiler.query
        if not _has_phrase(query):
            return matches  # plain words: the index answers exactly
        words = compiler.build_tsquery(_words_of(query), config=config)
        any_word = compiler.build_tsquery(
            PlainText(" ".join(_every_word(query)), operator="or"), config=config
        )
        # A body match is a match (the query has no NOT); otherwise the merged vector
        # decides, and only where the title holds a word that a phrase could start in.
        return Q(_Matches(title_body, _Once(words))) & (
            Q(_Matches(F("body"), _Once(tsquery)))
            | (Q(_Matches(F("title"), _Once(any_word))) & matches)
        )

    def get_queryset(self):
        entries = self._matching_entries()
        compiler = self.query_compiler
        if entries is None or compiler.order_by_relevance:
            return super().get_queryset()
        queryset = compiler.queryset.filter(pk__in=entries.values("_page_id"))
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")  # as modelsearch: stable pages (wagtail#3729)
        return queryset[self.start : self.stop]

    def _rank(self):
        """modelsearch's score: ts_rank(title) * title_norm + ts_rank(body)."""
        compiler = self.query_compiler
        config = compiler.get_config(self.backend)
        return _computed_once(
            compiler._build_rank_expression(
                [(F("title"), F("title_norm")), (F("body"), 1.0)], config
            )
        )

    def _do_search(self):
        entries = self._matching_entries()
        compiler = self.query_compiler
        if entries is None or not compiler.order_by_relevance:
            return super()._do_search()
        # Best first, then the highest id; scored only for entries that match and pass the
        # page filters.
        pages = compiler.queryset.order_by()
        ids = list(
            entries.filter(_page_id__in=pages.values("pk"))
            .annotate(_score=self._rank())
            .order_by("-_score", "-_page_id")
            .values_list("_page_id", flat=True)[self.start : self.stop]
        )
        return self._load(ids)

    def _load(self, ids: list[int]) -> list:
        if not ids:
            return []
        found = self.query_compiler.queryset.order_by().in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def counts_and_slice(
        self, groups: dict[str, Expression], keep: Q, start: int, stop: int
    ) -> tuple[list[dict], list] | None:
        """In one statement: the matching pages counted by ``groups`` (one dict per group:
        its values and ``matches``), and the ``[start:stop]`` slice, in this search's order,
        of the matching pages that also satisfy ``keep``. None where modelsearch's SQL is used.

        A results page needs both. As two statements (a ``COUNT … GROUP BY``, then the ranked
        slice), a word found in most pages was matched, joined to its pages and filtered
        twice; here once per search.
        """
        entries = self._matching_entries()
        if entries is None:
            return None
        compiler = self.query_compiler
        if compiler.order_by_relevance:
            matches = entries.annotate(_score=self._rank()).values("_page_id", "_score")
            keys, order = {}, [("_score", "DESC"), ("_pid", "DESC")]  # as _do_search
        else:
            matches = entries.values("_page_id")
            keys, order = _order_keys(compiler.queryset)
        pages = compiler.queryset.order_by().values(
            _pid=F("pk"),
            _keep=ExpressionWrapper(keep, output_field=BooleanField()) if keep else Value(True),
            **groups,
            **keys,
        )
        try:
            matches_sql, matches_params = matches.order_by().query.sql_with_params()
            pages_sql, pages_params = pages.query.sql_with_params()
        except EmptyResultSet:  # e.g. .none(): a filter no page can pass
            return [], []
        connection = connections[compiler.queryset.db]
        sql = _counts_and_slice_sql(matches_sql, pages_sql, list(groups), order, connection)
        with connection.cursor() as cursor:
            cursor.execute(sql, [*matches_params, *pages_params, max(0, stop - start), start])
            rows = cursor.fetchall()
        counts = [dict(zip([*groups, "matches"], row[:-1], strict=True)) for row in rows]
        return counts, self._load(rows[0][-1] if rows else [])


def _counts_and_slice_sql(
    matches_sql: str, pages_sql: str, groups: list[str], order: list[tuple[str, str]], connection
) -> str:
    """``counts_and_slice``'s statement: group rows, each with the slice's ids as an array.

    MATERIALIZED: each match is scored once, before the join (inlined, PostgreSQL carried
    the whole vectors through the join and a sort, and ranked afterwards), and the join to
    the filtered pages is made once for the counts and the slice.
    """
    name = connection.ops.quote_name
    grouped = ", ".join(name(column) for column in groups)
    ordering = ", ".join(f"{name(column)} {direction}" for column, direction in order)
    return (
        f"WITH m AS MATERIALIZED ({matches_sql}), "
        f"j AS MATERIALIZED (SELECT p.*, m.* FROM ({pages_sql}) p "
        f'JOIN m ON m."_page_id" = p."_pid") '
        f"SELECT {grouped + ', ' if groups else ''}COUNT(*), "
        f'ARRAY(SELECT "_pid" FROM j WHERE "_keep" ORDER BY {ordering} LIMIT %s OFFSET %s) '
        f"FROM j {'GROUP BY ' + grouped if groups else ''}"
    )


def _order_keys(queryset) -> tuple[dict[str, Expression], list[tuple[str, str]]]:
    """The queryset's ordering as columns to select (``_key0``…) and their directions."""
    keys, order = {}, []
    for number, item in enumerate(queryset.query.order_by or ["-pk"]):
        if isinstance(item, str):
            item = F(item[1:]).desc() if item.startswith("-") else F(item).asc()
        column = f"_key{number}"
        keys[column] = item.expression
        direction = "DESC" if item.descending else "ASC"
        if item.nulls_last:
            direction += " NULLS LAST"
        elif item.nulls_first:
            direction += " NULLS FIRST"
        order.append((column, direction))
    return keys, order


class RankedPostgresSearchBackend(modelsearch_postgres.PostgresSearchBackend):
    results_class = RankedPostgresSearchResults
