-- Relais schema, version 12: a local cache of the national directory (Annuaire Santé), so that a practitioner found
-- once can be found again offline. Keyed by business identifiers (IDNPS / RPPS), never by the server's ids, which
-- changed between API versions. The entry itself is kept as the JSON Relais read, with the columns it is searched by.
CREATE TABLE directory_practitioner (
  idnps         TEXT PRIMARY KEY,
  rpps          TEXT,
  family_name   TEXT NOT NULL,
  given_name    TEXT,
  active        INTEGER NOT NULL CHECK (active IN (0, 1)),
  last_updated  TEXT,
  fetched_at    TEXT NOT NULL,
  entry_json    TEXT NOT NULL
);
CREATE INDEX directory_practitioner_rpps ON directory_practitioner (rpps);
CREATE INDEX directory_practitioner_name ON directory_practitioner (family_name);

-- When the cache was last refreshed from the directory (one row).
CREATE TABLE directory_refresh (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  refreshed_at  TEXT NOT NULL
);
