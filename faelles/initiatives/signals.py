"""Keep the denormalised counters right when a person deletes their account.

The account app deletes the user; supports, participations and follows go with it
(CASCADE), comments and stories stay anonymised (SET_NULL). Accounts must not
import initiatives, so the counters are corrected here, before the rows go.
"""

from django.conf import settings
from django.db.models import Count, F
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from .models import Follow, Initiative, Participation, Support

COUNTERS = (
    (Support, "support_count"),
    (Participation, "participant_count"),
    (Follow, "follower_count"),
)


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def correct_counters_before_account_deletion(sender, instance, **kwargs) -> None:
    for model, field in COUNTERS:
        rows = (
            model.objects.filter(user=instance)
            .values("initiative_id")
            .annotate(n=Count("id"))
            .order_by()
        )
        for row in rows:
            Initiative.objects.filter(pk=row["initiative_id"]).update(
                **{field: F(field) - row["n"]}
            )
