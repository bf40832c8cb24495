"""A re-import whose worker is killed mid-job reads "Interrupted" in the queue, with a button
to run it again, instead of "Running" forever: the task backend keeps no heartbeat, so the job
records its worker (host:pid) and the queue asks whether that process is still there; a job
running longer than REIMPORT_JOB_TIME_LIMIT counts as interrupted too."""

import multiprocessing
import os
import signal
import time
from datetime import timedelta

from django.db import connection, connections
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from legacy.models import ImportRecord, JobState, ReimportJob, this_worker
from legacy.tasks import enqueue_reimport

from .mirror import LONG_PARAGRAPHS, feature, write_mirror
from .test_reimport_from_queue import QUEUE, import_mirror, queue_jobs, run_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


INHERITED = []


def worker_process() -> None:
    # The parent's connections are not the child's to use, nor to close (closing one would
    # end the parent's session on its server): kept aside, never freed, and new ones opened.
    for conn in connections.all(initialized_only=True):
        INHERITED.append(conn.connection)
        conn.connection = None
    run_worker()


def queued_job(record: ImportRecord) -> ReimportJob:
    job = ReimportJob.objects.create(records=[record.pk], section="film")
    return enqueue_reimport(job)


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_worker_killed_mid_job_leaves_it_interrupted_and_it_can_run_again(
    admin_client, tmp_path
):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("a worker process needs a database file or server (see conftest)")
    mirror = write_mirror(tmp_path, {"specials/pier.htm": feature("Pier", [("Sea", "Waves.")])})
    import_mirror(mirror, "--section", "specials/*=feature")
    # a site of 400 pages, read again in full by the re-import: seconds of work to kill
    body = [("Light", LONG_PARAGRAPHS[0])]
    write_mirror(mirror, {f"specials/p{n}.htm": feature(f"Page {n}", body) for n in range(400)})
    pier = ImportRecord.objects.get()
    job = queued_job(pier)

    worker = multiprocessing.get_context("fork").Process(target=worker_process)
    worker.start()
    wait_for(lambda: ReimportJob.objects.get(pk=job.pk).state == JobState.RUNNING)
    os.kill(worker.pid, signal.SIGKILL)
    worker.join()

    job.refresh_from_db()
    assert job.state == JobState.RUNNING and job.worker.endswith(f":{worker.pid}")
    assert DBTaskResult.objects.get(pk=job.task_id).status == "RUNNING"  # the backend's too
    assert job.interrupted and not job.pending
    panel = queue_jobs(admin_client)
    assert "Interrupted" in panel and "its worker is gone" in panel
    assert "Run it again" in panel and "data-job-pending" not in panel  # no polling for it

    response = admin_client.post(f"{QUEUE}jobs/{job.pk}/run-again/", follow=True)
    again = ReimportJob.objects.exclude(pk=job.pk).get()
    assert f"queued again as re-import {again.pk}" in response.content.decode()
    job.refresh_from_db()
    assert job.state == JobState.FAILED and f"re-import {again.pk}" in job.message
    assert (again.records, again.section, again.state) == ([pier.pk], "film", JobState.QUEUED)

    run_worker()
    again.refresh_from_db()
    assert again.state == JobState.DONE and again.written == 1
    pier.refresh_from_db()
    assert pier.section == "film"


def test_a_job_running_past_the_limit_is_interrupted_and_a_live_one_is_not(admin_client, settings):
    settings.REIMPORT_JOB_TIME_LIMIT = 3600
    job = ReimportJob.objects.create(
        records=[1], state=JobState.RUNNING, started_at=timezone.now(), worker=this_worker()
    )
    assert not job.interrupted and job.pending  # this process is alive
    assert "data-job-pending" in queue_jobs(admin_client)
    response = admin_client.post(f"{QUEUE}jobs/{job.pk}/run-again/", follow=True)
    assert "is not interrupted" in response.content.decode()
    assert ReimportJob.objects.count() == 1

    job.started_at = timezone.now() - timedelta(hours=2)
    job.save()
    assert job.interrupted
    assert "Interrupted" in queue_jobs(admin_client)
