-- Records received from the server that this version of Relais cannot read yet (a shape or a profile it does not
-- model): kept as the server sent them, with the reason, instead of being linked as if they had been applied. Every
-- sync reads them again (after an upgrade, they may be readable); one applied, or a newer version of it applied,
-- leaves this table. Not linked, so never pushed back, never counted as synced.
CREATE TABLE sync_unread (
  resource_type  TEXT NOT NULL,       -- the local kind it would become (Patient, Measure...)
  server_id      TEXT NOT NULL,
  version        TEXT NOT NULL,       -- the server's versionId kept
  reason         TEXT NOT NULL,       -- why it could not be read
  resource       TEXT NOT NULL,       -- the server's resource (JSON), as received
  kept_at        TEXT NOT NULL,
  PRIMARY KEY (resource_type, server_id)
);
