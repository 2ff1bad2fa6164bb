-- Nothing to do on SQLite. On PostgreSQL this step adds the table that holds the data-protection keys, which
-- several web nodes must share; a SQLite registry is served by one process, which keeps its keys in the data
-- folder (keys/, Hosting/DataProtectionKeys.cs). The file exists so both providers number their steps alike.
SELECT 1;
