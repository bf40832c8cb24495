"""Page passwords, rate-limited like logins.

Wagtail's ``authenticate_with_password`` view checks a page's shared password as often as it
is asked. Wrapped here (``config/urls.py`` mounts this on the same path, before Wagtail's URLs):
after ``PAGE_PASSWORD_FAILURE_LIMIT`` wrong passwords for one page from one client address
(``ops.security.client_ip``, as django-axes counts logins), that client is refused with a 429
until ``PAGE_PASSWORD_COOLOFF_HOURS`` after its last wrong password; a right password resets the
count. Both settings default to django-axes' login limits.

Failures are counted in the database, like axes' login attempts: every worker sees the same
count (a per-process cache would multiply the guesses by the number of workers), and a cache
outage neither lifts a lockout nor takes the form down. Each guess is counted in one UPDATE
before its password is checked (``claim_attempt``), so simultaneous guesses cannot all read a
count under the limit and all be checked. The cost is a write per guess (and a delete when it
was right).
"""

from __future__ import annotations

import datetime
import math

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone

from wagtail import views as wagtail_views
from wagtail.models import PageViewRestriction

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


# One statement, so that simultaneous guesses are counted one after another (the row is
# locked for the UPDATE, and PostgreSQL checks the WHERE again on the row it waited for;
# SQLite runs one write at a time): at most ``limit`` guesses ever reach the password check.
CLAIM_SQL = """
UPDATE {table} SET
    failures = CASE WHEN last_failure_at <= %(stale_before)s THEN 1 ELSE failures + 1 END,
    last_failure_at = %(now)s
WHERE restriction_id = %(restriction)s AND client_ip = %(client)s
    AND (failures < %(limit)s OR last_failure_at <= %(stale_before)s)
RETURNING failures
"""


def claim_attempt(restriction_id: int, client: str) -> int | None:
    """Count a guess *before* it is checked, as a failure until it proves right; return its
    number, or None if this client is locked out (then the guess is neither checked nor
    counted). A count older than the cool-off starts again from one."""
    now = timezone.now()
    as_stored = connection.ops.adapt_datetimefield_value
    params = {
        "now": as_stored(now),
        "stale_before": as_stored(now - cool_off()),
        "restriction": restriction_id,
        "client": client,
        "limit": failure_limit(),
    }
    table = connection.ops.quote_name(PagePasswordFailures._meta.db_table)
    for _ in range(2):  # a second pass if another guess created the row first
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(CLAIM_SQL.format(table=table), params)
            claimed = cursor.fetchone()
        if claimed:
            return claimed[0]
        if PagePasswordFailures.objects.filter(
            restriction_id=restriction_id, client_ip=client
        ).exists():
            return None  # the row is there and was not updated: locked out
        try:
            with transaction.atomic():
                PagePasswordFailures.objects.create(
                    restriction_id=restriction_id,
                    client_ip=client,
                    failures=1,
                    last_failure_at=now,
                )
            return 1
        except IntegrityError:
            continue
    return None


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
    # Only a guess at a password that exists is counted (a row must name a real restriction).
    get_object_or_404(PageViewRestriction, pk=page_view_restriction_id)
    client = client_ip(request)
    attempt = claim_attempt(page_view_restriction_id, client)
    if attempt is None:
        until = locked_until(page_view_restriction_id, client) or timezone.now()
        return locked_out_response(request, until)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 302:  # Wagtail redirects only once the password was right
        clear_failures(page_view_restriction_id, client)
    elif attempt >= failure_limit():
        return locked_out_response(request, timezone.now() + cool_off())
    return response
