-- Restorations become a report kind of their own ('restoration', Vocabulary/Vocab.cs): unlike a context
-- event, a restoration sets a place's condition from its date on, its severity stating the condition it left
-- the place in (Data/PlaceCondition.cs). The seed now records the Lion of Al-lat's restoration, unveiled in
-- Damascus in 2017 (sources S42, S43, S44 in ../shared/palmyra), as one; this brings a database seeded
-- before that up to date. No source states a severity after the rebuild, so none is set.
--
-- Only the row as it was seeded is changed (a curator's edit to it is left alone), with a revision in the
-- format of Data/Editing/RecordEditor.cs so its history shows the change, and a new version so caches and
-- ETags move on.
INSERT INTO revision (entity_type, entity_id, action, user_id, at, before_json, after_json, note)
SELECT 'report', id, 'update', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
       json_object('reference', reference, 'site_id', site_id, 'kind', kind, 'title', title,
               'event_date', event_date, 'event_earliest', event_earliest, 'event_latest', event_latest,
               'reported_date', reported_date, 'cause', cause, 'effect', effect, 'severity', severity,
               'extent', extent, 'certainty', certainty, 'verification', verification, 'method', method,
               'assessor', assessor, 'description', description, 'publication', publication,
               'deleted', CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END),
       json_object('reference', reference, 'site_id', site_id, 'kind', 'restoration', 'title', title,
               'event_date', event_date, 'event_earliest', event_earliest, 'event_latest', event_latest,
               'reported_date', reported_date, 'cause', cause, 'effect', effect, 'severity', severity,
               'extent', extent, 'certainty', certainty, 'verification', verification, 'method', method,
               'assessor', assessor, 'description', description, 'publication', publication,
               'deleted', CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END),
       'Restorations are a report kind of their own and set the condition after them (migration 0008).'
FROM damage_report
WHERE kind = 'event' AND title = 'Restored Lion of Al-lat unveiled in Damascus'
  AND site_id = (SELECT id FROM site WHERE slug = 'lion-of-allat');

UPDATE damage_report
SET kind = 'restoration', version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE kind = 'event' AND title = 'Restored Lion of Al-lat unveiled in Damascus'
  AND site_id = (SELECT id FROM site WHERE slug = 'lion-of-allat');

-- The search keeps each report's kind in memory (Search/SearchDocs.cs); a new generation makes it re-read them.
UPDATE search_index_state SET generation = generation + 1;
