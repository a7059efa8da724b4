"""Initiatives' themes become the municipality's own themes (docs/themes.md)."""

import django.db.models.deletion
from django.db import migrations, models

from faelles.municipalities.themes import map_old_values, settle_deferred_checks


def to_themes(apps, schema_editor):
    """Each old value becomes the municipality's theme with that key."""
    Theme = apps.get_model("municipalities", "Theme")
    FocusArea = apps.get_model("municipalities", "FocusArea")
    Model = apps.get_model("initiatives", "InitiativeTheme")
    for mid in Model.objects.values_list("municipality_id", flat=True).distinct():
        rows = Model.objects.filter(municipality_id=mid)
        values = rows.values_list("theme", flat=True).distinct()
        for value, theme_id in map_old_values(Theme, FocusArea, mid, values).items():
            rows.filter(theme=value).update(theme_ref_id=theme_id)
    settle_deferred_checks(schema_editor)


def to_values(apps, schema_editor):
    """Back: each row gets its theme's key as the old value."""
    Theme = apps.get_model("municipalities", "Theme")
    Model = apps.get_model("initiatives", "InitiativeTheme")
    used = Model.objects.exclude(theme_ref=None).values_list("theme_ref_id", flat=True)
    for theme_id, key in Theme.objects.filter(pk__in=used).values_list("pk", "key"):
        Model.objects.filter(theme_ref_id=theme_id).update(theme=key[:20])
    settle_deferred_checks(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("municipalities", "0003_themes"),
        ("initiatives", "0007_ladder_moves_to_participation"),
    ]

    operations = [
        migrations.AddField(
            model_name="initiativetheme",
            name="theme_ref",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="municipalities.theme",
            ),
        ),
        # Before the data moves: going back, they return once the old values are.
        migrations.RemoveIndex(model_name="initiativetheme", name="init_theme_idx"),
        migrations.RemoveConstraint(
            model_name="initiativetheme", name="initiative_theme_once"
        ),
        migrations.RunPython(to_themes, to_values),
        # A default, so that going back re-adds the column to rows that have one.
        migrations.AlterField(
            model_name="initiativetheme",
            name="theme",
            field=models.CharField(default="", max_length=20),
        ),
        migrations.RemoveField(model_name="initiativetheme", name="theme"),
        migrations.RenameField(
            model_name="initiativetheme", old_name="theme_ref", new_name="theme"
        ),
        migrations.AlterField(
            model_name="initiativetheme",
            name="theme",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="municipalities.theme",
                verbose_name="tema",
            ),
        ),
        migrations.AddIndex(
            model_name="initiativetheme",
            index=models.Index(
                fields=["municipality", "theme", "-initiative"], name="init_theme_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="initiativetheme",
            constraint=models.UniqueConstraint(
                fields=("initiative", "theme"), name="initiative_theme_once"
            ),
        ),
        migrations.AddField(
            model_name="initiative",
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
    ]
