-- The search index now holds folded text (src/HeritageRegistry.Web/Search/SearchText.cs: Latin
-- diacritics, case, Arabic harakat, tatweel, alef forms, ى/ي, ة/ه), covers photo captions, and
-- indexes every name of a site (English, Arabic and the other names of site_name).
--
-- It is contentless (content=''): it only answers "which rows match"; pages show and highlight the
-- records' own text. Its rowid says which record a row is: id * 4 + type, where type is
-- 0 report, 1 site, 2 source, 3 photo (Data/SearchIndex.cs), so a record's row is found and
-- replaced by rowid instead of by scanning the table.
--
-- Folding happens in C#, which SQL cannot do, so this migration leaves the index empty and marks it
-- stale (text_version 0); at start-up Data/SearchIndex.RebuildIfStaleAsync refills it from the data
-- in one transaction. The same check rebuilds it whenever SearchText.Version changes.
DROP TABLE search_index;

CREATE VIRTUAL TABLE search_index USING fts5 (
    title,
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TABLE search_index_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    text_version    INTEGER NOT NULL        -- SearchText.Version the rows were folded with; 0 = must rebuild
);
INSERT INTO search_index_state (id, text_version) VALUES (1, 0);
