# Shared by infra/backup and infra/restore-backup. Sourced after common.sh, not run.

DATA=${KURSFILM_DATA:-$KF_ROOT/.data}
BACKUP_DIR=${KURSFILM_BACKUP_DIR:-$DATA/backups}
BACKUP_KEY=${KURSFILM_BACKUP_KEY:-$DATA/secrets/backup-key}
KEYSTORE_BACKUP_DIR=${KURSFILM_KEYSTORE_BACKUP_DIR:-$DATA/key-backups}
DB_NAME=${KURSFILM_DB_NAME:-kursfilm}

valid_db_name() { [[ $1 =~ ^[A-Za-z0-9_]{1,64}$ ]]; }

# stamp_epoch STAMP: seconds since the epoch of a backup's name stamp (20260306T101500Z). The name,
# not the file's mtime, dates a backup: copying or restoring a file changes its mtime.
stamp_epoch() {
  local s=$1
  [[ $s =~ ^[0-9]{8}T[0-9]{6}Z$ ]] || return 1
  date -u -d "${s:0:4}-${s:4:2}-${s:6:2}T${s:9:2}:${s:11:2}:${s:13:2}Z" +%s
}
