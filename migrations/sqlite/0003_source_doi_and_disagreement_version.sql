-- Sources gain a DOI, the identifier academic sources are best matched by; imports look for
-- duplicates by DOI or web address, so both are indexed.
ALTER TABLE source ADD COLUMN doi TEXT;
CREATE INDEX ix_source_doi ON source (doi);
CREATE INDEX ix_source_url ON source (url);

-- Curators now edit disagreements; like every curated record they carry a version so no edit
-- silently overwrites another.
ALTER TABLE disagreement ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
