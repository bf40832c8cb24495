"""The importer's background tasks (django-tasks), run by the worker of the ``imports``
backend (settings.TASKS): a re-import reads its site again, which takes minutes at thousands
of pages, longer than a web request may."""

from dataclasses import asdict

from django.utils import timezone

from django_tasks import task

from legacy.models import ImportRecord, JobState, ReimportJob, this_worker
from legacy.parsing.profile import SiteProfile
from legacy.writing.reimport import reimport

BACKEND = "imports"
QUEUE = "imports"


def enqueue_reimport(job: ReimportJob) -> ReimportJob:
    """Queue ``job`` (saved) for the worker. With the database backend the task's row is
    written in the same transaction as the job's: the worker sees both or neither."""
    result = reimport_job.enqueue(job.pk)
    job.task_id = str(result.id)
    job.save(update_fields=["task_id"])
    return job


@task(backend=BACKEND, queue_name=QUEUE)
def reimport_job(job_id: int) -> dict:
    """Run a re-import job: its state goes to running, then done (with what it did) or
    failed (with why); an error also goes up, so the task backend records it too."""
    job = ReimportJob.objects.get(pk=job_id)
    job.state, job.started_at, job.worker = JobState.RUNNING, timezone.now(), this_worker()
    job.save(update_fields=["state", "started_at", "worker"])
    try:
        outcome = asdict(run_job(job))
    except Exception as error:
        finish(job, JobState.FAILED, {}, f"{type(error).__name__}: {error}")
        raise
    except BaseException:  # SystemExit: the worker stopped at once (a second SIGTERM, Ctrl-C)
        finish(job, JobState.FAILED, {}, "The worker was stopped before the job finished.")
        raise
    tried = outcome["written"] or outcome["failed"]
    if outcome["refused"] and not tried:
        finish(job, JobState.FAILED, outcome, " ".join(outcome["refused"]))
    else:
        finish(job, JobState.DONE, outcome, "")
    return outcome


def run_job(job: ReimportJob):
    records = (
        ImportRecord.objects.filter(pk__in=job.records)
        .defer("original_html", "removed", "leftovers")
        .select_related("last_run")
        .order_by("source_path")
    )
    profile = None
    if job.profile.strip():
        profile = SiteProfile.from_toml(job.profile, source=f"the profile of re-import {job.pk}")
    who = job.requested_by.get_username() if job.requested_by else "someone"
    return reimport(
        list(records),
        section=job.section,
        profile=profile,
        invoked_by=f"{who} (review queue, re-import {job.pk})",
    )


def finish(job: ReimportJob, state: str, outcome: dict, message: str) -> None:
    job.state, job.outcome, job.message = state, outcome, message
    job.finished_at = timezone.now()
    job.save(update_fields=["state", "outcome", "message", "finished_at"])


def run_again(job: ReimportJob, user) -> ReimportJob:
    """Queue an interrupted job's re-import again as a new job; the old one is failed, saying
    which job took its place."""
    again = ReimportJob.objects.create(
        requested_by=user, records=job.records, section=job.section, profile=job.profile
    )
    enqueue_reimport(again)
    message = f"Interrupted: its worker stopped. Run again as re-import {again.pk}."
    finish(job, JobState.FAILED, job.outcome, message)
    return again
