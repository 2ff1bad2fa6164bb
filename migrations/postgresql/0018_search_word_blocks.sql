-- search_word (0017) held a row for each record and word: a word in a fifth of a million records was 200,000
-- index entries to read and 200,000 rows to send for every search of it, about 150 ms. It now holds a row for each
-- word and block of 1,024 row ids (row_id / 1024, about 256 records of each type), with the block's row ids and
-- bm25's counts in arrays side by side: that word is some 4,000 rows. PostgreSqlTextIndex keeps it in step with
-- search_index, adding a record's ids to its blocks' arrays and taking them out.
DROP TABLE search_word;
CREATE TABLE search_word (
    word        TEXT COLLATE "C" NOT NULL,
    block       BIGINT NOT NULL,
    row_ids     BIGINT[] NOT NULL,
    in_title    INTEGER[] NOT NULL,
    in_body     INTEGER[] NOT NULL,
    words       INTEGER[] NOT NULL,
    PRIMARY KEY (word, block)
);
-- Filled by the rebuild at the next start.
UPDATE search_index_state SET text_version = 0 WHERE id = 1;
