#!/bin/bash
# Sourced by the image's entrypoint (not executable), which stops on the first error.
mariadb -uroot -p"$MARIADB_ROOT_PASSWORD" <<SQL
CREATE DATABASE IF NOT EXISTS kursfilm CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'kursfilm'@'%' IDENTIFIED BY '${KURSFILM_DB_PASSWORD}';
GRANT ALL ON kursfilm.* TO 'kursfilm'@'%';
CREATE USER IF NOT EXISTS 'kursfilm_owner'@'%' IDENTIFIED BY '${KURSFILM_DB_MIGRATION_PASSWORD}';
GRANT ALL ON kursfilm.* TO 'kursfilm_owner'@'%' WITH GRANT OPTION;
SQL
