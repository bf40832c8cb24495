"""Django admin (/django-admin/): an administrator can lift a page-password lockout early."""

from django.contrib import admin

from editorial.models import PagePasswordFailures


@admin.register(PagePasswordFailures)
class PagePasswordFailuresAdmin(admin.ModelAdmin):
    list_display = ("client_ip", "restriction", "failures", "last_failure_at")
    search_fields = ("client_ip",)
    readonly_fields = ("client_ip", "restriction", "failures", "last_failure_at")
