"""Apply the audit log's rules to the rows written before them.

* Citizens' ordinary participation (the verbs recorded ``NOT_WRITTEN`` when this
  migration was written) is deleted: the participation itself is the record.
* Ballots cast and changed, which named the voter and the minute, become one count
  per round and local day, without the person, dated to midnight — as
  ``core.audit`` writes them now.

See docs/architecture.md ("Audit log") and docs/budgeting.md ("Ballot secrecy").
"""

from collections import Counter
from datetime import datetime, time

from django.db import migrations
from django.utils import timezone

PARTICIPATION = [
    "communities.accept_invitation",
    "communities.join",
    "communities.leave",
    "communities.post",
    "communities.request",
    "events.cancel_signup",
    "events.checkin",
    "events.promoted",
    "events.signup",
    "initiative.comment",
    "initiative.follow",
    "initiative.join",
    "initiative.support",
    "initiative.unfollow",
    "initiative.unsupport",
    "membership.join",
    "movements.pledge",
    "movements.pledge_withdraw",
    "notifications.preferences",
    "resources.collaboration_feedback",
    "resources.collaboration_hours",
    "resources.collaboration_status",
    "resources.proposal_accept",
    "resources.proposal_confirm",
    "resources.proposal_decline",
    "resources.proposal_dismiss",
    "resources.proposal_respond",
]
BALLOTS = ["budgeting.ballot_cast", "budgeting.ballot_change"]


def forget_and_count(apps, schema_editor):
    AuditEntry = apps.get_model("core", "AuditEntry")
    AuditEntry.objects.filter(action__in=PARTICIPATION).delete()
    named = AuditEntry.objects.filter(action__in=BALLOTS, actor__isnull=False)
    counts = Counter(
        (
            row["municipality_id"],
            row["action"],
            row["target_type"],
            row["target_id"],
            timezone.localdate(row["created_at"]),
        )
        for row in named.values(
            "municipality_id", "action", "target_type", "target_id", "created_at"
        ).iterator()
    )
    named.delete()
    AuditEntry.objects.bulk_create(
        AuditEntry(
            municipality_id=municipality_id,
            action=action,
            target_type=target_type,
            target_id=target_id,
            created_at=timezone.make_aware(datetime.combine(day, time.min)),
            count=count,
        )
        for (municipality_id, action, target_type, target_id, day), count in sorted(
            counts.items(), key=lambda item: item[0][4]
        )
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0003_audit_daily_counts")]

    operations = [migrations.RunPython(forget_and_count, migrations.RunPython.noop)]
