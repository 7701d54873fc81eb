-- Relais schema, version 10: what offline-first sync needs locally. Every local write of a shared record appends to
-- the outbox in the same transaction; the link keeps the server's version and the server's copy as last seen (the
-- base of three-way merges, and what a push edits so that elements Relais does not model survive); conflicts wait
-- in an inbox until a person chooses.

CREATE TABLE outbox (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,   -- commit order
  resource_type  TEXT NOT NULL,                       -- Patient, Observation...
  local_id       TEXT NOT NULL,
  created_at     TEXT NOT NULL
);
CREATE INDEX outbox_resource ON outbox (resource_type, local_id);

CREATE TABLE sync_link (
  resource_type  TEXT NOT NULL,
  local_id       TEXT NOT NULL,
  server_id      TEXT NOT NULL,
  version        TEXT NOT NULL,       -- server versionId of the base
  last_updated   TEXT,
  base           TEXT NOT NULL,       -- the server's resource (JSON) at that version
  PRIMARY KEY (resource_type, local_id)
);
CREATE UNIQUE INDEX sync_link_server ON sync_link (resource_type, server_id);

-- Pull position per resource type: the newest meta.lastUpdated of a page committed locally.
CREATE TABLE sync_watermark (
  resource_type  TEXT PRIMARY KEY,
  last_updated   TEXT NOT NULL
);

CREATE TABLE sync_conflict (
  id              TEXT PRIMARY KEY,
  resource_type   TEXT NOT NULL,
  local_id        TEXT NOT NULL,
  field           TEXT NOT NULL,
  base_value      TEXT,
  local_value     TEXT,
  remote_value    TEXT,
  remote_version  TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
  created_at      TEXT NOT NULL,
  resolved_by     TEXT,
  resolved_at     TEXT,
  choice          TEXT CHECK (choice IN ('LOCAL', 'REMOTE'))
);
CREATE UNIQUE INDEX sync_conflict_open ON sync_conflict (resource_type, local_id, field) WHERE status = 'OPEN';

CREATE TABLE sync_run (
  id           TEXT PRIMARY KEY,
  server       TEXT NOT NULL,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
  pulled       INTEGER NOT NULL DEFAULT 0,
  pushed       INTEGER NOT NULL DEFAULT 0,
  merged       INTEGER NOT NULL DEFAULT 0,
  conflicts    INTEGER NOT NULL DEFAULT 0,
  message      TEXT
);
