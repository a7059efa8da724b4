"""Cross-cutting records: the audit log of administrative and state-changing acts."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Who did what to which object, when — written by services, never edited."""

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("handling"), max_length=80)
    target_type = models.CharField(max_length=80, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True)
    # Set by audit(); a daily count is dated to local midnight (see core/audit.py).
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    count = models.PositiveIntegerField(
        default=1, help_text="How many times, for an action counted per day."
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["municipality", "-created_at"]),
            # The audit log page is keyset-paginated on id.
            models.Index(fields=["municipality", "-id"], name="auditentry_newest"),
        ]
        verbose_name = _("logpost")
        verbose_name_plural = _("revisionslog")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_type}:{self.target_id}"
