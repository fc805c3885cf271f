#!/usr/bin/env bash
# Makes sure a PostgreSQL server runs on 127.0.0.1:5432 and that the project's dev-only role exists.
# Installs the server from Debian's packages when it is absent. Databases are created by the Java code
# (care.sciatica.local.PostgresDatabases) as the role below, which may create databases.
set -euo pipefail

ROLE=${SCIATICA_DB_USER:-sciatica}
PASSWORD=${SCIATICA_DB_PASSWORD:-sciatica}   # dev-only; production passwords come from Secrets

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sudo -u postgres sh -c "$*"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
  echo "PostgreSQL is not installed: installing it from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql
fi

version=$(ls /etc/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  echo "Starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

as_postgres "psql -v ON_ERROR_STOP=1 -q -d postgres" <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN
    CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}';
  ELSE
    ALTER ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}';
  END IF;
END
\$\$;
SQL
echo "PostgreSQL is up on 127.0.0.1:5432 with role ${ROLE}"
