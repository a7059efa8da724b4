from django.db import migrations, models

from faelles.competences import listing


class Migration(migrations.Migration):
    dependencies = [
        ("competences", "0002_profile_indexed"),
        ("accounts", "0010_membership_employee_users"),
    ]

    operations = [
        migrations.AddField(
            model_name="profile",
            name="listed",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.RunPython(listing.install, listing.remove),
    ]
