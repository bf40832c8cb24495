"""Content-Security-Policy that differs between the public site and the editors' admin,
and the client address that brute-force protection counts failures against."""

from django.conf import settings
from django.http import HttpRequest

from csp.middleware import CSPMiddleware, PolicyParts


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES))


class SiteAndAdminCSPMiddleware(CSPMiddleware):
    """The strict CONTENT_SECURITY_POLICY everywhere, with CSP_ADMIN_REPLACE on admin paths.

    Wagtail's admin still writes a few inline scripts (InlinePanel, date/time pickers,
    search promotions) and inline style attributes, so only the admin gets
    'unsafe-inline'; readers' pages never run inline code.
    """

    def get_policy_parts(self, request: HttpRequest, response, report_only: bool = False):
        parts: PolicyParts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.replace is None and is_admin_path(request.path_info):
            parts.replace = settings.CSP_ADMIN_REPLACE
        return parts


def client_ip(request: HttpRequest) -> str:
    """The reader's address, trusting X-Forwarded-For only as far as our own proxies.

    Behind a load balancer REMOTE_ADDR is the balancer, so counting failed logins by it
    would lock out everybody at once; each trusted proxy appends the address it saw,
    so the right entry is the one TRUSTED_PROXY_COUNT places from the end.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = [ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [ip for ip in forwarded if ip]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def axes_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The username django-axes counts a login attempt against, cut to what it can store.

    Django's login form checks no length before authenticating (its ``max_length`` only
    reaches the widget), so a 300-character name reached axes' varchar(255) and answered
    500 on PostgreSQL; cut, the attempt is counted and the form says the login was wrong.
    """
    from axes.models import AccessAttempt  # an app model: not importable at settings time

    field = settings.AXES_USERNAME_FORM_FIELD
    username = (credentials or {}).get(field) if credentials else request.POST.get(field)
    if username is None:
        return None
    return str(username)[: AccessAttempt._meta.get_field("username").max_length]
