"""The review queue's "worst first": the rarest serious problems first.

A page ranks by the sum of its checks' weights (``legacy.checks.check_weight``): each check's
severity, weighted by how rare the check is among the pages of its site in the queue. A check
on most of a site's pages (its template read one way, its reviews unsigned) says more about
the site than about the page, and would otherwise bury the real outliers; the run's dashboard
shows it once, as the site's pattern.

Rarity is counted per site (``legacy.parsing.site.site_of``: one per mirror, or per host
folder of an HTTrack mirror), over the records as they are now, not per run: a re-import from
the queue is a run of a few pages, whose checks are no commoner for it.

The weights are read in two small grouped queries and the order is one SQL expression, so the
queue takes as many queries at 5,000 records as at 20.
"""

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.expressions import Expression
from django.db.models.functions import Coalesce, Left, StrIndex
from django.db.models.lookups import Contains, GreaterThan

from legacy.checks import check_weight
from legacy.models import PAGE_STATUSES, ImportCheck, ImportRecord

SiteCheck = tuple[str, str, int]  # the site, the check's name, its severity


def site_of_path(path: str = "source_path") -> Case:
    """``site_of`` as SQL: the record's first folder when its name has a dot (a host folder,
    www.example.com), else "" (a mirror that is one site). Plain SQL string functions, not
    a regex: on SQLite a regex is a Python call per row, 130 ms at 5,000
    records; a first folder with a dot and a character a host name cannot hold ("my
    files.old/") is taken for a host here only."""
    slash = StrIndex(path, Value("/"))
    host = Left(path, slash - 1)
    return Case(
        When(GreaterThan(slash, 1) & Contains(host, "."), then=host),
        default=Value(""),
        output_field=CharField(),
    )


def site_check_weights() -> dict[SiteCheck, float]:
    """Each check of each site with its weight: its severity's, times its rarity there."""
    pages = dict(
        ImportRecord.objects.filter(status__in=PAGE_STATUSES)
        .values_list(site_of_path())
        .annotate(n=Count("pk"))
        .order_by()
    )
    found = (
        ImportCheck.objects.values_list(site_of_path("record__source_path"), "name", "severity")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {
        (site, name, severity): check_weight(severity, count, pages.get(site, 0))
        for site, name, severity, count in found
    }


def summed_weights(weights: dict[tuple[str, int], float]) -> Expression:
    """The sum of the outer record's checks' weights (0 without checks)."""
    branches = [
        When(name=name, severity=severity, then=Value(weight))
        for (name, severity), weight in sorted(weights.items())
        if weight > 0
    ]
    if not branches:
        return Value(0.0)
    total = Sum(Case(*branches, default=Value(0.0), output_field=FloatField()))
    summed = (
        ImportCheck.objects.filter(record=OuterRef("pk"))
        .order_by()
        .values("record")
        .annotate(total=total)
        .values("total")
    )
    return Coalesce(Subquery(summed, output_field=FloatField()), Value(0.0))


def priority(weights: dict[SiteCheck, float]) -> Expression:
    """A record's place in the queue, as one SQL expression: the sum of its checks' weights
    in its site (the site is worked out once per record, and only when there are two)."""
    by_site: dict[str, dict[tuple[str, int], float]] = {}
    for (site, name, severity), weight in weights.items():
        by_site.setdefault(site, {})[name, severity] = weight
    if len(by_site) <= 1:
        return summed_weights(next(iter(by_site.values()), {}))
    return Case(
        *[When(Q(site=site), then=summed_weights(of_site)) for site, of_site in by_site.items()],
        default=Value(0.0),
        output_field=FloatField(),
    )


def worst_first(queryset: QuerySet, descending: bool = True) -> QuerySet:
    """The records, rarest serious problems first (or last): by priority, then by the worst
    check's severity (a page with a check on every page before a clean one), then by path."""
    weights = site_check_weights()
    if len({site for site, _, _ in weights}) > 1:
        queryset = queryset.alias(site=site_of_path())
    rank = priority(weights)
    if isinstance(rank, Value):
        # No check weighs anything (none, or each on every page): PostgreSQL refuses a
        # constant in ORDER BY, and it would order nothing anyway.
        return queryset.order_by("-severity" if descending else "severity", "source_path")
    ranked = queryset.alias(priority=rank)
    if descending:
        return ranked.order_by(F("priority").desc(), "-severity", "source_path")
    return ranked.order_by(F("priority").asc(), "severity", "source_path")
