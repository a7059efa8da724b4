from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from .audit import unshown_actions
from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin[AuditEntry]):
    list_display = [
        "created_at",
        "municipality",
        "actor",
        "action",
        "count",
        "target_type",
        "target_id",
    ]
    list_filter = ["municipality", "action"]
    readonly_fields = [f.name for f in AuditEntry._meta.fields]

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditEntry]:
        # Hidden rows (a rate limit's) and participation written before the
        # registry are shown to nobody, platform administrators included.
        return super().get_queryset(request).exclude(action__in=unshown_actions())

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: AuditEntry | None = None
    ) -> bool:
        return False
