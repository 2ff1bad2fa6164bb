-- Every distinct word of every indexed record, with its number of occurrences in the title and in the body and
-- the record's number of words. The GIN index on search_index.document finds records but must visit the table
-- for each to learn its row id (GIN has no index-only scans): a word in a fifth of a million records visited
-- every page of the index table. This btree answers a word or a prefix (a range of words) with the row ids and
-- bm25's counts from the index alone. PostgreSqlTextIndex keeps it in step with search_index.
CREATE TABLE search_word (
    word        TEXT COLLATE "C" NOT NULL,
    row_id      BIGINT NOT NULL,
    in_title    INTEGER NOT NULL,
    in_body     INTEGER NOT NULL,
    words       INTEGER NOT NULL,
    PRIMARY KEY (word, row_id) INCLUDE (in_title, in_body, words)
);
-- Filled by the rebuild at the next start.
UPDATE search_index_state SET text_version = 0 WHERE id = 1;
