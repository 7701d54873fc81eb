-- Relais schema, version 16: counters of the sync, such as the last audit event pushed to the team server (the
-- audit trail is pushed in order, never pulled).
CREATE TABLE sync_counter (
  name   TEXT PRIMARY KEY,
  value  INTEGER NOT NULL
);
