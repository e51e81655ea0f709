"""
Backup and restore of one installation: the PostgreSQL database and the uploaded files.

``create_backup`` (``manage.py backup <path>``) writes ONE tar archive, gzip-compressed
when its name ends in ``.gz`` or ``.tgz``, holding

- ``database.dump``: ``pg_dump --format=custom`` of the configured database;
- ``media/…``: every regular file below ``settings.MEDIA_ROOT``;
- ``manifest.json``, written last, when every checksum is known: when and by which code
  the archive was made (our, Django's and Wagtail's versions), the migrations applied to
  the database (the latest per app, and all of them), the PostgreSQL server version, and
  the SHA-256 checksum and size of every other member.

``restore_backup`` (``manage.py restore <path>``) unpacks the archive into a temporary
folder and checks it before it changes anything: every member against the manifest, the
migrations against the code (an archive made by newer code is refused), and the target
database (one that holds tables is refused unless ``force``). Then ``pg_restore
--no-owner --no-privileges --exit-on-error --single-transaction`` (a failed restore
leaves the database as it was), ``ANALYZE`` (a restored database has no planner
statistics), and the media files go back into ``MEDIA_ROOT``.

Connection details come from ``settings.DATABASES[alias]`` and reach ``pg_dump`` and
``pg_restore`` as libpq environment variables of the subprocess; the password only ever
as ``PGPASSWORD``, never on a command line another user could read in ``ps``.

PostgreSQL only: the quick start's SQLite database is a single file that is copied with
the media folder while the server is stopped (docs/operations.md).
"""

import hashlib
import io
import json
import os
import platform
import re
import shutil
import subprocess
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, Error, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.db.utils import ConnectionDoesNotExist
from django.utils import timezone

FORMAT = "welcome-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"
SUFFIXES = (".tar", ".tar.gz", ".tgz")
#: A manifest is a few kilobytes per thousand files; anything far larger is not ours.
MANIFEST_MAX_BYTES = 64 * 1024 * 1024


class BackupError(Exception):
    """An expected problem, told in a sentence (the commands turn it into a CommandError)."""


def _silent(message):
    pass


# Connection ------------------------------------------------------------------------------


def _postgres(using):
    try:
        connection = connections[using]
    except ConnectionDoesNotExist:
        raise BackupError(f"There is no database '{using}' in settings.DATABASES.") from None
    if connection.vendor != "postgresql":
        raise BackupError(
            f"Backup and restore are for PostgreSQL; the database '{using}' is {connection.vendor}. "
            f"The quick start's SQLite database is one file: stop the server and copy "
            f"{connection.settings_dict['NAME']} together with the media folder {settings.MEDIA_ROOT}."
        )
    return connection


def _program(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} was not found on PATH. Install the PostgreSQL client programs of the server's "
            f"major version or newer (Debian: apt-get install postgresql-client)."
        )
    return path


def libpq_environment(settings_dict):
    """The environment for pg_dump/pg_restore: connection details as libpq variables."""
    options = settings_dict.get("OPTIONS") or {}
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER") or options.get("user"),
        "PGDATABASE": settings_dict.get("NAME") or options.get("dbname"),
        "PGPASSWORD": settings_dict.get("PASSWORD") or options.get("password"),
        "PGSERVICE": options.get("service"),
        "PGPASSFILE": options.get("passfile"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSSLCERT": options.get("sslcert"),
        "PGSSLKEY": options.get("sslkey"),
    }
    return {**os.environ, **{name: str(value) for name, value in values.items() if value}}


def _run(command, settings_dict, what):
    try:
        result = subprocess.run(
            command, env=libpq_environment(settings_dict), capture_output=True, text=True, check=False
        )
    except OSError as error:
        raise BackupError(f"{what} could not be started: {error}") from None
    if result.returncode != 0:
        detail = "\n".join(result.stderr.strip().splitlines()[-8:]) or "no message"
        raise BackupError(f"{what} failed (exit status {result.returncode}):\n{detail}")
    return result.stdout


@contextmanager
def _database(connection, what):
    """A database that cannot be reached or refuses a statement is told, not a traceback."""
    try:
        yield
    except Error as error:
        detail = str(error).strip() or type(error).__name__
        raise BackupError(f"{what} failed on the database '{_database_name(connection)}': {detail}") from None


def _server_version(connection):
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


def _database_name(connection):
    settings_dict = connection.settings_dict
    return settings_dict.get("NAME") or (settings_dict.get("OPTIONS") or {}).get("dbname") or ""


# Migrations ------------------------------------------------------------------------------


def applied_migrations(connection):
    """``{app: [migration, …]}`` in the order they were applied to the database."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    applied = {}
    for app, name in recorder.migration_qs.order_by("id").values_list("app", "name"):
        applied.setdefault(app, []).append(name)
    return applied


def latest_migration(names):
    """
    The latest of an app's applied migrations: by number, then by the order applied. Not
    simply the last one applied: Django records a squashed migration at the end of the
    ``migrate`` run that applied the migrations it replaces, after later ones.
    """

    def number(item):
        position, name = item
        digits = re.match(r"\d+", name)
        return (int(digits.group()) if digits else -1, position)

    return max(enumerate(names), key=number)[1]


def known_migrations():
    """Every migration this code knows: on disk, or replaced by a squashed one on disk."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(tuple(key) for key in migration.replaces)
    return known


def _versions():
    try:
        ours = metadata.version("welcome-platform")
    except metadata.PackageNotFoundError:
        ours = "unknown"
    return {
        "welcome-platform": ours,
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "python": platform.python_version(),
    }


# Files -----------------------------------------------------------------------------------


class _HashingReader:
    """Hands a file to tarfile and hashes exactly the bytes that went into the archive."""

    def __init__(self, raw):
        self.raw = raw
        self.sha256 = hashlib.sha256()
        self.size = 0

    def read(self, size=-1):
        data = self.raw.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


def _add_file(archive, source, name):
    with open(source, "rb") as raw:
        info = archive.gettarinfo(arcname=name, fileobj=raw)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        reader = _HashingReader(raw)
        archive.addfile(info, reader)
    return {"sha256": reader.sha256.hexdigest(), "size": reader.size}


def _media_files(media_root):
    """Regular files below MEDIA_ROOT (no symbolic links), sorted, with their archive names."""
    if not media_root.is_dir():
        return []
    found = []
    for folder, subfolders, names in os.walk(media_root):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append((path, f"{MEDIA}/{path.relative_to(media_root).as_posix()}"))
    return found


def _archive_path(path):
    target = Path(path)
    if target.is_dir():
        target = target / f"welcome-backup-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"
    if not target.name.endswith(SUFFIXES):
        raise BackupError(f"The archive's name must end in {', '.join(SUFFIXES)}: {target}")
    if target.exists():
        raise BackupError(f"{target} exists already; a backup never overwrites one. Choose another name.")
    if not target.parent.is_dir():
        raise BackupError(f"The folder {target.parent} does not exist.")
    return target


def _human(size):
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000


# Backup ----------------------------------------------------------------------------------


def create_backup(path, *, using=DEFAULT_DB_ALIAS, media_root=None, log=_silent):
    """Write the archive and return its path."""
    connection = _postgres(using)
    pg_dump = _program("pg_dump")
    target = _archive_path(path)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    folder = target.parent.resolve()
    if media_root.resolve() in (folder, *folder.parents):
        raise BackupError(f"Write the archive outside MEDIA_ROOT ({media_root}): it would contain itself.")
    partial = target.with_name(f".{target.name}.partial")
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": timezone.now().isoformat(),
        "versions": _versions(),
        "database": {"engine": "postgresql", "name": _database_name(connection)},
    }
    with _database(connection, "Reading the server version and the migrations"):
        manifest["database"]["server_version"] = _server_version(connection)
        applied = applied_migrations(connection)
    manifest["versions"]["pg_dump"] = _run([pg_dump, "--version"], connection.settings_dict, "pg_dump").strip()
    manifest["latest_migrations"] = {app: latest_migration(names) for app, names in sorted(applied.items())}
    manifest["applied_migrations"] = dict(sorted(applied.items()))

    try:
        with tempfile.TemporaryDirectory(prefix=".welcome-backup-", dir=target.parent) as work:
            dump = Path(work) / DUMP
            # pg_dump reads one consistent snapshot; --no-password: fail rather than prompt.
            _run([pg_dump, "--format=custom", "--no-password", f"--file={dump}"], connection.settings_dict, "pg_dump")
            log(
                f"Dumped database '{manifest['database']['name']}' (PostgreSQL "
                f"{manifest['database']['server_version']}) with pg_dump: {_human(dump.stat().st_size)}."
            )
            files = {}
            mode = "w:gz" if target.name.endswith((".gz", ".tgz")) else "w"
            with tarfile.open(partial, mode, format=tarfile.PAX_FORMAT) as archive:
                files[DUMP] = _add_file(archive, dump, DUMP)
                media = _media_files(media_root)
                for source, name in media:
                    files[name] = _add_file(archive, source, name)
                media_bytes = sum(files[name]["size"] for _, name in media)
                log(f"Added {len(media)} media files from {media_root}: {_human(media_bytes)}.")
                manifest["files"] = files
                data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(data)
                info.mtime = int(timezone.now().timestamp())
                info.mode = 0o644
                archive.addfile(info, io.BytesIO(data))
            os.replace(partial, target)
    except OSError as error:
        raise BackupError(f"The archive could not be written to {target}: {error}") from None
    finally:
        partial.unlink(missing_ok=True)
    log(
        f"Wrote {target} ({_human(target.stat().st_size)}): the database dump, {len(files) - 1} media "
        f"files and a manifest with the checksums of all {len(files)}, the migrations of "
        f"{len(applied)} apps and the versions of the code."
    )
    return target


# Restore ---------------------------------------------------------------------------------


def _member_name(member):
    name = PurePosixPath(member.name)
    if name.is_absolute() or ".." in name.parts or not name.parts or str(name) != member.name.rstrip("/"):
        raise BackupError(f"The archive holds a member with an unsafe name: {member.name!r}.")
    return str(name)


def _unpack(source, work):
    """Every member into ``work``, hashed on the way; returns (manifest, {name: (sha256, size)})."""
    try:
        archive = tarfile.open(source, "r:*")
    except FileNotFoundError:
        raise BackupError(f"{source} does not exist.") from None
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise BackupError(f"{source} is not a readable backup archive (.tar or .tar.gz): {error}") from None
    found = {}
    manifest_data = None
    try:
        with archive:
            for member in archive:
                if member.isdir():
                    continue
                name = _member_name(member)
                if not member.isfile():
                    raise BackupError(f"The archive holds {name!r}, which is not a regular file.")
                if name in found or (name == MANIFEST and manifest_data is not None):
                    raise BackupError(f"The archive holds {name!r} twice.")
                stream = archive.extractfile(member)
                if name == MANIFEST:
                    if member.size > MANIFEST_MAX_BYTES:
                        raise BackupError("The archive's manifest is implausibly large.")
                    manifest_data = stream.read()
                    continue
                destination = work / name
                destination.parent.mkdir(parents=True, exist_ok=True)
                sha256, size = hashlib.sha256(), 0
                with open(destination, "wb") as out:
                    while chunk := stream.read(1024 * 1024):
                        sha256.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
                found[name] = (sha256.hexdigest(), size)
    except BackupError:
        raise
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise BackupError(f"{source} is damaged or truncated: {error}") from None
    if manifest_data is None:
        raise BackupError(f"{source} has no {MANIFEST}: it was not made by manage.py backup, or is incomplete.")
    try:
        manifest = json.loads(manifest_data)
    except (ValueError, UnicodeDecodeError):
        raise BackupError(f"The manifest of {source} is not valid JSON.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{source} is not an archive of manage.py backup (no '{FORMAT}' manifest).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{source} has archive format version {manifest.get('format_version')!r}; "
            f"this code reads version {FORMAT_VERSION}."
        )
    return manifest, found


def _check_members(manifest, found):
    listed = manifest.get("files")
    if not isinstance(listed, dict) or DUMP not in listed:
        raise BackupError(f"The manifest lists no {DUMP}.")
    missing = sorted(set(listed) - set(found))
    unexpected = sorted(set(found) - set(listed))
    damaged = sorted(
        name
        for name, entry in listed.items()
        if name in found and (entry.get("sha256"), entry.get("size")) != found[name]
    )
    problems = []
    if damaged:
        problems.append(f"checksum or size mismatch in {', '.join(damaged[:5])}")
    if missing:
        problems.append(f"missing members {', '.join(missing[:5])}")
    if unexpected:
        problems.append(f"members the manifest does not list: {', '.join(unexpected[:5])}")
    if problems:
        raise BackupError(
            "The archive does not match its manifest (" + "; ".join(problems) + "): it is damaged or "
            "was changed after it was made. Nothing was restored."
        )


def _check_migrations(manifest):
    applied = manifest.get("applied_migrations") or {}
    in_archive = {(app, name) for app, names in applied.items() for name in names}
    unknown = sorted(in_archive - known_migrations())
    if unknown:
        shown = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
        made_by = (manifest.get("versions") or {}).get("welcome-platform", "unknown")
        raise BackupError(
            f"The archive was made by newer code than this: its database has {len(unknown)} migrations "
            f"this code does not know ({shown}). Restore it with the code that made it "
            f"(welcome-platform {made_by}) or newer. Nothing was restored."
        )


def _relations(connection):
    """Tables, views and sequences outside PostgreSQL's own schemas, as (schema, name)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
            "AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_' ORDER BY 1, 2"
        )
        return cursor.fetchall()


def _check_target(connection, force, log):
    relations = _relations(connection)
    name = _database_name(connection)
    if not relations:
        return
    if not force:
        raise BackupError(
            f"The database '{name}' is not empty ({len(relations)} tables, views or sequences). "
            f"Restore into a new, empty database, or pass --force to drop everything in its "
            f"public schema first. Nothing was restored."
        )
    elsewhere = sorted({schema for schema, _ in relations if schema != "public"})
    if elsewhere:
        raise BackupError(
            f"--force empties the public schema only, and the database '{name}' also holds tables "
            f"in {', '.join(elsewhere)}. Restore into a new, empty database. Nothing was restored."
        )
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    log(f"Emptied database '{name}' (--force): dropped the public schema with {len(relations)} relations.")


def restore_backup(path, *, using=DEFAULT_DB_ALIAS, force=False, media_root=None, log=_silent):
    """Check the archive, then restore its database and media files; returns the manifest."""
    connection = _postgres(using)
    pg_restore = _program("pg_restore")
    source = Path(path)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="welcome-restore-") as work:
        work = Path(work)
        manifest, found = _unpack(source, work)
        _check_members(manifest, found)
        versions = manifest.get("versions") or {}
        log(
            f"Checked {source}, made {manifest.get('created_at')} by welcome-platform "
            f"{versions.get('welcome-platform')} (Django {versions.get('django')}, Wagtail "
            f"{versions.get('wagtail')}) on PostgreSQL "
            f"{(manifest.get('database') or {}).get('server_version')}: all {len(found)} members match "
            f"their SHA-256 checksums."
        )
        _check_migrations(manifest)
        with _database(connection, "Checking the target"):
            _check_target(connection, force, log)

        name = _database_name(connection)
        _run(
            [
                pg_restore,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--no-password",
                f"--dbname={name}",
                str(work / DUMP),
            ],
            connection.settings_dict,
            "pg_restore",
        )
        with _database(connection, "ANALYZE after the restore"), connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        ContentType.objects.clear_cache()
        log(f"Restored the database into '{name}' with pg_restore and analysed it.")

        media = sorted(name for name in found if name.startswith(f"{MEDIA}/"))
        try:
            for member in media:
                destination = media_root / PurePosixPath(member).relative_to(MEDIA)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(work / member, destination)
        except OSError as error:
            raise BackupError(
                f"The database is restored, but the media files could not be put into {media_root}: {error}"
            ) from None
        log(f"Put {len(media)} media files back into {media_root}.")

    with _database(connection, "Comparing the migrations with the code"):
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        log(f"This code has {len(pending)} migrations the backup has not: run manage.py migrate next.")
    else:
        log("The database is at this code's migrations.")
    return manifest
