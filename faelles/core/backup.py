"""``faelles backup`` and ``faelles restore``: the database and every stored file in
one archive, with a manifest and checksums (docs/operations.md, "Backups").

A backup is one uncompressed tar file::

    database.dump        pg_dump --format=custom (PostgreSQL), or
    database.sqlite3     a consistent copy through SQLite's backup API
    media/<name>         every file of the public storage ("default")
    private/<name>       every file of the private storage ("private")
    SHA256SUMS           the checksums in ``sha256sum -c`` format
    manifest.json        format, time, engine, applied migrations, the number of
                         rows in every table, and every file with size and SHA-256

Files are read through Django's storage API, so the same command backs up a
local folder or an object store. A restore checks every checksum before it
writes anything, refuses a target database that already holds tables or a
stored file that differs from the backup's (data once saved is never overwritten
silently), restores the database in one transaction, then the files, and
finally counts the rows of every table against the manifest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.core.files.base import File
from django.core.files.storage import Storage, storages
from django.db import connection
from django.db.migrations.loader import MigrationLoader

FORMAT = "faelles-backup"
VERSION = 1
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
STORAGE_FOLDERS = {"default": "media", "private": "private"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """The backup or restore cannot go on; nothing was changed by this step."""


@dataclass
class Manifest:
    created: str
    engine: str
    migrations: dict[str, list[str]]
    tables: dict[str, int]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)

    def as_json(self) -> bytes:
        return json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "created": self.created,
                "engine": self.engine,
                "migrations": self.migrations,
                "tables": self.tables,
                "files": self.files,
            },
            indent=2,
            sort_keys=True,
        ).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise BackupError(f"{MANIFEST} is not valid JSON: {exc}") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BackupError("This file is not a Fælles backup (no manifest of ours).")
        if data.get("version") != VERSION:
            raise BackupError(
                f"Backup format version {data.get('version')} is not supported "
                f"(this Fælles reads version {VERSION})."
            )
        try:
            return cls(
                created=str(data["created"]),
                engine=str(data["engine"]),
                migrations={k: list(v) for k, v in data["migrations"].items()},
                tables={str(k): int(v) for k, v in data["tables"].items()},
                files=dict(data["files"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise BackupError(f"{MANIFEST} is incomplete: {exc}") from exc


# --- what the database holds ---------------------------------------------------


def engine_name() -> str:
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def table_counts() -> dict[str, int]:
    """Rows per table of every model Django manages (and its many-to-many tables)."""
    tables: set[str] = set()
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy:
            tables.add(meta.db_table)
    existing = set(connection.introspection.table_names())
    counts: dict[str, int] = {}
    with connection.cursor() as cursor:
        for table in sorted(tables & existing):
            # The names are the models' own tables (and exist), quoted by the backend.
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT COUNT(*) FROM {quoted}")  # noqa: S608
            counts[table] = int(cursor.fetchone()[0])
    return counts


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in sorted(MigrationLoader(connection).applied_migrations):
        applied.setdefault(app_label, []).append(name)
    return applied


def _pg_environment() -> dict[str, str]:
    """libpq's environment for the default database (no password on a command line)."""
    settings = connection.settings_dict
    env = dict(os.environ)
    for key, setting in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        value = settings.get(setting)
        if value:
            env[key] = str(value)
        else:
            env.pop(key, None)
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    executable = shutil.which(command[0])
    if executable is None:
        raise BackupError(
            f"{command[0]} was not found; install PostgreSQL's client tools "
            "(Debian: apt-get install postgresql-client)."
        )
    done = subprocess.run(
        [executable, *command[1:]], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()}")


def dump_database(target: Path) -> str:
    """Write the database to ``target``; return its name inside the archive."""
    engine = engine_name()
    if engine == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(target)],
            _pg_environment(),
        )
        return "database.dump"
    connection.ensure_connection()
    source = connection.connection
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
    return "database.sqlite3"


# --- files ---------------------------------------------------------------------


def stored_files(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every file name in ``storage``, depth first, in a stable order."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from stored_files(storage, f"{folder}/{sub}" if folder else sub)


def _digest(handle: IO[bytes], copy: IO[bytes] | None = None) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if copy is not None:
            copy.write(chunk)
    return digest.hexdigest(), size


def _add(archive: tarfile.TarFile, name: str, handle: IO[bytes], size: int) -> None:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(dt.datetime.now(tz=dt.UTC).timestamp())
    info.mode = 0o600
    archive.addfile(info, handle)


# --- backup ----------------------------------------------------------------------


def backup(output: Path) -> Manifest:
    """Write a backup to ``output`` (atomically: a partial file never has its name)."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(
        created=dt.datetime.now(tz=dt.UTC).isoformat(timespec="seconds"),
        engine=engine_name(),
        migrations=applied_migrations(),
        tables=table_counts(),
    )
    partial = output.with_name(f".{output.name}.partial")
    with tempfile.TemporaryDirectory(dir=output.parent) as work:
        dump = Path(work) / "database"
        name = dump_database(dump)
        try:
            with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as archive:
                with dump.open("rb") as handle:
                    sha, size = _digest(handle)
                    handle.seek(0)
                    _add(archive, name, handle, size)
                manifest.files[name] = {"sha256": sha, "size": size}
                for alias, folder in STORAGE_FOLDERS.items():
                    storage = storages[alias]
                    for stored in stored_files(storage):
                        with (
                            storage.open(stored, "rb") as handle,
                            tempfile.SpooledTemporaryFile(CHUNK * 16) as copy,
                        ):
                            sha, size = _digest(handle, copy)
                            copy.seek(0)
                            member = f"{folder}/{stored}"
                            _add(archive, member, copy, size)
                            manifest.files[member] = {"sha256": sha, "size": size}
                sums = "".join(
                    f"{entry['sha256']}  {member}\n"
                    for member, entry in sorted(manifest.files.items())
                ).encode()
                _add(archive, SUMS, io.BytesIO(sums), len(sums))
                raw = manifest.as_json()
                _add(archive, MANIFEST, io.BytesIO(raw), len(raw))
            os.replace(partial, output)
        finally:
            partial.unlink(missing_ok=True)
    return manifest


def prune(
    folder: Path, *, keep_days: int, now: dt.datetime | None = None
) -> list[Path]:
    """Delete backups in ``folder`` older than ``keep_days``; never the newest one."""
    now = now or dt.datetime.now(tz=dt.UTC)
    found = sorted(folder.glob("faelles-*.tar"), key=lambda path: path.stat().st_mtime)
    removed = []
    for path in found[:-1]:
        age = now - dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
        if age > dt.timedelta(days=keep_days):
            path.unlink()
            removed.append(path)
    return removed


# --- reading a backup ------------------------------------------------------------


def _safe_member(name: str) -> bool:
    path = Path(name)
    return not path.is_absolute() and ".." not in path.parts and name == path.as_posix()


def verify(path: Path) -> Manifest:
    """Read the manifest and check every member against it; raise on any mismatch."""
    try:
        archive = tarfile.open(path, "r:")  # noqa: SIM115 (closed by "with" below)
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"Cannot read {path}: {exc}") from exc
    with archive:
        try:
            member = archive.getmember(MANIFEST)
        except KeyError as exc:
            raise BackupError(
                f"{path} has no {MANIFEST}: not a Fælles backup."
            ) from exc
        handle = archive.extractfile(member)
        if handle is None:
            raise BackupError(f"{MANIFEST} in {path} is not a file.")
        manifest = Manifest.from_json(handle.read())
        seen: set[str] = set()
        for info in archive.getmembers():
            if info.name in (MANIFEST, SUMS):
                continue
            if not info.isfile() or not _safe_member(info.name):
                raise BackupError(f"{path} holds an unexpected entry: {info.name!r}.")
            expected = manifest.files.get(info.name)
            if expected is None:
                raise BackupError(
                    f"{info.name} is in the archive but not the manifest."
                )
            content = archive.extractfile(info)
            assert content is not None
            sha, size = _digest(content)
            if sha != expected["sha256"] or size != expected["size"]:
                raise BackupError(f"{info.name} does not match its checksum: damaged.")
            seen.add(info.name)
        missing = sorted(set(manifest.files) - seen)
        if missing:
            raise BackupError(
                f"The archive lacks {len(missing)} file(s): {missing[0]} …"
            )
    return manifest


# --- restore ---------------------------------------------------------------------


def _unknown_migrations(manifest: Manifest) -> list[str]:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return sorted(
        f"{app}.{name}"
        for app, names in manifest.migrations.items()
        for name in names
        if (app, name) not in known
    )


def _target_is_empty() -> bool:
    return not connection.introspection.table_names()


def restore(path: Path) -> Manifest:
    """Restore a verified backup into an empty database and storages."""
    manifest = verify(path)
    if manifest.engine != engine_name():
        raise BackupError(
            f"The backup is of a {manifest.engine} database; this Fælles uses "
            f"{engine_name()}. Restore it into the same kind of database."
        )
    unknown = _unknown_migrations(manifest)
    if unknown:
        raise BackupError(
            "The backup was made by a newer Fælles (it has migrations this code does "
            f"not know, e.g. {unknown[0]}); restore with that version or newer."
        )
    if not _target_is_empty():
        raise BackupError(
            "The target database already holds tables. Restore only into an empty "
            "database (create a new one, or drop and re-create this one first)."
        )
    with tarfile.open(path, "r:") as archive:
        planned: list[tuple[Storage, str, tarfile.TarInfo]] = []
        for member, entry in sorted(manifest.files.items()):
            folder, _, name = member.partition("/")
            alias = next((a for a, f in STORAGE_FOLDERS.items() if f == folder), None)
            if alias is None or not name:
                continue
            storage = storages[alias]
            if storage.exists(name):
                with storage.open(name, "rb") as handle:
                    sha, _size = _digest(handle)
                if sha != entry["sha256"]:
                    raise BackupError(
                        f"{member} already exists in the storage with other content; "
                        "restore into empty storage."
                    )
                continue
            planned.append((storage, name, archive.getmember(member)))
        database = next(m for m in manifest.files if m.startswith("database."))
        with tempfile.TemporaryDirectory() as work:
            archive.extract(database, work, filter="data")
            _restore_database(Path(work) / database, manifest.engine)
        for storage, name, info in planned:
            content = archive.extractfile(info)
            assert content is not None
            saved = storage.save(name, File(content, name=name))
            if saved != name:
                raise BackupError(
                    f"{name} was stored as {saved}; the storage changed it."
                )
    counts = table_counts()
    differing = sorted(t for t, n in manifest.tables.items() if counts.get(t) != n)
    if differing:
        raise BackupError(
            f"After the restore {len(differing)} table(s) differ from the manifest, "
            f"e.g. {differing[0]}: {counts.get(differing[0])} rows, "
            f"{manifest.tables[differing[0]]} expected."
        )
    return manifest


def _restore_database(dump: Path, engine: str) -> None:
    if engine == "postgresql":
        connection.close()
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--dbname",
                str(connection.settings_dict["NAME"]),
                str(dump),
            ],
            _pg_environment(),
        )
        return
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        raise BackupError("Restore needs a database file, not an in-memory database.")
    connection.close()
    target = Path(name)
    partial = target.with_name(f".{target.name}.restoring")
    source = sqlite3.connect(dump)
    copy = sqlite3.connect(partial)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    os.replace(partial, target)
