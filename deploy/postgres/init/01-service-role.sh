#!/bin/sh
# The service's login (LAUREL_DB_USER=laurel_app), a member of laurel_service: the role that
# V5__service_role.sql grants reading and writing but never changing or deleting a decision. The schema
# itself is owned by laurel (POSTGRES_USER), which the instances migrate as (LAUREL_DB_MIGRATE_USER).
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE laurel_service NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE ROLE laurel_app LOGIN PASSWORD '${LAUREL_DB_PASSWORD}' IN ROLE laurel_service;
SQL
