"""Page passwords, rate-limited like logins.

Wagtail's ``authenticate_with_password`` view checks a page's shared password as often as it
is asked. Wrapped here (``config/urls.py`` mounts this on the same path, before Wagtail's URLs):
after ``PAGE_PASSWORD_FAILURE_LIMIT`` wrong passwords for one page from one client address
(``ops.security.client_ip``, as django-axes counts logins), that client is refused with a 429
until ``PAGE_PASSWORD_COOLOFF_HOURS`` after its last wrong password; a right password resets the
count. Both settings default to django-axes' login limits.

Failures are counted in the database, like axes' login attempts: every worker sees the same
count (a per-process cache would multiply the guesses by the number of workers), and a cache
outage neither lifts a lockout nor takes the form down. The cost is one write per wrong guess,
which the attacker pays; readers who know the password cost one read.
"""

from __future__ import annotations

import datetime
import math

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from wagtail import views as wagtail_views

from editorial.models import PagePasswordFailures
from ops.security import client_ip

LOCKED_TEMPLATE = "editorial/page_password_locked.html"


def failure_limit() -> int:
    return int(getattr(settings, "PAGE_PASSWORD_FAILURE_LIMIT", settings.AXES_FAILURE_LIMIT))


def cool_off() -> datetime.timedelta:
    hours = getattr(settings, "PAGE_PASSWORD_COOLOFF_HOURS", settings.AXES_COOLOFF_TIME)
    return datetime.timedelta(hours=float(hours))


def locked_until(restriction_id: int, client: str) -> datetime.datetime | None:
    """When this client may try this page's password again, if it is locked out now."""
    row = PagePasswordFailures.objects.filter(
        restriction_id=restriction_id, client_ip=client, failures__gte=failure_limit()
    ).first()
    if row is None:
        return None
    until = row.last_failure_at + cool_off()
    return until if until > timezone.now() else None


def record_failure(restriction_id: int, client: str) -> int:
    """Count one wrong password; a count older than the cool-off starts again from one."""
    now = timezone.now()
    with transaction.atomic():
        row, created = PagePasswordFailures.objects.select_for_update().get_or_create(
            restriction_id=restriction_id,
            client_ip=client,
            defaults={"failures": 1, "last_failure_at": now},
        )
        if not created:
            stale = row.last_failure_at + cool_off() <= now
            row.failures = 1 if stale else row.failures + 1
            row.last_failure_at = now
            row.save(update_fields=["failures", "last_failure_at"])
    return row.failures


def clear_failures(restriction_id: int, client: str) -> None:
    PagePasswordFailures.objects.filter(restriction_id=restriction_id, client_ip=client).delete()


def locked_out_response(request: HttpRequest, until: datetime.datetime) -> HttpResponse:
    seconds = max(1, math.ceil((until - timezone.now()).total_seconds()))
    context = {"minutes": math.ceil(seconds / 60)}
    response = TemplateResponse(request, LOCKED_TEMPLATE, context, status=429)
    response["Retry-After"] = str(seconds)
    return response


def authenticate_with_password(
    request: HttpRequest, page_view_restriction_id: int, page_id: int
) -> HttpResponse:
    """Wagtail's view, refused to a client with too many wrong passwords for this page."""
    if request.method != "POST":  # only a submitted password is a guess
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    client = client_ip(request)
    until = locked_until(page_view_restriction_id, client)
    if until is not None:
        return locked_out_response(request, until)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 302:  # Wagtail redirects only once the password was right
        clear_failures(page_view_restriction_id, client)
    elif record_failure(page_view_restriction_id, client) >= failure_limit():
        return locked_out_response(request, timezone.now() + cool_off())
    return response
