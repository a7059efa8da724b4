"""Story photos move from MEDIA_ROOT (served at /media/) to the private storage.

A draft's photos may show people whose consent is not recorded yet, and a story
about a private group is as hidden as the group; only the story's photo view,
which checks the story, serves them now. Names stay the same; a photo already
moved is left alone (the migration can be re-run), a missing one is reported.
"""

import logging

from django.core.files.storage import default_storage, storages
from django.db import migrations, models

import faelles.core.storage
import faelles.initiatives.models

log = logging.getLogger(__name__)


def _names(apps):
    StoryPhoto = apps.get_model("initiatives", "StoryPhoto")
    return StoryPhoto.objects.exclude(image="").values_list("image", flat=True)


def move_to_private(apps, schema_editor):
    private = storages["private"]
    for name in _names(apps).iterator():
        if not default_storage.exists(name):
            if not private.exists(name):
                log.warning("story photo missing, left as it is: %s", name)
            continue
        if not private.exists(name):
            with default_storage.open(name, "rb") as source:
                saved = private.save(name, source)
            if saved != name:
                raise RuntimeError(f"private copy of {name} was saved as {saved}")
        default_storage.delete(name)


def move_back(apps, schema_editor):
    private = storages["private"]
    for name in _names(apps).iterator():
        if private.exists(name) and not default_storage.exists(name):
            with private.open(name, "rb") as source:
                default_storage.save(name, source)
            private.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0005_trial_revisions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="storyphoto",
            name="image",
            field=models.ImageField(
                storage=faelles.core.storage.private_storage,
                upload_to=faelles.initiatives.models.story_photo_path,
                verbose_name="foto",
            ),
        ),
        migrations.RunPython(move_to_private, move_back, elidable=False),
    ]
