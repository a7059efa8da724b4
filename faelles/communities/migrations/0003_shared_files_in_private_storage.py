"""Shared files move from MEDIA_ROOT (served at /media/) to the private storage.

The names stay the same (``communities/<id>/<hex>/<name>``); each file is copied
to ``STORAGES["private"]`` and then removed from the public one. A file already
moved is left alone, so the migration can be re-run after a partial copy; a file
missing from both is reported, not fatal (its row stays, its download is a 404
as before).
"""

import logging

from django.core.files.storage import default_storage, storages
from django.db import migrations, models

import faelles.communities.models
import faelles.core.storage

log = logging.getLogger(__name__)


def move_to_private(apps, schema_editor):
    SharedFile = apps.get_model("communities", "SharedFile")
    private = storages["private"]
    names = SharedFile.objects.exclude(file="").values_list("file", flat=True)
    for name in names.iterator():
        if not default_storage.exists(name):
            if not private.exists(name):
                log.warning("shared file missing, left as it is: %s", name)
            continue
        if not private.exists(name):
            with default_storage.open(name, "rb") as source:
                saved = private.save(name, source)
            if saved != name:  # never expected: the name was free a moment ago
                raise RuntimeError(f"private copy of {name} was saved as {saved}")
        default_storage.delete(name)


def move_back(apps, schema_editor):
    SharedFile = apps.get_model("communities", "SharedFile")
    private = storages["private"]
    names = SharedFile.objects.exclude(file="").values_list("file", flat=True)
    for name in names.iterator():
        if private.exists(name) and not default_storage.exists(name):
            with private.open(name, "rb") as source:
                default_storage.save(name, source)
            private.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0002_trigram_search"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sharedfile",
            name="file",
            field=models.FileField(
                storage=faelles.core.storage.private_storage,
                upload_to=faelles.communities.models._file_path,
                verbose_name="fil",
            ),
        ),
        migrations.RunPython(move_to_private, move_back, elidable=False),
    ]
