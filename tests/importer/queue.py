"""Import records as a run leaves them, made in bulk for the review queue's tests and bench."""

import itertools

from legacy.checks import CHECKS, Severity
from legacy.models import ImportCheck, ImportRecord, ImportRun

KINDS = itertools.cycle(["film_review", "book_review", "feature", "news", "film_review"])
SECTIONS = {"film_review": "film", "book_review": "book", "feature": "feature", "news": "news"}
NAMES = list(CHECKS)


def make_records(count: int, run: ImportRun | None = None, start: int = 0) -> list[ImportRecord]:
    """``count`` records with a kind, a section, a fidelity and zero to three checks each."""
    run = run or ImportRun.objects.create(invoked_by="tests")
    records = []
    for n in range(start, start + count):
        kind = next(KINDS)
        records.append(
            ImportRecord(
                source_path=f"reviews/page{n:05}.htm",
                checksum="0" * 64,
                title=f"Page number {n}",
                kind=kind,
                section=SECTIONS[kind],
                status="created",
                fidelity=round(1 - (n % 7) / 20, 4),
                words_source=400 + n % 50,
                words_lost=n % 5,
                last_run=run,
                cluster=f"t{n % 3}",
            )
        )
    records = ImportRecord.objects.bulk_create(records)
    checks = []
    for record in records:
        n = int(record.source_path[12:17])
        for name in NAMES[n % len(NAMES) : n % len(NAMES) + n % 4]:
            severity = CHECKS[name].severity
            checks.append(ImportCheck(record=record, name=name, severity=severity, detail="x"))
    ImportCheck.objects.bulk_create(checks)
    for severity in Severity:
        ImportRecord.objects.filter(
            checks__severity=severity, severity__lt=severity, pk__in=[r.pk for r in records]
        ).update(severity=severity)
    return records
