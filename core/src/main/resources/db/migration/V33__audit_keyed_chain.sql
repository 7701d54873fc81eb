-- Relais schema, version 33: the audit chain becomes keyed (issue 23). From now on each event's hash is an
-- HMAC-SHA256 under a random key of this store (a chain of plain SHA-256 could be recomputed after an edit by anyone
-- who knows the published scheme). Events recorded before this version keep their SHA-256 hashes (V15), still
-- verified as such; the keyed chain links to the last of them. keyed_after is the last of those events; started_at is
-- the sequence number of the event that opens the keyed chain (recorded by Relais at its next start), so that a trail
-- erased afterwards is seen as erased, not as new. The key is as well protected as the store: by its encryption when
-- the store is encrypted, by file permissions only when it is not (docs/security.md).
CREATE TABLE audit_key (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  hmac_key     TEXT NOT NULL,
  keyed_after  INTEGER NOT NULL,
  started_at   INTEGER
);
INSERT INTO audit_key (id, hmac_key, keyed_after) SELECT 1, lower(hex(randomblob(32))), coalesce(max(seq), 0) FROM audit_event;
