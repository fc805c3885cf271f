-- Runs once, on the first start of the compose PostgreSQL container (docker-entrypoint-initdb.d), as the superuser.
-- Creates the application role and one database per service, as the no-Docker stack does (deploy/local).
-- The role's password is not written here: psql reads it from the container's SCIATICA_DB_PASSWORD variable.
\getenv sciatica_password SCIATICA_DB_PASSWORD

CREATE ROLE sciatica LOGIN PASSWORD :'sciatica_password';

CREATE DATABASE intake OWNER sciatica;
CREATE DATABASE assessment OWNER sciatica;
CREATE DATABASE session OWNER sciatica;
CREATE DATABASE followup OWNER sciatica;
