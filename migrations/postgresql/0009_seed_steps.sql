-- Corrections to the seed record reach databases seeded before them as update steps
-- (Seed/Palmyra/updates/NNNN-name.json, applied by Seed/SeedSteps.cs at start-up). This journal holds the
-- steps a database has had, so each applies once; a first seed journals every step, being current already.
-- (The same step as ../sqlite/0009_seed_steps.sql, in PostgreSQL's SQL.)
CREATE TABLE seed_step (
    name        TEXT PRIMARY KEY,
    applied_at  TEXT NOT NULL
);

-- "registry seed", the author of the seed record and its corrections in every history. It is disabled, and its
-- password hash ('/w==', one byte of an unknown format) matches no password, so nobody can sign in as it.
INSERT INTO app_user (login, display_name, password_hash, role, is_disabled, security_stamp, created_at, updated_at)
VALUES ('registry-seed', 'registry seed', '/w==', 'curator', 1, md5(random()::text || clock_timestamp()::text),
        to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));

-- Revisions written with no user before this step were the seed's.
UPDATE revision SET user_id = (SELECT id FROM app_user WHERE login = 'registry-seed') WHERE user_id IS NULL;
