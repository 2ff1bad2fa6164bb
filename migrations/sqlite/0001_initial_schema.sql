-- The whole record of DESIGN.md section 2, so later work adds behaviour, not tables.
-- Conventions: integer keys; timestamps are UTC ISO-8601 text; vocabulary values are
-- the codes of src/HeritageRegistry.Web/Vocabulary (validated in code, one list each);
-- soft deletes via deleted_at; `version` is the optimistic-concurrency counter.
-- Kept to SQL that PostgreSQL also reads, except the FTS5 table at the end.

CREATE TABLE app_user (
    id              INTEGER PRIMARY KEY,
    login           TEXT NOT NULL UNIQUE,
    display_name    TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'curator')),
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    is_disabled     INTEGER NOT NULL DEFAULT 0,
    security_stamp  TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE site (
    id              INTEGER PRIMARY KEY,
    slug            TEXT NOT NULL UNIQUE,
    parent_id       INTEGER REFERENCES site (id),
    kind            TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    name_ar         TEXT,
    summary         TEXT,
    description     TEXT,               -- Markdown
    latitude        REAL CHECK (latitude BETWEEN -90 AND 90),
    longitude       REAL CHECK (longitude BETWEEN -180 AND 180),
    is_sensitive    INTEGER NOT NULL DEFAULT 0,  -- generalise coordinates on every public output
    built           TEXT,               -- period / date built, free text
    unesco_whc_id   TEXT,
    pleiades_id     TEXT,
    wikidata_id     TEXT,
    publication     TEXT NOT NULL DEFAULT 'draft',
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX ix_site_parent ON site (parent_id);

-- Other names and transliterations, each with its language when known.
CREATE TABLE site_name (
    id              INTEGER PRIMARY KEY,
    site_id         INTEGER NOT NULL REFERENCES site (id),
    name            TEXT NOT NULL,
    lang            TEXT,
    position        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (site_id, name)
);

CREATE TABLE source (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,   -- stable public id, e.g. S01
    kind            TEXT NOT NULL,
    title           TEXT NOT NULL,
    publisher       TEXT,
    authors         TEXT,
    published_date  TEXT,                   -- EDTF
    published_earliest TEXT,
    published_latest   TEXT,
    url             TEXT,
    archived_url    TEXT,
    accessed_date   TEXT,
    language        TEXT,
    notes           TEXT,
    publication     TEXT NOT NULL DEFAULT 'draft',
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);

-- An assessment of one site at one time, or a context event (kind = 'event').
CREATE TABLE damage_report (
    id              INTEGER PRIMARY KEY,
    reference       TEXT NOT NULL UNIQUE,   -- e.g. PAL-2015-0007
    site_id         INTEGER NOT NULL REFERENCES site (id),
    kind            TEXT NOT NULL,
    title           TEXT NOT NULL,
    event_date      TEXT NOT NULL,          -- EDTF as entered
    event_earliest  TEXT NOT NULL,          -- first day it can mean, YYYY-MM-DD
    event_latest    TEXT NOT NULL,          -- last day it can mean
    reported_date   TEXT,                   -- EDTF
    cause           TEXT,
    effect          TEXT,
    severity        TEXT,
    extent          TEXT,
    certainty       TEXT,
    verification    TEXT NOT NULL,
    method          TEXT,
    assessor        TEXT,
    description     TEXT,                   -- Markdown
    publication     TEXT NOT NULL DEFAULT 'draft',
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT,
    CHECK (event_earliest <= event_latest)
);
CREATE INDEX ix_report_site ON damage_report (site_id, event_earliest);
CREATE INDEX ix_report_dates ON damage_report (event_earliest, event_latest);

CREATE TABLE photo (
    id              INTEGER PRIMARY KEY,
    sha256          TEXT NOT NULL UNIQUE,
    site_id         INTEGER NOT NULL REFERENCES site (id),
    report_id       INTEGER REFERENCES damage_report (id),
    caption         TEXT,
    credit          TEXT,
    licence         TEXT,
    taken_date      TEXT,                   -- EDTF
    phase           TEXT CHECK (phase IN ('before', 'during', 'after')),
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    format          TEXT NOT NULL,
    byte_size       INTEGER NOT NULL,
    exif_taken_at   TEXT,
    exif_camera     TEXT,
    exif_latitude   REAL,                   -- curators only: never on a public page
    exif_longitude  REAL,
    uploaded_by     INTEGER REFERENCES app_user (id),
    publication     TEXT NOT NULL DEFAULT 'draft',
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
);
CREATE INDEX ix_photo_site ON photo (site_id);

-- One source supporting one claim: a report, a site fact or a photo.
CREATE TABLE citation (
    id              INTEGER PRIMARY KEY,
    source_id       INTEGER NOT NULL REFERENCES source (id),
    report_id       INTEGER REFERENCES damage_report (id),
    site_id         INTEGER REFERENCES site (id),
    photo_id        INTEGER REFERENCES photo (id),
    locator         TEXT,                   -- page, paragraph, timestamp
    quote           TEXT,
    position        INTEGER NOT NULL DEFAULT 0,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT,
    CHECK ((report_id IS NOT NULL) + (site_id IS NOT NULL) + (photo_id IS NOT NULL) = 1)
);
CREATE INDEX ix_citation_source ON citation (source_id);
CREATE INDEX ix_citation_report ON citation (report_id);
CREATE INDEX ix_citation_site ON citation (site_id);

-- Every create, update, delete, restore and publish of any record.
CREATE TABLE revision (
    id              INTEGER PRIMARY KEY,
    entity_type     TEXT NOT NULL,          -- site, report, source, citation, photo, user
    entity_id       INTEGER NOT NULL,
    action          TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'publish', 'unpublish')),
    user_id         INTEGER REFERENCES app_user (id),
    at              TEXT NOT NULL,
    before_json     TEXT,
    after_json      TEXT,
    note            TEXT
);
CREATE INDEX ix_revision_entity ON revision (entity_type, entity_id, id);
CREATE INDEX ix_revision_at ON revision (at);

-- Full-text index over sites, reports and sources, written in the same transaction as
-- the rows it describes. entity_type + entity_id point back at the row.
CREATE VIRTUAL TABLE search_index USING fts5 (
    entity_type UNINDEXED,
    entity_id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
