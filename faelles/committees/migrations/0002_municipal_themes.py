"""A committee's and a recommendation's typed theme becomes one of the
municipality's own themes (docs/themes.md), with an optional focus area."""

import django.db.models.deletion
from django.db import migrations, models

from faelles.municipalities.themes import map_theme_texts, settle_deferred_checks

MODELS = ("TaskCommittee", "Recommendation")


def to_themes(apps, schema_editor):
    """Each text becomes the theme with that name or key (a new one if none)."""
    Theme = apps.get_model("municipalities", "Theme")
    FocusArea = apps.get_model("municipalities", "FocusArea")
    models_ = [apps.get_model("committees", name) for name in MODELS]
    ids = set()
    for model in models_:
        ids.update(model.objects.values_list("municipality_id", flat=True))
    for mid in sorted(ids):
        texts = set()
        for model in models_:
            texts.update(
                model.objects.filter(municipality_id=mid)
                .values_list("theme", flat=True)
                .distinct()
            )
        mapping = map_theme_texts(Theme, FocusArea, mid, texts)
        for model in models_:
            rows = model.objects.filter(municipality_id=mid)
            for text, theme_id in mapping.items():
                rows.filter(theme=text).update(theme_ref_id=theme_id)
    settle_deferred_checks(schema_editor)


def to_texts(apps, schema_editor):
    """Back: each row gets its theme's (Danish) name as the text."""
    Theme = apps.get_model("municipalities", "Theme")
    for name in MODELS:
        model = apps.get_model("committees", name)
        used = model.objects.exclude(theme_ref=None).values_list(
            "theme_ref_id", flat=True
        )
        for theme_id, text in Theme.objects.filter(pk__in=used).values_list(
            "pk", "name"
        ):
            model.objects.filter(theme_ref_id=theme_id).update(theme=text[:120])
    settle_deferred_checks(schema_editor)


def _theme(**kwargs):
    return models.ForeignKey(
        blank=True,
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="municipalities.theme",
        verbose_name="tema",
        **kwargs,
    )


def _focus_area():
    return models.ForeignKey(
        blank=True,
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="municipalities.focusarea",
        verbose_name="indsatsområde",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0001_initial"),
        ("municipalities", "0003_themes"),
    ]

    operations = [
        *(
            migrations.AddField(
                model_name=name.lower(),
                name="theme_ref",
                field=models.ForeignKey(
                    null=True,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="municipalities.theme",
                ),
            )
            for name in MODELS
        ),
        migrations.RunPython(to_themes, to_texts),
        # A default, so that going back re-adds the column to rows that have one.
        *(
            migrations.AlterField(
                model_name=name.lower(),
                name="theme",
                field=models.CharField(blank=True, default="", max_length=120),
            )
            for name in MODELS
        ),
        *(
            migrations.RemoveField(model_name=name.lower(), name="theme")
            for name in MODELS
        ),
        *(
            migrations.RenameField(
                model_name=name.lower(), old_name="theme_ref", new_name="theme"
            )
            for name in MODELS
        ),
        migrations.AlterField(
            model_name="taskcommittee",
            name="theme",
            field=_theme(
                help_text="Det tema i kommunens strategi, udvalget arbejder med."
            ),
        ),
        migrations.AlterField(
            model_name="recommendation", name="theme", field=_theme()
        ),
        migrations.AddField(
            model_name="taskcommittee", name="focus_area", field=_focus_area()
        ),
        migrations.AddField(
            model_name="recommendation", name="focus_area", field=_focus_area()
        ),
    ]
