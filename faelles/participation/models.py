"""The activity ladder: its rungs and the acts of participation recorded on them.

Every feature app records its acts here (see docs/activity-ladder.md); this app
imports no feature app. The table is the one ``initiatives`` created, where the
model lived before (``initiatives_participationact``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from faelles.municipalities.models import TenantModel


class Rung(models.IntegerChoices):
    """The activity ladder: from one's own life to the municipality's leadership."""

    OWN_LIFE = 1, _("Aktiv i eget liv")
    FAMILY = 2, _("Aktiv i familien")
    INSTITUTION = 3, _("Aktiv i en institution")
    CLOSE_NETWORK = 4, _("Aktiv i det nære netværk")
    CIVIL_SOCIETY = 5, _("Aktiv i civilsamfundet")
    LEADERSHIP = 6, _("Aktiv i kommunens ledelse")


class ParticipationAct(TenantModel):
    """One act of participation on the activity ladder (see docs/activity-ladder.md)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    action = models.CharField(max_length=60)
    rung = models.PositiveSmallIntegerField(choices=Rung.choices)
    source_type = models.CharField(max_length=60, blank=True)
    source_id = models.CharField(max_length=40, blank=True)
    occurred_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "initiatives_participationact"
        indexes = [
            models.Index(
                fields=["municipality", "rung", "user"], name="act_rung_user_idx"
            ),
            models.Index(
                fields=["municipality", "occurred_at"], name="act_occurred_idx"
            ),
            models.Index(fields=["user"], name="act_user_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rung__gte=1, rung__lte=6), name="act_rung_range"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} ({self.rung})"
