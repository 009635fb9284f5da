"""``luoshi backup`` / ``luoshi restore``: a round trip restores every row and upload, verified
against the manifest; a damaged backup, a changed row or a non-empty target fail loudly."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import tarfile

import pytest
from django.db import connection

from luoshi.cli import main
from luoshi.org import backup
from luoshi.org.models import CalendarDay, User

pg_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump round trip: PostgreSQL run")


def _uploads(root):
    (root / "cases" / "2026").mkdir(parents=True)
    (root / "cases" / "2026" / "照片.jpg").write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 40)
    (root / "reports").mkdir()
    (root / "reports" / "a.docx").write_bytes(b"PK\x03\x04 report")
    return root


# --- PostgreSQL: pg_dump -Fc / pg_restore into a fresh database --------------------------------------


@pytest.fixture
def fresh_pg_database():
    """An empty database beside the test database, dropped afterwards."""
    db = dict(connection.settings_dict)
    db["NAME"] = f"{db['NAME']}_restore"
    admin = backup.pg_connect({**db, "NAME": "postgres"})
    admin.autocommit = True
    admin.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}"')
    admin.execute(f'CREATE DATABASE "{db["NAME"]}"')
    try:
        yield db
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}" WITH (FORCE)')
        admin.close()


@pg_only
@pytest.mark.django_db(transaction=True)
def test_postgresql_round_trip_restores_every_table_and_upload(org, tmp_path, fresh_pg_database):
    CalendarDay.objects.create(date=dt.date(2030, 10, 1), is_workday=False, note="国庆 · 带引号'\"")
    media = _uploads(tmp_path / "uploads")
    db = dict(connection.settings_dict)
    manifest = backup.backup(tmp_path / "bk", db=db, media_root=media)
    assert manifest["tables"]["org_user"]["rows"] == User.objects.count() > 0
    assert manifest["tables"]["org_calendarday"]["rows"] == 1
    assert manifest["uploads"]["files"] == 2

    restored_media = tmp_path / "restored" / "uploads"
    check = backup.restore(tmp_path / "bk", db=fresh_pg_database, media_root=restored_media)
    assert check.ok, check.mismatches
    assert check.tables == len(manifest["tables"]) and check.files == 2
    assert backup.pg_digests(fresh_pg_database) == backup.pg_digests(db) == manifest["tables"]
    assert (restored_media / "cases" / "2026" / "照片.jpg").read_bytes() == (
        media / "cases" / "2026" / "照片.jpg"
    ).read_bytes()

    # A restored row that differs from the backup is named, table by table.
    conn = backup.pg_connect(fresh_pg_database)
    conn.autocommit = True
    conn.execute("UPDATE org_calendarday SET note = 'changed'")
    conn.close()
    diff = backup.compare(manifest["tables"], backup.pg_digests(fresh_pg_database), "table")
    assert len(diff) == 1 and diff[0].startswith("table org_calendarday")

    # The target now holds data: refused without --force, replaced and verified with it.
    with pytest.raises(backup.BackupError, match="not empty"):
        backup.restore(tmp_path / "bk", db=fresh_pg_database, media_root=tmp_path / "elsewhere")
    check = backup.restore(tmp_path / "bk", db=fresh_pg_database, media_root=restored_media, force=True)
    assert check.ok, check.mismatches


@pg_only
@pytest.mark.django_db(transaction=True)
def test_the_restore_command_refuses_the_live_database_without_force(org, tmp_path, capsys):
    backup.backup(tmp_path / "bk", db=dict(connection.settings_dict), media_root=tmp_path / "none")
    assert main(["restore", str(tmp_path / "bk")]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert User.objects.filter(username="county").exists()


def test_pg_tool_names_what_to_install_when_missing(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("LUOSHI_PG_BIN", str(tmp_path))
    monkeypatch.setattr(backup, "DEBIAN_PG", tmp_path / "no-such-folder")
    with pytest.raises(backup.BackupError, match="pg_dump not found.*postgresql-client"):
        backup.pg_tool("pg_dump")


# --- SQLite: the backup API, on a database with every column type ------------------------------------


def _sqlite_db(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")  # rows still in the WAL must be in the copy too
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, amount REAL, blob BLOB, at TEXT)")
    conn.execute("CREATE TABLE nokey (a TEXT, b INTEGER)")
    rows = [(i, f"名{i}", i / 3, bytes([i % 256]) * 3, f"2026-01-{i % 28 + 1:02d}") for i in range(1, 501)]
    conn.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO nokey VALUES (?, ?)", [("x", 2), ("x", 1), (None, 3)])
    conn.commit()
    return conn  # kept open: the WAL is not checkpointed into the file yet


def test_sqlite_round_trip_restores_every_table_and_upload(tmp_path):
    live = _sqlite_db(tmp_path / "live.sqlite3")
    media = _uploads(tmp_path / "uploads")
    db = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "live.sqlite3")}
    manifest = backup.backup(tmp_path / "bk", db=db, media_root=media)
    live.close()
    assert manifest["vendor"] == "sqlite"
    assert (tmp_path / "bk").stat().st_mode & 0o777 == 0o700  # personal data: the owner only
    assert manifest["tables"]["t"]["rows"] == 500 and manifest["tables"]["nokey"]["rows"] == 3

    target = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "new" / "luoshi.sqlite3")}
    check = backup.restore(tmp_path / "bk", db=target, media_root=tmp_path / "new" / "uploads")
    assert check.ok, check.mismatches
    assert check.rows == 503 and check.files == 2
    assert backup.sqlite_table_digests(tmp_path / "new" / "luoshi.sqlite3") == manifest["tables"]

    conn = sqlite3.connect(target["NAME"])
    conn.execute("UPDATE t SET amount = amount + 1e-9 WHERE id = 7")
    conn.commit()
    conn.close()
    diff = backup.compare(manifest["tables"], backup.sqlite_table_digests(target["NAME"]), "table")
    assert diff and diff[0].startswith("table t:")
    with pytest.raises(backup.BackupError, match="not empty"):
        backup.restore(tmp_path / "bk", db=target, media_root=tmp_path / "new" / "uploads2")


def test_a_damaged_backup_is_refused_before_anything_is_touched(tmp_path):
    _sqlite_db(tmp_path / "live.sqlite3").close()
    db = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "live.sqlite3")}
    backup.backup(tmp_path / "bk", db=db, media_root=tmp_path / "none")
    target = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "t.sqlite3")}
    with open(tmp_path / "bk" / backup.SQLITE_COPY, "r+b") as f:
        f.seek(200)
        f.write(b"\x00garbage")
    with pytest.raises(backup.BackupError, match="does not match its checksum"):
        backup.restore(tmp_path / "bk", db=target, media_root=tmp_path / "m")
    assert not (tmp_path / "t.sqlite3").exists()
    (tmp_path / "bk" / backup.MANIFEST).write_text("{not json")
    with pytest.raises(backup.BackupError, match="not valid JSON"):
        backup.restore(tmp_path / "bk", db=target, media_root=tmp_path / "m")
    with pytest.raises(backup.BackupError, match="not empty"):
        backup.backup(tmp_path / "bk", db=db, media_root=tmp_path / "none")


def test_an_uploads_archive_escaping_its_folder_is_refused(tmp_path):
    _sqlite_db(tmp_path / "live.sqlite3").close()
    db = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "live.sqlite3")}
    backup.backup(tmp_path / "bk", db=db, media_root=tmp_path / "none")
    with tarfile.open(tmp_path / "bk" / backup.UPLOADS, "w") as tar:
        info = tarfile.TarInfo("../../escaped.txt")
        info.size = 4
        tar.addfile(info, io.BytesIO(b"evil"))
    manifest = json.loads((tmp_path / "bk" / backup.MANIFEST).read_text())
    manifest["files"][backup.UPLOADS] = backup._file_sha256(tmp_path / "bk" / backup.UPLOADS)
    (tmp_path / "bk" / backup.MANIFEST).write_text(json.dumps(manifest))
    target = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "t" / "db.sqlite3")}
    with pytest.raises(backup.BackupError, match="cannot be unpacked safely"):
        backup.restore(tmp_path / "bk", db=target, media_root=tmp_path / "t" / "uploads")
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path / "t" / "db.sqlite3").exists()
