-- A counter bumped in the same transaction as every search index write. The app keeps the filter
-- values of every indexed record in memory (src/HeritageRegistry.Web/Search/SearchDocs.cs) to count
-- facets quickly; the counter tells it whether its copy is still the database's.
ALTER TABLE search_index_state ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
