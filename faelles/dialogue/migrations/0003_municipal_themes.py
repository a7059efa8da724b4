"""Hearings are filed under the municipality's own themes (docs/themes.md).

A hearing that asks for input to a task committee starts under the
committee's theme; the others have none until staff choose one.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

from faelles.municipalities.themes import settle_deferred_checks


def committee_themes(apps, schema_editor):
    Hearing = apps.get_model("dialogue", "Hearing")
    TaskCommittee = apps.get_model("committees", "TaskCommittee")
    committees = TaskCommittee.objects.filter(pk=OuterRef("committee_id"))
    Hearing.objects.exclude(committee=None).update(
        theme_id=Subquery(committees.values("theme_id")[:1]),
        focus_area_id=Subquery(committees.values("focus_area_id")[:1]),
    )
    settle_deferred_checks(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0002_municipal_themes"),
        ("dialogue", "0002_committee"),
        ("municipalities", "0003_themes"),
    ]

    operations = [
        migrations.AddField(
            model_name="hearing",
            name="focus_area",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="municipalities.focusarea",
                verbose_name="indsatsområde",
            ),
        ),
        migrations.AddField(
            model_name="hearing",
            name="theme",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="municipalities.theme",
                verbose_name="tema",
            ),
        ),
        # Back: the columns go, so there is nothing to undo.
        migrations.RunPython(committee_themes, migrations.RunPython.noop),
    ]
