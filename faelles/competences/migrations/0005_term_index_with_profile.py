from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("competences", "0004_profile_owner_name"),
        ("municipalities", "0004_residence_codes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="profileterm",
            index=models.Index(
                fields=["municipality", "term", "profile"],
                name="competence_term_profile_idx",
            ),
        ),
        migrations.RemoveIndex(model_name="profileterm", name="competence_term_idx"),
    ]
