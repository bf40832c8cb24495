"""What the editorial app stores itself: wrong page passwords counted per client."""

from django.db import models


class PagePasswordFailures(models.Model):
    """Wrong passwords one client sent for one password-protected page (a view restriction).

    Kept in the database, not the cache: every worker sees the same count, and a cache outage
    neither lifts a lockout nor breaks the password form (see ``editorial.passwords``).
    """

    restriction = models.ForeignKey(
        "wagtailcore.PageViewRestriction", on_delete=models.CASCADE, related_name="+"
    )
    client_ip = models.CharField(max_length=64)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField()

    class Meta:
        verbose_name = "page password failures"
        verbose_name_plural = "page password failures"
        constraints = [
            models.UniqueConstraint(
                fields=["restriction", "client_ip"], name="page_password_failures_per_client"
            )
        ]

    def __str__(self) -> str:
        return f"{self.failures} wrong password(s) from {self.client_ip}"
