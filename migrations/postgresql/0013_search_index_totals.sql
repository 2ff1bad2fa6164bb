-- The index's size for bm25 (records and words), kept beside it in the same transactions as its rows, so a ranked
-- search reads one row instead of summing the whole index (FTS5 keeps these totals in its own structure).
ALTER TABLE search_index_state ADD COLUMN indexed_rows BIGINT NOT NULL DEFAULT 0;
ALTER TABLE search_index_state ADD COLUMN indexed_words BIGINT NOT NULL DEFAULT 0;
UPDATE search_index_state SET indexed_rows = (SELECT COUNT(*) FROM search_index),
                              indexed_words = (SELECT COALESCE(SUM(words), 0) FROM search_index);
