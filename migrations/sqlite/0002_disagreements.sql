-- Where sources disagree about one claim (a date, a count, a severity, a height), the registry keeps
-- every version side by side, each with its own sources, rather than merging them away.
-- A disagreement belongs to one report or to one place's own facts.

CREATE TABLE disagreement (
    id              INTEGER PRIMARY KEY,
    report_id       INTEGER REFERENCES damage_report (id),
    site_id         INTEGER REFERENCES site (id),
    topic           TEXT NOT NULL,              -- what is disputed, e.g. "Date of the recapture"
    note            TEXT,                       -- the registry's reading of the disagreement, if any
    position        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT,
    CHECK ((report_id IS NOT NULL) + (site_id IS NOT NULL) = 1)
);
CREATE INDEX ix_disagreement_report ON disagreement (report_id);
CREATE INDEX ix_disagreement_site ON disagreement (site_id);

CREATE TABLE disagreement_version (
    id              INTEGER PRIMARY KEY,
    disagreement_id INTEGER NOT NULL REFERENCES disagreement (id),
    statement       TEXT NOT NULL,              -- one version, as its sources give it
    position        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_disagreement_version ON disagreement_version (disagreement_id);

CREATE TABLE disagreement_source (
    version_id      INTEGER NOT NULL REFERENCES disagreement_version (id),
    source_id       INTEGER NOT NULL REFERENCES source (id),
    locator         TEXT,
    PRIMARY KEY (version_id, source_id)
);
CREATE INDEX ix_disagreement_source ON disagreement_source (source_id);
