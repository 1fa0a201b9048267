-- Keycloak keeps its data in the same PostgreSQL server, in a database of its own.
CREATE ROLE keycloak LOGIN PASSWORD 'keycloak';
CREATE DATABASE keycloak OWNER keycloak ENCODING 'UTF8';
