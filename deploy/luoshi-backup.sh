#!/bin/sh
# A dated backup folder (luoshi backup: database, uploads, manifest of checksums), and removal of
# those older than LUOSHI_BACKUP_KEEP_DAYS. Copy the folders off the machine as well.
set -eu
dir="${LUOSHI_BACKUP_DIR:-/var/backups/luoshi}"
keep="${LUOSHI_BACKUP_KEEP_DAYS:-14}"
luoshi="${LUOSHI_BIN:-/opt/luoshi/.venv/bin/luoshi}"
mkdir -p "$dir"
"$luoshi" backup "$dir/$(date +%Y%m%d-%H%M%S)"
find "$dir" -mindepth 1 -maxdepth 1 -type d -mtime +"$keep" -exec rm -rf {} +
