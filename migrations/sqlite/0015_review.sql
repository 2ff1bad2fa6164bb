-- Review before publishing (src/HeritageRegistry.Web/Review): editors, the review actions in the history, and
-- the submissions waiting for an editor.
--
-- SQLite cannot alter a CHECK constraint, so app_user and revision are rebuilt with the wider ones. The migration
-- runner applies SQLite migrations with foreign keys off and checks them before the commit (SQLite's own procedure),
-- so the rows that refer to app_user keep referring to the rebuilt table.
CREATE TABLE app_user_new (
    id              INTEGER PRIMARY KEY,
    login           TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'curator')),
    is_disabled     INTEGER NOT NULL DEFAULT 0,
    security_stamp  TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
INSERT INTO app_user_new (id, login, display_name, password_hash, role, is_disabled, security_stamp, created_at, updated_at)
SELECT id, login, display_name, password_hash, role, is_disabled, security_stamp, created_at, updated_at FROM app_user;
DROP TABLE app_user;
ALTER TABLE app_user_new RENAME TO app_user;

CREATE TABLE revision_new (
    id              INTEGER PRIMARY KEY,
    entity_type     TEXT NOT NULL,
    entity_id       INTEGER NOT NULL,
    action          TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'publish', 'unpublish',
                                                    'submit', 'approve', 'return')),
    user_id         INTEGER REFERENCES app_user (id),
    at              TEXT NOT NULL,
    before_json     TEXT,
    after_json      TEXT,
    note            TEXT
);
INSERT INTO revision_new (id, entity_type, entity_id, action, user_id, at, before_json, after_json, note)
SELECT id, entity_type, entity_id, action, user_id, at, before_json, after_json, note FROM revision;
DROP TABLE revision;
ALTER TABLE revision_new RENAME TO revision;
CREATE INDEX ix_revision_entity ON revision (entity_type, entity_id, id);
CREATE INDEX ix_revision_at ON revision (at);

-- One row per submission. change_json holds the proposed values of a published record (the public keeps the
-- record's own values until an editor approves); it is NULL when the submitted record is a draft, which is itself
-- the proposal. base_version is the record's version the proposal was made against.
CREATE TABLE review (
    id              INTEGER PRIMARY KEY,
    entity_type     TEXT NOT NULL,
    entity_id       INTEGER NOT NULL,
    base_version    INTEGER NOT NULL,
    change_json     TEXT,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'returned')),
    submitted_by    INTEGER REFERENCES app_user (id),
    submitted_at    TEXT NOT NULL,
    comment         TEXT,
    decided_by      INTEGER REFERENCES app_user (id),
    decided_at      TEXT,
    decision_comment TEXT
);
-- A record waits for review at most once at a time.
CREATE UNIQUE INDEX ux_review_pending ON review (entity_type, entity_id) WHERE state = 'pending';
CREATE INDEX ix_review_entity ON review (entity_type, entity_id, id);
