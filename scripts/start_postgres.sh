#!/usr/bin/env bash
# Start a local PostgreSQL 15 (Debian's) for qogam and print its URL, e.g.
#   export QOGAM_TEST_POSTGRES_URL=$(bash scripts/start_postgres.sh)
# Run as root. Uses the Debian cluster 15/main when it exists (pg_ctlcluster), otherwise
# initialises a throw-away cluster in $QOGAM_PG_DIR (default /tmp/qogam-pg) as user postgres.
# Creates the role and database (the role may create databases: the tests make test_<name>).
# Safe to run again.
set -euo pipefail
role=${QOGAM_PG_ROLE:-qogam}
password=${QOGAM_PG_PASSWORD:-qogam}
database=${QOGAM_PG_DB:-qogam}
port=${QOGAM_PG_PORT:-5432}
bin=/usr/lib/postgresql/15/bin

if [ "$(id -u)" != 0 ]; then
  echo "start_postgres.sh: run as root (it starts the server as user postgres)" >&2
  exit 1
fi
if [ ! -x "$bin/postgres" ]; then
  echo "start_postgres.sh: PostgreSQL 15 is not installed (apt-get install postgresql-15)" >&2
  exit 1
fi

as_postgres() { su postgres -s /bin/sh -c "$*"; }

if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql/15/main ]; then
  port=$(pg_conftool -s 15 main show port 2>/dev/null || echo 5432)
  pg_ctlcluster 15 main start >/dev/null 2>&1 || pg_ctlcluster 15 main status >/dev/null
  socket=/var/run/postgresql
else
  data=${QOGAM_PG_DIR:-/tmp/qogam-pg}
  socket=$data/socket
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data" && chown postgres "$data"
    as_postgres "$bin/initdb -D '$data' -A scram-sha-256 --username=postgres --pwfile=<(echo postgres) >/dev/null" 2>/dev/null \
      || as_postgres "$bin/initdb -D '$data' -A trust --username=postgres >/dev/null"
    mkdir -p "$socket" && chown postgres "$socket"
  fi
  if ! as_postgres "$bin/pg_ctl -D '$data' status" >/dev/null 2>&1; then
    as_postgres "$bin/pg_ctl -D '$data' -l '$data/server.log' -w -o \"-p $port -k $socket -c listen_addresses=127.0.0.1\" start" >/dev/null
  fi
fi

for _ in $(seq 1 60); do
  "$bin/pg_isready" -h "$socket" -p "$port" -q && break
  sleep 0.5
done
"$bin/pg_isready" -h "$socket" -p "$port" -q || { echo "start_postgres.sh: the server did not start" >&2; exit 1; }

psql_admin() { as_postgres "psql -h '$socket' -p $port -U postgres -v ON_ERROR_STOP=1 -tAc \"$1\""; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]; then
  psql_admin "CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password'" >/dev/null
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]; then
  psql_admin "CREATE DATABASE $database OWNER $role" >/dev/null
fi
echo "postgresql://$role:$password@127.0.0.1:$port/$database"
