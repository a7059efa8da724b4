from django.conf import settings
from django.db import migrations, models

from faelles.competences import listing, naming


class Migration(migrations.Migration):
    dependencies = [
        ("competences", "0003_profile_listed"),
        ("municipalities", "0004_residence_codes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # SQLite adds the column by rebuilding the table, which drops the triggers on
    # the profile and breaks those on accounts and memberships that name it; so
    # the listing triggers are taken down first and put back afterwards. The index
    # comes before the triggers' updates (PostgreSQL builds no index on a table
    # with pending foreign-key checks).
    operations = [
        migrations.RunPython(listing.remove, listing.install),
        migrations.AddField(
            model_name="profile",
            name="owner_name",
            field=models.CharField(default="", editable=False, max_length=120),
        ),
        migrations.AddIndex(
            model_name="profile",
            index=models.Index(
                condition=models.Q(("listed", True)),
                fields=["municipality", "owner_name", "id"],
                name="profile_listed_by_name",
            ),
        ),
        migrations.RunPython(listing.install, listing.remove),
        migrations.RunPython(naming.install, naming.remove),
    ]
