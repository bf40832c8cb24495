"""Search and reference indexing in bulk, once per run, instead of once per save.

Creating and publishing one page saves it (and its revision, redirect, contributor) several
times, and Wagtail re-indexes the object for search and for references on every save: that
was most of the import's time. During an import those per-save updates are switched off
(Wagtail's own advice for bulk loads); every object saved by a committed page transaction
is remembered, and the remembered objects are indexed in bulk: per model, one
``add_bulk`` per search backend and one reference-index update per object, every
``FLUSH_EVERY`` pages and at the end of the run. An object saved in a transaction that
rolled back is forgotten with it.

If a run is killed between two flushes, the pages it committed are not yet in the search
index: ``manage.py update_index`` and ``manage.py rebuild_references_index`` repair that
(see docs/editors.md). The import runs in its own process (management command), so
switching the signal handlers off for its duration affects no one else.

A dry run (``deferred(indexing=False)``) keeps the per-save updates off and indexes nothing:
its transaction is rolled back, index entries with it. Indexing there only cost memory:
on PostgreSQL, ``add_bulk`` builds one INSERT per chunk holding ~6 copies of each page's
search text (its search vector's text, the plain ``body_text``, psycopg's encoded
parameters) beside the page loaded whole, ~7 times the old page per page of the chunk.
"""

import contextlib
from collections import defaultdict
from collections.abc import Iterator

from django.db import DatabaseError, transaction
from django.db.models import Model
from django.db.models.signals import post_save

from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from modelsearch import index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler

FLUSH_EVERY = 250  # pages between two bulk index updates: bounds memory and what a kill loses
CHUNK = 500  # objects per query and per add_bulk
PAGE_CHUNK = 20  # pages per query and per add_bulk: each is loaded whole, with its body
# ... and at most this many characters of their old pages (``batch``'s weight): a page's
# body and search text are several times its size, so 20 pages of 1.5 MB took ~200 MB
PAGE_CHUNK_CHARS = 1_000_000


class BatchedIndexer:
    def __init__(self) -> None:
        self.saved: dict[tuple[type[Model], object], None] = {}  # committed, not yet indexed
        self.pending: dict[tuple[type[Model], object], None] = {}  # saved by the open batch
        self.search_models: list[type[Model]] = []
        self.batches = 0
        self.weights: dict[tuple[type[Model], object], int] = {}  # a saved page's size
        self.indexing = True

    @contextlib.contextmanager
    def deferred(self, *, indexing: bool = True) -> Iterator["BatchedIndexer"]:
        """For the whole run: per-save indexing off, saved objects collected and indexed in
        bulk (periodically and when the run ends, even if it ends with an error). With
        ``indexing=False`` (a dry run, rolled back) nothing is collected or indexed."""
        self.indexing = indexing
        self.search_models = [
            model
            for model in index.get_indexed_models()
            if getattr(model, "search_auto_update", True)
        ]
        for model in self.search_models:
            post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(self._remember, dispatch_uid="legacy-import-batched-indexer")
        try:
            with disable_reference_index_auto_update():
                try:
                    yield self
                except BaseException:
                    # The pages committed before the error are live: index them too, unless
                    # the database cannot be written to (then the error says why).
                    with contextlib.suppress(DatabaseError):
                        self.flush()
                    raise
                self.flush()
        finally:
            post_save.disconnect(self._remember, dispatch_uid="legacy-import-batched-indexer")
            for model in self.search_models:
                post_save.connect(post_save_signal_handler, sender=model)

    @contextlib.contextmanager
    def batch(self, weight: int = 0) -> Iterator[None]:
        """One page's transaction: keep what it saved when it succeeds, forget it if not.
        ``weight``: the size of the old page it writes (characters), which bounds how
        many pages are loaded at once to index them (``PAGE_CHUNK_CHARS``)."""
        self.pending.clear()
        try:
            yield
        except BaseException:
            self.pending.clear()
            raise
        for key in self.pending if weight else ():
            if issubclass(key[0], Page):
                self.weights[key] = max(weight, self.weights.get(key, 0))
        self.saved.update(self.pending)
        self.pending.clear()
        self.batches += 1
        if self.batches % FLUSH_EVERY == 0:
            # Once the page's transaction has committed (at once if there is none).
            transaction.on_commit(self.flush)

    def flush(self) -> None:
        """Index everything remembered so far, in bulk."""
        if not self.indexing:
            return
        by_model: dict[type[Model], list[object]] = defaultdict(list)
        for model, pk in self.saved:
            by_model[model].append(pk)
        self.saved.clear()
        weights, self.weights = self.weights, {}
        with transaction.atomic():  # one commit, not one per reference-index write
            for model, pks in by_model.items():
                if issubclass(model, Page):
                    sizes = [weights.get((model, pk), 0) for pk in pks]
                    for chunk in _chunks(pks, sizes, PAGE_CHUNK, PAGE_CHUNK_CHARS):
                        self._index(model, chunk)
                    continue
                for start in range(0, len(pks), CHUNK):
                    self._index(model, pks[start : start + CHUNK])

    def _index(self, model: type[Model], pks: list[object]) -> None:
        queryset = model._default_manager.filter(pk__in=pks)
        if issubclass(model, Page):
            queryset = queryset.specific()
        by_class: dict[type[Model], list[Model]] = defaultdict(list)
        for instance in queryset:
            by_class[type(instance)].append(instance)
        for cls, instances in by_class.items():
            if cls in self.search_models:
                self._add_to_search(cls, instances)
            if ReferenceIndex.is_indexed(cls):
                for instance in instances:
                    ReferenceIndex.create_or_update_for_object(instance)

    def _add_to_search(self, cls: type[Model], instances: list[Model]) -> None:
        # Only what the model's own indexed queryset holds, as insert_or_update_object does.
        indexed_pks = set(
            cls.get_indexed_objects()
            .filter(pk__in=[instance.pk for instance in instances])
            .values_list("pk", flat=True)
        )
        objs = [instance for instance in instances if instance.pk in indexed_pks]
        if objs:
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(cls, objs)

    def _remember(self, sender: type[Model], instance: Model, raw: bool = False, **kwargs) -> None:
        if (
            self.indexing
            and not raw
            and (sender in self.search_models or ReferenceIndex.is_indexed(sender))
        ):
            self.pending[(sender, instance.pk)] = None


def _chunks(items: list, sizes: list[int], most: int, weight: int) -> Iterator[list]:
    """``items`` in order, in chunks of at most ``most`` items and ``weight`` in sizes (an
    item heavier than that alone)."""
    chunk: list = []
    total = 0
    for item, size in zip(items, sizes, strict=True):
        if chunk and (len(chunk) == most or total + size > weight):
            yield chunk
            chunk, total = [], 0
        chunk.append(item)
        total += size
    if chunk:
        yield chunk
