#!/usr/bin/env bash
# Start a local PostgreSQL cluster for marsad's tests and team use; installs nothing.
# Needs Debian's `postgresql` package (apt-get install -y postgresql). Creates the role `marsad`
# (password `marsad`) and the databases `marsad` and `marsad_test`, then prints the test URL:
#   export MARSAD_TEST_PG_URL="$(scripts/start-postgres.sh)"
set -euo pipefail

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: run 'apt-get update && apt-get install -y postgresql' first" >&2
  exit 1
fi
version="$(pg_lsclusters --no-header | awk 'NR==1 {print $1}')"
cluster="$(pg_lsclusters --no-header | awk 'NR==1 {print $2}')"
if [ -z "$version" ]; then
  version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
  cluster=main
  pg_createcluster "$version" "$cluster" >&2
fi
port="$(pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $3}')"
status="$(pg_lsclusters --no-header | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}')"
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$cluster" start >&2
fi

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -c "$(printf '%q ' "$@")"; fi
}
psql_cmd() { as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qtAc "$1"; }

if [ "$(psql_cmd "SELECT 1 FROM pg_roles WHERE rolname='marsad'")" != 1 ]; then
  psql_cmd "CREATE ROLE marsad LOGIN PASSWORD 'marsad' CREATEDB" >&2
fi
for db in marsad marsad_test; do
  if [ "$(psql_cmd "SELECT 1 FROM pg_database WHERE datname='$db'")" != 1 ]; then
    psql_cmd "CREATE DATABASE $db OWNER marsad ENCODING 'UTF8' TEMPLATE template0" >&2
  fi
done
echo "postgresql+psycopg://marsad:marsad@localhost:${port}/marsad_test"
