"""The activity ladder moves to the participation app; the table stays.

State only: the model leaves initiatives' state here and enters participation's in
``participation.0001_initial``. The table ``initiatives_participationact`` is kept
as it is (the model names it with ``db_table``), so no row changes.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0006_story_photos_in_private_storage"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ParticipationAct")],
            database_operations=[],
        ),
    ]
