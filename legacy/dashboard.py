"""A run's dashboard: its pages by kind, section, cluster and fidelity, its checks by type
(each a link to the queue filtered by it), the words removed by reason, the comparison with
the previous run of the same mirror, and server-rendered SVG bar charts.

A fixed number of queries, whatever the size of the run, but one read of the records'
removed text for the words removed by reason.
"""

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from legacy.checks import label_of
from legacy.models import (
    KIND_LABELS,
    PAGE_STATUSES,
    SECTION_LABELS,
    ImportCheck,
    ImportRecord,
    ImportRun,
    ReviewState,
    cluster_label,
)

BAR_HEIGHT, BAR_GAP, LABEL_WIDTH, CHART_WIDTH = 22, 6, 260, 640
_NUMBERS = re.compile(r"\d+")


SITE_WIDE_SHARE = 0.5  # a check on at least this share of a run's pages is the site's


@dataclass
class Row:
    label: str
    count: int
    url: str = ""
    previous: int | None = None  # the count in the previous run of the mirror
    share: float | None = None  # of the run's pages
    name: str = ""  # a check's name, for --mute

    @property
    def site_wide(self) -> bool:
        """On most of the run's pages: a pattern of the site (its template, or a rule that
        reads it wrong) to look at once, not a finding to check page by page."""
        return self.share is not None and self.share >= SITE_WIDE_SHARE

    @property
    def percent(self) -> str:
        if self.share is None:
            return ""
        return "<1%" if 0 < self.share < 0.005 else f"{self.share:.0%}"

    @property
    def change(self) -> int | None:
        return None if self.previous is None else self.count - self.previous


def queue_url(**filters) -> str:
    query = urlencode({key: value for key, value in filters.items() if value != ""})
    return (
        f"{reverse('legacy_importrecord:list')}?{query}"
        if query
        else reverse("legacy_importrecord:list")
    )


def previous_run(run: ImportRun) -> ImportRun | None:
    """The run before this one of the same mirror (the same paths given). A re-import of a
    few pages from the queue (``options["only"]``) is compared with none, nor is any run
    compared with one: their counts are of a few pages, not of the site."""
    if "only" in (run.options or {}):
        return None
    earlier = ImportRun.objects.filter(started_at__lt=run.started_at).order_by("-started_at")
    return next(
        (
            other
            for other in earlier[:200]
            if other.sources == run.sources and "only" not in (other.options or {})
        ),
        None,
    )


def run_dashboard(run: ImportRun) -> dict:
    records = ImportRecord.objects.filter(last_run=run)
    pages = records.filter(status__in=PAGE_STATUSES)  # a joined part or a failure is no page
    previous = previous_run(run)
    before = (previous.summary or {}) if previous else {}
    kinds = _grouped(pages, "kind", KIND_LABELS, run, before.get("kinds", {}))
    sections = _grouped(pages, "section", SECTION_LABELS, run)
    clusters = _grouped(pages.exclude(cluster=""), "cluster", {}, run)
    for row in clusters:
        row.label = cluster_label(row.label)
    states = _grouped(pages, "review_state", dict(ReviewState.choices), run)
    total = pages.count()
    checks = [
        Row(
            label_of(name),
            count,
            queue_url(check=name, last_run=run.pk),
            share=count / total if total else None,
            name=name,
        )
        for name, count in ImportCheck.objects.filter(
            record__last_run=run, record__status__in=PAGE_STATUSES
        )
        .values_list("name")
        .annotate(n=Count("pk"))
        .order_by("-n", "name")
    ]
    previous_checks = {label_of(k): v for k, v in before.get("checks", {}).items()}
    for row in checks:
        row.previous = previous_checks.get(row.label, 0) if previous else None
    bands = pages.aggregate(
        perfect=Count("pk", filter=Q(fidelity__gte=1)),
        high=Count("pk", filter=Q(fidelity__gte=0.95, fidelity__lt=1)),
        low=Count("pk", filter=Q(fidelity__lt=0.95)),
    )
    fidelity = [
        Row(label, bands[value], queue_url(fidelity=value, last_run=run.pk))
        for value, label in (
            ("perfect", "100%"),
            ("high", "95% to 99.9%"),
            ("low", "below 95%"),
        )
    ]
    return {
        "run": run,
        "previous": previous,
        "total": total,
        "site_wide": [row for row in checks if row.site_wide],
        "kinds": kinds,
        "sections": sections,
        "clusters": clusters,
        "states": states,
        "checks": checks,
        "fidelity": fidelity,
        "removed": removed_by_reason(records),
        "counts": _status_counts(run, previous),
        "options": [
            (name.replace("_", " ").capitalize(), option_text(value))
            for name, value in sorted((run.options or {}).items())
        ],
        "checks_chart": bar_chart(checks, "Pages per check"),
        "kinds_chart": bar_chart(kinds, "Pages per kind"),
        "queue_url": queue_url(last_run=run.pk),
    }


def option_text(value) -> str:
    """A run option as an operator reads it: yes/no, lists joined, none for empty."""
    if value is True or value is False:
        return "yes" if value else "no"
    if value in (None, "", [], {}):
        return "none"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, int) and value >= 1024 * 1024:  # the page size limit, in bytes
        return f"{value / 1024 / 1024:g} MB"
    return str(value)


def _grouped(records, field: str, labels: dict, run: ImportRun, before: dict | None = None):
    rows = []
    for value, count in records.values_list(field).annotate(n=Count("pk")).order_by("-n"):
        row = Row(
            labels.get(value, value or "—"), count, queue_url(**{field: value}, last_run=run.pk)
        )
        if before is not None:
            row.previous = before.get(value, 0)
        rows.append(row)
    return rows


# A reason's numbers, once counted over many pages, as an editor reads them (not "N")
_COUNTED = [
    (re.compile(r"\bN of the site's N pages"), "several of the site's pages"),
    (re.compile(r"\bthe site's N pages"), "the site's pages"),
    (re.compile(r"\bon N pages"), "on several pages"),
    (re.compile(r"\bpart N\b"), "a later part"),
]


def reason_over_pages(reason: str) -> str:
    """One reason for its every count: "on 245 of the site's 249 pages" and "on 3 of the
    site's 249 pages" both read "on several of the site's pages"."""
    reason = _NUMBERS.sub("N", reason)
    for pattern, words in _COUNTED:
        reason = pattern.sub(words, reason)
    return reason


def removed_words(removed: list[dict]) -> Counter[str]:
    """Words removed from one page, by reason (its numbers apart: ``reason_over_pages``)."""
    counts: Counter[str] = Counter()
    for entry in removed or []:
        counts[reason_over_pages(entry.get("reason", ""))] += len(entry.get("text", "").split())
    return counts


def removed_by_reason(records) -> list[Row]:
    total: Counter[str] = Counter()
    for removed in records.values_list("removed", flat=True).iterator(chunk_size=500):
        total += removed_words(removed)
    return [Row(reason, count) for reason, count in total.most_common(12)]


def _status_counts(run: ImportRun, previous: ImportRun | None) -> list[Row]:
    statuses = ("created", "updated", "unchanged", "skipped", "failed")
    return [
        Row(
            status,
            getattr(run, status),
            queue_url(status=status, last_run=run.pk),
            getattr(previous, status) if previous else None,
        )
        for status in statuses
    ]


def bar_chart(rows: list[Row], title: str) -> SafeString:
    """A horizontal bar chart as inline SVG: one bar per row, each a link to its rows."""
    if not rows:
        return SafeString("")
    top = max(row.count for row in rows) or 1
    height = len(rows) * (BAR_HEIGHT + BAR_GAP)
    span = CHART_WIDTH - LABEL_WIDTH - 60
    bars = format_html_join(
        "",
        '<a href="{}"><text x="{}" y="{}" text-anchor="end" class="legacy-chart__label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" class="legacy-chart__bar"></rect>'
        '<text x="{}" y="{}" class="legacy-chart__count">{}</text></a>',
        (
            (
                row.url or "#",
                LABEL_WIDTH - 8,
                n * (BAR_HEIGHT + BAR_GAP) + BAR_HEIGHT * 0.7,
                row.label[:40],
                LABEL_WIDTH,
                n * (BAR_HEIGHT + BAR_GAP),
                max(2, round(span * row.count / top)),
                BAR_HEIGHT,
                LABEL_WIDTH + max(2, round(span * row.count / top)) + 6,
                n * (BAR_HEIGHT + BAR_GAP) + BAR_HEIGHT * 0.7,
                row.count,
            )
            for n, row in enumerate(rows)
        ),
    )
    return format_html(
        '<svg class="legacy-chart" role="img" aria-label="{}" viewBox="0 0 {} {}" '
        'width="{}" height="{}" xmlns="http://www.w3.org/2000/svg"><title>{}</title>{}</svg>',
        title,
        CHART_WIDTH,
        height,
        CHART_WIDTH,
        height,
        title,
        bars,
    )


def queue_totals() -> dict:
    """The admin dashboard panel: totals with links, never a sample of rows."""
    records = ImportRecord.objects.filter(page__isnull=False, status__in=PAGE_STATUSES)
    states = dict(records.values_list("review_state").annotate(n=Count("pk")))
    checks = (
        ImportCheck.objects.filter(record__page__isnull=False, record__status__in=PAGE_STATUSES)
        .values_list("name")
        .annotate(n=Count("pk"))
        .order_by("-n", "name")
    )
    latest = ImportRun.objects.order_by("-started_at").first()
    return {
        "total": sum(states.values()),
        "states": [
            Row(label, states.get(value, 0), queue_url(review_state=value))
            for value, label in ReviewState.choices
        ],
        "checks": [Row(label_of(name), n, queue_url(check=name)) for name, n in checks[:6]],
        "queue_url": queue_url(),
        "latest_run": latest,
        "latest_run_url": reverse("legacy_importrun:inspect", args=[latest.pk]) if latest else "",
    }
