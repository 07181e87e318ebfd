#!/bin/sh
# Runs once, when the postgres image initialises an empty data volume. POSTGRES_USER owns the schema
# and runs the migrations (DATABASE_OWNER_URL); the app signs in as crm_app (DATABASE_URL), which
# gets its table rights from the app's grant step after every migration run. An existing volume
# skips this script: run the CREATE ROLE below once by hand there.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE crm_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
SQL
