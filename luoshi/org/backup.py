"""Backup and restore of the database and the uploads, verified table by table.

A backup is a folder: ``database.dump`` (PostgreSQL, ``pg_dump -Fc``) or ``database.sqlite3`` (SQLite,
through its online backup API), ``uploads.tar`` (the media folder) and ``manifest.json``: per table
its row count and a SHA-256 over its rows in primary-key order, a digest of every upload, and the
SHA-256 of each file of the backup. The table digests are taken from the very snapshot that was
dumped (PostgreSQL: an exported snapshot shared with ``pg_dump``; SQLite: the copy itself), so a
restore that comes back with other rows fails loudly, naming the tables.

Restoring refuses a database or an uploads folder that already holds data unless ``force`` is given.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

FORMAT = 1
MANIFEST = "manifest.json"
UPLOADS = "uploads.tar"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
_CHUNK = 2000
DEBIAN_PG = Path("/usr/lib/postgresql")  # Debian's versioned server and client binaries


class BackupError(Exception):
    """A backup or restore that cannot go on, with a message for the operator."""


@dataclass
class Verification:
    tables: int = 0
    rows: int = 0
    files: int = 0
    mismatches: list[str] = field(default_factory=list)
    tables_seen: dict[str, dict] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.mismatches


# --- the database's content, table by table ---------------------------------------------------------


def _hash_rows(rows, h) -> int:
    n = 0
    for row in rows:
        h.update(repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)).encode())
        h.update(b"\n")
        n += 1
    return n


def sqlite_table_digests(path: Path) -> dict[str, dict]:
    """Row count and digest of every table of a SQLite file, rows ordered by primary key."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        out = {}
        for name in names:
            cols = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
            pk = [c[1] for c in sorted(cols, key=lambda c: c[5]) if c[5]]
            order = ", ".join(f'"{c}"' for c in (pk or [c[1] for c in cols]))
            h = hashlib.sha256()
            cur = conn.execute(f'SELECT * FROM "{name}" ORDER BY {order}')
            count = 0
            while chunk := cur.fetchmany(_CHUNK):
                count += _hash_rows(chunk, h)
            out[name] = {"rows": count, "sha256": h.hexdigest()}
        return out
    finally:
        conn.close()


_PG_TABLES = """
SELECT c.relname,
       coalesce((SELECT array_agg(a.attname ORDER BY k.ord)
                   FROM pg_index i
                   CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                  WHERE i.indrelid = c.oid AND i.indisprimary), '{}')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() AND NOT c.relispartition
 ORDER BY c.relname
"""


def pg_table_digests(conn) -> dict[str, dict]:
    """The same over a psycopg connection: each row as PostgreSQL's own text form (``t::text``, in
    UTC), so the digest does not depend on client-side type conversions."""
    with conn.cursor() as cur:
        cur.execute("SET LOCAL TIME ZONE 'UTC'")
        cur.execute("SET LOCAL extra_float_digits = 1")
        cur.execute(_PG_TABLES)
        tables = cur.fetchall()
    out = {}
    for name, pk in tables:
        ident = '"' + name.replace('"', '""') + '"'
        order = ", ".join('t."' + c.replace('"', '""') + '"' for c in pk) if pk else "t::text"
        h = hashlib.sha256()
        count = 0
        with conn.cursor(name=f"digest_{len(out)}") as cur:  # server-side: big tables stream
            cur.itersize = _CHUNK
            cur.execute(f"SELECT t::text FROM {ident} t ORDER BY {order}")
            for (text,) in cur:
                h.update(text.encode())
                h.update(b"\n")
                count += 1
        out[name] = {"rows": count, "sha256": h.hexdigest()}
    return out


def uploads_digest(root: Path) -> dict:
    """Number, total size and one digest of every file under ``root`` (path and content)."""
    h = hashlib.sha256()
    files = size = 0
    if root.exists():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            rel = path.relative_to(root).as_posix()
            h.update(rel.encode() + b"\0" + _file_sha256(path).encode() + b"\n")
            files += 1
            size += path.stat().st_size
    return {"files": files, "bytes": size, "sha256": h.hexdigest()}


def tar_digest(archive: Path) -> dict:
    """The same figures as ``uploads_digest``, read from the archive: what was really backed up, even
    when a file was added to the folder while the backup ran."""
    entries = []
    size = 0
    with tarfile.open(archive) as tar:
        for member in tar:
            if member.isfile():
                f = tar.extractfile(member)
                h = hashlib.sha256()
                while block := f.read(1 << 20):
                    h.update(block)
                entries.append((member.name, h.hexdigest()))
                size += member.size
    total = hashlib.sha256()
    for name, digest in sorted(entries):
        total.update(name.encode() + b"\0" + digest.encode() + b"\n")
    return {"files": len(entries), "bytes": size, "sha256": total.hexdigest()}


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            h.update(block)
    return h.hexdigest()


# --- PostgreSQL tools ---------------------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """The path of ``pg_dump`` / ``pg_restore``: $LUOSHI_PG_BIN, else PATH, else Debian's newest."""
    candidates = []
    if os.environ.get("LUOSHI_PG_BIN"):
        candidates.append(Path(os.environ["LUOSHI_PG_BIN"]) / name)
    found = shutil.which(name)
    if found:
        candidates.append(Path(found))
    debian = DEBIAN_PG
    if debian.is_dir():
        candidates += sorted(
            debian.glob(f"*/bin/{name}"), key=lambda p: int(p.parent.parent.name), reverse=True
        )
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return str(path)
    raise BackupError(
        f"{name} not found: install the PostgreSQL client (Debian: apt-get install postgresql-client) "
        f"or set LUOSHI_PG_BIN to the folder holding {name}."
    )


def pg_env(db: dict) -> dict[str, str]:
    """libpq environment for a Django database setting (keeps the password off the command line)."""
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[var] = str(db[key])
    env["PGDATABASE"] = db["NAME"]
    return env


def pg_connect(db: dict):
    import psycopg

    return psycopg.connect(
        dbname=db["NAME"],
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
    )


def _run(cmd: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{Path(cmd[0]).name} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


# --- backup ---------------------------------------------------------------------------------------------


def _vendor(db: dict) -> str:
    engine = db["ENGINE"]
    if engine.endswith("postgresql"):
        return "postgresql"
    if engine.endswith("sqlite3"):
        return "sqlite"
    raise BackupError(f"cannot back up a database of engine {engine}")


def backup(out: Path, *, db: dict, media_root: Path) -> dict:
    """Write a backup folder at ``out`` (must not exist or be empty); returns the manifest."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise BackupError(f"{out} is not empty: choose a new folder for the backup.")
    out.mkdir(parents=True, exist_ok=True)
    out.chmod(0o700)  # the backup holds the personal data of the database
    vendor = _vendor(db)
    if vendor == "postgresql":
        tables = _backup_pg(out / PG_DUMP, db)
        dump = PG_DUMP
    else:
        sqlite_copy(Path(db["NAME"]), out / SQLITE_COPY)
        tables = sqlite_table_digests(out / SQLITE_COPY)
        dump = SQLITE_COPY
    with tarfile.open(out / UPLOADS, "w") as tar:
        if media_root.exists():
            for path in sorted(media_root.rglob("*")):
                tar.add(path, arcname=path.relative_to(media_root).as_posix(), recursive=False)
    manifest = {
        "format": FORMAT,
        "vendor": vendor,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "tables": tables,
        "uploads": tar_digest(out / UPLOADS),
        "files": {name: _file_sha256(out / name) for name in (dump, UPLOADS)},
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False))
    return manifest


def _backup_pg(path: Path, db: dict) -> dict:
    pg_dump = pg_tool("pg_dump")
    import psycopg

    conn = pg_connect(db)
    try:
        conn.autocommit = True
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ  # one snapshot for digests and dump
        with conn.transaction():
            with conn.cursor() as cur:
                cur.execute("SELECT pg_export_snapshot()")
                snapshot = cur.fetchone()[0]
            _run(
                [pg_dump, "-Fc", "--no-owner", "--no-privileges", f"--snapshot={snapshot}", "-f", str(path)],
                pg_env(db),
            )
            return pg_table_digests(conn)
    finally:
        conn.close()


def sqlite_copy(src: Path, dst: Path) -> None:
    """Copy a SQLite database page by page through its online backup API: consistent while the site
    writes (WAL included), and replacing whatever ``dst`` held."""
    if not src.exists():
        raise BackupError(f"SQLite database {src} does not exist.")
    for suffix in ("-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    target = sqlite3.connect(dst)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


# --- restore --------------------------------------------------------------------------------------------


def read_manifest(src: Path) -> dict:
    path = Path(src) / MANIFEST
    if not path.is_file():
        raise BackupError(f"{path} is missing: not a Luoshi backup folder.")
    try:
        manifest = json.loads(path.read_text())
    except (ValueError, UnicodeDecodeError) as exc:
        raise BackupError(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(
            f"{path}: unknown backup format {manifest.get('format') if isinstance(manifest, dict) else '?'}"
        )
    for name, digest in manifest.get("files", {}).items():
        if not (Path(src) / name).is_file():
            raise BackupError(f"{name} is missing from the backup.")
        if _file_sha256(Path(src) / name) != digest:
            raise BackupError(f"{name} does not match its checksum in the manifest: the backup is damaged.")
    return manifest


def database_is_empty(db: dict) -> bool:
    if _vendor(db) == "sqlite":
        path = Path(db["NAME"])
        if not path.exists():
            return True
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] == 0
        finally:
            conn.close()
    conn = pg_connect(db)
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema()"
            )
            return cur.fetchone()[0] == 0
    finally:
        conn.close()


def compare(expected: dict, actual: dict, what: str) -> list[str]:
    out = []
    for name in sorted(set(expected) | set(actual)):
        e, a = expected.get(name), actual.get(name)
        if e is None:
            out.append(f"{what} {name}: not in the backup")
        elif a is None:
            out.append(f"{what} {name}: missing after restore")
        elif e != a:
            out.append(
                f"{what} {name}: backup {e['rows']} rows {e['sha256'][:12]}…, restored {a['rows']} rows {a['sha256'][:12]}…"
            )
    return out


def restore(src: Path, *, db: dict, media_root: Path, force: bool = False) -> Verification:
    """Restore a backup folder into ``db`` and ``media_root``, then check every table and upload
    against the manifest. Raises ``BackupError`` before touching anything when the backup is damaged,
    of the other database engine, or the target holds data and ``force`` is not set."""
    src = Path(src)
    manifest = read_manifest(src)
    vendor = _vendor(db)
    if manifest["vendor"] != vendor:
        raise BackupError(f"this backup is of a {manifest['vendor']} database; the target is {vendor}.")
    if not force and not database_is_empty(db):
        raise BackupError(
            f"database {db['NAME']} is not empty: restore into a new database, or pass --force."
        )
    if not force and media_root.exists() and any(media_root.iterdir()):
        raise BackupError(f"uploads folder {media_root} is not empty: pass --force to replace it.")
    staging = _stage_uploads(src / UPLOADS, media_root)  # a bad archive stops here, before the database
    try:
        check = _restore_database(src, db, vendor, force)
        check.mismatches = compare(manifest["tables"], check.tables_seen, "table")
        if media_root.exists():
            shutil.rmtree(media_root)
        staging.rename(media_root)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    uploads = uploads_digest(media_root)
    check.files = uploads["files"]
    if uploads != manifest["uploads"]:
        check.mismatches.append(
            f"uploads: backup {manifest['uploads']['files']} files, restored {uploads['files']} "
            f"(digest {'equal' if uploads['sha256'] == manifest['uploads']['sha256'] else 'differs'})"
        )
    return check


def _restore_database(src: Path, db: dict, vendor: str, force: bool) -> Verification:
    if vendor == "postgresql":
        cmd = [
            pg_tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
        ]
        if force:
            cmd += ["--clean", "--if-exists"]
        _run([*cmd, "-d", db["NAME"], str(src / PG_DUMP)], pg_env(db))
        actual = pg_digests(db)
    else:
        target = Path(db["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        sqlite_copy(src / SQLITE_COPY, target)
        actual = sqlite_table_digests(target)
    return Verification(tables=len(actual), rows=sum(t["rows"] for t in actual.values()), tables_seen=actual)


def pg_digests(db: dict) -> dict[str, dict]:
    """Table digests of a PostgreSQL database, read in one transaction."""
    conn = pg_connect(db)
    try:
        conn.autocommit = True
        with conn.transaction():
            return pg_table_digests(conn)
    finally:
        conn.close()


def _stage_uploads(archive: Path, media_root: Path) -> Path:
    """Unpack the uploads beside the media folder (swapped in once the database is back)."""
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root.parent))
    try:
        with tarfile.open(archive) as tar:
            tar.extractall(staging, filter="data")  # no absolute paths, links out, or devices
    except (tarfile.TarError, OSError) as exc:
        shutil.rmtree(staging)
        raise BackupError(f"{archive.name} cannot be unpacked safely: {exc}") from exc
    return staging
