"""Receipts keep the day of voting only, and lose their token once voting closed.

The exact time a person voted (and changed their vote) ordered the receipts like
the ballots were written; the token joined a receipt to its ballot after the
close, when nobody needs to change a vote any more (docs/budgeting.md).
"""

import django.utils.timezone
from django.db import migrations, models
from django.db.models.functions import TruncDate


def days_only_and_erase_closed(apps, schema_editor):
    BallotReceipt = apps.get_model("budgeting", "BallotReceipt")
    # The local day (TruncDate uses the current time zone), in one statement.
    BallotReceipt.objects.update(voted_on=TruncDate("cast_at"))
    BallotReceipt.objects.filter(
        round__phase__in=["results", "implementation"]
    ).update(ballot_token=None)


class Migration(migrations.Migration):
    dependencies = [
        ("budgeting", "0002_secret_ballot_ids_add1_rule"),
    ]

    operations = [
        migrations.AddField(
            model_name="ballotreceipt",
            name="voted_on",
            field=models.DateField(default=django.utils.timezone.localdate),
        ),
        migrations.AlterField(
            model_name="ballotreceipt",
            name="ballot_token",
            field=models.UUIDField(
                editable=False,
                help_text="Random voter token; the ballot id is a keyed hash of it. "
                "Erased when voting closes, so that nothing leads to the ballot "
                "any more.",
                null=True,
                unique=True,
            ),
        ),
        migrations.RunPython(days_only_and_erase_closed, migrations.RunPython.noop),
        migrations.RemoveField(model_name="ballotreceipt", name="cast_at"),
        migrations.RemoveField(model_name="ballotreceipt", name="changed_at"),
    ]
