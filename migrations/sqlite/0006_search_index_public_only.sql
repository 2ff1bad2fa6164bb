-- The search index now holds rows for public records only (src/HeritageRegistry.Web/Data/SearchIndex.cs:
-- a record published and not deleted, and so is everything it hangs on, PublicSql), so no draft's
-- words sit in it. Rows written before hold drafts and deleted records too: mark the index stale, and
-- Data/SearchIndex.RebuildIfStaleAsync refills it from the data at start-up.
UPDATE search_index_state SET text_version = 0 WHERE id = 1;
