-- Spreadsheet imports (Pages/Curate/Import): one row per file imported, and the records it made, so the
-- import can be shown and undone as a whole. undone_at is set when its records were soft-deleted together.
CREATE TABLE spreadsheet_import (
    id              INTEGER PRIMARY KEY,
    file_name       TEXT NOT NULL,
    record_type     TEXT NOT NULL CHECK (record_type IN ('site', 'report')),
    row_count       INTEGER NOT NULL,
    user_id         INTEGER REFERENCES app_user (id),
    created_at      TEXT NOT NULL,
    undone_at       TEXT
);

CREATE TABLE spreadsheet_import_record (
    import_id       INTEGER NOT NULL REFERENCES spreadsheet_import (id),
    entity_type     TEXT NOT NULL,
    entity_id       INTEGER NOT NULL,
    file_row        INTEGER NOT NULL,
    PRIMARY KEY (import_id, entity_type, entity_id)
);
