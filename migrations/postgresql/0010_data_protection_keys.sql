-- The keys that sign curators' cookies and the forms' antiforgery tokens, kept in the database so every web node
-- of one registry shares them: a curator signed in on one node stays signed in on the others
-- (Hosting/DatabaseKeyRepository.cs). Each row is one key's XML as ASP.NET Core data protection writes it.
CREATE TABLE data_protection_key (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name   TEXT,
    xml             TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
