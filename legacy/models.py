"""What the importer remembers: each run, and one record per old page (keyed by its old path)."""

import math
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from legacy.checks import Severity, label_of
from legacy.parsing.document import Kind
from reviews import kinds

# What the parser read each old page as (legacy.parsing.document.Kind), and what the
# importer records for files that are no page: as editors read them.
KIND_LABELS = {
    "film_review": "Film review",
    "book_review": "Book review",
    Kind.NEWS.value: "News",
    Kind.FEATURE.value: "Feature",
    "page": "Page",
    "listing": "Listing",
    "stub": "Empty page",
    "image": "Image",
    "link": "Link",
}
# Where the importer filed a page: a section kind (reviews.kinds), or Home
SECTION_LABELS = {**{kind.value: kind.label for kind in kinds.KINDS}, "page": "Home (no section)"}


def cluster_label(name: str) -> str:
    """A template cluster as editors read it: ".#8" is "Template 8", "reviews#2" is
    "Template 2 in reviews/"."""
    folder, _, number = name.rpartition("#")
    if not number.isdigit():
        return name
    return f"Template {number}" + ("" if folder in ("", ".") else f" in {folder}/")


class ImportStatus(models.TextChoices):
    CREATED = "created", "Created"
    UPDATED = "updated", "Updated"
    UNCHANGED = "unchanged", "Unchanged"
    SKIPPED = "skipped", "Skipped"
    FAILED = "failed", "Failed"


# A record of one of these is a page of the new site; skipped and failed ones are not (a
# later part joined into its first page is skipped, though it points at that page).
PAGE_STATUSES = (ImportStatus.CREATED, ImportStatus.UPDATED, ImportStatus.UNCHANGED)


class ImportRun(models.Model):
    """One invocation of ``import_legacy`` (dry runs leave none)."""

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    invoked_by = models.CharField(
        max_length=150, blank=True, help_text="Who or what ran the import (user, host, command)."
    )
    sources = models.JSONField(default=list, blank=True, help_text="Paths given to the command.")
    options = models.JSONField(default=dict, blank=True)
    importer_version = models.CharField(max_length=20, blank=True)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    mutes = models.JSONField(
        default=list,
        blank=True,
        help_text="Check names and path patterns the run did not report (--mute).",
    )
    muted = models.PositiveIntegerField(
        default=0, help_text="Findings the run's mutes dropped (pages, or images grouped)."
    )
    summary = models.JSONField(
        default=dict,
        blank=True,
        help_text="What the run found, kept for comparing runs: pages by kind and section, "
        "checks and warning types with counts, words removed by reason.",
    )
    stopped = models.CharField(
        "stopped early",
        max_length=255,
        blank=True,
        help_text="Why the run stopped before its end (interrupted, an error): its counts "
        "are then of the files it reached. Empty when it ran to the end.",
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name = "import run"

    def __str__(self) -> str:
        return f"Import run {self.pk} ({self.started_at:%Y-%m-%d %H:%M})"


class ReviewState(models.TextChoices):
    TO_CHECK = "to_check", "To check"
    CHECKED = "checked", "Checked"
    NEEDS_WORK = "needs_work", "Needs work"


class ImportRecord(models.Model):
    """The latest import of one old page: its source, what became of it and why."""

    source_path = models.CharField(
        max_length=500,
        unique=True,
        help_text="Path in the mirror, lower-cased: reviews/neverletmego.htm",
    )
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the file's bytes.")
    importer_version = models.CharField(max_length=20, blank=True)
    original_html = models.TextField(blank=True, help_text="The old page, decoded to text.")
    encoding = models.CharField(max_length=40, blank=True)
    title = models.CharField(max_length=255, blank=True)
    kind = models.CharField(max_length=20, blank=True, db_index=True)
    section = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=10, choices=ImportStatus.choices, db_index=True)
    warnings = models.JSONField(default=list, blank=True)
    leftovers = models.JSONField(default=list, blank=True)
    fidelity = models.FloatField(
        null=True,
        blank=True,
        db_index=True,
        help_text="Share of the old page's content words the new page holds as content "
        "(legacy/README.md): 1.0 is nothing lost and no chrome kept.",
    )
    # Where the old page's visible words went (legacy.parsing.accounting):
    # source = kept + fields + chrome + lost.
    words_source = models.PositiveIntegerField("words on the old page", null=True, blank=True)
    words_kept = models.PositiveIntegerField("words kept", null=True, blank=True)
    words_fields = models.PositiveIntegerField("words in fields", null=True, blank=True)
    words_chrome = models.PositiveIntegerField("words removed", null=True, blank=True)
    words_lost = models.PositiveIntegerField("words lost", null=True, blank=True, db_index=True)
    removed = models.JSONField(
        default=list,
        blank=True,
        help_text="Visible text of the old page not on the new one: [{reason, text}].",
    )
    undated = models.BooleanField(
        "no date on the old page",
        default=False,
        db_index=True,
        help_text="The old page prints no date: the new page is dated today, or by the "
        "file's modification time with --date-from-mtime (its warnings say which).",
    )
    date_source = models.CharField(
        "date from",
        max_length=20,
        blank=True,
        db_index=True,
        choices=[
            ("printed", "the old page"),
            ("index", "an index entry linking to it"),
            ("filename", "the date in its file name"),
            ("folder", "the year or month of its folder"),
            ("neighbours", "dated pages beside it"),
            ("copyright", "the copyright years"),
            ("file", "the file's modification time"),
            ("none", "nothing: shown undated"),
        ],
        help_text="Where the page's publication date came from (legacy/parsing/evidence.py).",
    )
    date_approximate = models.BooleanField(
        "date approximate",
        default=False,
        db_index=True,
        help_text="The date was inferred from the site (an index, a folder, neighbours, "
        "copyright years) or the file, not printed on the page: check it.",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="legacy_import_records",
    )
    last_run = models.ForeignKey(
        ImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="records"
    )
    cluster = models.CharField(
        max_length=40,
        blank=True,
        db_index=True,
        help_text="The template cluster the parser placed the page in (its site's template).",
    )
    severity = models.PositiveSmallIntegerField(
        default=0, db_index=True, help_text="The worst of its checks' severities (0: none)."
    )
    review_state = models.CharField(
        max_length=12, choices=ReviewState.choices, default=ReviewState.TO_CHECK, db_index=True
    )
    review_state_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="review state set by",
    )
    review_state_at = models.DateTimeField("review state set at", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["source_path"]
        verbose_name = "import record"
        indexes = [models.Index(fields=["-severity", "source_path"], name="record_worst_first")]

    def __str__(self) -> str:
        return self.source_path

    @property
    def display_title(self) -> str:
        return self.title or self.source_path

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind.replace("_", " ").capitalize())

    @property
    def section_label(self) -> str:
        return SECTION_LABELS.get(self.section, self.section)

    @property
    def cluster_label(self) -> str:
        return cluster_label(self.cluster)

    @property
    def fidelity_percent(self) -> str:
        """The fidelity as a percentage, rounded down ("98.7%"): only a whole page reads 100%."""
        if self.fidelity is None:
            return "—"
        tenths = math.floor(self.fidelity * 1000 + 1e-9) / 10
        return f"{tenths:g}%"

    @property
    def status_note(self) -> str:
        """Why a skipped or failed file is no page of its own, as its first warning says ("A
        later part of x.html, joined into its page"); "" for a page. The queue annotates
        ``first_warning`` so that its rows need not read every warning."""
        if self.status not in (ImportStatus.SKIPPED, ImportStatus.FAILED):
            return ""
        if hasattr(self, "first_warning"):
            return self.first_warning or ""
        return next(iter(self.warnings or []), "")

    @property
    def check_labels(self) -> str:
        """The record's checks, worst first, for the export (prefetch ``checks``)."""
        return "; ".join(check.label for check in self.checks.all())

    @property
    def severity_label(self) -> str:
        return Severity(self.severity).label if self.severity else ""

    @property
    def words(self) -> dict[str, int | None]:
        return {
            "source": self.words_source,
            "kept": self.words_kept,
            "fields": self.words_fields,
            "chrome": self.words_chrome,
            "lost": self.words_lost,
        }


class ImportCheck(models.Model):
    """One finding of a named check (``legacy.checks``) on an imported page."""

    record = models.ForeignKey(ImportRecord, on_delete=models.CASCADE, related_name="checks")
    name = models.CharField(max_length=40)
    severity = models.PositiveSmallIntegerField(choices=[(s.value, s.label) for s in Severity])
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["-severity", "name"]
        verbose_name = "import check"
        constraints = [
            models.UniqueConstraint(fields=["name", "record"], name="one_check_of_a_name")
        ]  # its index serves the queue's filter by check

    def __str__(self) -> str:
        return f"{self.label}: {self.detail}"

    @property
    def label(self) -> str:
        return label_of(self.name)

    @property
    def severity_label(self) -> str:
        return Severity(self.severity).label

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "severity": self.severity_label, "detail": self.detail}


def job_time_limit() -> timedelta:
    return timedelta(seconds=getattr(settings, "REIMPORT_JOB_TIME_LIMIT", 2 * 3600))


def this_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def worker_is_gone(worker: str) -> bool:
    """Whether the worker ``host:pid`` is known to be gone: only a process on this host can
    be asked."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


class JobState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ReimportJob(models.Model):
    """A re-import asked for in the review queue, run by the task worker (``legacy.tasks``):
    what was asked, its state and what it did, for the editor to follow."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    records = models.JSONField(default=list, help_text="Ids of the import records chosen.")
    section = models.CharField(
        "file under", max_length=20, blank=True, help_text="The kind chosen (empty: as before)."
    )
    profile = models.TextField(blank=True, help_text="The site profile given (TOML).")
    state = models.CharField(
        max_length=10, choices=JobState.choices, default=JobState.QUEUED, db_index=True
    )
    task_id = models.CharField(max_length=64, blank=True, help_text="The task backend's id.")
    worker = models.CharField(
        max_length=200, blank=True, help_text="The worker running it: host:process id."
    )
    outcome = models.JSONField(
        default=dict,
        blank=True,
        help_text="What it did: paths written, converted and failed, why any were refused, "
        "the runs made (legacy.writing.reimport.Reimported).",
    )
    message = models.TextField(blank=True, help_text="Why the job failed.")

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = "re-import job"

    def __str__(self) -> str:
        pages = len(self.records)
        return f"Re-import {self.pk} ({pages} page{'' if pages == 1 else 's'})"

    @property
    def finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)

    @property
    def interrupted(self) -> bool:
        """Running, but its worker is gone (killed: the task backend records no heartbeat,
        so the process is asked on its own host) or it has run past REIMPORT_JOB_TIME_LIMIT
        (a worker elsewhere, or a process id reused)."""
        if self.state != JobState.RUNNING:
            return False
        if self.started_at and timezone.now() - self.started_at > job_time_limit():
            return True
        return worker_is_gone(self.worker)

    @property
    def pending(self) -> bool:
        """Queued or running, to be followed in the queue."""
        return not self.finished and not self.interrupted

    @property
    def section_label(self) -> str:
        return SECTION_LABELS.get(self.section, self.section)

    def count(self, name: str) -> int:
        return len(self.outcome.get(name, ()))

    @property
    def written(self) -> int:
        return self.count("written")

    @property
    def converted(self) -> int:
        return self.count("converted")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def run_ids(self) -> list[int]:
        return [run for run in self.outcome.get("runs", ()) if run]
