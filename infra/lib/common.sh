# Shared helpers for the infra scripts. Sourced, not run.
set -euo pipefail

KF_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

log() { printf '\033[1;34m[kursfilm]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[kursfilm]\033[0m %s\n' "$*" >&2; exit 1; }

# Installs the Debian packages that are missing (the tests need all of them; the app needs
# mariadb, ffmpeg and a JDK).
ensure_packages() {
  local missing=()
  command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  command -v ffmpeg >/dev/null || missing+=(ffmpeg)
  # ffmpeg and ffprobe run inside bubblewrap (kursfilm.transcode.sandbox=bwrap).
  [ -x /usr/bin/bwrap ] || missing+=(bubblewrap)
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  command -v mariadb >/dev/null || command -v mysql >/dev/null || missing+=(mariadb-client)
  command -v curl >/dev/null || missing+=(curl)
  # infra/backup encrypts with age (X25519 recipient; the backup key is not a tenant key).
  command -v age >/dev/null || missing+=(age)
  # DeploymentManifestsTest validates infra/deploy/compose.yaml with `docker-compose config`
  # (the compose schema, no Docker engine needed).
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  # The load balancer in front of the app nodes (ClusterIT, infra/bench/cluster).
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  if [ "${KF_NEED_BROWSER:-0}" = 1 ]; then
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    [ "$(id -u)" = 0 ] || die "need root to install ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

sql() {
  if mariadb -uroot -e 'SELECT 1' >/dev/null 2>&1; then
    mariadb -uroot "$@"
  else
    mariadb -uroot -h127.0.0.1 "$@"
  fi
}

# sql_dump ARGS...: mariadb-dump as root, over the socket or else 127.0.0.1 (like sql).
sql_dump() {
  if mariadb -uroot -e 'SELECT 1' >/dev/null 2>&1; then
    mariadb-dump -uroot "$@"
  else
    mariadb-dump -uroot -h127.0.0.1 "$@"
  fi
}

# Uses the MariaDB on 127.0.0.1:3306 if it answers, else starts the local one.
ensure_mariadb() {
  if mariadb-admin -uroot -h127.0.0.1 ping >/dev/null 2>&1 || mariadb-admin -uroot ping >/dev/null 2>&1; then
    return
  fi
  log "starting MariaDB"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  for _ in $(seq 1 60); do
    if mariadb-admin -uroot ping >/dev/null 2>&1; then return; fi
    sleep 1
  done
  die "MariaDB did not start"
}

# create_database NAME USER PASSWORD [fresh] [OWNER_PASSWORD]: a database, the app's account USER
# and the schema owner USER_owner (password OWNER_PASSWORD, default PASSWORD-owner). The owner
# holds ALL WITH GRANT OPTION and runs the migrations when the app is given
# kursfilm.db.migration-user; after migrating, the app's start-up revokes USER's database-wide
# grants and grants DML per table, with only SELECT, INSERT on audit_entry (MariaDB cannot except
# a table from a database-wide grant). USER starts with ALL so that an app configured without the
# owner (and other tools such as the transcoder tests) can still migrate.
create_database() {
  local name=$1 user=$2 password=$3 fresh=${4:-} owner_password=${5:-$3-owner}
  local owner="${user}_owner"
  if [ "$fresh" = fresh ]; then
    sql -e "DROP DATABASE IF EXISTS \`$name\`"
  fi
  sql <<SQL
CREATE DATABASE IF NOT EXISTS \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$password';
ALTER USER '$user'@'127.0.0.1' IDENTIFIED BY '$password';
ALTER USER '$user'@'localhost' IDENTIFIED BY '$password';
GRANT ALL ON \`$name\`.* TO '$user'@'127.0.0.1';
GRANT ALL ON \`$name\`.* TO '$user'@'localhost';
CREATE USER IF NOT EXISTS '$owner'@'127.0.0.1' IDENTIFIED BY '$owner_password';
CREATE USER IF NOT EXISTS '$owner'@'localhost' IDENTIFIED BY '$owner_password';
ALTER USER '$owner'@'127.0.0.1' IDENTIFIED BY '$owner_password';
ALTER USER '$owner'@'localhost' IDENTIFIED BY '$owner_password';
GRANT ALL ON \`$name\`.* TO '$owner'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL ON \`$name\`.* TO '$owner'@'localhost' WITH GRANT OPTION;
SQL
}

random_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24; }

# secret FILE: reads a generated secret, creating it (readable by the owner only) on first use.
secret() {
  local file=$1
  if [ ! -s "$file" ]; then
    mkdir -p "$(dirname "$file")"
    (umask 077 && random_secret >"$file")
  fi
  cat "$file"
}

# fetch_runtimes DIR: Payara Micro and S3Proxy from Maven Central into DIR (once).
fetch_runtimes() {
  local dir=$1
  mkdir -p "$dir"
  [ -s "$dir/payara-micro.jar" ] && [ -s "$dir/s3proxy-jar-with-dependencies.jar" ] && return
  log "fetching Payara Micro and S3Proxy from Maven Central"
  (cd "$KF_ROOT" && mvn -B -q dependency:copy -Dmdep.stripVersion=true -DoutputDirectory="$dir" \
    -Dartifact="fish.payara.extras:payara-micro:$(mvn_property payara.micro.version)")
  (cd "$KF_ROOT" && mvn -B -q dependency:copy -Dmdep.stripVersion=true -DoutputDirectory="$dir" \
    -Dartifact="org.gaul:s3proxy:$(mvn_property s3proxy.version):jar:jar-with-dependencies")
}

mvn_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$KF_ROOT/pom.xml" | head -n1
}

# start_s3proxy DATA_DIR PORT ACCESS SECRET JAR LOG PIDFILE: the local S3 endpoint on loopback.
start_s3proxy() {
  local data=$1 port=$2 access=$3 secret=$4 jar=$5 logfile=$6 pidfile=$7
  mkdir -p "$data/blobs"
  (umask 077 && cat >"$data/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$access
s3proxy.credential=$secret
jclouds.provider=filesystem-nio2
jclouds.identity=local
jclouds.credential=local
jclouds.filesystem.basedir=$(cd "$data/blobs" && pwd)
PROPS
)
  nohup java -Xmx256m -jar "$jar" --properties "$data/s3proxy.properties" >"$logfile" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 60); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then return 0; fi
    sleep 0.5
  done
  die "S3Proxy did not start, see $logfile"
}

stop_pidfile() {
  local pidfile=$1
  [ -f "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

wait_for_http() {
  local url=$1 seconds=$2
  for _ in $(seq 1 "$seconds"); do
    if curl -fs -o /dev/null "$url"; then return 0; fi
    sleep 1
  done
  return 1
}
