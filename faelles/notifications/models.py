"""In-app notifications and each person's wishes for e-mail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Med det samme")
    DAILY = "daily", _("Samlet én gang om dagen")
    WEEKLY = "weekly", _("Samlet én gang om ugen")
    NEVER = "never", _("Aldrig – kun her på siden")


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(max_length=80)
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("tekst"), blank=True)
    url = models.CharField(max_length=500, blank=True)
    dedupe_key = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # Set when the person's wishes say this kind is never e-mailed.
    email_skipped = models.BooleanField(default=False)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("besked")
        verbose_name_plural = _("beskeder")
        indexes = [
            models.Index(fields=["recipient", "-created_at"]),
            models.Index(fields=["recipient", "emailed_at"]),
            models.Index(
                fields=["created_at"],
                condition=models.Q(emailed_at__isnull=True, email_skipped=False),
                name="notification_mail_pending",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"],
                condition=~models.Q(dedupe_key=""),
                name="notification_dedupe_per_recipient",
            )
        ]

    def __str__(self) -> str:
        return self.title


class NotificationPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    email_frequency = models.CharField(
        _("e-mail om nye beskeder"),
        max_length=10,
        choices=EmailFrequency.choices,
        default=EmailFrequency.IMMEDIATE,
    )
    # Per category ("events", "communities" …) a frequency that overrides
    # ``email_frequency``; categories not present follow the general choice.
    kind_frequencies = models.JSONField(default=dict, blank=True)
    # Immediate mails are at least this far apart; the rest are gathered in one
    # mail by the next digest run.
    cooldown_minutes = models.PositiveIntegerField(default=30)
    last_emailed_at = models.DateTimeField(null=True, blank=True)
    last_daily_digest_at = models.DateTimeField(null=True, blank=True)
    last_weekly_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("beskedindstilling")
        verbose_name_plural = _("beskedindstillinger")

    def __str__(self) -> str:
        return f"{self.user}: {self.email_frequency}"

    def frequency_for(self, kind: str) -> str:
        from .kinds import category_of

        chosen = (self.kind_frequencies or {}).get(category_of(kind))
        return chosen if chosen in EmailFrequency.values else self.email_frequency
