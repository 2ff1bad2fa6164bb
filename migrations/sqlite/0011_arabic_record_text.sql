-- Records carry Arabic text where curators give it (issue 14): a report's title and description, a place's
-- summary and description, a photo's caption. Each beside its English field, nullable: a record without
-- one shows its English text on Arabic pages (Display/RecordText.cs). The description columns are Markdown,
-- like the English ones. They travel with the other editable columns (Data/Editing/RecordType.cs), so every
-- change is in the record's history and restorable.
ALTER TABLE damage_report ADD COLUMN title_ar TEXT;
ALTER TABLE damage_report ADD COLUMN description_ar TEXT;
ALTER TABLE site ADD COLUMN summary_ar TEXT;
ALTER TABLE site ADD COLUMN description_ar TEXT;
ALTER TABLE photo ADD COLUMN caption_ar TEXT;

-- The search index now holds the Arabic text too (Data/SearchIndex.cs): refill it at start-up.
UPDATE search_index_state SET text_version = 0 WHERE id = 1;
