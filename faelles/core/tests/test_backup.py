"""``faelles backup`` and ``faelles restore`` (faelles/core/backup.py).

The round trip backs up the test database (SQLite or PostgreSQL, whichever the
pass runs on) and both storages, then restores the archive in a separate process
into an empty database — on PostgreSQL a freshly created cluster
(``scripts/with-postgres``) — and empty folders, and finds every row and file.
"""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from faelles.accounts.factories import UserFactory
from faelles.communities.factories import CommunityFactory
from faelles.core import backup
from faelles.municipalities.factories import MunicipalityFactory

ROOT = Path(__file__).resolve().parents[3]

FILES = {
    ("default", "images/2026/forside æøå.jpg"): b"\xff\xd8\xff"
    + bytes(range(256)) * 40,
    ("default", "top.txt"): b"top level\n",
    ("private", "communities/7/referat.pdf"): b"%PDF-1.4 referat\n" * 100,
}


@pytest.fixture
def stored_files():
    for (alias, name), content in FILES.items():
        storages[alias].save(name, ContentFile(content))
    yield
    for alias, name in FILES:
        storages[alias].delete(name)


@pytest.fixture
def data(transactional_db):
    place = MunicipalityFactory(name="Backupby", slug="backupby")
    people = [UserFactory(email=f"person{n}@backup.test") for n in range(3)]
    CommunityFactory(
        municipality=place, name="Strikkeklubben i Backupby", host=people[0]
    )
    return place


def _restore_elsewhere(archive: Path, tmp_path: Path) -> dict:
    """Restore ``archive`` in a new process into an empty database and folders;
    return what that process finds there."""
    media, private = tmp_path / "restored-media", tmp_path / "restored-private"
    report = tmp_path / "found.json"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "faelles.settings.base",
        "FAELLES_VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(media),
        "FAELLES_PRIVATE_MEDIA_ROOT": str(private),
    }
    find = (
        "import django, json, sys; django.setup();"
        "from faelles.core.backup import table_counts;"
        "from django.db import connection;"
        "c = connection.cursor();"
        "c.execute('SELECT email FROM accounts_user ORDER BY email');"
        "emails = [r[0] for r in c.fetchall()];"
        "json.dump({'tables': table_counts(), 'emails': emails}, open(sys.argv[1], 'w'))"
    )
    script = (
        f"{sys.executable} -m faelles restore {archive} && "
        f'{sys.executable} -c "{find}" {report}'
    )
    if connection.vendor == "postgresql":
        env.pop("DATABASE_URL", None)
        command = [str(ROOT / "scripts" / "with-postgres"), "sh", "-c", script]
    else:
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        command = ["sh", "-c", script]
    done = subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "all counted" in done.stdout
    found = json.loads(report.read_text())
    found["media"], found["private"] = media, private
    return found


@pytest.mark.slow
def test_a_backup_restores_into_an_empty_database_with_every_row_and_file(
    data, stored_files, tmp_path
):
    archive = tmp_path / "nightly" / "faelles-test.tar"
    call_command("backup", output=archive, stdout=io.StringIO())
    counts = backup.table_counts()
    assert counts["communities_community"] == 1

    found = _restore_elsewhere(archive, tmp_path)

    assert found["tables"] == counts
    assert [e for e in found["emails"] if e.endswith("@backup.test")] == [
        f"person{n}@backup.test" for n in range(3)
    ]
    for (alias, name), content in FILES.items():
        folder = found["media"] if alias == "default" else found["private"]
        assert (folder / name).read_bytes() == content


def test_the_archive_has_a_manifest_with_checksums(data, stored_files, tmp_path):
    archive = tmp_path / "b.tar"
    manifest = backup.backup(archive)
    with tarfile.open(archive) as opened:
        names = opened.getnames()
        sums = opened.extractfile("SHA256SUMS").read().decode()
        raw = json.loads(opened.extractfile("manifest.json").read())
    assert raw["format"] == "faelles-backup" and raw["engine"] == connection.vendor
    assert "accounts" in raw["migrations"]
    for (alias, name), content in FILES.items():
        member = f"{'media' if alias == 'default' else 'private'}/{name}"
        assert member in names
        digest = hashlib.sha256(content).hexdigest()
        assert manifest.files[member] == {"sha256": digest, "size": len(content)}
        assert f"{digest}  {member}\n" in sums
    assert backup.verify(archive).tables == manifest.tables
    assert not list(tmp_path.glob(".*partial"))


def _rewrite(source: Path, target: Path, change) -> None:
    with tarfile.open(source) as old, tarfile.open(target, "w") as new:
        for info in old.getmembers():
            content = old.extractfile(info).read()
            content = change(info.name, content)
            info.size = len(content)
            new.addfile(info, io.BytesIO(content))


def test_a_damaged_backup_is_refused_before_anything_is_written(
    data, stored_files, tmp_path
):
    archive = tmp_path / "b.tar"
    backup.backup(archive)
    damaged = tmp_path / "damaged.tar"
    _rewrite(
        archive,
        damaged,
        lambda name, content: (
            content[:-1] + b"X" if name == "media/top.txt" else content
        ),
    )
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("backup", verify=damaged, stdout=io.StringIO())
    # The restore checks first: the (non-empty) test database is not even looked at.
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(damaged), stdout=io.StringIO())


def test_restore_refuses_a_database_that_holds_data(data, tmp_path):
    archive = tmp_path / "b.tar"
    backup.backup(archive)
    before = backup.table_counts()
    with pytest.raises(CommandError, match="already holds tables"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert backup.table_counts() == before


def test_a_file_that_is_not_a_backup_is_named_as_such(tmp_path, db):
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"not a tar file at all")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("backup", verify=junk, stdout=io.StringIO())
    foreign = tmp_path / "foreign.tar"
    with tarfile.open(foreign, "w") as opened:
        opened.addfile(tarfile.TarInfo("hello.txt"), io.BytesIO(b""))
    with pytest.raises(CommandError, match="not a Fælles backup"):
        call_command("restore", str(foreign), stdout=io.StringIO())


def test_a_member_outside_the_manifest_or_the_archive_is_refused(data, tmp_path):
    archive = tmp_path / "b.tar"
    backup.backup(archive)
    sneaky = tmp_path / "sneaky.tar"
    with tarfile.open(archive) as old, tarfile.open(sneaky, "w") as new:
        for info in old.getmembers():
            new.addfile(info, old.extractfile(info))
        new.addfile(tarfile.TarInfo("../etc/passwd"), io.BytesIO(b""))
    with pytest.raises(backup.BackupError, match="unexpected entry"):
        backup.verify(sneaky)


def test_old_backups_are_pruned_but_never_the_newest(tmp_path):
    import datetime as dt

    folder = tmp_path / "backups"
    folder.mkdir()
    now = dt.datetime(2026, 12, 6, tzinfo=dt.UTC)
    for days in (40, 31, 10, 1):
        path = folder / f"faelles-{days}.tar"
        path.write_bytes(b"x")
        stamp = (now - dt.timedelta(days=days)).timestamp()
        os.utime(path, (stamp, stamp))
    removed = backup.prune(folder, keep_days=30, now=now)
    assert sorted(p.name for p in removed) == ["faelles-31.tar", "faelles-40.tar"]
    # All older than the limit: the newest stays.
    assert backup.prune(folder, keep_days=0, now=now + dt.timedelta(days=400)) == [
        folder / "faelles-10.tar"
    ]
    assert [p.name for p in folder.iterdir()] == ["faelles-1.tar"]
