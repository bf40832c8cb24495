"""The queue's re-import jobs panel follows its jobs without a reload: the queue page asks
Wagtail's w-swap to reload the panel's fragment while a job is pending, and the fragment says
when none is (the browser side: tests/browser/test_review_queue.py)."""

import pytest

from legacy.models import JobState, ReimportJob

pytestmark = pytest.mark.django_db

QUEUE = "/admin/legacy/importrecord/"
PANEL = "/admin/legacy/importrecord/jobs-panel/"


def test_the_queue_polls_the_panel_while_a_job_is_pending(admin_client):
    job = ReimportJob.objects.create(records=[1, 2], section="film")
    queue = admin_client.get(QUEUE).content.decode()
    assert 'data-controller="w-swap legacy-jobs-poll"' in queue
    assert f'data-w-swap-src-value="{PANEL}"' in queue
    assert "legacy/jobs-poll.js" in queue

    panel = admin_client.get(PANEL).content.decode()
    assert f"Re-import {job.pk}" in panel and "Queued" in panel
    assert "data-job-pending" in panel
    assert "<html" not in panel  # the fragment only, for w-swap to put in place

    job.state = JobState.RUNNING
    job.save()
    assert "data-job-pending" in admin_client.get(PANEL).content.decode()

    job.state, job.outcome = JobState.DONE, {"written": ["a.htm", "b.htm"], "converted": []}
    job.save()
    panel = admin_client.get(PANEL).content.decode()
    assert "Done" in panel and "2 re-imported" in panel
    assert "data-job-pending" not in panel  # the page's poller stops on this


def test_no_jobs_no_panel_and_no_polling(admin_client):
    queue = admin_client.get(QUEUE).content.decode()
    assert "legacy-jobs-poll" not in queue.replace("legacy/jobs-poll.js", "")


def test_the_panel_needs_the_queues_permission(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    ReimportJob.objects.create(records=[1])
    response = client.get(PANEL)  # Wagtail turns PermissionDenied into a redirect home
    assert response.status_code == 302 and b"Re-import" not in response.content
