"""The activity ladder moves here from initiatives; the table stays where it is.

State only: ``initiatives.0007_ladder_moves_to_participation`` removes the model
from initiatives' state, this migration adds it to participation's. The database
table ``initiatives_participationact``, its indexes and constraint are untouched.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("initiatives", "0007_ladder_moves_to_participation"),
        ("municipalities", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ParticipationAct",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("action", models.CharField(max_length=60)),
                        (
                            "rung",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (1, "Aktiv i eget liv"),
                                    (2, "Aktiv i familien"),
                                    (3, "Aktiv i en institution"),
                                    (4, "Aktiv i det nære netværk"),
                                    (5, "Aktiv i civilsamfundet"),
                                    (6, "Aktiv i kommunens ledelse"),
                                ]
                            ),
                        ),
                        ("source_type", models.CharField(blank=True, max_length=60)),
                        ("source_id", models.CharField(blank=True, max_length=40)),
                        (
                            "occurred_at",
                            models.DateTimeField(default=django.utils.timezone.now),
                        ),
                        (
                            "municipality",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="municipalities.municipality",
                                verbose_name="kommune",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "initiatives_participationact",
                        "indexes": [
                            models.Index(
                                fields=["municipality", "rung", "user"],
                                name="act_rung_user_idx",
                            ),
                            models.Index(
                                fields=["municipality", "occurred_at"],
                                name="act_occurred_idx",
                            ),
                            models.Index(fields=["user"], name="act_user_idx"),
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("rung__gte", 1), ("rung__lte", 6)),
                                name="act_rung_range",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
